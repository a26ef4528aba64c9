package minsheng.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Finding a list of words gives exactly what the regular expression alternating them finds. */
class WordListTest {

    /** Every match of the pattern, in order, as start:word. */
    private static List<String> regex(WordList words, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = words.pattern().matcher(text);
        while (m.find()) {
            out.add(m.start() + ":" + m.group());
        }
        return out;
    }

    private static List<String> found(WordList words, String text) {
        List<String> out = new ArrayList<>();
        for (WordList.Found f = words.find(text, 0); f != null; f = words.find(text, f.end())) {
            out.add(f.start() + ":" + f.word());
        }
        return out;
    }

    @Test
    void findsTheCitiesAQuestionNamesInOrder() {
        WordList cities = new WordList("太原|大同|阳泉|长治|晋城|运城|晋中|万荣|沁水");
        assertEquals(List.of("0:运城", "7:万荣"), found(cities, "运城的低保户和万荣的一样多吗"));
        assertEquals(true, cities.in("我表弟是万荣的"));
        assertEquals(false, cities.in("城市低保多少人"));
        assertNull(cities.find("太原的呢", 1));
    }

    @Test
    void takesAtEachPlaceTheFirstWordOfTheListAsTheRegexDoes() {
        List<WordList> lists = List.of(
                new WordList("多少|多少钱|钱多"),
                new WordList("比去年|比上年|比以前|相比|哪个多|高于全国"),
                new WordList("明年|后年|下1年|下一年|以后还|以后会|过几年"),
                new WordList("比例|%|百分|率"),
                new WordList("全省|全山西|山西全省|全国"));
        String alphabet = "多少钱比去上年以前相哪个高于全国明后下1一还会过几例%百分率省山西的";
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(16); k > 0; k--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            for (WordList words : lists) {
                assertEquals(regex(words, text), found(words, text), text);
                assertEquals(words.pattern().matcher(text).find(), words.in(text), text);
                assertEquals(words.pattern().matcher(text).replaceAll(""), words.removeAll(text), text);
            }
        }
    }

    @Test
    void refusesAWordThatARegularExpressionWouldReadAsSyntax() {
        assertThrows(IllegalArgumentException.class, () -> new WordList("多少|几.?"));
        assertThrows(IllegalArgumentException.class, () -> new WordList("多少||几"));
        assertThrows(IllegalArgumentException.class, () -> new WordList("市里(一共|总共)"));
    }
}
