package minsheng.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What the bot says to a bare topic word (「救助」, 「养老」), read from {@code topics.txt}: one topic a line, four
 * columns separated by {@code |} — the topic's name, the words citizens type for it, the entries whose figures make
 * its short summary (its headline), and the entries offered as buttons under it. A topic without headline entries is
 * too broad to sum up in a few lines: its buttons are offered as a numbered choice instead. {@code #} starts a
 * comment. Immutable.
 */
public record TopicSummaries(List<Summary> summaries) {

    public static final String FILE_NAME = "topics.txt";
    /** More than this many headline figures is no longer a short reply. */
    static final int MAX_HEADLINE = 5;
    /** A longer list is no longer a choice a citizen can read at a glance. */
    static final int MAX_DETAILS = 8;

    private static final Pattern COLUMNS = Pattern.compile("\\|");
    private static final Pattern LIST = Pattern.compile("[,，、]");

    public static final TopicSummaries NONE = new TopicSummaries(List.of());

    public TopicSummaries {
        summaries = List.copyOf(summaries);
    }

    /**
     * One topic: its name, the words that call it up, its headline entries (empty for a topic offered as a list)
     * and its detail entries.
     */
    public record Summary(String label, List<String> words, List<String> headline, List<String> details, int line) {

        public Summary {
            words = List.copyOf(words);
            headline = List.copyOf(headline);
            details = List.copyOf(details);
        }

        /** True when the topic is offered as a list of questions rather than summed up. */
        public boolean listed() {
            return headline.isEmpty();
        }
    }

    /** The topic a word calls up, compared without case or width. */
    public Optional<Summary> byWord(String word) {
        String key = key(word);
        return summaries.stream().filter(s -> s.words().stream().anyMatch(w -> key(w).equals(key))).findFirst();
    }

    public Optional<Summary> byLabel(String label) {
        return summaries.stream().filter(s -> s.label().equals(label)).findFirst();
    }

    private static String key(String word) {
        return java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** Parses the file's text; every problem is added with its line, and a broken line is left out. */
    static TopicSummaries parse(String text, References entryIds, List<Problem> problems) {
        List<Summary> out = new ArrayList<>();
        Map<String, Integer> labels = new HashMap<>();
        Map<String, Integer> words = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = Vocabulary.withoutComment(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            String[] columns = COLUMNS.split(line, -1);
            if (columns.length < 3 || columns.length > 4) {
                problems.add(Problem.atLine(FILE_NAME, lineNo, null, "problem.topics.columns", columns.length));
                continue;
            }
            int before = problems.size();
            String label = columns[0].strip();
            if (label.isEmpty()) {
                problems.add(Problem.atLine(FILE_NAME, lineNo, "名称", "problem.topics.name"));
            } else {
                Integer earlier = labels.putIfAbsent(label, lineNo);
                if (earlier != null) {
                    problems.add(Problem.atLine(FILE_NAME, lineNo, "名称", "problem.topics.name.again", label,
                            earlier));
                }
            }
            // Each problem of a named line ends by naming its topic, as admins think of the line by its topic.
            UnaryOperator<Problem> where = label.isEmpty() ? p -> p : p -> p.and("problem.topics.which", label);
            List<String> ws = items(columns[1]);
            if (ws.isEmpty()) {
                problems.add(where.apply(Problem.atLine(FILE_NAME, lineNo, "词", "problem.topics.words")));
            }
            for (String w : ws) {
                Integer earlier = words.putIfAbsent(key(w), lineNo);
                if (earlier != null) {
                    problems.add(where.apply(Problem.atLine(FILE_NAME, lineNo, "词", "problem.topics.word.again",
                            w, earlier)));
                }
            }
            List<String> headline = ids(columns[2], "要点", lineNo, where, entryIds, problems);
            List<String> details = columns.length > 3
                    ? ids(columns[3], "按钮", lineNo, where, entryIds, problems) : List.of();
            if (headline.size() > MAX_HEADLINE) {
                problems.add(where.apply(Problem.atLine(FILE_NAME, lineNo, "要点", "problem.topics.headline.many",
                        headline.size(), MAX_HEADLINE)));
            }
            if (details.size() > MAX_DETAILS) {
                problems.add(where.apply(Problem.atLine(FILE_NAME, lineNo, "按钮", "problem.topics.buttons.many",
                        details.size(), MAX_DETAILS)));
            }
            // Judged on what was written, so a misspelt id is one problem, not two.
            if (items(columns[2]).isEmpty() && (columns.length > 3 ? items(columns[3]).size() : 0) < 2) {
                problems.add(where.apply(Problem.atLine(FILE_NAME, lineNo, "要点", "problem.topics.list.few")));
            }
            for (String id : details) {
                if (headline.contains(id)) {
                    problems.add(where.apply(Problem.atLine(FILE_NAME, lineNo, "按钮",
                            "problem.topics.button.shown", id)));
                }
            }
            if (problems.size() == before) {
                out.add(new Summary(label, ws, headline, details, lineNo));
            }
        }
        return new TopicSummaries(out);
    }

    private static List<String> ids(String column, String field, int line, UnaryOperator<Problem> where,
            References entryIds, List<Problem> problems) {
        List<String> ids = items(column);
        Set<String> seen = new LinkedHashSet<>();
        for (String id : ids) {
            if (entryIds.wrong(id)) {
                problems.add(where.apply(KnowledgeReader.suggesting(Problem.atLine(FILE_NAME, line, field,
                        "problem.id.unknown", id), id, entryIds.ids())));
            } else if (entryIds.ids().contains(id) && !seen.add(id)) {
                problems.add(where.apply(Problem.atLine(FILE_NAME, line, field, "problem.twice", id)));
            }
        }
        return List.copyOf(seen);
    }

    private static List<String> items(String column) {
        List<String> out = new ArrayList<>();
        for (String raw : LIST.split(column.strip(), -1)) {
            if (!raw.isBlank()) {
                out.add(raw.strip());
            }
        }
        return out;
    }
}
