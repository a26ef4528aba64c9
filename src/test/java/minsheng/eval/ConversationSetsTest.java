package minsheng.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import minsheng.answer.Reply;
import minsheng.answer.Snapshot;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the conversation development sets at their measured level (follow-ups, two-part questions, topic words and
 * small talk), so a change that loses ground fails here; and checks how those files are read and scored.
 */
class ConversationSetsTest {

    private static Snapshot snapshot;

    @BeforeAll
    static void load() throws KnowledgeException {
        snapshot = Snapshot.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
    }

    private static ConversationEvaluation run(String file) throws IOException {
        Path path = Path.of("eval", file);
        assertTrue(ConversationSet.needs(path), file + " should be read as a conversation set");
        return ConversationEvaluation.run(snapshot, ConversationSet.read(path, snapshot.knowledge()));
    }

    private static String report(ConversationEvaluation e) {
        StringBuilder s = new StringBuilder("right " + e.right() + " of " + e.outcomes().size() + ", wrong answers "
                + e.wrongAnswers());
        e.outcomes().stream().filter(o -> !o.right()).forEach(o -> s.append("\n  line ").append(o.turn().line())
                .append(' ').append(o.turn().question()).append(": ").append(o.reply().kind())
                .append(' ').append(o.reply().entryIds()));
        return s.toString();
    }

    /**
     * Measured with {@code java -jar target/minsheng-bot.jar eval eval/followups-dev.tsv}: 89 of 94 turns, 54 of 58
     * follow-ups; one confident wrong answer (「查出多少癌症」 after the 两癌 count gets the anticancer-drug entry, a
     * near miss of the engine's that the report cannot answer either way).
     */
    @Test
    void followUpsStayAtTheirMeasuredLevel() throws IOException {
        ConversationEvaluation e = run("followups-dev.tsv");
        assertTrue(e.right() >= 89, report(e));
        assertTrue(e.right(ConversationEvaluation.Group.FOLLOW_UP) >= 54, report(e));
        assertTrue(e.wrongAnswers() <= 1, report(e));
    }

    /** Measured with {@code eval eval/two-part-dev.tsv}: 25 of 26, 19 of the 20 two-part questions. */
    @Test
    void twoPartQuestionsStayAtTheirMeasuredLevel() throws IOException {
        ConversationEvaluation e = run("two-part-dev.tsv");
        assertTrue(e.right() >= 25, report(e));
        assertTrue(e.right(ConversationEvaluation.Group.SEVERAL_PARTS) >= 19, report(e));
        assertEquals(0, e.wrongAnswers(), report(e));
    }

    /** Measured with {@code eval eval/topics-dev.tsv}: all 35 turns. */
    @Test
    void topicWordsAndSmallTalkStayAtTheirMeasuredLevel() throws IOException {
        ConversationEvaluation e = run("topics-dev.tsv");
        assertTrue(e.right() >= 35, report(e));
        assertEquals(0, e.wrongAnswers(), report(e));
    }

    @Test
    void readsBlankLineSeparatedTurnsAsConversations(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.tsv");
        Files.writeString(file, "# 对话\nassistance.urban-dibao\t城市低保多少人\nassistance.rural-dibao\t农村的呢\n\n"
                + "SMALLTALK\t你好\n", StandardCharsets.UTF_8);
        ConversationSet set = ConversationSet.read(file, snapshot.knowledge());
        assertTrue(set.conversations());
        assertEquals(2, set.dialogues().size());
        assertEquals(2, set.dialogues().get(0).turns().size());
        ConversationEvaluation e = ConversationEvaluation.run(snapshot, set);
        assertEquals(3, e.right(), report(e));
        assertEquals(List.of(false, true, false), e.outcomes().stream().map(ConversationEvaluation.Outcome::followUp)
                .toList());
    }

    @Test
    void leavesPlainQuestionSetsToTheQuestionReader() throws IOException {
        assertTrue(!ConversationSet.needs(Path.of("eval", "dev.tsv")));
    }

    @Test
    void refusesUnknownTopicsAndIdsNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.tsv");
        Files.writeString(file, "TOPIC:天气\t天气\nno.such+assistance.urban-dibao\t问题\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ConversationSet.read(file, snapshot.knowledge()));
        assertTrue(e.getMessage().contains(file + ":1: \"天气\" is neither a topic of topics.txt nor a knowledge topic"), e.getMessage());
        assertTrue(e.getMessage().contains(file + ":2: \"no.such\" is not an entry id"), e.getMessage());
    }

