package minsheng.journal;

import java.util.regex.Pattern;

/**
 * Hides the personal details citizens sometimes type into a question (a mobile or landline phone, an ID card, an
 * e-mail address) before the question is stored anywhere. Full-width digits count as digits.
 */
final class Masks {

    private static final String D = "[0-9０-９]";
    private static final String SEP = "[-－ 　]?";
    /** 18-digit ID card (last may be X) or the old 15-digit one. */
    private static final Pattern ID_CARD = Pattern.compile(
            "(?<![0-9０-９])(?:" + D + "{17}[0-9０-９XxＸｘ]|" + D + "{15})(?![0-9０-９XxＸｘ])");
    /** Mainland mobile, written whole or as 3-4-4, with or without +86. */
    private static final Pattern MOBILE = Pattern.compile(
            "(?:\\+?86" + SEP + ")?(?<![0-9０-９])[1１][3-9３-９]" + D + SEP + D + "{4}" + SEP + D + "{4}(?![0-9０-９])");
    /** Landline with area code: 0351-1234567. */
    private static final Pattern LANDLINE = Pattern.compile(
            "(?<![0-9０-９])[0０]" + D + "{2,3}" + SEP + D + "{7,8}(?![0-9０-９])");
    /** Started only where a run of its characters starts, never backtracking into it: linear in the message. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++){1,8}");
    /** Any other long run of digits (a bank card, an account) is personal too; no policy figure is that long. */
    private static final Pattern LONG_NUMBER = Pattern.compile(D + "{11,}");

    static final String ID_CARD_MASK = "[身份证号]";
    static final String PHONE_MASK = "[电话]";
    static final String NUMBER_MASK = "[号码]";
    static final String EMAIL_MASK = "[邮箱]";

    private Masks() {
    }

    static String mask(String text) {
        String s = EMAIL.matcher(text).replaceAll(EMAIL_MASK);
        s = ID_CARD.matcher(s).replaceAll(ID_CARD_MASK);
        s = MOBILE.matcher(s).replaceAll(PHONE_MASK);
        s = LANDLINE.matcher(s).replaceAll(PHONE_MASK);
        return LONG_NUMBER.matcher(s).replaceAll(NUMBER_MASK);
    }
}
