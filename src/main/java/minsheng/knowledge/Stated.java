package minsheng.knowledge;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a text plainly states some words: a sentence holds them and does not deny them. 「确诊项目范围内的出生缺陷
 * 313人」 states 确诊; 「报道没有列出哪些药降了价」 names 哪些药 only to say it is not given. Used wherever the bot
 * must not say the report lacks what an answer gives: the checker, the matcher's caveats, the evaluation.
 */
public final class Stated {

    private static final Pattern SENTENCE = Pattern.compile("[。！？；\\n]");
    private static final Pattern DENIED = Pattern.compile("没有|没|未|无|不");

    private Stated() {
    }

    /** Whether a sentence of {@code text} holds {@code words} (folded, 一 read as 1) and does not deny them. */
    public static boolean in(String text, String words) {
        String w = fold(words);
        if (w.isEmpty()) {
            return false;
        }
        for (String sentence : SENTENCE.split(text)) {
            if (fold(sentence).contains(w) && !DENIED.matcher(sentence).find()) {
                return true;
            }
        }
        return false;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('一', '1')
                .replaceAll("\\s+", "");
    }
}
