package minsheng.answer;

import java.util.regex.Pattern;

/**
 * What a message carries besides its question, taken out before it is read: markup pasted with it
 * (「&lt;b&gt;低保&lt;/b&gt;」), a personal number with its label (an ID card, a phone, an e-mail address:
 * 「我身份证号1401…，低保多少人」) and a self-introduction (「我叫张三，」). None of these is ever a figure or a word the
 * knowledge answers by, and an unknown word weighs the most in matching, so left in they would turn a plain question
 * into a decline. The journal still masks them in what it stores; this only decides what is read. Linear in the length
 * of the message (each pattern starts only where its run starts, and never backtracks into it), as a message may be
 * a whole 4096-character Telegram message or more.
 */
final class Asides {

    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*+(?:\\s[^<>]*+)?/?>");
    /**
     * Seven digits or more, spaces and dashes between them allowed: no figure a citizen asks about is written so. At
     * most 25, so the repetition cannot run deep (Java's regex recurses once per round of a group).
     */
    private static final String NUMBER = "(?<![0-9０-９])[0-9０-９](?:[-－ 　]?[0-9０-９]){6,24}[XxＸｘ]?(?![0-9０-９])";
    private static final String EMAIL =
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++){1,8}";
    private static final Pattern PERSONAL = Pattern.compile("(?:我的?|本人)?(?:身份证(?:号码?)?|手机(?:号码?)?"
            + "|(?:联系)?电话(?:号码?)?|邮箱|电子邮件|e-?mail)?\\s{0,3}+(?:是|为|[:：])?\\s{0,3}+(?:" + NUMBER + "|" + EMAIL
            + ")",
            Pattern.CASE_INSENSITIVE);
    /** 我叫 and a name of two to four characters, then a break: 「我叫张三，」. */
    private static final Pattern NAME = Pattern.compile("(?:我叫|本人叫|我的名字是|姓名[:：]?)\\p{IsHan}{2,4}(?=[\\p{P}\\s])");

    private Asides() {
    }

    /** The message with its asides taken out. */
    static String removed(String message) {
        String s = TAG.matcher(message).replaceAll("");
        s = PERSONAL.matcher(s).replaceAll(" ");
        return NAME.matcher(s).replaceAll(" ").strip();
    }

    /** True when nothing is left to read: only punctuation, symbols, spaces or invisible characters (「？？？」). */
    static boolean asksNothing(String text) {
        return text.codePoints().noneMatch(Character::isLetterOrDigit);
    }
}
