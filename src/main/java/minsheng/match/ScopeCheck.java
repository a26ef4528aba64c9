package minsheng.match;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minsheng.knowledge.Cues;
import minsheng.knowledge.Entry;
import minsheng.knowledge.Scope;
import minsheng.knowledge.Scope.Gives;

/**
 * Holds a question against what the entry it is answered with declares it states ({@link Scope}): a question for a
 * later time is declined; a question for a narrower place, a total, a monthly amount, a date, a rank, a comparison,
 * a detail the entry lacks, or the present day gets the entry's answer only behind a caveat saying what it does not
 * state. Cues are read on the question folded, simplified and with numbers as digits (一个月 → 1个月) but with its
 * filler words kept (现在, 我们, 吗 carry nothing for matching, everything here); an entry's lacks are compared
 * with the fully normalized question, as they are normalized the same way.
 */
final class ScopeCheck {

    // The words an admin keeps in cues.txt, read as questions are (folded, numbers as digits).
    private final WordList later;
    private final WordList now;
    private final WordList places;
    private final WordList wider;
    private final WordList raise;
    private final WordList elsewhere;
    private final WordList before;
    private final WordList rank;
    private final WordList comparison;

    /** The check watching for the cue words of {@code cues}, each read by {@code read} as questions are. */
    ScopeCheck(Cues cues, UnaryOperator<String> read) {
        this.later = words(cues, Cues.Kind.LATER, read);
        this.now = words(cues, Cues.Kind.NOW, read);
        this.places = words(cues, Cues.Kind.PLACE, read);
        this.wider = words(cues, Cues.Kind.WIDER, read);
        this.raise = words(cues, Cues.Kind.RAISE, read);
        this.elsewhere = words(cues, Cues.Kind.ELSEWHERE, read);
        this.before = words(cues, Cues.Kind.BEFORE, read);
        this.rank = words(cues, Cues.Kind.RANK, read);
        this.comparison = words(cues, Cues.Kind.COMPARISON, read);
    }

    /** One kind of cue word, read as questions are, each once, in the file's order. */
    static WordList words(Cues cues, Cues.Kind kind, UnaryOperator<String> read) {
        return new WordList(cues.of(kind).stream().map(read).filter(w -> !w.isEmpty()).distinct().toList());
    }

    /** The province's places: a narrower place, never a subject (see {@link Subject}). */
    WordList places() {
        return places;
    }

    /** A place named by pointing: 我们县, 俺村, 各市, 分县. */
    private static final Cue LOCAL = new Cue(
            "(我们|咱们|俺们|我|咱|俺|本|某|这个|那个|哪个|每个|各个|各|分)(县|区|市|乡|镇|村|地市)(?!场|别|民)|分地区",
            "我咱俺本某这那哪每各分");
    /** A question for a figure (how many, how much): a wider place matters only to those. */
    private static final WordList FIGURE = new WordList("多少|几");
    /** The whole of a city, asked where the entry covers one of its counties. */
    private static final Cue WHOLE_CITY = new Cue("全市|整个市|市里(一共|总共)", "全整市");
    private static final Pattern COUNTY_OF_A_CITY = Pattern.compile("市.+(县|区)$");
    private static final Cue TOTAL = new Cue(
            "((?<![\\d前上头这那])1年|全年|(?<!\\d)1个疗程|一辈子|总共|一共|加起来|合计|总计|算下来|吃下来|用下来|年下来)[^，。？?]{0,8}(多少钱|花多少|多少元|费用|几个钱)",
            "1全一总加合算吃用年");
    private static final Cue MONTHLY = new Cue(
            "(每月|每个月|(?<![\\d前上头这那])1个月|月均|按月|每年|(?<![\\d前上头这那])1年)[^，。？?]{0,8}(多少|几|发|领|给|补)|(多少钱|多少)[^，。？?]{0,3}((?<!\\d)1个月|每月|每个月)",
            "每1月按多");
    /** A month or a day asked for; 几号线 asks which metro line. */
    private static final Cue DATE = new Cue("几月|哪个月|几号(?!线)|哪天|哪1天|哪一天|具体日期|具体时间|几时", "几哪具");

    /**
     * A pattern with the characters its matches can begin with: a question holding none of them is not run through
     * the pattern, which could not match it (most questions hold none of a cue's first characters).
     */
    record Cue(Pattern pattern, String starts) {

        Cue(String regex, String starts) {
            this(Pattern.compile(regex), starts);
        }

        /** Whether the pattern is found in {@code text}. */
        boolean in(String text) {
            return find(text) != null;
        }

