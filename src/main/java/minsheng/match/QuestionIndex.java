package minsheng.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

/**
 * The wrapper around Lucene's analyzers and BM25 similarity: one document per way of asking (a question or a keyword
 * of an entry), in two fields — characters (single and in pairs) and pinyin syllables (single and in pairs, so a
 * wrong character with the right sound still meets). BM25 retrieves the candidates; {@link #overlap} and
 * {@link #explained} give the weights {@link Matcher} scores them with, idf counted over entries. Immutable after
 * construction and safe to search from many threads.
 *
 * <p>Everything that does not depend on the question is worked out once, at construction: every term the knowledge
 * uses becomes a small integer with its weight, the stored questions and entries that hold it, and the BM25 score it
 * gives each of those stored questions — from the statistics a Lucene index of them would hold, counted directly, so
 * no index is built. A question then retrieves and weighs all candidates in one pass over its own terms' lists,
 * instead of hashing freshly built strings for each of up to 200 candidates.
 */
final class QuestionIndex {

    static final String TEXT = "text";
    static final String PINYIN = "pinyin";
    private static final int TOKENS_PER_HAN_WORD = 3;
    /** Lucene's limit on the clauses of one query (IndexSearcher.getMaxClauseCount()). */
    private static final int MAX_TERMS_SEARCHED = 1024;
    private static final BM25Similarity SIMILARITY = new BM25Similarity();

    /** A way of asking for an entry, already normalized. */
    record Phrase(String entryId, TextNormalizer.Normalized text) {}

    /**
     * A question's distinct terms in each field, with what they weigh against every stored question and entry,
     * worked out on first use. Belongs to one question on one thread.
     */
    static final class TermSet {
        private final Terms text;
        private final Terms pinyin;
        private Weighed textWeighed;
        private Weighed pinyinWeighed;

        private TermSet(Terms text, Terms pinyin) {
            this.text = text;
            this.pinyin = pinyin;
        }

        boolean isEmpty() {
            return text.strings().length == 0 && pinyin.strings().length == 0;
        }

        List<String> textTerms() {
            return List.of(text.strings());
        }

        List<String> pinyinTerms() {
            return List.of(pinyin.strings());
        }
    }

    /**
     * One field of a question, per term in the analyzer's order: its text, its number in the knowledge's dictionary
     * (-1 for a term the knowledge never uses), its weight, whether it counts, whether it is a single unit (a
     * character, a syllable, a whole word written in letters or digits); and the weight of all counted terms.
     */
    private record Terms(String[] strings, int[] ids, double[] weights, boolean[] counted, boolean[] units,
                         double total) {}

    /**
     * One field of a question against the knowledge: the weight it shares with each stored question and each
     * entry's vocabulary, and how many of its single units each entry's vocabulary holds.
     */
    private record Weighed(double[] docs, double[] entries, int[] unitsFound, int units) {}

    /**
     * One field's dictionary: every term the knowledge uses, numbered, with its weight, its BM25 scores
     * (null for a term only answers use, which is not searched) and the ordinals of the stored questions and the
     * entries that hold it; and each stored question's and entry vocabulary's own weight.
     */
    private static final class Dictionary {
        private final String field;
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> terms = new ArrayList<>();
        private final Map<String, Double> idf;
        private final Predicate<String> written;
        private final double unseenIdf;
        private final List<List<Integer>> docLists = new ArrayList<>();
        private final List<List<Integer>> entryLists = new ArrayList<>();
        private double[] weights;
        private boolean[] counted;
        private int[][] docsWith;
        private int[][] entriesWith;
        /** Per searchable term: the Lucene documents holding it, and the BM25 score it gives each, as Lucene does. */
        private int[][] scoredDocs;
        private float[][] scores;
        private double[] docWeights;
        private double[] entryWeights;

        Dictionary(String field, Map<String, Double> idf, Predicate<String> written, double unseenIdf) {
            this.field = field;
            this.idf = idf;
            this.written = written;
            this.unseenIdf = unseenIdf;
        }

        private int id(String term) {
            return ids.computeIfAbsent(term, t -> {
                terms.add(t);
                docLists.add(new ArrayList<>());
                entryLists.add(new ArrayList<>());
                return terms.size() - 1;
            });
        }

