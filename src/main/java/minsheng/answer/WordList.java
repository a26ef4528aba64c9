package minsheng.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Fixed words removed from a text exactly as a regular expression alternating them (「多少钱|多少|…」) removes
 * them: scanning from the left, at each place the first word of the list found there is taken. Done by looking up
 * the words that begin with each character instead of letting the regex engine try every word at every place: the
 * follow-up reading runs on every message.
 */
final class WordList {

    /** The characters words begin with, sorted; for each, its words in the list's order. */
    private final char[] firsts;
    private final String[][] words;
    private final Pattern pattern;

    /** {@code alternation}: words (no regex syntax) separated by {@code |}. */
    WordList(String alternation) {
        TreeMap<Character, List<String>> byFirst = new TreeMap<>();
        for (String w : alternation.split("\\|")) {
            // Letters only: no character a regular expression reads as syntax.
            if (w.isEmpty() || !w.chars().allMatch(Character::isLetter)) {
                throw new IllegalArgumentException("not a plain word: " + w);
            }
            byFirst.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
        }
        firsts = new char[byFirst.size()];
        words = new String[byFirst.size()][];
        int i = 0;
        for (var e : byFirst.entrySet()) {
            firsts[i] = e.getKey();
            words[i++] = e.getValue().toArray(new String[0]);
        }
        pattern = Pattern.compile(alternation);
    }

    /** The same words as one regular expression. */
    Pattern pattern() {
        return pattern;
    }

    /** The text with every word removed, as {@code pattern().matcher(text).replaceAll("")} gives it. */
    String removeAll(String text) {
        StringBuilder out = null;
        int kept = 0;
        int i = 0;
        while (i < text.length()) {
            int k = Arrays.binarySearch(firsts, text.charAt(i));
            String found = null;
            if (k >= 0) {
                for (String w : words[k]) {
                    if (text.startsWith(w, i)) {
                        found = w;
                        break;
                    }
                }
            }
            if (found == null) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, kept, i);
            i += found.length();
            kept = i;
        }
        return out == null ? text : out.append(text, kept, text.length()).toString();
    }
}
