package minsheng.match;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import minsheng.knowledge.Vocabulary;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Brings a question and the knowledge's questions to one written form before analysis: half-width and lower case,
 * simplified characters, one way of writing numbers, filler words passed over and every synonym replaced by its
 * group's canonical term (longest match first). Immutable and thread-safe.
 */
final class TextNormalizer {

    /**
     * One text folded, simplified and with its numbers rewritten, in two readings.
     *
     * @param spoken    without filler words: the words as the asker chose them
     * @param canonical {@code spoken} with every synonym read as its canonical term
     */
    record Normalized(String spoken, String canonical) {}

    private final NormalizeCharMap fillers;
    private final NormalizeCharMap fillersAndSynonyms;

    TextNormalizer(Vocabulary vocabulary) {
        Map<String, String> fillerRewrites = new LinkedHashMap<>();
        for (String filler : vocabulary.fillers()) {
            // Passed over as a space, so the words on either side do not fuse into a new pair.
            fillerRewrites.putIfAbsent(base(filler), " ");
        }
        Map<String, String> rewrites = new LinkedHashMap<>(fillerRewrites);
        for (Vocabulary.Group g : vocabulary.groups()) {
            String canonical = base(g.canonical());
            // The canonical term maps to itself so that, matched whole, no variant inside it is rewritten
            // (「旧小区」 must not turn 「老旧小区」 into 「老老旧小区」).
            rewrites.putIfAbsent(canonical, canonical);
            for (String variant : g.variants()) {
                // Two variants may fold to the same text (醫保 and 医保); the first group wins.
                rewrites.putIfAbsent(base(variant), canonical);
            }
        }
        this.fillers = map(fillerRewrites);
        this.fillersAndSynonyms = map(rewrites);
    }

    Normalized normalize(String text) {
        return normalizeBase(base(text));
    }

    /** {@link #normalize} of a text whose {@link #base} is already known, so it is not folded twice. */
    Normalized normalizeBase(String base) {
        return new Normalized(rewrite(fillers, base), rewrite(fillersAndSynonyms, base));
    }

    /** Folding, simplification and numbers: the same for questions, knowledge and vocabulary terms. */
    static String base(String text) {
        return ChineseNumbers.normalize(Icu.simplified(Icu.fold(text))).strip();
    }

    private static NormalizeCharMap map(Map<String, String> rewrites) {
        if (rewrites.isEmpty()) {
            return null;
        }
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        rewrites.forEach((from, to) -> {
            if (!from.isEmpty()) {
                builder.add(from, to);
            }
        });
        return builder.build();
    }

    private static String rewrite(NormalizeCharMap map, String text) {
        if (map == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        char[] buffer = new char[256];
        try (Reader reader = new MappingCharFilter(map, new StringReader(text))) {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                out.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return out.toString();
    }

    /** Marks a word that was written in letters or digits, not spelt from Han characters. */
    static final String WRITTEN = "_";

    /**
     * The toneless pinyin of the text, one syllable per Han character; words written in letters or digits are
     * kept whole, marked with {@link #WRITTEN} so they are not mistaken for a syllable ("_aed", "_2020").
     */
    static String pinyin(String normalized) {
        StringBuilder out = new StringBuilder(normalized.length() * 4);
        boolean inWord = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Icu.isHan(cp)) {
                out.append(' ').append(Icu.syllable(cp)).append(' ');
                inWord = false;
            } else if (Character.isLetterOrDigit(cp) || (inWord && cp == '.')) {
                if (!inWord) {
                    out.append(' ').append(WRITTEN);
                    inWord = true;
                }
                out.appendCodePoint(cp);
            } else {
                out.append(' ');
                inWord = false;
            }
        }
        return out.toString();
    }
}
