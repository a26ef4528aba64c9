package minsheng.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.TextFile;
import minsheng.knowledge.Topic;

/**
 * A question set that needs more than one id or {@code DECLINE} a line: messages asking several things
 * ({@code a+b}, {@code a+DECLINE}), small talk ({@code SMALLTALK}), bare topic words ({@code TOPIC:社会救助}), or
 * whole conversations. A file is a conversation file when a blank line separates two questions: then the lines
 * between blank lines are the turns of one dialogue, each turn's EXPECTED being what is right given the turns before
 * it. Otherwise every line stands alone, as in {@link QuestionSet}. {@code #} starts a comment line.
 */
public record ConversationSet(String name, boolean conversations, List<Dialogue> dialogues) {

    public static final String SMALLTALK = "SMALLTALK";
    public static final String TOPIC = "TOPIC:";

    private static final Pattern NEW_LABEL = Pattern.compile("^(SMALLTALK|TOPIC:[^\\t]*|[^\\t]*\\+[^\\t]*)\\t");

    public ConversationSet {
        dialogues = List.copyOf(dialogues);
    }

    /** One dialogue: its turns, in order. A line of a file that is not a conversation file is a dialogue of one. */
    public record Dialogue(List<Turn> turns) {
        public Dialogue {
            turns = List.copyOf(turns);
        }
    }

    /** What a turn should get. */
    public enum Kind { ENTRIES, DECLINE, SMALLTALK, TOPIC }

    /**
     * One turn and what is right for it: for {@code ENTRIES}, every part of {@code parts} must be answered (a part
     * is a set of ids, any one of which answers it); {@code declinedPart} is true when one more part must be said
     * to be unanswerable; for {@code TOPIC}, {@code topic} names it; for {@code DECLINE}, {@code near} holds the
     * entries on the question's subject whose figure may stand behind a caveat (see {@link QuestionSet}).
     */
    public record Turn(int line, String question, String label, Kind kind, List<Set<String>> parts,
            boolean declinedPart, String topic, Set<String> near) {

        public Turn {
            parts = parts.stream().map(Set::copyOf).toList();
            near = Set.copyOf(near);
        }

        /** Asks several things at once ({@code +}). */
        public boolean severalParts() {
            return parts.size() + (declinedPart ? 1 : 0) > 1;
        }
    }

    /** Whether a file needs this reader rather than {@link QuestionSet}: a conversation or a new label. */
    public static boolean needs(Path file) throws IOException {
        List<String> lines = TextFile.read(file).lines().toList();
        return lines.stream().anyMatch(l -> NEW_LABEL.matcher(l).find()) || conversational(lines);
    }

    /** A blank line between two question lines makes a conversation file. */
    private static boolean conversational(List<String> lines) {
        boolean seenQuestion = false;
        boolean blankAfterQuestion = false;
        for (String l : lines) {
            if (l.isBlank()) {
                blankAfterQuestion |= seenQuestion;
            } else if (!l.startsWith("#")) {
                if (blankAfterQuestion) {
                    return true;
                }
                seenQuestion = true;
            }
        }
        return false;
    }

    /** Reads the file, refusing bad lines, unknown ids and unknown topics, each named by line. */
    public static ConversationSet read(Path file, KnowledgeBase knowledge) throws IOException {
        List<String> lines = TextFile.read(file).lines().toList();
        boolean conversations = conversational(lines);
        List<String> errors = new ArrayList<>();
        List<Dialogue> dialogues = new ArrayList<>();
        List<Turn> current = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    dialogues.add(new Dialogue(current));
                    current = new ArrayList<>();
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                errors.add(file + ":" + (i + 1) + ": expected EXPECTED<TAB>QUESTION");
                continue;
            }
            String label = line.substring(0, tab).strip();
            String[] columns = line.substring(tab + 1).split("\t", -1);
            Turn turn = turn(file + ":" + (i + 1), i + 1, columns[0], label, knowledge, errors);
            if (turn != null && columns.length > 1 && !columns[1].isBlank()) {
                turn = near(file + ":" + (i + 1), turn, columns[1].strip(), knowledge, errors);
            }
            if (turn == null) {
                continue;
            }
            if (conversations) {
                current.add(turn);
            } else {
                dialogues.add(new Dialogue(List.of(turn)));
            }
        }
        if (!current.isEmpty()) {
            dialogues.add(new Dialogue(current));
        }
        if (!errors.isEmpty()) {
            throw new IOException(String.join("\n", errors));
        }
        return new ConversationSet(file.toString(), conversations, dialogues);
    }

    /** A DECLINE turn with its {@code NEAR:} column read; the column anywhere else is an error. */
    private static Turn near(String where, Turn turn, String column, KnowledgeBase knowledge, List<String> errors) {
        if (turn.kind() != Kind.DECLINE || !column.startsWith(QuestionSet.NEAR)) {
            errors.add(where + ": a third column is only NEAR:<entry id>, on a DECLINE line");
            return null;
        }
        Set<String> near = new LinkedHashSet<>();
        QuestionSet.nearEntries(column, knowledge, near)
                .forEach(id -> errors.add(where + ": \"" + id + "\" after NEAR: is not an entry id"));
        return new Turn(turn.line(), turn.question(), turn.label(), turn.kind(), turn.parts(), false, null, near);
    }

    private static Turn turn(String where, int line, String question, String label, KnowledgeBase knowledge,
            List<String> errors) {
        if (label.equals(QuestionSet.DECLINE)) {
            return new Turn(line, question, label, Kind.DECLINE, List.of(), false, null, Set.of());
        }
        if (label.equals(SMALLTALK)) {
            return new Turn(line, question, label, Kind.SMALLTALK, List.of(), false, null, Set.of());
        }
        if (label.startsWith(TOPIC)) {
            String topic = label.substring(TOPIC.length()).strip();
            if (knowledge.topicSummaries().byLabel(topic).isEmpty() && Topic.byLabel(topic).isEmpty()) {
                errors.add(where + ": \"" + topic + "\" is neither a topic of topics.txt nor a knowledge topic ("
                        + String.join("、", knowledge.topics().stream().map(Topic::label).toList()) + ")");
                return null;
            }
            return new Turn(line, question, label, Kind.TOPIC, List.of(), false, topic, Set.of());
        }
        List<Set<String>> parts = new ArrayList<>();
        boolean declined = false;
        for (String part : label.split("\\+", -1)) {
            String p = part.strip();
            if (p.equals(QuestionSet.DECLINE)) {
                if (declined || label.split("\\+").length < 2) {
                    errors.add(where + ": DECLINE may be one part of a +, once");
                }
                declined = true;
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            for (String id : p.split("\\|", -1)) {
                if (knowledge.entry(id.strip()).isEmpty()) {
                    errors.add(where + ": \"" + id.strip() + "\" is not an entry id");
                }
                ids.add(id.strip());
            }
            parts.add(ids);
        }
        return new Turn(line, question, label, Kind.ENTRIES, parts, declined, null, Set.of());
    }
}
