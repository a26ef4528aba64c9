package minsheng.match;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Each cue of the scope check names every character its matches can begin with, so a question holding none of them
 * is rightly never run through its pattern.
 */
class ScopeCueTest {

    /** Every cue the scope check reads, found by reflection so a cue added later is held to this too. */
    private static List<ScopeCheck.Cue> cues() throws ReflectiveOperationException {
        List<ScopeCheck.Cue> out = new ArrayList<>();
        for (Field f : ScopeCheck.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            if (f.getType() == ScopeCheck.Cue.class) {
                out.add((ScopeCheck.Cue) f.get(null));
            } else if (f.getName().equals("DETAILS")) {
                for (Object d : (List<?>) f.get(null)) {
                    Field cue = d.getClass().getDeclaredField("cue");
                    cue.setAccessible(true);
                    out.add((ScopeCheck.Cue) cue.get(d));
                }
            }
        }
        return out;
    }

    private static void assertStartsNamed(ScopeCheck.Cue cue, String text) {
        Matcher m = cue.pattern().matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                char first = text.charAt(m.start());
                assertTrue(cue.starts().indexOf(first) >= 0, () -> cue.pattern() + " matched 「" + m.group()
                        + "」 in 「" + text + "」, beginning with a character not named: " + first);
            }
        }
    }

    @Test
    void namesTheFirstCharacterOfEveryMatchInTheQuestionSets() throws Exception {
        List<ScopeCheck.Cue> cues = cues();
        assertTrue(cues.size() >= 12, "cues found: " + cues.size());
        List<String> questions = new ArrayList<>();
        for (String set : List.of("dev", "fresh-1", "fresh-2", "fresh-3", "traps-7", "two-part-dev")) {
            for (String line : Files.readAllLines(Path.of("eval", set + ".tsv"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    questions.add(TextNormalizer.base(line.substring(line.indexOf('\t') + 1)));
                }
            }
        }
        for (ScopeCheck.Cue cue : cues) {
            for (String q : questions) {
                assertStartsNamed(cue, q);
            }
        }
    }

    @Test
    void namesTheFirstCharacterOfEveryMatchInTextsMadeOfItsOwnWords() throws ReflectiveOperationException {
        Random random = new Random(12);
        for (ScopeCheck.Cue cue : cues()) {
            // The pattern's own words and characters, shuffled together with common ones, so its branches match.
            String syntax = "[|()?\\[\\]{}^!<\\\\*+.,0-9]+";
            List<String> pieces = new ArrayList<>(List.of(cue.pattern().pattern().split(syntax)));
            pieces.removeIf(String::isEmpty);
            pieces.addAll(List.of("的", "多少", "1", "2", "这个", "有没有", "城", "人", "，", "?", "一"));
            for (int i = 0; i < 20_000; i++) {
                StringBuilder s = new StringBuilder();
                for (int k = random.nextInt(6); k >= 0; k--) {
                    s.append(pieces.get(random.nextInt(pieces.size())));
                }
                assertStartsNamed(cue, s.toString());
            }
        }
    }

    @Test
    void findsWhatThePatternFinds() throws ReflectiveOperationException {
        for (ScopeCheck.Cue cue : cues()) {
            for (String q : List.of("哪几个市试点", "运城的低保户有多少", "1年下来要花多少钱", "每个月发多少", "2号线有几个站",
                    "婚检去哪登记", "多久开一次", "目标是多少", "我们县有多少", "晋城全市多少人", "几架飞机")) {
                Matcher plain = cue.pattern().matcher(q);
                Matcher found = cue.find(q);
                assertTrue(plain.find() == (found != null), () -> cue.pattern() + " on " + q);
                if (found != null) {
                    assertTrue(plain.group().equals(found.group()) && plain.start() == found.start(), q);
                }
            }
        }
    }
}