        void docs(List<Set<String>> docTerms) {
            docWeights = new double[docTerms.size()];
            for (int d = 0; d < docTerms.size(); d++) {
                for (String t : docTerms.get(d)) {
                    docLists.get(id(t)).add(d);
                }
                docWeights[d] = weight(docTerms.get(d));
            }
        }

        void entries(List<Set<String>> vocabularies) {
            entryWeights = new double[vocabularies.size()];
            for (int e = 0; e < vocabularies.size(); e++) {
                for (String t : vocabularies.get(e)) {
                    entryLists.get(id(t)).add(e);
                }
                entryWeights[e] = weight(vocabularies.get(e));
            }
        }

        /**
         * Works out every known term's weight and the BM25 score each term gives each stored question holding it —
         * by Lucene's own similarity, from the statistics a Lucene index of the same documents would hold; after
         * this the dictionary is only read.
         */
        void seal(List<Counted> counted) {
            int n = terms.size();
            weights = new double[n];
            this.counted = new boolean[n];
            docsWith = new int[n][];
            entriesWith = new int[n][];
            for (int i = 0; i < n; i++) {
                weights[i] = weight(terms.get(i));
                this.counted[i] = counts(terms.get(i));
                docsWith[i] = docLists.get(i).stream().mapToInt(Integer::intValue).toArray();
                entriesWith[i] = entryLists.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
            docLists.clear();
            entryLists.clear();
            scoredDocs = new int[n][];
            scores = new float[n][];
            long docCount = 0;
            long sumTotalTermFreq = 0;
            long sumDocFreq = 0;
            long[] docFreq = new long[n];
            long[] totalTermFreq = new long[n];
            for (Counted doc : counted) {
                if (doc.length() > 0) {
                    docCount++;
                }
                sumTotalTermFreq += doc.length();
                sumDocFreq += doc.freqs().size();
                doc.freqs().forEach((t, f) -> {
                    int id = ids.get(t);
                    docFreq[id]++;
                    totalTermFreq[id] += f;
                });
            }
            if (docCount == 0) {
                return; // nothing is searchable in this field
            }
            CollectionStatistics collection =
                    new CollectionStatistics(field, counted.size(), docCount, sumTotalTermFreq, sumDocFreq);
            Similarity.SimScorer[] bm25 = new Similarity.SimScorer[n];
            for (int id = 0; id < n; id++) {
                if (docFreq[id] > 0) {
                    bm25[id] = SIMILARITY.scorer(1f, collection,
                            new TermStatistics(new BytesRef(terms.get(id)), docFreq[id], totalTermFreq[id]));
                    scoredDocs[id] = new int[(int) docFreq[id]];
                    scores[id] = new float[(int) docFreq[id]];
                }
            }
            int[] filled = new int[n];
            for (int d = 0; d < counted.size(); d++) {
                Counted doc = counted.get(d);
                long norm = SIMILARITY.computeNorm(new FieldInvertState(Version.LATEST.major, field,
                        IndexOptions.DOCS_AND_FREQS, doc.length(), doc.length(), doc.overlaps(), 0, 0,
                        doc.freqs().size()));
                for (Map.Entry<String, Integer> tf : doc.freqs().entrySet()) {
                    int id = ids.get(tf.getKey());
                    int k = filled[id]++;
                    scoredDocs[id][k] = d;
                    scores[id][k] = bm25[id].score(tf.getValue(), norm);
                }
            }
        }

        /**
         * Adds what each searchable term among the first {@code limit} of {@code query} scores to every document
         * holding it; returns how many documents matched for the first time.
         */
        int accumulate(Terms query, int limit, double[] sums, boolean[] matched) {
            int fresh = 0;
            for (int i = 0; i < Math.min(limit, query.ids().length); i++) {
                int id = query.ids()[i];
                if (id < 0 || scoredDocs[id] == null) {
                    continue;
                }
                int[] docs = scoredDocs[id];
                float[] termScores = scores[id];
                for (int k = 0; k < docs.length; k++) {
                    sums[docs[k]] += termScores[k];
                    if (!matched[docs[k]]) {
                        matched[docs[k]] = true;
                        fresh++;
                    }
                }
            }
            return fresh;
        }

        /**
         * A term's idf; terms the knowledge never uses weigh the most. A word written in letters or digits
         * ("iphone") is one token where a Han word of two characters is three (each character and the pair), so it
         * counts three times.
         */
        private double weight(String term) {
            double w = idf.getOrDefault(term, unseenIdf);
            return written.test(term) ? TOKENS_PER_HAN_WORD * w : w;
        }

        private double weight(Set<String> terms) {
            return terms.stream().mapToDouble(this::weight).sum();
        }

        /** A figure the asker guesses (「有没有到70%」) is no evidence against the entry. */
        private boolean counts(String term) {
            return idf.containsKey(term) || !isNumber(term);
        }

        Terms query(Set<String> terms) {
            int n = terms.size();
            String[] strings = terms.toArray(new String[0]);
            int[] termIds = new int[n];
            double[] termWeights = new double[n];
            boolean[] termCounted = new boolean[n];
            boolean[] units = new boolean[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                Integer id = ids.get(strings[i]);
                termIds[i] = id == null ? -1 : id;
                termWeights[i] = id == null ? weight(strings[i]) : weights[id];
                termCounted[i] = id == null ? counts(strings[i]) : counted[id];
                units[i] = isUnit(strings[i]);
                if (termCounted[i]) {
                    total += termWeights[i];
                }
            }
            return new Terms(strings, termIds, termWeights, termCounted, units, total);
        }

        /**
         * The weight {@code query} shares with every stored question and every entry. Each one's sum is taken in
         * the question's term order, as a question-by-question sum would be, so the figures match to the last bit.
         */
        Weighed weigh(Terms query) {
            double[] docs = new double[docWeights.length];
            double[] entries = new double[entryWeights.length];
            int[] unitsFound = new int[entryWeights.length];
            int units = 0;
            for (int i = 0; i < query.ids().length; i++) {
                int id = query.ids()[i];
                if (query.units()[i]) {
                    units++;
                }
                if (id < 0) {
                    continue;
                }
                if (query.units()[i]) {
                    for (int e : entriesWith[id]) {
                        unitsFound[e]++;
                    }
                }
                if (!query.counted()[i]) {
                    continue;
                }
                double w = query.weights()[i];
                for (int d : docsWith[id]) {
                    docs[d] += w;
                }
                for (int e : entriesWith[id]) {
                    entries[e] += w;
                }
            }
            return new Weighed(docs, entries, unitsFound, units);
        }
    }

