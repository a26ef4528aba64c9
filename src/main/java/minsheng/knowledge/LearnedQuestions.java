package minsheng.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code learned.tsv}: questions admins taught the bot from what citizens asked, one per line as
 * {@code entry id TAB question}; {@code #} starts a comment line. Each is added to its entry's questions after the
 * JSON files are read, under the same rules: the entry must exist and the question must not already belong to any
 * entry.
 */
public final class LearnedQuestions {

    public static final String FILE_NAME = "learned.tsv";

    private LearnedQuestions() {
    }

    /** Who already has a question: an entry of a file, or a line of this file. */
    private record Owner(String id, String file, int line) {

        Problem.Says says(String question) {
            return line == 0 ? Problem.Says.of("problem.question.other", question, id, file)
                    : Problem.Says.of("problem.learned.other", question, id, line);
        }
    }

    /**
     * The entries with their learned questions added; a problem for every line that cannot be. A line naming an
     * entry that was read but is unsound waits, unreported, until its entry's own problems are mended.
     */
    static List<Entry> apply(String text, List<Entry> entries, References references, List<Problem> problems) {
        Map<String, Owner> owner = new HashMap<>();
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Entry e : entries) {
            byId.put(e.id(), e);
            for (String q : e.questions()) {
                owner.putIfAbsent(KnowledgeValidator.questionKey(q), new Owner(e.id(), e.file(), 0));
            }
        }
        Map<String, List<String>> learned = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                problems.add(Problem.atLine(FILE_NAME, lineNo, null, "problem.learned.tab"));
                continue;
            }
            String id = line.substring(0, tab).strip();
            String question = line.substring(tab + 1).strip();
            if (references.wrong(id)) {
                problems.add(Problem.at(FILE_NAME, lineNo, 1, id, null, "problem.learned.id"));
                continue;
            }
            if (!byId.containsKey(id)) {
                continue;
            }
            if (question.isEmpty() || KnowledgeValidator.questionKey(question).isEmpty()) {
                problems.add(Problem.at(FILE_NAME, lineNo, tab + 2, id, "问题", "problem.empty"));
                continue;
            }
            String key = KnowledgeValidator.questionKey(question);
            Owner first = owner.putIfAbsent(key, new Owner(id, FILE_NAME, lineNo));
            if (first != null) {
                problems.add(new Problem(FILE_NAME, lineNo, tab + 2, id, "问题", List.of(first.says(question))));
                continue;
            }
            learned.computeIfAbsent(id, k -> new ArrayList<>()).add(question);
        }
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            List<String> more = learned.get(e.id());
            out.add(more == null ? e : e.withMoreQuestions(more));
        }
        return out;
    }
}
