package minsheng.answer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minsheng.match.WordList;

/**
 * Reads a message against the question just asked, the way a clerk at a service window would: 「农村的呢」 after
 * 「城市低保多少人」 asks 「农村低保多少人」; 「查的是哪些人」 after 「两癌检查做了多少例」 asks who the 两癌 checks were
 * for. Gives the rewritten questions to try; whether one of them is taken is decided by what the knowledge answers.
 */
final class FollowUps {

    /** What a message says on its own, read without the earlier question. */
    enum Shape {
        /** Names its own subject: a question standing alone. */
        STANDALONE,
        /** Asks a different measure of the same thing and names no subject: 「花了多少钱」, 「在哪」. */
        MEASURE,
        /** Swaps a place, group or time of the same question: 「农村的呢」, 「以前呢」, 「上海的呢」. */
        QUALIFIER,
        /** Asks the same of another thing: 「波立维呢」 after the price of stents. */
        SUBJECT
    }

    /** A reading of a message: its shape, and the qualifier or subject it names (empty for a measure). */
    record Reading(Shape shape, String named) {}

    /** A rewritten question, with the qualifier it brought in (empty when none) that an answer must speak of. */
    record Rewrite(String question, String qualifier) {}

    /**
     * Words that ask how much, where, who, when — the measure of a question, not its subject — and the small words
     * around them. A message made only of these has no subject of its own.
     */
    static final WordList MEASURE_WORDS = new WordList(
            "多少钱|多少人|多少|几个|几次|几|哪些人|哪些|哪里|哪儿|哪个|哪天|哪年|在哪|哪|什么时候|什么人|什么|怎么样|怎样|咋样|"
            + "多会儿|多咱|啥时候|啥时|几时|甚时候|一个人|一个月|每个月|每月|每个人|每人|每年|平均|人均|"
            + "怎么|如何|谁|何时|时候|地方|费用|花费|花了|花|钱|人数|人次|人|次|个|例|名|元|万|受益|惠及|覆盖|对象|范围|"
            + "标准|比例|多大|多长|具体|情况|有|是|的|了|都|还|也|又|再|呢|吗|啊|呀|吧|嘛|共|一共|总共|查|在|发|给|用|能|会|"
            + "被|到|要|去|做|办|那么|那|这|它|他们|她们|这些|那些|其中|该|项|些|问|说|分别|各自|各|领到|拿到|领了|领|"
            + "百分之|百分比|完成度|完成了|完成|超额|超了|降了|涨了|提高了|增加了");
    /** Words that point back at what was just said. */
    private static final Pattern ANAPHOR = Pattern.compile("这个|那个|这项|那项|这些|那些|它|他们|她们|其中|该项");
    private static final Pattern LEAD = Pattern.compile("^(那么|那要是|那如果是|那|还有|换成|如果是|要是|要换成)");
    private static final Pattern TAIL = Pattern.compile("(的呢|呢|的|的情况|情况|怎么样|咋样|是多少|有多少|多少)+$");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\s]+");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d年?");
    /** Where a question starts asking: what comes before is its subject. */
    private static final Pattern QUESTION_CUE = Pattern.compile(
            "多少|几|哪|什么|怎么|如何|吗|是否|有没有|能不能|是不是|高不高|贵不贵|有哪些|咋|啥|谁|何时");
    private static final Pattern SUBJECT_TAIL = Pattern.compile("(了|的|是|有|都|共|一共|总共|做了|现在|目前|在)+$");

    /** A dimension a question can be turned along; the first word of each group is how it is written back. */
    private enum Dimension {
        CITY(List.of("城市", "城镇", "城里", "城区", "市里")),
        COUNTRY(List.of("农村", "乡村", "乡下", "村里", "农民")),
        PAST(List.of("以前", "之前", "原来", "过去", "当时", "那时", "此前", "降价前", "集采前", "那一年之前",
                "那年之前", "往年", "前些年", "前一年", "上一年", "前1年", "上1年", "头一年", "再往前")),
        // 去年, asked after the report came out, is the report's own year.
        NOW(List.of("现在", "目前", "如今", "眼下", "当前", "去年")),
        /** Years the report does not reach: it tells 2020 and what came before, nothing later. */
        LATER(List.of("今年", "明年", "后年", "以后", "将来", "未来")),
        /** The report is one province's: it never gives the national figure of what it counts. */
        NATION(List.of("全国", "国家", "全中国", "全国各地"));

        final List<String> words;

        Dimension(List<String> words) {
            this.words = words;
        }

        boolean place() {
            return this == CITY || this == COUNTRY || this == NATION;
        }

        /** The report never speaks of it, whatever the entry. */
        boolean never() {
            return this == NATION || this == LATER;
        }

        static Optional<Dimension> of(String word) {
            for (Dimension d : values()) {
                if (d.words.contains(word)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    private final List<String> otherPlaces;

    /** {@code otherPlaces}: the places the report does not cover (other provinces), from the out-of-scope words. */
    FollowUps(List<String> otherPlaces) {
        this.otherPlaces = otherPlaces;
    }

    /** How a message reads on its own. */
    Reading read(String message) {
        String s = fold(message);
        if (s.isEmpty()) {
            return new Reading(Shape.STANDALONE, "");
        }
        String rest = MEASURE_WORDS.removeAll(s);
        // One character left over (「多少人领到了」 → 领) is a verb of the measure, not a subject.
        if (rest.length() <= 1) {
            return new Reading(Shape.MEASURE, "");
        }
        // 「那一年之前呢」 begins with 那 as a word of its own; 「那农村的呢」 with 那 as "then".
        String untailed = TAIL.matcher(s).replaceFirst("");
        if (isQualifier(untailed)) {
            return new Reading(Shape.QUALIFIER, untailed);
        }
        String core = TAIL.matcher(LEAD.matcher(s).replaceFirst("")).replaceFirst("");
        String qualifier = MEASURE_WORDS.removeAll(core);
        if (isQualifier(qualifier)) {
            return new Reading(Shape.QUALIFIER, qualifier);
        }
        boolean elliptical = s.endsWith("呢") || LEAD.matcher(s).find();
        if (elliptical && !core.isEmpty() && core.length() <= 6 && !QUESTION_CUE.matcher(core).find()) {
            return new Reading(Shape.SUBJECT, core);
        }
        return new Reading(Shape.STANDALONE, "");
    }

    /** The questions a follow-up may mean, given the question before it; empty when it stands alone. */
    List<Rewrite> rewrite(Reading reading, String message, String previous) {
        if (previous == null || previous.isBlank() || reading.shape() == Shape.STANDALONE) {
            return List.of();
        }
        String prev = fold(previous);
        int cue = firstCue(prev);
        String subject = SUBJECT_TAIL.matcher(prev.substring(0, cue)).replaceFirst("");
        String measure = prev.substring(cue);
        List<Rewrite> out = new ArrayList<>();
        switch (reading.shape()) {
            case MEASURE -> {
                if (!subject.isEmpty()) {
                    out.add(new Rewrite(subject + ANAPHOR.matcher(fold(message)).replaceAll(""), ""));
                }
            }
            case QUALIFIER -> {
                String q = reading.named();
                Optional<Dimension> d = dimension(q);
                String swapped = d.flatMap(dim -> swap(prev, dim, q)).orElse(null);
                if (YEAR.matcher(q).matches() && YEAR.matcher(prev).find()) {
                    swapped = YEAR.matcher(prev).replaceAll(q.endsWith("年") ? q : q + "年");
                }
                out.add(new Rewrite(swapped != null ? swapped : q + prev, supported(q) ? q : ""));
            }
            case SUBJECT -> out.add(new Rewrite(reading.named() + measure, ""));
            default -> { }
        }
        return out;
    }

    /**
     * The place word of a question that an entry contradicts: the question asks about the city (or the countryside)
     * and the entry speaks only of the other (「城市低保标准是多少」 against the rural standard). Empty when none.
     */
    static Optional<String> placeContradicted(String question, String entryText) {
        String q = fold(question).replace("城乡", "");
        for (Dimension asked : List.of(Dimension.CITY, Dimension.COUNTRY)) {
            Dimension other = asked == Dimension.CITY ? Dimension.COUNTRY : Dimension.CITY;
            Optional<String> word = asked.words.stream().filter(q::contains).findFirst();
            if (word.isPresent() && asked.words.stream().noneMatch(entryText::contains)
                    && other.words.stream().anyMatch(entryText::contains)) {
                return word;
            }
        }
        return Optional.empty();
    }

    /** Whether a message points back at something said before it (这个, 那些, 它): its subject is there. */
    static boolean pointsBack(String message) {
        return ANAPHOR.matcher(fold(message)).find();
    }

    /** A follow-up asking what the figures just given add up to, naming nothing of its own: 「那两个加起来呢」. */
    private static final Pattern TOTAL = Pattern.compile(
            "^(那|这)?(这|那)?(两个|两项|两样|俩|二者|它们|他们|总的)?(加起来|加一起|加一块儿?|合起来|合计|一共|总共|总数)"
                    + "(是|有|一共|总共)?(多少|几)?(人|个)?(呢|啊|吗|呀)?$");

    /** Whether a message asks for the total of what was just answered, and nothing else. */
    static boolean asksTheTotal(String message) {
        return TOTAL.matcher(fold(message)).matches();
    }

    /** Whether a qualifier a follow-up brought in is a place or group (城市, 农村, 全国), not a time. */
    static boolean isPlace(String qualifier) {
        return dimension(qualifier).map(Dimension::place).orElse(false);
    }

    /** Asks where: answered only by an answer that names a place. */
    private static final Pattern ASKS_WHERE = Pattern.compile("在哪|哪里|哪儿|什么地方|啥地方|去哪|哪个地方");
    private static final Pattern PLACE = Pattern.compile("\\p{IsHan}(县|市|区|乡|村|镇|医院|场所|社区|中心)");

    /** Whether a follow-up asks where, and the answer names no place: 「在哪做」 after 「婚检免费吗」. */
    static boolean asksAPlaceNotGiven(String message, String answer) {
        return ASKS_WHERE.matcher(fold(message)).find() && !PLACE.matcher(answer).find();
    }

    /** A clause read as going on about the subject of the clause before it; null when that has none. */
    String continued(String clause, String previous) {
        String prev = fold(previous);
        String subject = SUBJECT_TAIL.matcher(prev.substring(0, firstCue(prev))).replaceFirst("");
        return subject.isEmpty() || fold(clause).startsWith(subject) ? null : subject + fold(clause);
    }

    /**
     * Whether an answer speaks of the qualifier a follow-up brought in: a country figure answers 「农村的呢」, a figure
     * of 以前 answers 「以前呢」; an answer that does not split its figure that way does not.
     */
    static boolean speaksOf(String qualifier, String entryText) {
        Optional<Dimension> d = dimension(qualifier);
        if (d.isEmpty()) {
            return true;
        }
        if (d.get() == Dimension.NOW) {
            return true;
        }
        if (d.get().never()) {
            return false;
        }
        List<String> words = new ArrayList<>(d.get().words);
        if (d.get() == Dimension.PAST) {
            words.addAll(List.of("年前", "2019", "只有", "从前", "降价前", "上一年"));
        } else if (d.get() == Dimension.COUNTRY) {
            words.add("乡");
        }
        return words.stream().anyMatch(entryText::contains);
    }

    private boolean isQualifier(String word) {
        return !word.isEmpty() && (dimension(word).isPresent() || YEAR.matcher(word).matches()
                || otherPlaces.contains(word) || (word.endsWith("省") || word.endsWith("市"))
                && otherPlaces.contains(word.substring(0, word.length() - 1)));
    }

    /** Whether an answer must be checked to speak of the qualifier (years and other places are checked by the engine). */
    private static boolean supported(String qualifier) {
        return dimension(qualifier).isPresent();
    }

    private static Optional<Dimension> dimension(String word) {
        return Dimension.of(word);
    }

    /** The previous question turned along the dimension: its city word becomes country, its 现在 becomes 以前. */
    private static Optional<String> swap(String prev, Dimension to, String word) {
        for (Dimension from : Dimension.values()) {
            if (from == to || from.place() != to.place()) {
                continue;
            }
            for (String w : from.words) {
                if (prev.contains(w)) {
                    return Optional.of(prev.replace(w, word));
                }
            }
        }
        // 「城乡」 holds both places: 「农村的呢」 after 「城乡低保多少人」 narrows it.
        if (to.place() && prev.contains("城乡")) {
            return Optional.of(prev.replace("城乡", word));
        }
        return Optional.empty();
    }

    private static int firstCue(String question) {
        Matcher m = QUESTION_CUE.matcher(question);
        return m.find() ? m.start() : question.length();
    }

    static String fold(String message) {
        return PUNCTUATION.matcher(Normalizer.normalize(message, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .replaceAll("");
    }
}
