package minsheng.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The tables {@link Icu} ships in place of making ICU's transliterators at start are exactly what ICU computes. After
 * an ICU upgrade this fails; {@code mvn test -Dtest=IcuTablesTest -Dminsheng.regenerate=true} writes fresh tables.
 */
class IcuTablesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources", "minsheng", "match");

    @Test
    void theShippedPinyinTableIsWhatIcuReadsForEveryHanCharacter() throws IOException {
        assertShipped(Icu.PINYIN_TABLE, Icu.computePinyinTable());
    }

    @Test
    void theShippedTraditionalTableHoldsWhatEverySimplifyingRuleLooksFor() throws IOException {
        assertShipped(Icu.TRADITIONAL_TABLE, Icu.computeTraditionalTable());
    }

    @Test
    void simplifiesEveryCjkCharacterAloneAsIcuDoes() {
        Transliterator rules = Transliterator.getInstance("Traditional-Simplified");
        for (char c = 0x2E80; c < 0xA000; c++) {
            String alone = String.valueOf(c);
            assertEquals(rules.transliterate(alone), Icu.simplified(alone), alone);
        }
    }

    @Test
    void simplifiesTraditionalTextAsIcuDoes() {
        Transliterator rules = Transliterator.getInstance("Traditional-Simplified");
        for (String text : new String[] {"心臟支架現在多少錢", "於飛", "單于的生薑", "低保有多少人", "醫保異地就醫", "AED", "剃发", "理发", "板畫", "甚麼"}) {
            assertEquals(rules.transliterate(text), Icu.simplified(text), text);
        }
    }

    private static void assertShipped(String name, String computed) throws IOException {
        if (Boolean.getBoolean("minsheng.regenerate")) {
            Files.writeString(RESOURCES.resolve(name), computed, StandardCharsets.UTF_8);
        }
        assertEquals(computed, Icu.read(name), name + " is stale: regenerate it (see this class's comment)");
    }
}
