package minsheng.match;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The kind of figure a question asks for, when it says: a sum of money, a percentage, a date, a count, an amount
 * per head or per month. An entry whose figures hold no such kind cannot answer it — asked what 低保 pays a month,
 * the bot must not answer with how many people receive it; asked how many compounds were renovated, it must not
 * answer with the year.
 */
enum Asked {
    // Cues are read on normalized text: synonyms are canonical (价格, 贵不贵 → 多少钱; 百分之几 → 比例) and numbers
    // are digits (一个月 → 1个月).
    MONEY(new WordList("多少钱|多少元|几元|多少亿|几亿|多少万元|收费|费用|工资|薪水|收入|挣多少|赚多少|学费|交多少|票价"
            + "|资金有多少|资金多少|资金是多少|经费|花了多少|花多少|花费|投入了多少|投入多少|投了多少|拨了多少|下拨了多少")::in,
            Pattern.compile("元")),
    PERCENT(new WordList("比例|%|百分|率")::in, Pattern.compile("%")),
    // 几号线 asks which metro line, not a day.
    DATE(new ScopeCheck.Cue("什么时候|几月|几号(?!线)|哪天|哪一天|哪年|哪一年|何时|日期", "什几哪何日")::in,
            Pattern.compile("\\d+[年月日]")),
    /** How many of something: answered only by a counted figure, never by a bare year. */
    COUNT(new ScopeCheck.Cue("多少(个|所|台|次|趟|位|对|例|户|家|项|种|批|万(?!人|名))|几(所|台|次|趟|位|对|例|户|家|项|批)",
            "多几")::in, Pattern.compile("\\d(万|亿)?(余)?(人|名|个|所|台|对|例|次|户|万)")),
    /**
     * How many people: answered only by a count of people (人, 名, 人次, and the pairs and cases people are counted
     * in), never by a count of trades or places (「民航的培训了多少人」 is not 150余个工种).
     */
    PEOPLE(new ScopeCheck.Cue("多少(万)?(人|名)|几(万)?(个)?(人|名)", "多几")::in,
            Pattern.compile("\\d(万|亿)?(余|多)?(名|人|对|例|户|劳动力|孕妇|老人|老年|学生|儿童|孩子|孤儿|残疾人|新人|对象"
                    + "|妇女|居民|退休|职工|学员|护工)")),
    /** So much per person or per month: answered only where the answer itself speaks per head or per period. */
    PER_HEAD(new WordList("每人|每月|每个月|1个月|每年|人均|月均|能领多少|领多少|能拿多少|拿多少|能领几")::in,
            Pattern.compile("每|人均|月均"));

    /** Whether a question asks for this kind: its cue words, found without a regex engine where they are plain. */
    private final Predicate<String> cue;
    private final Pattern figure;

    Asked(Predicate<String> cue, Pattern figure) {
        this.cue = cue;
        this.figure = figure;
    }

    /** The kinds a normalized question asks for; usually none. */
    static Set<Asked> in(String normalizedQuestion) {
        Set<Asked> out = EnumSet.noneOf(Asked.class);
        // A filler word passed over leaves a space: 「花了多少」 is read 「花 多少」, and is still 「花多少」.
        String joined = normalizedQuestion.indexOf(' ') < 0 ? normalizedQuestion : normalizedQuestion.replace(" ", "");
        for (Asked a : values()) {
            if (a.cue.test(joined)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The kinds an entry can answer: by its figures, and for {@link #PER_HEAD} by its answer's wording. */
    static Set<Asked> answeredBy(List<String> figures, String answer) {
        Set<Asked> out = EnumSet.noneOf(Asked.class);
        for (Asked a : values()) {
            // Per head and people are read in the answer's words: 54.89万名残疾人 counts people, the figure 54.89万
            // alone does not say so.
            boolean found = a == PER_HEAD || a == PEOPLE
                    ? !figures.isEmpty() && a.figure.matcher(answer).find()
                    : figures.stream().anyMatch(f -> a.figure.matcher(f).find());
            if (found) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Whether an entry answering {@code answerable} can take a question asking for {@code asked}: it must give at
     * least one kind asked ( 「有多少对，婚检率是多少」 asks two, and either entry answers half of it).
     */
    static boolean fits(Set<Asked> asked, Set<Asked> answerable) {
        return asked.isEmpty() || asked.stream().anyMatch(answerable::contains);
    }
}
