package minsheng.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The knowledge the bot ships with is clean, covers the whole article, and is shaped as agreed. */
class ShippedKnowledgeTest {

    static final Path KNOWLEDGE = Path.of("knowledge");

    @Test
    void isCleanAndStatesEveryFigureOfTheArticle() throws IOException {
        Article article = Article.read(SharedArticle.require());
        assertEquals(List.of(), KnowledgeLoader.check(KNOWLEDGE, article).stream().map(Problem::toString).toList());
    }

    @Test
    void holdsBetweenSixtyAndNinetyEntriesEachAskedManyWays() throws KnowledgeException {
        KnowledgeBase kb = KnowledgeLoader.load(KNOWLEDGE);
        assertTrue(kb.entries().size() >= 60 && kb.entries().size() <= 90, "entries: " + kb.entries().size());
        for (Entry e : kb.entries()) {
            assertTrue(e.questions().size() >= 4, e.id());
        }
    }

    @Test
    void statesTheStentPriceAsTheArticleGivesIt() throws KnowledgeException {
        Entry stent = KnowledgeLoader.load(KNOWLEDGE).entry("medical.stent-price").orElseThrow();
        assertTrue(stent.answer().contains("700余元") && stent.answer().contains("1.3万元左右"), stent.answer());
    }

    @Test
    void coversTheNonNumericMeasures() throws KnowledgeException {
        KnowledgeBase kb = KnowledgeLoader.load(KNOWLEDGE);
        String all = String.join("\n", kb.entries().stream().map(Entry::answer).toList());
        for (String measure : List.of("新生儿", "高血压", "糖尿病", "异地就医", "医保电子凭证", "县管校聘", "地铁")) {
            assertTrue(all.contains(measure), measure);
        }
    }
}