    private final Analyzer analyzer = analyzer();
    /** Per stored question (by ordinal): the entry it asks for. */
    private final String[] entryIds;
    /** Entry id to its number in the dictionaries' entry lists. */
    private final Map<String, Integer> entries = new HashMap<>();
    /** Per entry, its questions, keywords and answer as normalized text, to look up whole words in. */
    private final Map<String, String> texts = new HashMap<>();
    private final Dictionary textField;
    private final Dictionary pinyinField;

    QuestionIndex(List<Phrase> phrases, Map<String, TextNormalizer.Normalized> answers) {
        // What a Lucene index of these documents would hold (term frequencies, lengths), counted directly: the
        // scores come from Lucene's own BM25 without building an index at all (QuestionIndexTest holds the result
        // to a real Lucene search).
        List<Counted> textCounts = new ArrayList<>();
        List<Counted> pinyinCounts = new ArrayList<>();
        List<Set<String>> textSets = new ArrayList<>();
        List<Set<String>> pinyinSets = new ArrayList<>();
        for (Phrase phrase : phrases) {
            textCounts.add(count(TEXT, List.of(phrase.text().canonical())));
            pinyinCounts.add(count(PINYIN, sounds(phrase.text())));
            textSets.add(textCounts.get(textCounts.size() - 1).freqs().keySet());
            pinyinSets.add(pinyinCounts.get(pinyinCounts.size() - 1).freqs().keySet());
        }
        Map<String, Set<String>> textVocabulary = new LinkedHashMap<>();
        Map<String, Set<String>> pinyinVocabulary = new LinkedHashMap<>();
        entryIds = new String[phrases.size()];
        for (int i = 0; i < phrases.size(); i++) {
            String id = phrases.get(i).entryId();
            entryIds[i] = id;
            texts.merge(id, phrases.get(i).text().canonical(), (a, b) -> a + "\n" + b);
            textVocabulary.computeIfAbsent(id, k -> new HashSet<>()).addAll(textSets.get(i));
            pinyinVocabulary.computeIfAbsent(id, k -> new HashSet<>()).addAll(pinyinSets.get(i));
        }
        // Terms are weighed by how many entries ask with them, not how many stored questions do: an entry asked
        // twenty ways about 低保 must not make 低保 look common.
        int entryCount = textVocabulary.size();
        double unseenIdf = idf(0, entryCount);
        textField = new Dictionary(TEXT, entryIdf(textVocabulary, entryCount), t -> !Icu.isHan(t.codePointAt(0)),
                unseenIdf);
        pinyinField = new Dictionary(PINYIN, entryIdf(pinyinVocabulary, entryCount),
                t -> t.startsWith(TextNormalizer.WRITTEN) && t.indexOf(' ') < 0, unseenIdf);
        textField.docs(textSets);
        pinyinField.docs(pinyinSets);
        // The answer joins the vocabulary only after the weights are set: it may explain a question's words,
        // but it does not make them common.
        answers.forEach((id, answer) -> {
            texts.merge(id, answer.canonical(), (a, b) -> a + "\n" + b);
            textVocabulary.computeIfAbsent(id, k -> new HashSet<>()).addAll(terms(TEXT, answer.canonical()));
            pinyinVocabulary.computeIfAbsent(id, k -> new HashSet<>()).addAll(soundTerms(answer));
        });
        List<Set<String>> textEntries = new ArrayList<>();
        List<Set<String>> pinyinEntries = new ArrayList<>();
        textVocabulary.forEach((id, text) -> {
            entries.put(id, entries.size());
            textEntries.add(text);
            pinyinEntries.add(pinyinVocabulary.get(id));
        });
        textField.entries(textEntries);
        pinyinField.entries(pinyinEntries);
        textField.seal(textCounts);
        pinyinField.seal(pinyinCounts);
    }

