package minsheng.match;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The one place the engine calls ICU4J: width and case folding, traditional to simplified, Han to pinyin. */
final class Icu {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    // Transliterator instances are not documented as thread-safe, so each use holds its lock.
    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    private static final Transliterator TO_PINYIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    private static final Map<Integer, String> SYLLABLES = new ConcurrentHashMap<>();

    private Icu() {
    }

    /** Full-width to half-width, compatibility forms to plain ones, upper to lower case. */
    static String fold(String text) {
        return NFKC_CASEFOLD.normalize(text);
    }

    static String simplified(String text) {
        synchronized (TO_SIMPLIFIED) {
            return TO_SIMPLIFIED.transliterate(text);
        }
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** The toneless pinyin syllable of one Han character, e.g. 保 → "bao"; a character read alone. */
    static String syllable(int han) {
        return SYLLABLES.computeIfAbsent(han, cp -> {
            synchronized (TO_PINYIN) {
                return TO_PINYIN.transliterate(new String(Character.toChars(cp))).strip();
            }
        });
    }
}
