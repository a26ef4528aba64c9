package minsheng.answer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message that picks one of the offered choices: by its digits (「2」, 「2.」), or in words (「第一个」,
 * 「第2个」, 「要第二条」, 「选3」). A number that cannot be a choice (「0」, 「-1」, 「12」) is still read as a
 * pick, so the citizen is told which numbers there are.
 */
final class Picks {

    private static final String CHINESE_DIGITS = "零一二三四五六七八九十";
    private static final Pattern DIGITS = Pattern.compile("[-－−]?\\d{1,2}");
    private static final Pattern WORDS = Pattern.compile(
            "(?:我)?(?:要|选|选择|看|就)?(?:第)?([0-9]{1,2}|[零一二三四五六七八九十])(?:个|条|项|号|种)?(?:吧|的|呢)?");

    private Picks() {
    }

    /** The number picked (possibly out of range), or null when the message is not a pick. */
    static Integer number(String message) {
        String s = java.text.Normalizer.normalize(message, java.text.Normalizer.Form.NFKC).strip()
                .replaceAll("[\\s.。、)）!！~]+$", "").strip();
        if (DIGITS.matcher(s).matches()) {
            return Integer.parseInt(s.replaceAll("[-－−]", "-"));
        }
        Matcher m = WORDS.matcher(s);
        // A bare Chinese numeral (「二」) is too likely to be something else; words need 第, a measure or a verb.
        if (!m.matches() || s.equals(m.group(1))) {
            return null;
        }
        String n = m.group(1);
        if (Character.isDigit(n.charAt(0))) {
            return Integer.parseInt(n);
        }
        return CHINESE_DIGITS.indexOf(n.charAt(0));
    }
}
