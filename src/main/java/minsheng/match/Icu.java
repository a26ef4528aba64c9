package minsheng.match;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place the engine calls ICU4J: width and case folding, traditional to simplified, Han to pinyin.
 *
 * <p>ICU's two transliterators parse thousands of rules when first made — most of the bot's start-up time. What
 * they do is therefore shipped as two tables built from ICU itself ({@code pinyin.txt}: the syllable of every Han
 * character of the Basic Multilingual Plane; {@code traditional.txt}: every traditional-to-simplified rule, all of
 * them literal replacements), checked against ICU by {@code IcuTablesTest}, which also rewrites them after an ICU
 * upgrade. Only a rare character beyond the pinyin table makes ICU's Han-to-Latin transliterator, once.
 */
final class Icu {

    static final String PINYIN_TABLE = "pinyin.txt";
    static final String TRADITIONAL_TABLE = "traditional.txt";
    private static final int BMP = 0x10000;

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    /** ICU's traditional-to-simplified rules in ICU's order, by the first character of the text each looks for. */
    private static final Map<Character, Rule[]> TRADITIONAL = traditionalTable();
    /** The syllable of each Han character of the BMP, by code point; null where the table has none. */
    private static final String[] SYLLABLES = pinyinTable();
    /** Syllables of the rare characters beyond the table, worked out by ICU on first use. */
    private static final Map<Integer, String> MORE_SYLLABLES = new ConcurrentHashMap<>();

    /** One literal rule: the text it looks for and what it writes instead (the same text, for a rule that keeps it). */
    private record Rule(String source, String target) {}

    /** Made on first use only. Transliterator instances are not documented as thread-safe: each use holds a lock. */
    private static final class ToPinyin {
        static final Transliterator RULES = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    }

    private Icu() {
    }

    /** Full-width to half-width, compatibility forms to plain ones, upper to lower case. */
    static String fold(String text) {
        return NFKC_CASEFOLD.normalize(text);
    }

    /**
     * ICU's traditional-to-simplified conversion, applied from its own rules: at each position the first rule (in
     * ICU's order) whose text is found there replaces it, and matching goes on after it; elsewhere a character stays.
     */
    static String simplified(String text) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); ) {
            Rule rule = ruleAt(text, i);
            if (rule == null) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, i).append(rule.target());
            i += rule.source().length();
            copied = i;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static Rule ruleAt(String text, int i) {
        Rule[] rules = TRADITIONAL.get(text.charAt(i));
        if (rules != null) {
            for (Rule rule : rules) {
                if (text.startsWith(rule.source(), i)) {
                    return rule;
                }
            }
        }
        return null;
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** The toneless pinyin syllable of one Han character, e.g. 保 → "bao"; a character read alone. */
    static String syllable(int han) {
        String s = han < BMP ? SYLLABLES[han] : null;
        return s != null ? s : MORE_SYLLABLES.computeIfAbsent(han, Icu::icuSyllable);
    }

    private static String icuSyllable(int han) {
        return transliterate(ToPinyin.RULES, new String(Character.toChars(han))).strip();
    }

    private static String transliterate(Transliterator rules, String text) {
        synchronized (rules) {
            return rules.transliterate(text);
        }
    }

    // --- the shipped tables: how they are built from ICU, and read back -------------------------------------

    /** {@code syllable<TAB>characters} per line, from ICU: what {@link #syllable} gives every BMP Han character. */
    static String computePinyinTable() {
        Map<String, StringBuilder> bySyllable = new TreeMap<>();
        for (int cp = 0; cp < BMP; cp++) {
            if (isHan(cp)) {
                bySyllable.computeIfAbsent(icuSyllable(cp), k -> new StringBuilder()).appendCodePoint(cp);
            }
        }
        StringBuilder out = new StringBuilder();
        bySyllable.forEach((syllable, chars) -> out.append(syllable).append('\t').append(chars).append('\n'));
        return out.toString();
    }

    /**
     * Every traditional-to-simplified rule of ICU, {@code source<TAB>target} per line in ICU's order — rules that keep
     * their text too, since such a rule, found first, stops a later one from applying there. Literal rules only:
     * anything else fails the build, as {@link #simplified} would not apply it as ICU does.
     */
    static String computeTraditionalTable() {
        StringBuilder out = new StringBuilder();
        for (String line : Transliterator.getInstance("Traditional-Simplified").toRules(false).split("\n")) {
            String rule = line.strip();
            if (rule.isEmpty()) {
                continue;
            }
            int arrow = rule.indexOf(" > ");
            if (arrow < 0 || !rule.endsWith(";") || rule.chars().anyMatch(c -> "[]{}$\\'|\t:".indexOf(c) >= 0)) {
                throw new IllegalStateException("not a literal rule: " + rule);
            }
            String source = rule.substring(0, arrow);
            String target = rule.substring(arrow + 3, rule.length() - 1);
            if (source.isEmpty() || source.chars().anyMatch(Character::isWhitespace)
                    || target.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalStateException("not a literal rule: " + rule);
            }
            out.append(source).append('\t').append(target).append('\n');
        }
        return out.toString();
    }

    // Read with plain loops: they run once, at start, before the JIT has compiled anything.
    private static String[] pinyinTable() {
        String[] table = new String[BMP];
        String text = read(PINYIN_TABLE);
        for (int start = 0; start < text.length(); ) {
            int tab = text.indexOf('\t', start);
            int end = text.indexOf('\n', tab);
            end = end < 0 ? text.length() : end;
            String syllable = text.substring(start, tab);
            for (int i = tab + 1; i < end; ) {
                int cp = text.codePointAt(i);
                table[cp] = syllable;
                i += Character.charCount(cp);
            }
            start = end + 1;
        }
        return table;
    }

    private static Map<Character, Rule[]> traditionalTable() {
        Map<Character, List<Rule>> byFirst = new HashMap<>();
        String text = read(TRADITIONAL_TABLE);
        for (int start = 0; start < text.length(); ) {
            int tab = text.indexOf('\t', start);
            int end = text.indexOf('\n', tab);
            end = end < 0 ? text.length() : end;
            byFirst.computeIfAbsent(text.charAt(start), c -> new ArrayList<>())
                    .add(new Rule(text.substring(start, tab), text.substring(tab + 1, end)));
            start = end + 1;
        }
        Map<Character, Rule[]> table = new HashMap<>();
        for (Map.Entry<Character, List<Rule>> e : byFirst.entrySet()) {
            table.put(e.getKey(), e.getValue().toArray(new Rule[0]));
        }
        return table;
    }

    static String read(String table) {
        try (InputStream in = Icu.class.getResourceAsStream(table)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its ICU table " + table);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the ICU table " + table, e);
        }
    }
}
