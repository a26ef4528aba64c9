package minsheng.match;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * <p>ICU's two transliterators parse thousands of rules when first made — most of the bot's start-up time. Their
 * results for single characters are therefore shipped as two tables built from ICU itself ({@code pinyin.txt}: the
 * syllable of every Han character of the Basic Multilingual Plane; {@code traditional.txt}: what each
 * traditional-to-simplified rule that changes text looks for), checked against ICU by {@code IcuTablesTest}, which
 * also rewrites them after an ICU upgrade. A text in which no such rule applies is already simplified, and the
 * transliterators are only made, once, when a question needs them.
 */
final class Icu {

    static final String PINYIN_TABLE = "pinyin.txt";
    static final String TRADITIONAL_TABLE = "traditional.txt";
    private static final int BMP = 0x10000;

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    /** What the traditional-to-simplified rules that change text look for, by first character. */
    private static final Map<Character, String[]> TRADITIONAL = traditionalTable();
    /** The syllable of each Han character of the BMP, by code point; null where the table has none. */
    private static final String[] SYLLABLES = pinyinTable();
    /** Syllables of the rare characters beyond the table, worked out by ICU on first use. */
    private static final Map<Integer, String> MORE_SYLLABLES = new ConcurrentHashMap<>();

    /** Made on first use only. Transliterator instances are not documented as thread-safe: each use holds a lock. */
    private static final class ToSimplified {
        static final Transliterator RULES = Transliterator.getInstance("Traditional-Simplified");
    }

    private static final class ToPinyin {
        static final Transliterator RULES = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    }

    private Icu() {
    }

    /** Full-width to half-width, compatibility forms to plain ones, upper to lower case. */
    static String fold(String text) {
        return NFKC_CASEFOLD.normalize(text);
    }

    static String simplified(String text) {
        for (int i = 0; i < text.length(); i++) {
            String[] sources = TRADITIONAL.get(text.charAt(i));
            if (sources != null) {
                for (String source : sources) {
                    if (text.startsWith(source, i)) {
                        return transliterate(ToSimplified.RULES, text);
                    }
                }
            }
        }
        return text; // no rule that changes text applies anywhere: ICU would give it back as it is
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
     * What every traditional-to-simplified rule that changes text looks for, one per line, from ICU's own rules
     * ({@code source > target;}, literal text only — anything else fails the build). Where none of them occurs,
     * no rule can change the text.
     */
    static String computeTraditionalTable() {
        StringBuilder out = new StringBuilder();
        for (String line : ToSimplified.RULES.toRules(false).split("\n")) {
            String rule = line.strip();
            if (rule.isEmpty()) {
                continue;
            }
            int arrow = rule.indexOf(" > ");
            if (arrow < 0 || !rule.endsWith(";") || rule.chars().anyMatch(c -> "[]{}$\\'|\t".indexOf(c) >= 0)) {
                throw new IllegalStateException("not a literal rule: " + rule);
            }
            String source = rule.substring(0, arrow);
            if (!source.equals(rule.substring(arrow + 3, rule.length() - 1))) {
                out.append(source).append('\n');
            }
        }
        return out.toString();
    }

    private static String[] pinyinTable() {
        String[] table = new String[BMP];
        read(PINYIN_TABLE).lines().forEach(line -> {
            int tab = line.indexOf('\t');
            String syllable = line.substring(0, tab);
            line.substring(tab + 1).codePoints().forEach(cp -> table[cp] = syllable);
        });
        return table;
    }

    private static Map<Character, String[]> traditionalTable() {
        Map<Character, List<String>> byFirst = new HashMap<>();
        read(TRADITIONAL_TABLE).lines().filter(l -> !l.isEmpty())
                .forEach(l -> byFirst.computeIfAbsent(l.charAt(0), c -> new ArrayList<>()).add(l));
        Map<Character, String[]> table = new HashMap<>();
        byFirst.forEach((c, sources) -> table.put(c, sources.toArray(new String[0])));
        return table;
    }

    static String read(String table) {
        try (InputStream in = Icu.class.getResourceAsStream(table)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its ICU table " + table);
            }
            StringBuilder out = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                char[] buffer = new char[8192];
                for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                    out.append(buffer, 0, n);
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the ICU table " + table, e);
        }
    }
}
