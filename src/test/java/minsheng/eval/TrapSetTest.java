package minsheng.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import minsheng.answer.Snapshot;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import org.junit.jupiter.api.Test;

/**
 * The neighbouring-question traps of issue 7 ({@code eval/traps-7.tsv}): none may get its near entry's figure as if
 * that figure answered it. Measured with {@code java -jar target/minsheng-bot.jar eval eval/traps-7.tsv}: 25 of 25
 * declined or caveated, 0 NEAR traps answered as if.
 */
class TrapSetTest {

    @Test
    void answersNoTrapWithItsNeighboursFigure() throws IOException, KnowledgeException {
        Snapshot snapshot = Snapshot.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
        QuestionSet set = QuestionSet.read(Path.of("eval", "traps-7.tsv"), snapshot.knowledge());
        Evaluation e = Evaluation.run(snapshot, set);
        String misses = e.outcomes().stream()
                .filter(o -> o.verdict() != Evaluation.Verdict.DECLINED_RIGHT)
                .map(o -> o.question().question() + " → " + o.reply().kind() + " " + o.reply().entryId())
                .toList().toString();
        assertEquals(0, e.nearTrapsFallenFor(), misses);
        assertEquals(0, e.wrongAnswers(), misses);
    }
}