    @Test
    void scoresAnExtraFigureAsWrongAndAMissingPartAsIncomplete() {
        ConversationSet.Turn both = new ConversationSet.Turn(1, "城乡低保分别多少", "a+b", ConversationSet.Kind.ENTRIES,
                List.of(java.util.Set.of("a"), java.util.Set.of("b")), false, null, java.util.Set.of());
        assertEquals(Evaluation.Verdict.RIGHT, ConversationEvaluation.verdict(both, answer("a", "b"), null));
        assertEquals(Evaluation.Verdict.SUGGESTED_RIGHT, ConversationEvaluation.verdict(both, answer("a"), null));
        assertEquals(Evaluation.Verdict.ANSWERED_WRONG, ConversationEvaluation.verdict(both, answer("a", "c"), null));
        ConversationSet.Turn half = new ConversationSet.Turn(2, "婚检率多少，2021年呢", "a+DECLINE",
                ConversationSet.Kind.ENTRIES, List.of(java.util.Set.of("a")), true, null, java.util.Set.of());
        assertEquals(Evaluation.Verdict.SUGGESTED_RIGHT, ConversationEvaluation.verdict(half, answer("a"), null),
                "the reply must say the other part cannot be answered");
    }

    @Test
    void scoresACaveatedFigureAboutAnotherSubjectAsWrongInAConversationToo() {
        ConversationSet.Turn monthly = new ConversationSet.Turn(3, "低保一个月给多少钱", "DECLINE",
                ConversationSet.Kind.DECLINE, List.of(), false, null, java.util.Set.of("assistance.urban-dibao"));
        Reply pension = new Reply(Reply.Kind.ANSWER, List.of("pension.retiree-raise"), 0.4, "", List.of(), List.of(),
                List.of(), List.of(), "monthly");
        Reply dibao = new Reply(Reply.Kind.ANSWER, List.of("assistance.urban-dibao"), 0.4, "", List.of(), List.of(),
                List.of(), List.of(), "detail");
        assertEquals(Evaluation.Verdict.ANSWERED_WRONG, ConversationEvaluation.verdict(monthly, pension, null));
        assertEquals(Evaluation.Verdict.DECLINED_RIGHT, ConversationEvaluation.verdict(monthly, dibao, null));
    }

    @Test
    void readsTheNearColumnOfADeclineTurn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.tsv");
        Files.writeString(file, "DECLINE\t太原低保多少人\tNEAR:assistance.urban-dibao,assistance.rural-dibao\n\n"
                + "SMALLTALK\t谢谢\tNEAR:assistance.urban-dibao\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ConversationSet.read(file, snapshot.knowledge()));
        assertTrue(e.getMessage().contains(file + ":3: a third column is only NEAR:<entry id>, on a DECLINE line"),
                e.getMessage());
        Files.writeString(file, "DECLINE\t太原低保多少人\tNEAR:assistance.urban-dibao,assistance.rural-dibao\n\n"
                + "SMALLTALK\t谢谢\n", StandardCharsets.UTF_8);
        ConversationSet set = ConversationSet.read(file, snapshot.knowledge());
        assertEquals(java.util.Set.of("assistance.urban-dibao", "assistance.rural-dibao"),
                set.dialogues().get(0).turns().get(0).near());
    }

    private static Reply answer(String... ids) {
        return new Reply(Reply.Kind.ANSWER, List.of(ids), 0.9, "", List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Every question of the development set stands alone; asked one after another in one chat, each must still get
     * exactly the reply it gets in a chat of its own.
     */
    @Test
    void neverBendsASelfContainedQuestionTowardThePreviousOne() throws IOException {
        QuestionSet set = QuestionSet.read(Path.of("eval", "dev.tsv"), snapshot.knowledge());
        minsheng.answer.Conversations one = new minsheng.answer.Conversations(() -> snapshot);
        minsheng.answer.Conversations fresh = new minsheng.answer.Conversations(() -> snapshot);
        StringBuilder bent = new StringBuilder();
        for (QuestionSet.Case c : set.cases()) {
            Reply inChat = one.reply("one", c.question());
            fresh.forget("fresh");
            Reply alone = fresh.reply("fresh", c.question());
            if (inChat.kind() != alone.kind() || !inChat.entryIds().equals(alone.entryIds())) {
                bent.append("\n  line ").append(c.line()).append(' ').append(c.question());
            }
        }
        assertEquals("", bent.toString());
    }
}
