package minsheng.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import minsheng.knowledge.Cues;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.Stated;
import minsheng.knowledge.Vocabulary;

/**
 * Finds the entry a citizen's question asks for, and knows when none does.
 *
 * <p>Lucene's BM25 retrieves the stored ways of asking closest to the question; each candidate entry then gets a
 * confidence from 0 to 1: how well its best stored question and the citizen's question cover each other (by
 * characters or, a little discounted, by sound), times the square root of how much of the question the entry's
 * whole vocabulary explains. An entry that cannot answer — another year, a price it does not state — is passed
 * over, and a question asking for a procedure or advice is declined outright. Built once per knowledge snapshot;
 * immutable and safe to share between threads.
 */
public final class Matcher {

    /** Documents BM25 hands over to be weighed. */
    private static final int CANDIDATE_DOCS = 200;
    /** A story's reading is answered from this share of the usual lines (see storyThresholds). */
    private static final double STORY_LINES = 0.8;
    /** Characters of a message that are matched; far above any question in the development sets (under 60). */
    static final int MAX_MATCHED = 200;
    /** Most suggestions offered at once. */
    static final int MAX_SUGGESTIONS = 3;
    /** A match by sound alone counts a little less than the same match by characters. */
    private static final double SOUND_DISCOUNT = 0.85;
    /** Suggestions stay within this distance of the best one, so a weak third is not offered beside two strong. */
    private static final double SUGGESTION_WINDOW = 0.2;
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d\\d(?!\\d)");

    private final KnowledgeBase knowledge;
    private final Thresholds thresholds;
    /** The lines for a question read with a clause of its story: {@value #STORY_LINES} of the others. */
    private final Thresholds storyThresholds;
    private final TextNormalizer normalizer;
    private final QuestionIndex index;
    /** The cue words of the knowledge's cues.txt, watched for in questions. */
    private final ScopeCheck scopeCheck;
    private final Subject subject;
    private final List<String> outOfScope;
    private final Map<String, Set<String>> yearsByEntry = new HashMap<>();
    private final Map<String, Set<Asked>> answerableByEntry = new HashMap<>();
    /** Each entry's declared lacks, normalized like questions. */
    private final Map<String, List<String>> lacksByEntry = new HashMap<>();
    /** The entries by number, and the number of the entry each stored question (by ordinal) asks for. */
    private final Entry[] entries;
    private final int[] entryOfDoc;

