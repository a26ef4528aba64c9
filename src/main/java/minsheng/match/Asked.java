package minsheng.match;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kind of figure a question asks for, when it says: a sum of money, a percentage, a date. An entry whose
 * figures hold no such kind cannot answer it — asked what 低保 pays a month, the bot must not answer with how many
 * people receive it.
 */
enum Asked {
    // Cues are read on normalized text, where synonyms are already canonical (价格, 贵不贵 → 多少钱; 百分之几 → 比例).
    MONEY(Pattern.compile("多少钱|多少元|几元|收费|费用|工资|薪水|票价"), Pattern.compile("元")),
    PERCENT(Pattern.compile("比例|%|百分|率"), Pattern.compile("%")),
    DATE(Pattern.compile("什么时候|几月|几号|哪天|哪一天|哪年|哪一年|何时|日期"), Pattern.compile("\\d+[年月日]"));

    private final Pattern cue;
    private final Pattern figure;

    Asked(Pattern cue, Pattern figure) {
        this.cue = cue;
        this.figure = figure;
    }

    /** The kinds a normalized question asks for; usually none. */
    static Set<Asked> in(String normalizedQuestion) {
        Set<Asked> out = EnumSet.noneOf(Asked.class);
        for (Asked a : values()) {
            if (a.cue.matcher(normalizedQuestion).find()) {
                out.add(a);
            }
        }
        return out;
    }

    /** The kinds an entry's figures can answer. */
    static Set<Asked> answeredBy(List<String> figures) {
        Set<Asked> out = EnumSet.noneOf(Asked.class);
        for (Asked a : values()) {
            if (figures.stream().anyMatch(f -> a.figure.matcher(f).find())) {
                out.add(a);
            }
        }
        return out;
    }
}
