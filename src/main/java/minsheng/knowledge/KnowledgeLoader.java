package minsheng.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a knowledge folder: every {@code *.json} file in it (sorted by name), the questions learned from citizens
 * ({@code learned.tsv}) and the vocabulary files. Loading
 * refuses knowledge with any problem; checking reports them all.
 */
public final class KnowledgeLoader {

    private KnowledgeLoader() {
    }

    /** The knowledge in {@code dir}, or every problem that keeps it from loading. */
    public static KnowledgeBase load(Path dir) throws KnowledgeException {
        List<Problem> problems = new ArrayList<>();
        KnowledgeBase base = read(dir, null, problems, new CheckReport.Counts());
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems);
        }
        return base;
    }

    /** Every problem in {@code dir}; with an article, also checks figures against it. Empty when clean. */
    public static List<Problem> check(Path dir, Article article) {
        return checkReport(dir, article).problems();
    }

    /** The same check, with what was checked, for the {@code check} command to tell. */
    public static CheckReport checkReport(Path dir, Article article) {
        List<Problem> problems = new ArrayList<>();
        CheckReport.Counts counts = new CheckReport.Counts();
        read(dir, article, problems, counts);
        return new CheckReport(problems, dir.toString(), article == null ? null : article.name(), counts);
    }

    private static KnowledgeBase read(Path dir, Article article, List<Problem> problems, CheckReport.Counts counts) {
        String where = dir.toString();
        if (!Files.isDirectory(dir)) {
            problems.add(Problem.inFile(where, "problem.folder.none"));
            return null;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(Problem.inFile(where, "problem.folder.unlisted"));
            return null;
        }
        if (files.isEmpty()) {
            problems.add(Problem.inFile(where, "problem.folder.empty"));
            return null;
        }
        KnowledgeValidator validator = new KnowledgeValidator(problems);
        // Where each file that could not be read is first told, to say there what its loss left unchecked.
        List<Integer> unread = new ArrayList<>();
        for (Path file : files) {
            int before = problems.size();
            KnowledgeReader.FileJson json = KnowledgeReader.read(file, problems);
            if (json != null) {
                validator.add(file.getFileName().toString(), json);
            }
            if (json == null || json.entries() == null) {
                unread.add(before);
            }
        }
        // Ids are held to every entry read, sound or not, so one broken entry is one problem.
        References references = new References(validator.ids(), unread.isEmpty());
        List<Entry> entries = validator.finish(references);
        Path learned = dir.resolve(LearnedQuestions.FILE_NAME);
        if (Files.exists(learned)) {
            entries = LearnedQuestions.apply(text(learned, problems, counts), entries, references, problems);
        }
        Vocabulary vocabulary = vocabulary(dir, problems, counts);
        TopicSummaries topics = TopicSummaries.parse(text(dir.resolve(TopicSummaries.FILE_NAME), problems, counts),
                references, problems);
        if (article != null) {
            ArticleCheck.check(entries, unread.isEmpty() ? validator.answers() : null, article, problems);
        }
        for (int at : unread) {
            Problem p = problems.get(at);
            if (references.unchecked() > 0) {
                p = p.and("problem.unread.references", references.unchecked());
            }
            problems.set(at, article == null ? p : p.and("problem.unread.article"));
        }
        counts.count(files.size(), entries, article);
        return new KnowledgeBase(entries, vocabulary, topics);
    }

    private static Vocabulary vocabulary(Path dir, List<Problem> problems, CheckReport.Counts counts) {
        List<String> fillers = Vocabulary.parseWords(text(dir.resolve(Vocabulary.FILLERS_FILE_NAME), problems, counts));
        List<String> outOfScope = Vocabulary.parseWords(
                text(dir.resolve(Vocabulary.OUT_OF_SCOPE_FILE_NAME), problems, counts));
        String groups = text(dir.resolve(Vocabulary.SYNONYMS_FILE_NAME), problems, counts);
        Cues cues = Cues.parse(text(dir.resolve(Cues.FILE_NAME), problems, counts), problems);
        return Vocabulary.parse(groups, fillers, outOfScope, problems).with(cues);
    }

    /** The file's text, or "" when it does not exist (the vocabulary files are optional) or cannot be read. */
    private static String text(Path file, List<Problem> problems, CheckReport.Counts counts) {
        if (!Files.exists(file)) {
            return "";
        }
        counts.textFiles++;
        String text = TextFile.read(file, problems);
        return text == null ? "" : text;
    }
}