    private Matcher(KnowledgeBase knowledge, Thresholds thresholds) {
        this.knowledge = knowledge;
        this.thresholds = thresholds;
        this.storyThresholds = new Thresholds(STORY_LINES * thresholds.answerAt(), STORY_LINES * thresholds.suggestAt(),
                thresholds.margin(), thresholds.alikeRatio());
        this.normalizer = new TextNormalizer(knowledge.vocabulary());
        Cues cues = knowledge.vocabulary().cues();
        this.scopeCheck = new ScopeCheck(cues, TextNormalizer::base);
        this.subject = new Subject(ScopeCheck.words(cues, Cues.Kind.NOT_SUBJECT, TextNormalizer::base),
                scopeCheck.places());
        List<QuestionIndex.Phrase> phrases = new ArrayList<>();
        Map<String, TextNormalizer.Normalized> answers = new HashMap<>();
        for (Entry e : knowledge.entries()) {
            for (String q : e.questions()) {
                phrases.add(new QuestionIndex.Phrase(e.id(), normalizer.normalize(q)));
            }
            for (String k : e.keywords()) {
                phrases.add(new QuestionIndex.Phrase(e.id(), normalizer.normalize(k)));
            }
            TextNormalizer.Normalized answer = normalizer.normalize(e.answer());
            answers.put(e.id(), answer);
            Set<String> years = years(answer.canonical());
            years.add(String.valueOf(e.citation().report().year()));
            yearsByEntry.put(e.id(), years);
            answerableByEntry.put(e.id(), Asked.answeredBy(e.figures(), e.answer()));
            // A caveat never says the report lacks what the answer itself states (`check` reports such a word).
            lacksByEntry.put(e.id(), e.declared().map(sc -> sc.lacks().stream()
                    .filter(w -> !Stated.in(e.answer(), w))
                    .map(w -> normalizer.normalize(w).canonical().strip())
                    .filter(w -> !w.isEmpty())
                    .toList()).orElse(List.of()));
        }
        this.index = new QuestionIndex(phrases, answers);
        this.entries = knowledge.entries().toArray(new Entry[0]);
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < entries.length; i++) {
            numbers.put(entries[i].id(), i);
        }
        this.entryOfDoc = phrases.stream().mapToInt(p -> numbers.get(p.entryId())).toArray();
        this.outOfScope = knowledge.vocabulary().outOfScope().stream()
                .map(w -> normalizer.normalize(w).canonical().strip())
                .filter(w -> !w.isEmpty())
                .toList();
    }

    public static Matcher build(KnowledgeBase knowledge, Thresholds thresholds) {
        return new Matcher(knowledge, thresholds);
    }

    /**
     * Loads what every matcher needs whatever the knowledge — ICU's tables, Lucene's tokenizers, filters and maps,
     * the scoring — by indexing and searching one made-up entry. A start runs this on another core while it reads
     * the knowledge: a class is initialized once, and a thread that needs it meanwhile waits for it.
     */
    public static void prepare() {
        TextNormalizer normalizer = new TextNormalizer(new Vocabulary(
                List.of(new Vocabulary.Group("医疗保险", List.of("医保", "醫保"), 1)), List.of("请问"), List.of()));
        QuestionIndex index = new QuestionIndex(
                List.of(new QuestionIndex.Phrase("prepare", normalizer.normalize("请问醫保报销多少钱"))),
                Map.of("prepare", normalizer.normalize("2020年，医保报销比例为70%。")));
        QuestionIndex.TermSet terms = index.analyze(normalizer.normalize("医保能报多少"));
        for (int ord : index.candidates(terms, CANDIDATE_DOCS)) {
            closeness(index.overlap(terms, ord));
        }
    }

    /**
     * The part of a message that is matched: its first {@value #MAX_MATCHED} characters. Citizens' questions are a
     * line or two; a message of thousands of characters (Telegram allows 4096) would otherwise cost time for nothing
     * and grow the search past what Lucene accepts.
     */
    public static String matched(String question) {
        if (question == null) {
            return "";
        }
        if (question.length() <= MAX_MATCHED) {
            return question;
        }
        int end = MAX_MATCHED;
        if (Character.isHighSurrogate(question.charAt(end - 1))) {
            end--;
        }
        return question.substring(0, end);
    }

    /**
     * A text folded (full-width to half-width, lower case) and in simplified characters, as the engine reads words
     * before numbers, fillers and synonyms: for reading a message's shape (幾 is 几) before it is matched.
     */
    public static String simplified(String text) {
        return Icu.simplified(Icu.fold(text));
    }

    /** A weighed entry, with how many of the question's characters its vocabulary holds. */
    private record Scored(Entry entry, double score, double characters) {}

    /** Best score first; entries scoring alike by id, so the order never depends on how they were found. */
    private static final Comparator<Scored> RANKING = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(s -> s.entry().id());

    /** The question as the engine reads it (folded, simplified, numbers rewritten, fillers dropped, synonyms canonical). */
    public String normalized(String question) {
        return normalizer.normalize(question).canonical().strip();
    }

    /**
     * A question as the engine reads it before searching: normalized and split into its terms. Read once, it can be
     * both bounded ({@link #ceiling}) and matched ({@link #match(Reading)}) at the cost of one analysis. Belongs to
     * one thread.
     */
    public static final class Reading {
        private final String base;
        private final TextNormalizer.Normalized text;
        private final QuestionIndex.TermSet terms;
        /** Read with a clause of the citizen's story (see readStory). */
        private final boolean story;

        private Reading(String base, TextNormalizer.Normalized text, QuestionIndex.TermSet terms, boolean story) {
            this.base = base;
            this.text = text;
            this.terms = terms;
            this.story = story;
        }
    }

    /** Reads a question for {@link #ceiling} and {@link #match(Reading)}. */
    public Reading read(String question) {
        String base = TextNormalizer.base(matched(question));
        TextNormalizer.Normalized text = normalizer.normalizeBase(base);
        return new Reading(base, text, index.analyze(text), false);
    }

    /**
     * Reads a question put together with a clause of the citizen's story ({@code told}): the story's words the
     * knowledge never uses (同事, 待产包, 送外卖) say nothing about which entry is meant, and are not let dilute every
     * entry's closeness; the question's own such words still count.
     */
    public Reading readStory(String told, String question) {
        String base = TextNormalizer.base(matched(told));
        TextNormalizer.Normalized text = normalizer.normalizeBase(base);
        return new Reading(base, text, index.analyze(text, normalizer.normalize(matched(question))), true);
    }

    /**
     * The most {@link #match} could score an entry outside {@code except} for this question: no match of it ranks
     * such an entry first (answers it, offers it first) with a higher score. Costs no search: every stored question
     * is weighed as if the search had handed it over, the same way to the last bit, so the ceiling is never below
     * the score itself (those that share nothing with it are 0 close). Lets a caller pass over a reading that could
     * not win without matching it.
     */
    public double ceiling(Reading reading, Set<String> except) {
        QuestionIndex.TermSet terms = reading.terms;
        if (terms.isEmpty()) {
            return 0;
        }
        double[] closest = new double[entries.length];
        // A stored question sharing nothing is 0 close, the least there is: it cannot raise the ceiling, so only
        // those sharing something are weighed.
        for (int ord : index.sharing(terms)) {
            closest[entryOfDoc[ord]] = Math.max(closest[entryOfDoc[ord]], closeness(index.overlap(terms, ord)));
        }
        double ceiling = 0;
        for (int e = 0; e < entries.length; e++) {
            if (closest[e] > 0 && !except.contains(entries[e].id())) {
                ceiling = Math.max(ceiling, closest[e] * Math.sqrt(explained(terms, entries[e].id())));
            }
        }
        return ceiling;
    }

    public Match match(String question) {
        return match(read(question));
    }

    /**
     * Whether a question names what it is about in words the knowledge uses (「城镇新增就业多少人」), rather than only
     * asking (「那是哪年几月的事」, 「一共多少人」): a question that does not can only be read with what came before.
     */
    public boolean namesItsSubject(String question) {
        return subjectWeight(question) > 0;
    }

    /**
     * How much a question names what it is about in the knowledge's own words: the weight of its subject's words
     * the knowledge uses (pairs and longer). 0 for 「那是哪年几月的事」; little for 「完成目标百分之多少」; much for
     * 「下拨了多少残疾人两项补贴资金」.
     */
    public double subjectWeight(String question) {
        String subject = this.subject.of(normalizer.normalize(question).canonical());
        return subject.isEmpty() ? 0 : index.knownWords(index.analyze(new TextNormalizer.Normalized(subject, subject)));
    }

    /**
     * The share of what a text is about (its {@link Subject}, places kept) that the knowledge has words for, 0–1:
     * low for 「他还一直吃着阿托伐他汀降血脂」, a drug the report never names; 1 for a text naming nothing.
     */
    public double knownShare(String text) {
        String subject = this.subject.of(normalizer.normalize(text).canonical(), true);
        return subject.isEmpty() ? 1 : index.knownFraction(index.analyze(new TextNormalizer.Normalized(subject, subject)));
    }

    /**
     * What a citizen's story is about (its {@link Subject}, places kept), read once: how far each entry speaks of it.
     * Belongs to one message on one thread.
     */
    public final class Told {
        private final QuestionIndex.TermSet terms;
        private double leader = -1;

        private Told(QuestionIndex.TermSet terms) {
            this.terms = terms;
        }

        /** The share of the story's subject an entry's vocabulary holds, 0–1; 1 for a story naming nothing. */
        public double share(String entryId) {
            return terms == null ? 1 : index.knownShare(terms, entryId, SOUND_DISCOUNT, UNKNOWN_WEIGHT);
        }

        /** The most any entry speaks of the story. */
        public double leader() {
            if (leader < 0) {
                leader = 0;
                for (Entry e : entries) {
                    leader = Math.max(leader, share(e.id()));
                }
            }
            return leader;
        }
    }

    /** Reads a story for how far each entry speaks of it. */
    public Told told(String text) {
        String subject = this.subject.of(normalizer.normalize(text).canonical(), true);
        return new Told(subject.isEmpty() ? null : index.analyze(new TextNormalizer.Normalized(subject, subject)));
    }

    /** The match of a question already read (by {@link #read}, for this matcher). */
    public Match match(Reading reading) {
        // A question read with its story is measured against a lower line: the story's known words (说, 现在) still
        // thin out every entry's closeness; what it may answer is held by the subject and the story alike.
        Thresholds t = reading.story ? storyThresholds : thresholds;
        String base = reading.base;
        TextNormalizer.Normalized text = reading.text;
        // What the question asks for (a time, a place, yes or no) is read with its filler words kept.
        ScopeCheck.Asking asking = new ScopeCheck.Asking(base);
        QuestionIndex.TermSet terms = reading.terms;
        if (terms.isEmpty()) {
            return decline(Match.Reason.NOT_COVERED, List.of());
        }
        // Each entry's closest stored question, by entry number: no map keyed by entry ids per question.
        double[] closest = new double[entries.length];
        boolean[] seen = new boolean[entries.length];
        int[] found = new int[entries.length];
        int candidates = 0;
        // The best stored questions in any order: each entry keeps its closest, and the ranking below is total.
        for (int ord : index.candidates(terms, CANDIDATE_DOCS)) {
            int e = entryOfDoc[ord];
            double c = closeness(index.overlap(terms, ord));
            if (seen[e]) {
                closest[e] = Math.max(closest[e], c);
            } else {
                seen[e] = true;
                closest[e] = c;
                found[candidates++] = e;
            }
        }
        Scored[] scored = new Scored[candidates];
        for (int i = 0; i < candidates; i++) {
            Entry entry = entries[found[i]];
            scored[i] = new Scored(entry, closest[found[i]] * Math.sqrt(explained(terms, entry.id())),
                    index.characterCoverage(terms, entry.id()));
        }
        Arrays.sort(scored, RANKING);
        List<Scored> all = Arrays.asList(scored);
        // Only an entry about what the question is about may give it a figure, however alike the other words: the
        // retirees' pension raise shares 每月 and 多少钱 with 「低保一个月给多少钱」, and is not about 低保.
        About about = about(text);
        List<Scored> ranked = all.stream().filter(s -> about.agrees(s.entry().id())).toList();
        if (!all.isEmpty() && all.get(0).score() >= t.suggestAt()
                && (ranked.isEmpty() || ranked.get(0).score() < t.suggestAt())) {
            return decline(Match.Reason.OTHER_SUBJECT, all, about.onSubject(all));
        }
        if (!ranked.isEmpty() && outOfScope(text, ranked.get(0).entry().id())) {
            return decline(Match.Reason.OUT_OF_SCOPE, all);
        }
        // The report describes its own year: it cannot say what comes next, whatever entry the words are about.
        if (!ranked.isEmpty() && ranked.get(0).score() >= t.suggestAt()
                && scopeCheck.asksLater(asking, ranked.get(0).entry())) {
            return decline(Match.Reason.LATER, all);
        }
        if (ranked.isEmpty() || !(ranked.get(0).score() >= t.suggestAt())) {
            // Nothing scores enough to be offered, whatever could answer: what the question asks for is not read.
            return decline(Match.Reason.NOT_COVERED, all);
        }
        // The entry the question is about cannot answer it (another year, a figure it does not state): declining
        // beats answering with the next entry's figure (「低保每个月发多少钱」 must not get the pension raise).
        Set<String> askedYears = years(text.canonical());
        Set<Asked> asked = Asked.in(text.canonical());
        Match.Reason topGap = gap(ranked.get(0).entry(), asking, askedYears, asked);
        Optional<Caveat> premise = topGap == Match.Reason.OTHER_YEAR
                ? ScopeCheck.wrongYear(asking, ranked.get(0).entry(), askedYears) : Optional.empty();
        if (premise.isPresent()) {
            // 「郑太高铁是2021年通车的吗」: not another year's question, a wrong year to correct.
            return new Match(Match.Outcome.ANSWER, Match.Reason.NONE, candidates(all),
                    candidates(List.of(ranked.get(0))), premise.get());
        }
        if (topGap != Match.Reason.NONE) {
            // What the report does say on the subject is named: another year's question still learns the report's.
            return decline(topGap, all, topGap == Match.Reason.FIGURE_NOT_STATED || topGap == Match.Reason.OTHER_YEAR
                    ? about.onSubject(ranked) : List.of());
        }
        Match decided = decide(all, answerable(ranked, topGap, asking, askedYears, asked, t), t);
        if (decided.outcome() == Match.Outcome.DECLINE) {
            return decided;
        }
        decided = stating(decided, ranked, text.canonical(), about, asking, askedYears, asked);
        // Say first what the entry does not state that the question asks for; for a choice, what the first one
        // offered does not, so the caveat is read before a pick brings its plain answer.
        return caveat(asking, text.canonical(), decided.offered().get(0).entry())
                .map(decided::caveated)
                .orElse(decided);
    }

    /** An entry weighed this high may answer in place of one lacking what the question asks (see {@link #stating}). */
    private static final double STATES_IT_AT = 0.15;

    /**
     * An answer whose entry declares it lacks a word the question asks about (「产前筛查确诊多少」: the screening
     * entry gives who was screened, not who was diagnosed) goes to the entry that does state it, when one about the
     * subject is weighed at all and speaks of the question's subject at least as fully: never say the report lacks
     * what it gives, and never trade the subject (两癌 查出 is not 出生缺陷 查出) for the word.
     */
    private Match stating(Match decided, List<Scored> ranked, String canonical, About about, ScopeCheck.Asking asking,
                          Set<String> askedYears, Set<Asked> asked) {
        if (decided.outcome() != Match.Outcome.ANSWER) {
            return decided;
        }
        Entry top = decided.offered().get(0).entry();
        for (String lack : lacksByEntry.get(top.id())) {
            if (!canonical.contains(lack)) {
                continue;
            }
            for (Scored s : ranked) {
                if (s.entry() != top && s.score() >= STATES_IT_AT && index.uses(s.entry().id(), lack)
                        && !lacksByEntry.get(s.entry().id()).contains(lack)
                        && about.share(s.entry().id()) >= about.share(top.id())
                        && gap(s.entry(), asking, askedYears, asked) == Match.Reason.NONE) {
                    return new Match(Match.Outcome.ANSWER, Match.Reason.NONE, decided.ranked(),
                            List.of(new Match.Candidate(s.entry(), s.score())));
                }
            }
        }
        return decided;
    }

    /**
     * What {@code entry} does not state that {@code question} asks for, as an answer would say it first: for an
     * entry picked from a choice, whose answer must keep the caveat the question earns with it (「太原的低保」 then
     * 「1」 is still not a figure for 太原).
     */
    public Optional<Caveat> caveat(String question, Entry entry) {
        String base = TextNormalizer.base(matched(question));
        return caveat(new ScopeCheck.Asking(base), normalizer.normalizeBase(base).canonical(), entry);
    }

    private Optional<Caveat> caveat(ScopeCheck.Asking asking, String canonical, Entry entry) {
        return scopeCheck.check(asking.text(), canonical, entry, knowledge.report().province(),
                w -> index.uses(entry.id(), w), lacksByEntry.get(entry.id()));
    }

    /**
     * Whether the question asks for something the entry it is about does not cover: a procedure, a document,
     * medical advice, another province. A word on the out-of-scope list is fine when the entry itself uses it
     * (「在北京看病能用山西医保吗」 is what 异地就医 answers).
     */
    private boolean outOfScope(TextNormalizer.Normalized question, String entryId) {
        return outOfScope.stream().anyMatch(w -> question.canonical().contains(w) && !index.uses(entryId, w));
    }

    /**
     * Why an entry cannot answer the question at all, or {@code NONE}: a question about another year, or about a
     * kind of figure the entry does not state (an amount, a percentage, a date, a count), must not get this entry's
     * figure however alike the words are.
     */
    private Match.Reason gap(Entry entry, ScopeCheck.Asking question, Set<String> askedYears, Set<Asked> asked) {
        String entryId = entry.id();
        if (!yearsByEntry.get(entryId).containsAll(askedYears)) {
            return Match.Reason.OTHER_YEAR;
        }
        if (!Asked.fits(ScopeCheck.unansweredInWords(question, entry, asked), answerableByEntry.get(entryId))) {
            return Match.Reason.FIGURE_NOT_STATED;
        }
        return Match.Reason.NONE;
    }

    /**
     * The ranked entries that can answer (no {@link #gap}), as far as {@link #decide} reads them: the first two,
     * then every one at or above the suggestion threshold. Ranked by falling score, so the rest are never looked
     * at; {@code topGap} is the first entry's gap when already known.
     */
    private List<Scored> answerable(List<Scored> ranked, Match.Reason topGap, ScopeCheck.Asking asking,
                                    Set<String> askedYears, Set<Asked> asked, Thresholds thresholds) {
        List<Scored> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Scored s = ranked.get(i);
            boolean belowSuggest = !(s.score() >= thresholds.suggestAt());
            if (belowSuggest && (out.size() >= 2 || out.size() == 1 && !(out.get(0).score() >= thresholds.suggestAt()))) {
                break;
            }
            Match.Reason gap = i == 0 && topGap != null ? topGap : gap(s.entry(), asking, askedYears, asked);
            // Asked how many, an entry answering in words only is no choice beside one with the figure (「农村低保户有
            // 多少」 is the count, not whether the standard is high enough); first, it answers behind a caveat.
            if (gap == Match.Reason.NONE && (i == 0 || !ScopeCheck.inWordsOnly(asking, s.entry()))) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * How closely a stored question and the citizen's say the same thing: the balance (F1) of how much of each the
     * other covers, idf-weighted, by characters or — for a wrong character with the right sound — by pinyin.
     */
    private static double closeness(QuestionIndex.Overlap o) {
        return Math.max(f1(o.textShared(), o.textQuery(), o.textDoc()),
                SOUND_DISCOUNT * f1(o.soundShared(), o.soundQuery(), o.soundDoc()));
    }

    /** Share of the question's weight an entry's whole vocabulary (its questions, keywords, answer) explains. */
    private double explained(QuestionIndex.TermSet terms, String entryId) {
        QuestionIndex.Overlap o = index.explained(terms, entryId);
        return Math.max(share(o.textShared(), o.textQuery()), SOUND_DISCOUNT * share(o.soundShared(), o.soundQuery()));
    }

    private static double f1(double shared, double query, double doc) {
        if (shared <= 0 || query <= 0 || doc <= 0) {
            return 0;
        }
        double q = shared / query;
        double d = shared / doc;
        return 2 * q * d / (q + d);
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : part / whole;
    }

    /** Answers, offers or declines among the entries that can answer; {@code all} is kept for diagnostics. */
    private Match decide(List<Scored> all, List<Scored> ranked, Thresholds thresholds) {
        if (ranked.isEmpty() || ranked.get(0).score() < thresholds.suggestAt()) {
            return decline(Match.Reason.NOT_COVERED, all);
        }
        Scored top = ranked.get(0);
        double second = ranked.size() > 1 ? ranked.get(1).score() : 0;
        // Entries that both hold every character of the question differ only in how their stored questions
        // happen to be worded: the question itself does not choose between them.
        List<Scored> alike = top.characters() < 1 ? List.of() : ranked.stream().skip(1)
                .filter(s -> s.characters() >= 1 && s.score() >= thresholds.suggestAt()
                        && s.score() >= thresholds.alikeRatio() * top.score())
                .toList();
        if (top.score() >= thresholds.answerAt() && top.score() - second >= thresholds.margin() && alike.isEmpty()) {
            return new Match(Match.Outcome.ANSWER, Match.Reason.NONE, candidates(all), candidates(List.of(top)));
        }
        List<Scored> offered = new ArrayList<>();
        offered.add(top);
        if (!alike.isEmpty()) {
            offered.addAll(alike);
        } else {
            ranked.stream().skip(1)
                    .filter(s -> s.score() >= thresholds.suggestAt() && top.score() - s.score() <= SUGGESTION_WINDOW)
                    .forEach(offered::add);
        }
        return new Match(Match.Outcome.SUGGEST, Match.Reason.NONE, candidates(all),
                candidates(offered.subList(0, Math.min(MAX_SUGGESTIONS, offered.size()))));
    }

    private static Match decline(Match.Reason reason, List<Scored> ranked) {
        return new Match(Match.Outcome.DECLINE, reason, candidates(ranked), List.of());
    }

    /** A decline that names what the report does say about the question's subject ({@code said}, maybe none). */
    private static Match decline(Match.Reason reason, List<Scored> ranked, List<Scored> said) {
        return new Match(Match.Outcome.DECLINE, reason, candidates(ranked), candidates(said));
    }

    /** What a word of the subject the knowledge never uses counts, against its full weight (see knownShare). */
    private static final double UNKNOWN_WEIGHT = 0.25;
    /** Below this share of the question's subject an entry is about something else. */
    private static final double ABOUT_AT = 0.35;
    /**
     * An entry explaining less than {@value #NEARLY_ALL} of the subject is about something else when another entry
     * explains nearly all of it ({@value #ALL_AT}) and this one {@value #BEHIND} of that or less: 补充养老金 is the
     * supplementary pension's, and the retirees' 养老金 only shares a word of it.
     */
    private static final double NEARLY_ALL = 0.6;
    private static final double ALL_AT = 0.75;
    private static final double BEHIND = 0.6;
    /** An entry this close to the one speaking most of a subject is named among what the report says of it. */
    private static final double NAMED_AT = 0.9;
    /** Most entries named as what the report says about a subject. */
    private static final int MAX_NAMED = 3;

    /**
     * How far each entry speaks of what a question is about ({@link Subject}), by the share of the subject's words
     * (those the knowledge uses) its vocabulary holds. Belongs to one match.
     */
    private final class About {
        private final QuestionIndex.TermSet terms;
        private double best = -1;

        About(QuestionIndex.TermSet terms) {
            this.terms = terms;
        }

        double share(String entryId) {
            return terms == null ? 0 : index.knownShare(terms, entryId, SOUND_DISCOUNT, UNKNOWN_WEIGHT);
        }

        private double best() {
            if (best < 0) {
                best = 0;
                for (Entry e : entries) {
                    best = Math.max(best, share(e.id()));
                }
            }
            return best;
        }

        boolean agrees(String entryId) {
            double share = share(entryId);
            return share >= NEARLY_ALL || share >= ABOUT_AT && !(best() >= ALL_AT && share < BEHIND * best());
        }

        /** The entries that are about the subject, best scored first: what the report does say about it. */
        List<Scored> onSubject(List<Scored> ranked) {
            if (terms == null) {
                return List.of();
            }
            return ranked.stream().filter(s -> s.score() > 0 && share(s.entry().id()) >= NAMED_AT * best()
                    && best() >= NEARLY_ALL).limit(MAX_NAMED).toList();
        }
    }

    /**
     * A question naming nothing but what it asks (「一个人一个月能领多少」) is about no entry: read alone, any figure
     * would answer something else. A follow-up gives it the subject of the question before.
     */
    private About about(TextNormalizer.Normalized question) {
        String subject = this.subject.of(question.canonical());
        return new About(subject.isEmpty() ? null : index.analyze(new TextNormalizer.Normalized(subject, subject)));
    }

    private static List<Match.Candidate> candidates(List<Scored> scored) {
        return scored.stream().map(s -> new Match.Candidate(s.entry(), s.score())).toList();
    }

    /** The four-digit years a text names. */
    private static Set<String> years(String text) {
        return YEAR.matcher(text).results().map(r -> r.group()).collect(Collectors.toCollection(HashSet::new));
    }
}