        /** A matcher on the first match in {@code text}, or null when there is none. */
        Matcher find(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (starts.indexOf(text.charAt(i)) >= 0) {
                    Matcher m = pattern.matcher(text);
                    return m.find() ? m : null;
                }
            }
            return null;
        }
    }

    /**
     * Questions for a detail no figure answers — which places, which ones by name, how often, how to apply, the
     * target set — each with the kind an entry must declare it gives to answer it. Without one, the entry's figure
     * is not the answer, and the reply says so before giving it (「哪几个市试点」 is not answered by a count).
     */
    private record Detail(Cue cue, Gives answeredBy) {
    }

    private static final List<Detail> DETAILS = List.of(
            new Detail(new Cue("哪(个|几个|些|家|所|位|几家|几所|几种|种|1个|一个)?\\p{IsHan}{0,2}?(学校|医院|公司|企业|单位|部门|机构|工厂|厂|银行"
                    + "|平台|专业|工种|岗位|品种|药)|叫(什么|啥)|名字|名单|名称|具体(是)?(哪些|哪几|哪个|谁|什么人|啥人)"
                    + "|有没有[^，。？?]{1,12}这(个|种|项|类)"
                    + "|哪几(个|种|类|项|档)(?!省|市|县|区|乡|镇|村|地方|地区)", "哪叫名具有"), Gives.NAME),
            // Where to register or apply is a procedure, not a place the report could name.
            new Detail(new Cue("(去|在|上|到)哪(儿|里)?(登记|报名|办|申请|领|交|缴|备案)", "去在上到"), Gives.PROCEDURE),
            new Detail(new Cue("从哪(儿|里)?(到|开到|通到)哪(儿|里)?|起点|终点|(经过|途经)哪|哪(1个|几个|个|些)?(省|市|县|区|乡|镇|村"
                    + "|地方|地区)|哪里|哪儿|在哪|去哪|上哪", "从起终经途哪在去上"), Gives.PLACE),
            new Detail(new Cue("(多久|多长时间|几(年|个月|天|周|星期))[^，。？?\\d一]{0,3}(1次|一次)"
                    + "|隔多久|每隔|频率|多久开|多久召开", "多几隔每频"), Gives.FREQUENCY),
            // The conditions to qualify are what an application asks; the report states none of them in full.
            new Detail(new Cue("具体(怎么|咋|如何)(办|弄|操作|申请)|怎么办理|咋办理|咋申请|(哪些|什么|啥)(材料|证件|手续|条件)"
                    + "|手续|流程|步骤|申请条件", "具怎咋哪什啥手流步申"), Gives.PROCEDURE),
            // How far a target was met (完成目标的百分之几) is a rate, not the target.
            new Detail(new Cue("目标(是|定|设|为)[^，。？?完]{0,5}(多少|几)|定的目标[^，。？?完]{0,4}(多少|几)", "目定"),
                    Gives.TARGET));

    /**
     * A count of a unit the entry never counts (几架飞机, 多少场招聘会, 几级): a count of something else is not
     * the answer. Units that count people or are too general (人, 个, 万) are left to the answer-type guard.
     */
    private static final List<String> UNITS =
            List.of("架", "场", "辆", "列", "班", "座", "条", "届", "轮", "期", "级", "所", "台", "家", "趟", "批", "处", "套");
    private static final Cue COUNTED_UNIT = new Cue("(几|多少)(" + String.join("|", UNITS) + ")", "几多");
    /** Per unit, a figure counted in it (12所, 1.2万台, 三架); compiled once, not per question. */
    private static final java.util.Map<String, Pattern> COUNTED_IN = UNITS.stream().collect(
            java.util.stream.Collectors.toUnmodifiableMap(u -> u,
                    u -> Pattern.compile("[\\d一二两三四五六七八九十百千万亿]\\s*(余|多)?(万|亿)?" + u)));

    /** A numbered thing: a metro line, a batch (2号线, 第3批). */
    private static final Cue NUMBERED = new Cue("\\d+号线|第\\d+(批|期|届)", "0123456789第");

    /** A yes-or-no question (会不会, 能不能, 吗): a policy stated in words answers it. */
    private static final Pattern YES_NO = Pattern.compile(
            "吗|会不会|能不能|是不是|有没有|可不可以|要不要|算不算|包不包括|包括不|管不管|给不给|收不收|用不用|能否|是否|没有[?？]?$"
                    // Any A-not-A question (调不调, 搞不搞) asks yes or no.
                    + "|(\\p{IsHan})[不没]\\1");
    /** A figure the asker guesses (500块, 70%): a policy in words does not confirm it. */
    private static final Pattern GUESSED = Pattern.compile("\\d(万|亿)?(元|块|%|人|名|个|倍|岁)");

    /**
     * The kinds of figure a question asks for that the entry's declared worded answer does not already answer: a
     * "when" is answered by an event (新生儿出生就能参保), a yes-or-no question without a guessed figure by a policy
     * (婚检收费吗 → 婚检是免费的). Without this the answer-type guard would decline what the report answers in words.
     */
    static java.util.Set<Asked> unansweredInWords(Asking question, Entry entry, java.util.Set<Asked> asked) {
        Scope scope = entry.declared().orElse(null);
        if (scope == null || asked.isEmpty()) {
            return asked;
        }
        if (answersInWords(question, scope)) {
            return java.util.EnumSet.noneOf(Asked.class);
        }
        if (scope.gives(Gives.EVENT) && asked.contains(Asked.DATE)) {
            java.util.Set<Asked> rest = java.util.EnumSet.copyOf(asked);
            rest.remove(Asked.DATE);
            return rest;
        }
        return asked;
    }

    /**
     * Whether the question asks about a time after the report, and the entry cannot speak to it: a "will they"
     * the entry answers with a standing policy (补贴标准以后会不会调整 → a dynamic adjustment mechanism) it can.
     */
    boolean asksLater(Asking question, Entry entry) {
        return later.in(question.text())
                && !entry.declared().map(s -> answersInWords(question, s)).orElse(false);
    }

    /**
     * A yes-or-no question putting one year to an entry that says when something happened, and a year it does not
     * give (「郑太高铁是2021年通车的吗」): the premise is wrong, and the answer corrects it (「不是2021年」) instead of
     * declining as if another year were asked about.
     */
    static Optional<Caveat> wrongYear(Asking question, Entry entry, java.util.Set<String> askedYears) {
        Scope scope = entry.declared().orElse(null);
        if (scope == null || askedYears.size() != 1 || !YES_NO.matcher(question.text()).find()
                || !(scope.gives(Gives.YEAR) || scope.gives(Gives.DATE) || scope.gives(Gives.EVENT))) {
            return Optional.empty();
        }
        return caveat(Caveat.Kind.PREMISE, askedYears.iterator().next() + "年", scope);
    }

    /** How much or how many, asked as a figure (not 「多少年前」 or 「十几」). */
    private static final Cue HOW_MUCH = new Cue("多少|有几(?!年)|几(个|名|位|项|所|次|家|种|批|例|对|户)", "多有几");


    /** Whether a question asks how much or how many of an entry that states no figure at all. */
    static boolean inWordsOnly(Asking question, Entry entry) {
        return HOW_MUCH.in(question.text()) && entry.declared().map(s -> s.gives().stream()
                .noneMatch(Gives::isFigure)).orElse(false);
    }

    /** A yes-or-no question without a guessed figure, to an entry that states a policy in words. */
    private static boolean answersInWords(Asking question, Scope scope) {
        return scope.gives(Gives.POLICY) && question.yesOrNoWithoutGuess();
    }

    /**
     * One question's wording (filler words kept), read for a yes-or-no at most once however many candidate entries
     * are checked against it. One per match, on one thread.
     */
    static final class Asking {
        private final String text;
        private Boolean yesOrNoWithoutGuess;

        Asking(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        boolean yesOrNoWithoutGuess() {
            if (yesOrNoWithoutGuess == null) {
                yesOrNoWithoutGuess = YES_NO.matcher(text).find() && !GUESSED.matcher(text).find();
            }
            return yesOrNoWithoutGuess;
        }
    }

    /**
     * The caveat an answer from {@code entry} needs for {@code question}, if any. {@code uses} tells whether a word
     * stands in the entry's own questions, keywords or answer: a place the entry itself names is not narrower.
     */
    Optional<Caveat> check(String question, String canonical, Entry entry, String province,
                                  Predicate<String> uses, List<String> lacks) {
        Scope scope = entry.declared().orElse(null);
        if (scope == null) {
            return Optional.empty();
        }
        for (String lack : lacks) {
            if (canonical.contains(lack)) {
                return caveat(Caveat.Kind.DETAIL, lack, scope);
            }
        }
        Optional<Caveat> place = place(question, scope, province, uses);
        if (place.isPresent()) {
            return place;
        }
        for (Detail d : DETAILS) {
            if (scope.gives(d.answeredBy())) {
                continue;
            }
            Matcher m = d.cue().find(question);
            if (m != null) {
                return caveat(Caveat.Kind.DETAIL, m.group(), scope);
            }
        }
        // 3号线 is not 2号线: a numbered line or batch the answer never names is not what it states. The first
        // batch is named as 首批 or 第一笔 as often as 第一批.
        String answer = TextNormalizer.base(entry.answer());
        for (Matcher numbered = NUMBERED.find(question); numbered != null;
                numbered = numbered.find() ? numbered : null) {
            boolean first = numbered.group().equals("第1" + numbered.group().substring(numbered.group().length() - 1))
                    && (answer.contains("首") || answer.contains("第1") || answer.contains("第一"));
            if (!answer.contains(numbered.group()) && !first) {
                return caveat(Caveat.Kind.DETAIL, numbered.group(), scope);
            }
        }
        Matcher unit = COUNTED_UNIT.find(question);
        if (unit != null && !counts(entry, unit.group(2))) {
            return caveat(Caveat.Kind.DETAIL, unit.group(), scope);
        }
        if (!scope.gives(Gives.AMOUNT) && TOTAL.find(question) != null) {
            return caveat(Caveat.Kind.TOTAL, "", scope);
        }
        // A comparison from one figure to another (5.46% to 72.66%) states how much it rose.
        if (!scope.gives(Gives.RAISE) && !scope.gives(Gives.COMPARISON) && raise.in(question)) {
            return caveat(Caveat.Kind.RAISE, "", scope);
        }
        // Here a question asking a raise is one the entry gives the raise of.
        if (!scope.gives(Gives.MONTHLY) && MONTHLY.find(question) != null
                && !(scope.gives(Gives.RAISE) && raise.in(question))) {
            return caveat(Caveat.Kind.MONTHLY, "", scope);
        }
        if (!scope.gives(Gives.DATE) && DATE.in(question)) {
            return caveat(Caveat.Kind.DATE, "", scope);
        }
        if (!scope.gives(Gives.RANK) && rank.in(question)) {
            return caveat(Caveat.Kind.RANK, "", scope);
        }
        // A raise is itself a comparison with the year before.
        if (elsewhere.in(question) || !scope.gives(Gives.COMPARISON) && comparison.in(question)
                && !(scope.gives(Gives.RAISE) && before.in(question))) {
            return caveat(Caveat.Kind.COMPARISON, "", scope);
        }
        // 「困境儿童有多少」, 「低保标准多少」: how much or how many, to an entry that states no figure at all.
        if (inWordsOnly(new Asking(question), entry)) {
            return caveat(Caveat.Kind.FIGURE, "", scope);
        }
        if (now.in(question) || later.in(question)) {
            return caveat(Caveat.Kind.NOW, "", scope);
        }
        return Optional.empty();
    }

    /** Whether the entry's figures count in this unit (12所, 1.2万台, 三架). */
    private static boolean counts(Entry entry, String unit) {
        Pattern counted = COUNTED_IN.get(unit);
        return entry.figures().stream().anyMatch(f -> counted.matcher(f).find())
                || counted.matcher(entry.answer()).find();
    }

    private Optional<Caveat> place(String question, Scope scope, String province, Predicate<String> uses) {
        // 山西省各县（市、区） speaks of every county, so of the asker's too.
        boolean everyPlace = scope.place().contains("各");
        boolean provinceWide = scope.place().startsWith(province) || province.startsWith(scope.place());
        for (WordList.Found city = everyPlace ? null : places.find(question, 0); city != null;
                city = places.find(question, city.end())) {
            String named = city.word();
            if (!scope.place().contains(named) && !uses.test(named)) {
                return caveat(Caveat.Kind.PLACE, named, scope);
            }
        }
        Matcher local = everyPlace ? null : LOCAL.find(question);
        if (local != null && !uses.test(local.group())) {
            return caveat(Caveat.Kind.PLACE, "", scope);
        }
        // 晋城全市 asks for more than 晋城市沁水县 gives: the whole city, where the entry has one of its counties.
        Matcher wholeCity = WHOLE_CITY.find(question);
        if (wholeCity != null && COUNTY_OF_A_CITY.matcher(scope.place()).find() && FIGURE.in(question)) {
            return caveat(Caveat.Kind.PLACE, wholeCity.group(), scope);
        }
        WordList.Found wider = this.wider.find(question, 0);
        if (wider != null && !uses.test(wider.word()) && FIGURE.in(question)
                && (!provinceWide || wider.word().equals("全国"))) {
            return caveat(Caveat.Kind.PLACE, wider.word(), scope);
        }
        return Optional.empty();
    }

    private static Optional<Caveat> caveat(Caveat.Kind kind, String asked, Scope scope) {
        return Optional.of(new Caveat(kind, asked, scope.place(), scope.period()));
    }
}
