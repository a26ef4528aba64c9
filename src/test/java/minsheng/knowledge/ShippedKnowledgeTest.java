package minsheng.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void readmeStatesTheShippedCounts() throws IOException, KnowledgeException {
        KnowledgeBase kb = KnowledgeLoader.load(KNOWLEDGE);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("has (\\d+) entries and (\\d+) stored questions").matcher(readme);
        assertTrue(m.find(), "README no longer states the counts");
        int questions = kb.entries().stream().mapToInt(e -> e.questions().size()).sum();
        assertEquals(kb.entries().size() + " entries, " + questions + " questions",
                m.group(1) + " entries, " + m.group(2) + " questions");
    }

    @Test
    void reviewRecordHasARowForEveryEntry() throws IOException, KnowledgeException {
        String review = Files.readString(KNOWLEDGE.resolve("REVIEW.md"), StandardCharsets.UTF_8);
        for (Entry e : KnowledgeLoader.load(KNOWLEDGE).entries()) {
            assertTrue(review.contains("| `" + e.id() + "` |"), e.id() + " has no row in knowledge/REVIEW.md");
        }
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
