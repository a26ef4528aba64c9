package minsheng.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import minsheng.answer.Snapshot;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the held-out sets of issues 7 and 8 at the level this build reaches on them, so they stay regression tests
 * once measured. Their first, untouched runs are in the README; these are the levels after the fixes that followed.
 */
class HeldOutSetsTest {

    private static Snapshot snapshot;

    @BeforeAll
    static void load() throws KnowledgeException {
        snapshot = Snapshot.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
    }

    private static ConversationEvaluation conversation(String file) throws IOException {
        Path path = Path.of("eval", file);
        return ConversationEvaluation.run(snapshot, ConversationSet.read(path, snapshot.knowledge()));
    }

    /**
     * Measured with {@code java -jar target/minsheng-bot.jar eval eval/heldout-traps.tsv}: 77 of 81 right, 100 of 101
     * declined (42 of them with a caveat), 2 confident wrong answers, none of the 99 NEAR traps answered as if.
     */
    @Test
    void neighbouringQuestionTrapsStayDeclinedOrCaveated() throws IOException {
        QuestionSet set = QuestionSet.read(Path.of("eval", "heldout-traps.tsv"), snapshot.knowledge());
        Evaluation e = Evaluation.run(snapshot, set);
        long right = e.outcomes().stream().filter(o -> o.verdict() == Evaluation.Verdict.RIGHT).count();
        long declined = e.outcomes().stream().filter(o -> o.verdict() == Evaluation.Verdict.DECLINED_RIGHT).count();
        String report = "right " + right + ", declined " + declined + ", wrong " + e.wrongAnswers()
                + ", NEAR traps fallen for " + e.nearTrapsFallenFor();
        assertTrue(right >= 77, report);
        assertTrue(declined >= 100, report);
        assertTrue(e.wrongAnswers() <= 2, report);
        assertEquals(0, e.nearTrapsFallenFor(), report);
    }

    /**
     * Measured with {@code eval eval/heldout-followups.tsv}: 116 of 133 turns, 73 of 88 follow-ups, 4 wrong. (Before
     * issue 14 a caveated figure counted as declined whatever its subject: 3 wrong that way, 5 counted as now.)
     */
    @Test
    void followUpsStayAtTheirMeasuredLevel() throws IOException {
        ConversationEvaluation e = conversation("heldout-followups.tsv");
        assertTrue(e.right() >= 116, "right " + e.right());
        assertTrue(e.right(ConversationEvaluation.Group.FOLLOW_UP) >= 73, "follow-ups right");
        assertTrue(e.wrongAnswers() <= 4, "wrong " + e.wrongAnswers());
    }

    /** Measured with {@code eval eval/heldout-two-part.tsv}: 42 of 58, 34 of the 50 two-part questions, 2 wrong. */
    @Test
    void questionsAskingSeveralThingsStayAtTheirMeasuredLevel() throws IOException {
        ConversationEvaluation e = conversation("heldout-two-part.tsv");
        assertTrue(e.right() >= 42, "right " + e.right());
        assertTrue(e.right(ConversationEvaluation.Group.SEVERAL_PARTS) >= 34, "two-part right");
        assertTrue(e.wrongAnswers() <= 2, "wrong " + e.wrongAnswers());
    }

    /** Measured with {@code eval eval/heldout-topics.tsv}: 59 of 61 (topic words 15 of 16, small talk 15 of 15). */
    @Test
    void topicWordsAndSmallTalkStayAtTheirMeasuredLevel() throws IOException {
        ConversationEvaluation e = conversation("heldout-topics.tsv");
        assertTrue(e.right() >= 59, "right " + e.right());
        assertTrue(e.wrongAnswers() <= 1, "wrong " + e.wrongAnswers());
    }
}
