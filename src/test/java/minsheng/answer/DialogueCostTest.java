package minsheng.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a message costs: the texts the engine matches for it. A reading that could not change the reply is never
 * matched; the reply is the same as if every reading had been.
 */
class DialogueCostTest {

    private static Snapshot snapshot;

    @BeforeAll
    static void load() throws KnowledgeException {
        // No reply cache: every text tried is matched, as for a question never asked before.
        snapshot = Snapshot.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults())
                .withoutReplyCache();
    }

    @Test
    void matchesBothThingsAskedForEachButNotTheWholeMessage() {
        Dialogue d = new Dialogue(snapshot);
        Reply r = d.respond("孤儿和事实无人抚养的孩子各有多少", null, List.of()).reply();
        assertEquals(List.of("children.orphans", "children.de-facto-orphans"), r.entryIds(), r.text());
        assertEquals(Set.of("孤儿多少", "事实无人抚养的孩子多少"), d.matchedTexts());
    }

    @Test
    void passesOverSplitsOfAConjunctionThatCouldNotBothAnswerSurely() {
        Dialogue d = new Dialogue(snapshot);
        Reply r = d.respond("药品和耗材集采试点推进得咋样", null, List.of()).reply();
        assertEquals(List.of("medical.volume-procurement"), r.entryIds(), r.text());
        // Eleven ways to end the second thing; the first part of none could answer another entry surely.
        assertEquals(Set.of("药品和耗材集采试点推进得咋样", "耗材集采试点推进得咋样"), d.matchedTexts());
    }

    @Test
    void leavesUnmatchedALastClauseThatCannotChangeTheReply() {
        Dialogue d = new Dialogue(snapshot);
        Reply r = d.respond("乡下娃到县城读初中住哪儿，周末咋回家", null, List.of()).reply();
        assertEquals(List.of("education.boarding-support"), r.entryIds(), r.text());
        // The first clause only offers a choice, so the whole reading stands whatever the last one says.
        assertEquals(Set.of("乡下娃到县城读初中住哪儿，周末咋回家", "乡下娃到县城读初中住哪儿"), d.matchedTexts());
    }

    @Test
    void matchesTheWholeMessageAndEachClauseOnceWhenBothAreAnswered() {
        Dialogue d = new Dialogue(snapshot);
        Reply r = d.respond("婚检免费吗，婚检率是多少", null, List.of()).reply();
        assertEquals(2, r.entryIds().size(), r.text());
        assertEquals(Set.of("婚检免费吗，婚检率是多少", "婚检免费吗", "婚检率是多少"), d.matchedTexts());
    }
}
