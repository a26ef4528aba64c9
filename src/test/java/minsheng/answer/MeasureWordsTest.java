package minsheng.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import minsheng.match.WordList;
import org.junit.jupiter.api.Test;

/** The measure words of a follow-up are removed exactly as the regular expression alternating them removes them. */
class MeasureWordsTest {

    @Test
    void removesTheMeasureWordsOfAFollowUpAsTheirPatternDoes() {
        WordList words = FollowUps.MEASURE_WORDS;
        for (String s : List.of("多少人领到了", "花了多少钱", "农村的呢", "那一年之前呢", "查的是哪些人", "受益的有多少",
                "城市低保多少人", "百分之几", "哪些人哪", "")) {
            assertEquals(words.pattern().matcher(s).replaceAll(""), words.removeAll(s), s);
        }
        assertEquals("波立维", words.removeAll("波立维呢"));
        assertEquals("农村", words.removeAll("农村的呢"));
    }

    @Test
    void removesFromEveryQuestionOfTheDevelopmentSetsAsThePatternDoes() throws IOException {
        WordList words = FollowUps.MEASURE_WORDS;
        List<String> questions = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("eval"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("-dev.tsv") || p.endsWith("dev.tsv")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        questions.add(FollowUps.fold(line.substring(line.indexOf('\t') + 1)));
                    }
                }
            }
        }
        assertEquals(true, questions.size() > 300, "questions read: " + questions.size());
        for (String q : questions) {
            assertEquals(words.pattern().matcher(q).replaceAll(""), words.removeAll(q), q);
        }
    }

    @Test
    void takesTheFirstWordOfTheListFoundAtEachPlaceNotTheLongest() {
        // 多少 comes before 多少钱 here, so 「钱」 is left as a regex would leave it.
        WordList words = new WordList("多少|多少钱|钱多");
        for (String s : List.of("多少钱", "钱多多少钱", "少多少多", "多多少钱多")) {
            assertEquals(words.pattern().matcher(s).replaceAll(""), words.removeAll(s), s);
        }
        Random random = new Random(10);
        String alphabet = "多少钱人几个的了呢哪些";
        WordList measures = FollowUps.MEASURE_WORDS;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(words.pattern().matcher(s).replaceAll(""), words.removeAll(s.toString()), s.toString());
            assertEquals(measures.pattern().matcher(s).replaceAll(""), measures.removeAll(s.toString()), s.toString());
        }
    }
}
