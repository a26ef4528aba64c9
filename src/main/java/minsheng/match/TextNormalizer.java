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
 * simplified characters, one way of writing numbers, every synonym replaced by its group's canonical term and
 * filler words passed over (longest match first). Immutable and thread-safe.
 */
final class TextNormalizer {

    private final NormalizeCharMap synonyms;

    TextNormalizer(Vocabulary vocabulary) {
        Map<String, String> rewrites = new LinkedHashMap<>();
        for (Vocabulary.Group g : vocabulary.groups()) {
            String canonical = base(g.canonical());
            // The canonical term maps to itself so that, matched whole, no variant inside it is rewritten
            // (「旧小区」 must not turn 「老旧小区」 into 「老老旧小区」).
            rewrites.putIfAbsent(canonical, canonical);
            for (String variant : g.variants()) {
                String v = base(variant);
                if (!v.isEmpty() && !v.equals(canonical)) {
                    // Two variants may fold to the same text (醫保 and 医保); the first group wins.
                    rewrites.putIfAbsent(v, canonical);
                }
            }
        }
        for (String filler : vocabulary.fillers()) {
            // Passed over as a space, so the words on either side do not fuse into a new pair.
            rewrites.putIfAbsent(base(filler), " ");
        }
        if (rewrites.isEmpty()) {
            this.synonyms = null;
        } else {
            NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
            rewrites.forEach(builder::add);
            this.synonyms = builder.build();
        }
    }

    String normalize(String text) {
        String base = base(text);
        return synonyms == null ? base : rewrite(base);
    }

    /** Everything but synonyms: the same for knowledge and queries, and for the synonym terms themselves. */
    static String base(String text) {
        return ChineseNumbers.normalize(Icu.simplified(Icu.fold(text))).strip();
    }

    private String rewrite(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char[] buffer = new char[256];
        try (Reader reader = new MappingCharFilter(synonyms, new StringReader(text))) {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                out.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return out.toString();
    }

    /** The toneless pinyin of the text, one syllable per Han character; other letters and digits kept as words. */
    static String pinyin(String normalized) {
        StringBuilder out = new StringBuilder(normalized.length() * 4);
        normalized.codePoints().forEach(cp -> {
            if (Icu.isHan(cp)) {
                out.append(' ').append(Icu.syllable(cp)).append(' ');
            } else if (Character.isLetterOrDigit(cp) || cp == '.' || cp == '%') {
                out.appendCodePoint(cp);
            } else {
                out.append(' ');
            }
        });
        return out.toString();
    }
}
