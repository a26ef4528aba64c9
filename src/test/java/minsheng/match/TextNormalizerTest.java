package minsheng.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import minsheng.knowledge.Vocabulary;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private static final TextNormalizer NORMALIZER = new TextNormalizer(new Vocabulary(List.of(
            new Vocabulary.Group("低保", List.of("最低生活保障"), 1),
            new Vocabulary.Group("老旧小区", List.of("老小区", "旧小区"), 2),
            new Vocabulary.Group("aed", List.of("除颤器"), 3)),
            List.of("请问", "吗"), List.of()));

    @Test
    void foldsTraditionalCharactersAndFullWidthForms() {
        assertEquals("心脏支架现在多少钱", NORMALIZER.normalize("心臟支架現在多少錢").canonical());
        assertEquals("aed有多少台", NORMALIZER.normalize("ＡＥＤ有多少台").canonical());
    }

    @Test
    void readsEverySynonymAsItsCanonicalTerm() {
        assertEquals("农村低保有多少人", NORMALIZER.normalize("农村最低生活保障有多少人").canonical());
        assertEquals("aed放了多少台", NORMALIZER.normalize("除颤器放了多少台").canonical());
    }

    @Test
    void leavesACanonicalTermWholeWhenAVariantHidesInsideIt() {
        assertEquals("老旧小区改造", NORMALIZER.normalize("老旧小区改造").canonical());
        assertEquals("老旧小区改造", NORMALIZER.normalize("旧小区改造").canonical());
    }

    @Test
    void passesOverFillerWords() {
        assertEquals("低保有多少人", NORMALIZER.normalize("请问低保有多少人吗").canonical().replace(" ", ""));
    }

    @Test
    void keepsTheAskersOwnWordsBesideTheCanonicalOnes() {
        TextNormalizer.Normalized n = NORMALIZER.normalize("请问除颤器放了多少台");
        assertEquals("除颤器放了多少台", n.spoken().strip());
        assertEquals("aed放了多少台", n.canonical().strip());
    }

    @Test
    void spellsHanCharactersInTonelessPinyin() {
        assertEquals(List.of("xin", "zang", "zhi", "jia"),
                List.of(TextNormalizer.pinyin("心脏支架").strip().split("\\s+")));
        assertEquals(TextNormalizer.pinyin("低保"), TextNormalizer.pinyin("低宝"));
    }
}
