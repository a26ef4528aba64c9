package minsheng.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.TextFile;

/**
 * A set of questions with the entry each should get, read from a UTF-8 file of lines {@code EXPECTED<TAB>QUESTION}.
 * EXPECTED is an entry id, {@code DECLINE}, or ids joined by {@code |} for a question that fairly asks about
 * several entries (offering them as a choice, or answering any one, is right). {@code #} starts a comment line. A
 * {@code DECLINE} line may carry a third column {@code NEAR:<entry id>[,<entry id>…]}: the entries on the question's own
 * subject that do not answer it, which a careless bot would answer it with ({@code NEAR:-} when no entry is on its
 * subject). Only their figures may stand behind a caveat saying what the report does not state; any other entry's
 * figure is about another subject, and wrong.
 */
public record QuestionSet(String name, List<Case> cases) {

    public static final String DECLINE = "DECLINE";

    public static final String NEAR = "NEAR:";
    /** {@code NEAR:-}: a question to decline that no entry is near. */
    static final String NO_NEAR = "-";

    /**
     * One question and what it should get; {@code expected} is empty for a question to decline, and {@code near}
     * holds the entries on its subject such a question is a trap for (empty when none).
     */
    public record Case(int line, String question, Set<String> expected, Set<String> near) {

        public Case {
            near = Set.copyOf(near);
        }

        public Case(int line, String question, Set<String> expected) {
            this(line, question, expected, Set.of());
        }

        public boolean shouldDecline() {
            return expected.isEmpty();
        }

        boolean ambiguous() {
            return expected.size() > 1;
        }
    }

    public QuestionSet {
        cases = List.copyOf(cases);
    }

    /** Reads the file, refusing lines without a tab and ids the knowledge does not have, each named by line. */
    public static QuestionSet read(Path file, KnowledgeBase knowledge) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> lines = TextFile.read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                errors.add(file + ":" + (i + 1) + ": expected EXPECTED<TAB>QUESTION");
                continue;
            }
            String expected = line.substring(0, tab).strip();
            Set<String> ids = new LinkedHashSet<>();
            if (!expected.equals(DECLINE)) {
                for (String id : expected.split("\\|")) {
                    if (knowledge.entry(id.strip()).isEmpty()) {
                        errors.add(file + ":" + (i + 1) + ": \"" + id + "\" is not an entry id");
                    }
                    ids.add(id.strip());
                }
            }
            String question = line.substring(tab + 1);
            Set<String> near = new LinkedHashSet<>();
            int second = question.indexOf('\t');
            if (second >= 0) {
                String third = question.substring(second + 1).strip();
                question = question.substring(0, second);
                if (!expected.equals(DECLINE) || !third.startsWith(NEAR)) {
                    errors.add(file + ":" + (i + 1) + ": a third column is only NEAR:<entry id>, on a DECLINE line");
                    continue;
                }
                for (String unknown : nearEntries(third, knowledge, near)) {
                    errors.add(file + ":" + (i + 1) + ": \"" + unknown + "\" after NEAR: is not an entry id");
                }
            }
            if (question.isBlank()) {
                errors.add(file + ":" + (i + 1) + ": the question is empty");
                continue;
            }
            cases.add(new Case(i + 1, question, ids, near));
        }
        if (!errors.isEmpty()) {
            throw new IOException(String.join("\n", errors));
        }
        return new QuestionSet(file.toString(), cases);
    }

    /**
     * Reads a {@code NEAR:} column into {@code near}; returns the ids that are not entries. {@code NEAR:-} is a
     * question no entry is near (「2020年山西GDP多少」): nothing to count against.
     */
    static List<String> nearEntries(String column, KnowledgeBase knowledge, Set<String> near) {
        String ids = column.substring(NEAR.length()).strip();
        if (ids.equals(NO_NEAR)) {
            return List.of();
        }
        List<String> unknown = new ArrayList<>();
        for (String id : ids.split(",")) {
            near.add(id.strip());
            if (knowledge.entry(id.strip()).isEmpty()) {
                unknown.add(id.strip());
            }
        }
        return unknown;
    }
}
