package minsheng.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an answer must say about its time. The report describes 2020 (and the start of 2021); a citizen reading an
 * answer later must see which year it speaks of, so every answer names its year, every date carries its year, and
 * nothing is said as if the report's year were today.
 */
final class AnswerTime {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d\\d年");
    /** A month (with or without its day) not written right after a four-digit year: 「1月15日」, 「同年12月」. */
    private static final Pattern MONTH_WITHOUT_YEAR = Pattern.compile(
            "(?<!(19|20)\\d\\d年)(?<![\\d.])(\\d{1,2}|[一二三四五六七八九十]{1,2})月(\\d{1,2}[日号])?");
    /** Part of a year with the year left out: 「年初」 alone, but not 「2020年初」. */
    private static final Pattern PART_OF_YEAR = Pattern.compile("(?<!(19|20)\\d\\d)年(初|末|底|中)");
    /** A whole-year count with no year: 「全年」 alone, but not 「2020年全年」. */
    private static final Pattern WHOLE_YEAR = Pattern.compile("(?<!(19|20)\\d\\d年)全年");
    /** A year named only relative to when it is read. */
    private static final Pattern RELATIVE_YEAR = Pattern.compile("今年|去年|明年|前年|本年|当年|同年");
    /** Words that make the report's time read as today (「体现在」 and the like are not about time). */
    private static final Pattern PRESENT = Pattern.compile("(?<![体实出表])现在|目前|正在|如今|当前|眼下|至今|最新");

    private AnswerTime() {
    }

    /** What is wrong with the answer's time, each said of the {@code answer} field; empty when sound. */
    static List<Problem.Says> problems(String answer) {
        List<Problem.Says> out = new ArrayList<>();
        if (!YEAR.matcher(answer).find()) {
            out.add(Problem.Says.of("problem.time.no.year"));
        }
        found(MONTH_WITHOUT_YEAR, answer).forEach(date -> out.add(Problem.Says.of("problem.time.date", date)));
        found(PART_OF_YEAR, answer).forEach(part -> out.add(Problem.Says.of("problem.time.part", part)));
        found(WHOLE_YEAR, answer).forEach(whole -> out.add(Problem.Says.of("problem.time.whole", whole)));
        found(RELATIVE_YEAR, answer).forEach(word -> out.add(Problem.Says.of("problem.time.relative", word)));
        found(PRESENT, answer).forEach(word -> out.add(Problem.Says.of("problem.time.present", word)));
        return out;
    }

    private static List<String> found(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