    /**
     * One field of one document as Lucene's indexing would see it: each term's frequency (in order of first
     * occurrence), the tokens in all, and those stacked on the previous position (a pair beside its characters).
     */
    record Counted(Map<String, Integer> freqs, int length, int overlaps) {}

    private Counted count(String field, List<String> values) {
        Map<String, Integer> freqs = new LinkedHashMap<>();
        int length = 0;
        int overlaps = 0;
        for (String value : values) {
            try (TokenStream ts = analyzer.tokenStream(field, value)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    freqs.merge(term.toString(), 1, Integer::sum);
                    length++;
                    if (increment.getPositionIncrement() == 0) {
                        overlaps++;
                    }
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException("analyzing a string failed", e);
            }
        }
        return new Counted(freqs, length, overlaps);
    }

    private static Map<String, Double> entryIdf(Map<String, Set<String>> vocabularies, int entries) {
        Map<String, Integer> df = new HashMap<>();
        vocabularies.values().forEach(v -> v.forEach(t -> df.merge(t, 1, Integer::sum)));
        Map<String, Double> idf = new HashMap<>();
        df.forEach((t, n) -> idf.put(t, idf(n, entries)));
        return idf;
    }

    /** Whether an entry's questions, keywords or answer contain {@code word} (normalized) anywhere. */
    boolean uses(String entryId, String word) {
        String text = texts.get(entryId);
        return text != null && text.contains(word);
    }

    TermSet analyze(TextNormalizer.Normalized text) {
        return new TermSet(textField.query(terms(TEXT, text.canonical())), pinyinField.query(soundTerms(text)));
    }

    private Set<String> soundTerms(TextNormalizer.Normalized text) {
        Set<String> sound = new LinkedHashSet<>();
        for (String s : sounds(text)) {
            sound.addAll(terms(PINYIN, s));
        }
        return sound;
    }

    /**
     * The pinyin of the words as written and as read canonically: a mistyped synonym (除颤气 for 除颤器) still
     * sounds like what the knowledge wrote, even where the knowledge's text now says AED.
     */
    static List<String> sounds(TextNormalizer.Normalized text) {
        String spoken = TextNormalizer.pinyin(text.spoken());
        String canonical = TextNormalizer.pinyin(text.canonical());
        return spoken.equals(canonical) ? List.of(spoken) : List.of(spoken, canonical);
    }

