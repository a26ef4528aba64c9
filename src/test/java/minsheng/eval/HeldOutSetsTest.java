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
 * once measured. Their first, untouched runs are in docs/measurements.md; these are the levels after the fixes
 * that followed.
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
     * Measured with {@code java -jar target/minsheng-bot.jar eval eval/heldout-traps.tsv}: 79 of 81 right, 101 of 101
     * declined, no confident wrong answer, none of the 99 NEAR traps answered as if (before issue 14: 77, 100, 2).
     */
    @Test
    void neighbouringQuestionTrapsStayDeclinedOrCaveated() throws IOException {
        QuestionSet set = QuestionSet.read(Path.of("eval", "heldout-traps.tsv"), snapshot.knowledge());
        Evaluation e = Evaluation.run(snapshot, set);
        long right = e.outcomes().stream().filter(o -> o.verdict() == Evaluation.Verdict.RIGHT).count();
        long declined = e.outcomes().stream().filter(o -> o.verdict() == Evaluation.Verdict.DECLINED_RIGHT).count();
        String report = "right " + right + ", declined " + declined + ", wrong " + e.wrongAnswers()
                + ", NEAR traps fallen for " + e.nearTrapsFallenFor();
        assertTrue(right >= 79, report);
        assertTrue(declined >= 101, report);
        assertEquals(0, e.wrongAnswers(), report);
        assertEquals(0, e.nearTrapsFallenFor(), report);
    }

    /**
     * Measured with {@code eval eval/heldout-followups.tsv}: 120 of 133 turns, 77 of 88 follow-ups, 2 wrong. (Before
     * issue 14: 116, 73, and 5 wrong as counted now — a caveated figure about another subject counts as wrong.)
     */
    @Test
    void followUpsStayAtTheirMeasuredLevel() throws IOException {
        ConversationEvaluation e = conversation("heldout-followups.tsv");
        assertTrue(e.right() >= 120, "right " + e.right());
        assertTrue(e.right(ConversationEvaluation.Group.FOLLOW_UP) >= 77, "follow-ups right");
        assertTrue(e.wrongAnswers() <= 2, "wrong " + e.wrongAnswers());
    }

    /** Measured with {@code eval eval/heldout-two-part.tsv}: 47 of 58, 39 of the 50 two-part questions, 0 wrong. */
    @Test
    void questionsAskingSeveralThingsStayAtTheirMeasuredLevel() throws IOException {
        ConversationEvaluation e = conversation("heldout-two-part.tsv");
        assertTrue(e.right() >= 47, "right " + e.right());
        assertTrue(e.right(ConversationEvaluation.Group.SEVERAL_PARTS) >= 39, "two-part right");
        assertEquals(0, e.wrongAnswers(), "wrong " + e.wrongAnswers());
    }

    /** Measured with {@code eval eval/heldout-topics.tsv}: 59 of 61 (topic words 15 of 16, small talk 15 of 15). */
    @Test
    void topicWordsAndSmallTalkStayAtTheirMeasuredLevel() throws IOException {
        ConversationEvaluation e = conversation("heldout-topics.tsv");
        assertTrue(e.right() >= 59, "right " + e.right());
        assertTrue(e.wrongAnswers() <= 1, "wrong " + e.wrongAnswers());
    }

    /**
     * The blind sets of issue 14 (docs/measurements.md has their first untouched runs). Measured with {@code eval
     * eval/heldout-stories.tsv}: 92 of 100, 67 of the 74 answerable, 1 wrong; {@code eval/heldout-amounts.tsv}: 36
     * of 40, 10 of the 13 asking several things, 1 wrong; {@code eval/heldout-dialogues.tsv}: 79 of 89 turns, 57 of
     * 65 follow-ups, 3 wrong. No reply on any of them says the report lacks what it states.
     */
    @Test
    void citizensStoriesAmountsAndDialoguesStayAtTheirMeasuredLevel() throws IOException {
        ConversationEvaluation stories = conversation("heldout-stories.tsv");
        assertTrue(stories.right() >= 92, "stories right " + stories.right());
        assertTrue(stories.wrongAnswers() <= 1, "stories wrong " + stories.wrongAnswers());
        ConversationEvaluation amounts = conversation("heldout-amounts.tsv");
        assertTrue(amounts.right() >= 36, "amounts right " + amounts.right());
        assertTrue(amounts.right(ConversationEvaluation.Group.SEVERAL_PARTS) >= 10, "amounts several parts");
        assertTrue(amounts.wrongAnswers() <= 1, "amounts wrong " + amounts.wrongAnswers());
        ConversationEvaluation dialogues = conversation("heldout-dialogues.tsv");
        assertTrue(dialogues.right() >= 79, "dialogues right " + dialogues.right());
        assertTrue(dialogues.right(ConversationEvaluation.Group.FOLLOW_UP) >= 57, "dialogue follow-ups");
        assertTrue(dialogues.wrongAnswers() <= 3, "dialogues wrong " + dialogues.wrongAnswers());
        for (ConversationEvaluation e : java.util.List.of(stories, amounts, dialogues)) {
            assertEquals(0, e.selfContradictions(), "a reply says the report lacks what it states");
        }
    }

    /** The development sets of issue 14, read while building it: 67 of 70 stories, 18 of 25 amounts, 42 of 47 turns. */
    @Test
    void citizensDevelopmentSetsStayAtTheirMeasuredLevel() throws IOException {
        assertTrue(conversation("stories-dev.tsv").right() >= 67);
        assertTrue(conversation("amounts-dev.tsv").right() >= 18);
        assertTrue(conversation("dialogues-dev.tsv").right() >= 42);
    }
}
