package minsheng.eval;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minsheng.answer.Reply;
import minsheng.knowledge.Stated;

/**
 * Finds a reply that says the report does not state something and then states it: 「您问到的「确诊」，报道里没有讲」
 * above an answer giving 313 确诊, 「报道没有给出涨了多少」 above 「从5.46%提高到72.66%」. Read from the reply's words
 * alone, as a citizen reads them, so it holds whatever the engine thought.
 */
final class SelfContradiction {

    /** The detail the reply says the report does not give: 「您问到的「…」，报道里没有讲」. */
    private static final Pattern DETAIL = Pattern.compile("您问到的「([^」]+)」，报道里没有讲");
    /** The place it says has no figure: 「…，没有运城的数字」. */
    private static final Pattern PLACE = Pattern.compile("没有([^，。的]{2,8})的数字");
    private static final Pattern NO_RAISE = Pattern.compile("报道没有给出涨了多少");
    /** A rise the answer states: from one figure to another, or this year's beside last year's. */
    private static final Pattern RAISE_STATED = Pattern.compile("从[^，。]{0,12}\\d[^，。]{0,12}(提高|增加|上升|涨)到"
            + "|(提高|增加|上升|涨)到\\d[^。]{0,20}\\d{4}年只有");
    private static final Pattern NO_DATE = Pattern.compile("报道没有给出具体的月份和日期");
    private static final Pattern DATE_STATED = Pattern.compile("\\d{4}年\\d{1,2}月(\\d{1,2}日)?");

    private SelfContradiction() {
    }

    /** What the reply says is missing while stating it, or empty when it does not. */
    static Optional<String> in(Reply reply) {
        if (!reply.answered() || !reply.caveated()) {
            return Optional.empty();
        }
        String text = reply.text();
        int lineEnd = text.indexOf('\n');
        String lead = lineEnd < 0 ? text : text.substring(0, lineEnd);
        String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
        Matcher detail = DETAIL.matcher(lead);
        if (detail.find() && Stated.in(body, detail.group(1))) {
            return Optional.of("「" + detail.group(1) + "」");
        }
        Matcher place = PLACE.matcher(lead);
        // The answer saying the same lack again (「报道没有分市、分县的人数」) does not state the place's figure.
        if (place.find() && body.replace("没有" + place.group(1), "").contains(place.group(1))) {
            return Optional.of("「" + place.group(1) + "」的数字");
        }
        if (NO_RAISE.matcher(lead).find() && RAISE_STATED.matcher(body).find()) {
            return Optional.of("涨了多少");
        }
        if (NO_DATE.matcher(lead).find() && DATE_STATED.matcher(body).find()) {
            return Optional.of("月份和日期");
        }
        return Optional.empty();
    }

}