    /**
     * Ordinals of the best documents for the query by BM25 over both fields, best first, ties by ordinal: what a
     * Lucene search of the same documents finds, from scores worked out when the index was built. Lucene adds a document's term
     * scores (floats) up as a double in an order of its own; a double holds such a sum exactly whatever the order,
     * so the two agree to the bit ({@code QuestionIndexTest} holds them to it).
     */
    List<Integer> search(TermSet query, int limit) {
        double[] sums = new double[entryIds.length];
        boolean[] matched = new boolean[entryIds.length];
        // At most as many terms as a Lucene query may hold clauses, characters first, as a Lucene search would take.
        int room = MAX_TERMS_SEARCHED;
        int hits = textField.accumulate(query.text, room, sums, matched);
        room -= Math.min(room, query.text.strings().length);
        hits += pinyinField.accumulate(query.pinyin, room, sums, matched);
        // Best score first, then the lower document number, as Lucene's collector ranks: one sortable number each.
        long[] ranked = new long[hits];
        int k = 0;
        for (int d = 0; d < sums.length; d++) {
            if (matched[d]) {
                ranked[k++] = ((long) Float.floatToIntBits((float) sums[d]) << 32) | (~d & 0xFFFFFFFFL);
            }
        }
        int from = Math.max(0, hits - limit);
        select(ranked, from); // the best {@code limit} to the top end, then only those sorted
        Arrays.sort(ranked, from, hits);
        List<Integer> out = new ArrayList<>(hits - from);
        for (int i = hits - 1; i >= from; i--) {
            out.add(~(int) ranked[i]);
        }
        return out;
    }

    /**
     * Reorders {@code a} so that {@code a[k]} holds what a sort would put there, with nothing greater before it and
     * nothing less after it (Hoare's selection).
     */
    private static void select(long[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            long pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    String entryId(int ord) {
        return entryIds[ord];
    }

    /** The idf weight a query and a document share, and each one's own, by characters and by sound. */
    record Overlap(double textShared, double textQuery, double textDoc,
                   double soundShared, double soundQuery, double soundDoc) {}

    Overlap overlap(TermSet query, int ord) {
        weigh(query);
        return new Overlap(query.textWeighed.docs()[ord], query.text.total(), textField.docWeights[ord],
                query.pinyinWeighed.docs()[ord], query.pinyin.total(), pinyinField.docWeights[ord]);
    }

    /**
     * The query against an entry's whole vocabulary — every term of its questions, keywords and answer — as if it
     * were one document: how much of the question the entry can explain at all.
     */
    Overlap explained(TermSet query, String entryId) {
        weigh(query);
        int e = entries.get(entryId);
        return new Overlap(query.textWeighed.entries()[e], query.text.total(), textField.entryWeights[e],
                query.pinyinWeighed.entries()[e], query.pinyin.total(), pinyinField.entryWeights[e]);
    }

    /**
     * The share of the query's single characters (or, for a mistyped character, their sounds) found anywhere in
     * an entry's vocabulary. Two entries that both hold every character of a question cannot be told apart by it.
     */
    double characterCoverage(TermSet query, String entryId) {
        weigh(query);
        int e = entries.get(entryId);
        return Math.max(unitShare(query.textWeighed, e), unitShare(query.pinyinWeighed, e));
    }

    private static double unitShare(Weighed w, int entry) {
        return w.units() == 0 ? 0 : (double) w.unitsFound()[entry] / w.units();
    }

    private void weigh(TermSet query) {
        if (query.textWeighed == null) {
            query.textWeighed = textField.weigh(query.text);
            query.pinyinWeighed = pinyinField.weigh(query.pinyin);
        }
    }

    /** A single unit: a character, a syllable, a whole word written in letters or digits. */
    private static boolean isUnit(String t) {
        return t.indexOf(' ') < 0 && (t.codePointCount(0, t.length()) == 1 || !Icu.isHan(t.codePointAt(0)));
    }

    private static boolean isNumber(String term) {
        String t = term.startsWith(TextNormalizer.WRITTEN) ? term.substring(TextNormalizer.WRITTEN.length()) : term;
        return !t.isEmpty() && t.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    private Set<String> terms(String field, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing a string failed", e);
        }
        return out;
    }

    /** The BM25 idf formula, here over entries rather than stored questions. */
    private static double idf(long docFreq, long docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    /** Characters in the text field, syllables in the pinyin field. */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(characters(), Map.of(PINYIN, syllables()));
    }

    /** Han characters alone and in pairs; Latin words and numbers whole. */
    private static Analyzer characters() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new CJKBigramFilter(source, CJKBigramFilter.HAN, true));
            }
        };
    }

    /** Pinyin syllables alone and in pairs. */
    private static Analyzer syllables() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                ShingleFilter pairs = new ShingleFilter(source, 2, 2);
                pairs.setOutputUnigrams(true);
                return new TokenStreamComponents(source, pairs);
            }
        };
    }
}
