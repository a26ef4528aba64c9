package minsheng.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * What a check of the knowledge found: every problem, or, when there is none, what was checked — so 「没有发现错误」
 * is never said of a folder that held nothing to check.
 */
public final class CheckReport {

    /** What was read, tallied while reading. */
    static final class Counts {
        int textFiles;
        private int knowledgeFiles;
        private int entries;
        private int questions;
        private int citedFigures;
        private int articleFigures;

        void count(int files, List<Entry> read, Article article) {
            knowledgeFiles = files;
            entries = read.size();
            questions = read.stream().mapToInt(e -> e.questions().size()).sum();
            citedFigures = read.stream().mapToInt(e -> e.figures().size()).sum();
            if (article != null) {
                for (int p = 1; p <= article.paragraphCount(); p++) {
                    articleFigures += article.figures(p).size();
                }
            }
        }
    }

    private final List<Problem> problems;
    private final String folder;
    private final String article;
    private final Counts counts;

    CheckReport(List<Problem> problems, String folder, String article, Counts counts) {
        this.problems = List.copyOf(problems);
        this.folder = folder;
        this.article = article;
        this.counts = counts;
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    /** What {@code check} prints: what was checked when clean, else every problem on a line and how many there are. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (clean()) {
            lines.add(Problem.Says.of("check.clean", folder, counts.knowledgeFiles, counts.textFiles, counts.entries,
                    counts.questions).text());
            if (article != null) {
                lines.add(Problem.Says.of("check.clean.article", article, counts.citedFigures, counts.articleFigures)
                        .text());
            }
            return lines;
        }
        problems.forEach(p -> lines.add(p.toString()));
        lines.add(Problem.Says.of("check.count", problems.size()).text());
        return lines;
    }
}
