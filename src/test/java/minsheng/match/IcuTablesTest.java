package minsheng.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
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
    void theShippedTraditionalTableHoldsEverySimplifyingRuleInIcusOrder() throws IOException {
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

    @Test
    void simplifiesEveryRuleInContextAsIcuDoes() {
        Transliterator rules = Transliterator.getInstance("Traditional-Simplified");
        List<String> sources = Icu.read(Icu.TRADITIONAL_TABLE).lines().map(l -> l.substring(0, l.indexOf('\t')))
                .toList();
        // Each rule's text alone, run into the next rule's (where a longer rule may start inside it), and framed.
        for (int i = 0; i < sources.size(); i++) {
            String next = sources.get((i + 1) % sources.size());
            for (String text : List.of(sources.get(i), sources.get(i) + next, "醫" + sources.get(i) + "療")) {
                assertEquals(rules.transliterate(text), Icu.simplified(text), text);
            }
        }
    }

    @Test
    void simplifiesRandomRunsOfTraditionalCharactersAsIcuDoes() {
        Transliterator rules = Transliterator.getInstance("Traditional-Simplified");
        String characters = Icu.read(Icu.TRADITIONAL_TABLE).lines().map(l -> l.substring(0, l.indexOf('\t')))
                .collect(Collectors.joining()) + "的了是低保医疗";
        Random random = new Random(20201231);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12) + 1; k > 0; k--) {
                text.append(characters.charAt(random.nextInt(characters.length())));
            }
            String t = text.toString();
            assertEquals(rules.transliterate(t), Icu.simplified(t), t);
        }
    }

    private static void assertShipped(String name, String computed) throws IOException {
        if (Boolean.getBoolean("minsheng.regenerate")) {
            Files.writeString(RESOURCES.resolve(name), computed, StandardCharsets.UTF_8);
        }
        assertEquals(computed, Icu.read(name), name + " is stale: regenerate it (see this class's comment)");
    }
}
