package minsheng.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;

/**
 * Finds the entry a citizen's question asks for, and knows when none does. Built once per knowledge snapshot;
 * immutable and safe to share between threads.
 */
public final class Matcher {

    /** Documents BM25 hands over for the confidence to weigh. */
    private static final int CANDIDATE_DOCS = 40;
    /** Most suggestions offered at once. */
    static final int MAX_SUGGESTIONS = 3;
    /** A match by sound alone counts a little less than the same match by characters. */
    private static final double PINYIN_DISCOUNT = 0.9;
    /** Suggestions stay within this distance of the best one, so a weak third is not offered beside two strong. */
    private static final double SUGGESTION_WINDOW = 0.2;
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d\\d(?!\\d)");

    private final KnowledgeBase knowledge;
    private final Thresholds thresholds;
    private final TextNormalizer normalizer;
    private final QuestionIndex index;
    private final Map<String, Set<String>> yearsByEntry = new HashMap<>();
    private final Map<String, Set<Asked>> answerableByEntry = new HashMap<>();

    private Matcher(KnowledgeBase knowledge, Thresholds thresholds) {
        this.knowledge = knowledge;
        this.thresholds = thresholds;
        this.normalizer = new TextNormalizer(knowledge.vocabulary());
        List<QuestionIndex.Phrase> phrases = new ArrayList<>();
        for (Entry e : knowledge.entries()) {
            for (String q : e.questions()) {
                phrases.add(new QuestionIndex.Phrase(e.id(), normalizer.normalize(q)));
            }
            for (String k : e.keywords()) {
                phrases.add(new QuestionIndex.Phrase(e.id(), normalizer.normalize(k)));
            }
            Set<String> years = years(normalizer.normalize(e.answer()));
            years.add(String.valueOf(e.citation().report().year()));
            yearsByEntry.put(e.id(), years);
            answerableByEntry.put(e.id(), Asked.answeredBy(e.figures()));
        }
        this.index = new QuestionIndex(phrases);
    }

    public static Matcher build(KnowledgeBase knowledge, Thresholds thresholds) {
        return new Matcher(knowledge, thresholds);
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Match match(String question) {
        String normalized = normalizer.normalize(question);
        QuestionIndex.TermSet terms = index.analyze(normalized);
        if (terms.isEmpty()) {
            return new Match(Match.Outcome.DECLINE, List.of(), List.of());
        }
        Set<String> askedYears = years(normalized);
        Set<Asked> asked = Asked.in(normalized);
        Map<String, Double> best = new HashMap<>();
        for (int ord : index.search(terms, CANDIDATE_DOCS)) {
            String id = index.entryId(ord);
            if (!canAnswer(id, askedYears, asked)) {
                continue;
            }
            best.merge(id, confidence(index.overlap(terms, ord)), Math::max);
        }
        List<Match.Candidate> ranked = best.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Match.Candidate(knowledge.entry(e.getKey()).orElseThrow(), e.getValue()))
                .toList();
        return decide(ranked);
    }

    /**
     * Whether an entry can answer at all: a question about another year, or about a kind of figure the entry does
     * not state (a price, a percentage, a date), must not get this entry's figure however alike the words are.
     */
    boolean canAnswer(String entryId, Set<String> askedYears, Set<Asked> asked) {
        return yearsByEntry.get(entryId).containsAll(askedYears) && answerableByEntry.get(entryId).containsAll(asked);
    }

    /**
     * How well the question and one way of asking an entry say the same thing, 0–1: the idf-weighted cosine of
     * their term sets, by characters or, slightly discounted, by sound. Terms the knowledge never uses weigh the
     * most, so one shared word in an otherwise unknown question scores low.
     */
    static double confidence(QuestionIndex.Overlap o) {
        return Math.max(cosine(o.textShared(), o.textQuery(), o.textDoc()),
                PINYIN_DISCOUNT * cosine(o.soundShared(), o.soundQuery(), o.soundDoc()));
    }

    private static double cosine(double shared, double query, double doc) {
        return query == 0 || doc == 0 ? 0 : shared / Math.sqrt(query * doc);
    }

    private Match decide(List<Match.Candidate> ranked) {
        if (ranked.isEmpty() || ranked.get(0).score() < thresholds.suggestAt()) {
            return new Match(Match.Outcome.DECLINE, ranked, List.of());
        }
        double top = ranked.get(0).score();
        double second = ranked.size() > 1 ? ranked.get(1).score() : 0;
        if (top >= thresholds.answerAt() && top - second >= thresholds.margin()) {
            return new Match(Match.Outcome.ANSWER, ranked, ranked.subList(0, 1));
        }
        List<Match.Candidate> offered = ranked.stream()
                .filter(c -> c.score() >= thresholds.suggestAt() && top - c.score() <= SUGGESTION_WINDOW)
                .limit(MAX_SUGGESTIONS)
                .toList();
        return new Match(Match.Outcome.SUGGEST, ranked, offered);
    }

    /** The four-digit years a text names. */
    private static Set<String> years(String text) {
        return YEAR.matcher(text).results().map(r -> r.group()).collect(Collectors.toCollection(HashSet::new));
    }
}
