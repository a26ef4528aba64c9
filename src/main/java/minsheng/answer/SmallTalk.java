package minsheng.answer;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Greetings, thanks and goodbyes — often the first or last thing a citizen types. A message that is only small talk
 * gets a friendly line instead of an apology about figures; small talk around a question (「你好，低保多少人」) is
 * passed over and the question answered.
 */
final class SmallTalk {

    enum Kind { GREETING, THANKS, GOODBYE, OK }

    /** How a citizen addresses the bot, and sounds that carry nothing: dropped around small talk. */
    private static final String AROUND = "(?:[啊呀哈哦噢呢吧嘛啦喔哟~～]|机器人|小助手|助手|客服|老师|同志|您|你)*";

    private static final Pattern GREETING = Pattern.compile(
            "(?:你好|您好|你们好|大家好|嗨|哈喽|哈啰|hello|hi|hey|早上好|上午好|中午好|下午好|晚上好|早安|早|在吗|在不在|在么|在没|有人吗|有人在吗|有人没|有人不|有人在没)");
    private static final Pattern THANKS = Pattern.compile(
            "(?:(?:好的|好|嗯|明白了|知道了)?(?:谢谢|多谢|感谢|谢了|谢啦|thanks|thankyou|thx|辛苦了)(?:你|您)?(?:了|啦)?)");
    private static final Pattern GOODBYE = Pattern.compile("(?:再见|拜拜|拜|bye|byebye|回头见|下次见|晚安)");
    /** Assent, or letting a question drop (「那算了」, 「没事了」): the talk is ending, nothing is asked. */
    private static final Pattern OK = Pattern.compile(
            "(?:好的|好嘞|得嘞|好|嗯|嗯嗯|行|知道了|明白了|明白|懂了|ok|okay|收到|那就算了|那算了|算了|没事了|没事)");
    /** The few traditional characters small talk is written with (謝謝, 再見, 在嗎): read as simplified. */
    private static final String TRADITIONAL = "謝見嗎們麼囉";
    private static final String SIMPLIFIED = "谢见吗们么啰";
    /** Punctuation, spaces and emoji between words of small talk. */
    private static final Pattern NOISE = Pattern.compile("[\\p{P}\\p{S}\\s]+");
    private static final Pattern ONLY = Pattern.compile("(?:" + AROUND + "(?:" + GREETING.pattern() + "|"
            + THANKS.pattern() + "|" + GOODBYE.pattern() + "|" + OK.pattern() + ")" + AROUND + ")+");
    private static final Pattern LEADING = Pattern.compile("^(?:" + GREETING.pattern() + AROUND + ")+[\\p{P}\\s]*");
    private static final Pattern TRAILING = Pattern.compile("[\\p{P}\\s]*(?:" + THANKS.pattern() + "|"
            + GOODBYE.pattern() + ")" + AROUND + "[\\p{P}\\p{S}\\s]*$");

    private SmallTalk() {
    }

    /** The kind of small talk a whole message is, or null when it says something more. */
    static Kind of(String message) {
        String s = fold(message);
        if (s.isEmpty()) {
            return null;
        }
        if (!ONLY.matcher(s).matches()) {
            return null;
        }
        // 「好的谢谢再见」 takes leave; 「你好谢谢」 thanks: the last word says where the talk is going.
        for (Kind kind : List.of(Kind.GOODBYE, Kind.THANKS, Kind.GREETING)) {
            if (pattern(kind).matcher(s).find()) {
                return kind;
            }
        }
        return Kind.OK;
    }

    /** The message without a greeting before it or thanks after it: 「你好，低保多少人」 → 「低保多少人」. */
    static String strip(String message) {
        String s = Normalizer.normalize(message, Normalizer.Form.NFKC).strip();
        String lower = s.toLowerCase(Locale.ROOT);
        Matcher lead = LEADING.matcher(lower);
        // Only a greeting followed by a break or by enough words to be a question is dropped: 「早产儿」 stays.
        if (lead.lookingAt() && lead.end() < s.length() && (lead.group().matches(".*[\\p{P}\\s]$")
                || lead.end() >= 2 && s.length() - lead.end() >= 4)) {
            s = s.substring(lead.end());
            lower = lower.substring(lead.end());
        }
        Matcher trail = TRAILING.matcher(lower);
        if (trail.find() && trail.start() > 0
                && (trail.group().matches("^[\\p{P}\\s].*") || trail.group().strip().length() >= 2)) {
            s = s.substring(0, trail.start());
        }
        return s.strip();
    }

    private static Pattern pattern(Kind kind) {
        return switch (kind) {
            case GREETING -> GREETING;
            case THANKS -> THANKS;
            case GOODBYE -> GOODBYE;
            case OK -> OK;
        };
    }

    private static String fold(String message) {
        String s = NOISE.matcher(Normalizer.normalize(message, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .replaceAll("");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            int t = TRADITIONAL.indexOf(s.charAt(i));
            out.append(t < 0 ? s.charAt(i) : SIMPLIFIED.charAt(t));
        }
        return out.toString();
    }
}
