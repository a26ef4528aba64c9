package minsheng.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ceiling a question's reading puts on what its match can score: never below it, so a caller that passes over
 * a reading whose ceiling cannot win never misses a reading that would have.
 */
class CeilingTest {

    private static Matcher matcher;

    @BeforeAll
    static void load() throws KnowledgeException {
        matcher = Matcher.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
    }

    private static List<String> questions() throws IOException {
        List<String> out = new ArrayList<>();
        for (String set : List.of("dev", "two-part-dev", "followups-dev", "fresh-1")) {
            for (String line : Files.readAllLines(Path.of("eval", set + ".tsv"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.substring(line.indexOf('\t') + 1).strip());
                }
            }
        }
        return out;
    }

    @Test
    void isNeverBelowWhatAnyEntryScores() throws IOException {
        List<String> questions = questions();
        assertTrue(questions.size() > 400, "questions: " + questions.size());
        for (String q : questions) {
            Match m = matcher.match(q);
            double ceiling = matcher.ceiling(matcher.read(q), Set.of());
            assertTrue(ceiling >= m.score(), () -> q + ": ceiling " + ceiling + " below " + m.score());
            if (m.ranked().isEmpty()) {
                continue;
            }
            // Leaving the best entry out, the ceiling still holds every other one.
            String top = m.ranked().get(0).entry().id();
            double others = matcher.ceiling(matcher.read(q), Set.of(top));
            for (Match.Candidate c : m.ranked().subList(1, m.ranked().size())) {
                assertTrue(others >= c.score(), () -> q + ": ceiling without " + top + " " + others + " below "
                        + c.entry().id() + " " + c.score());
            }
        }
    }

    @Test
    void isTheScoreItselfForAQuestionWhoseBestStoredQuestionIsRetrieved() {
        for (String q : List.of("心脏支架多少钱", "城市低保多少人", "婚检率是多少", "药品集采试点推进得咋样")) {
            assertEquals(matcher.match(q).score(), matcher.ceiling(matcher.read(q), Set.of()), q);
        }
    }

    @Test
    void leavesOutTheEntriesItIsToldTo() {
        // Only volume procurement answers it: no other entry could score it surely.
        Match m = matcher.match("药品集采试点推进得咋样");
        assertEquals("medical.volume-procurement", m.ranked().get(0).entry().id());
        double others = matcher.ceiling(matcher.read("药品集采试点推进得咋样"), Set.of("medical.volume-procurement"));
        assertTrue(others < 0.5 && others >= m.ranked().get(1).score(), "ceiling without it: " + others);
        assertEquals(0, matcher.ceiling(matcher.read("，。！"), Set.of()));
    }
}
