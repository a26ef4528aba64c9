package minsheng.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Fixed words found in or removed from a text exactly as a regular expression alternating them (「多少钱|多少|…」)
 * finds or removes them: scanning from the left, at each place the first word of the list found there is taken.
 * Done by looking up the words that begin with each character instead of letting the regex engine try every word
 * at every place, for the cues read on every message and every match.
 */
public final class WordList {

    private static final String SYNTAX = "\\^$.|?*+()[]{}";

    /** The characters words begin with, sorted; for each, its words in the list's order. */
    private final char[] firsts;
    private final String[][] words;
    private final Pattern pattern;

    /** A word found: where it starts, and which word it is. */
    public record Found(int start, String word) {
        public int end() {
            return start + word.length();
        }
    }

    /** {@code alternation}: words (no regex syntax) separated by {@code |}. */
    public WordList(String alternation) {
        this(List.of(alternation.split("\\|")));
    }

    /** The words in the order given; an empty list finds nothing. */
    public WordList(List<String> list) {
        TreeMap<Character, List<String>> byFirst = new TreeMap<>();
        for (String w : list) {
            // No character a regular expression reads as syntax, so the pattern is these words and nothing else.
            if (w.isEmpty() || w.chars().anyMatch(c -> SYNTAX.indexOf(c) >= 0 || Character.isSurrogate((char) c))) {
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
        // A pattern of no words matches nothing.
        pattern = Pattern.compile(list.isEmpty() ? "(?!)" : String.join("|", list));
    }

    /** The same words as one regular expression. */
    public Pattern pattern() {
        return pattern;
    }

    /** The first word found from {@code from} on, as {@code pattern().matcher(text).find(from)} finds it; or null. */
    public Found find(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            String w = wordAt(text, i);
            if (w != null) {
                return new Found(i, w);
            }
        }
        return null;
    }

    /** Whether any of the words is in the text. */
    public boolean in(String text) {
        return find(text, 0) != null;
    }

    /** The text with every word removed, as {@code pattern().matcher(text).replaceAll("")} gives it. */
    public String removeAll(String text) {
        StringBuilder out = null;
        int kept = 0;
        for (Found f = find(text, 0); f != null; f = find(text, f.end())) {
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, kept, f.start());
            kept = f.end();
        }
        return out == null ? text : out.append(text, kept, text.length()).toString();
    }

    /** The first word of the list that starts at {@code i}, or null. */
    private String wordAt(String text, int i) {
        int k = Arrays.binarySearch(firsts, text.charAt(i));
        if (k >= 0) {
            for (String w : words[k]) {
                if (text.startsWith(w, i)) {
                    return w;
                }
            }
        }
        return null;
    }
}
