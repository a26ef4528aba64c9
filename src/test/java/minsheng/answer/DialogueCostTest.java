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

    /** The reply to a message as a new chat's first, and every text the engine matched to give it. */
    private record Cost(Reply reply, Set<String> matched) {}

    private static Cost cost(String message) {
        Dialogue d = new Dialogue(snapshot);
        return new Cost(d.respond(message, null, List.of()).reply(), d.matchedTexts());
    }

    @Test
    void matchesBothThingsAskedForEachButNotTheWholeMessage() {
        Cost c = cost("孤儿和事实无人抚养的孩子各有多少");
        assertEquals(List.of("children.orphans", "children.de-facto-orphans"), c.reply().entryIds(), c.reply().text());
        assertEquals(Set.of("孤儿多少", "事实无人抚养的孩子多少"), c.matched());
    }

    @Test
    void passesOverSplitsOfAConjunctionThatCouldNotBothAnswerSurely() {
        Cost c = cost("药品和耗材集采试点推进得咋样");
        assertEquals(List.of("medical.volume-procurement"), c.reply().entryIds(), c.reply().text());
        // Eleven ways to end the second thing; the first part of none could answer another entry surely.
        assertEquals(Set.of("药品和耗材集采试点推进得咋样", "耗材集采试点推进得咋样"), c.matched());
    }

    @Test
    void leavesUnmatchedALastClauseThatCannotChangeTheReply() {
        Cost c = cost("乡下娃到县城读初中住哪儿，周末咋回家");
        assertEquals(List.of("education.boarding-support"), c.reply().entryIds(), c.reply().text());
        // The first clause only offers a choice, so the whole reading stands whatever the last one says.
        assertEquals(Set.of("乡下娃到县城读初中住哪儿，周末咋回家", "乡下娃到县城读初中住哪儿"), c.matched());
    }

    @Test
    void matchesTheWholeMessageAndEachClauseOnceWhenBothAreAnswered() {
        Cost c = cost("婚检免费吗，婚检率是多少");
        assertEquals(2, c.reply().entryIds().size(), c.reply().text());
        assertEquals(Set.of("婚检免费吗，婚检率是多少", "婚检免费吗", "婚检率是多少"), c.matched());
    }
}
