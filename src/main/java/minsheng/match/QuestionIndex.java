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
import java.util.function.Function;
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
        /**
         * For a question read with a clause of its story: the weight of the question's own words the knowledge never
         * uses, by characters and by sound. The story's such words tell nothing and take nothing away; the
         * question's still count against every entry (「能自己停药不」 is not about a price however 波立维 is named).
         * Null for a text read on its own, whose every word counts.
         */
        private final double[] unknownAsked;
        private Weighed textWeighed;
        private Weighed pinyinWeighed;

        private TermSet(Terms text, Terms pinyin, double[] unknownAsked) {
            this.text = text;
            this.pinyin = pinyin;
            this.unknownAsked = unknownAsked;
        }

        private double textWeight() {
            return unknownAsked == null ? text.total() : text.known() + unknownAsked[0];
        }

        private double soundWeight() {
            return unknownAsked == null ? pinyin.total() : pinyin.known() + unknownAsked[1];
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
                         double total, double known) {}

    /**
     * One field of a question against the knowledge: the weight it shares with each stored question and each
     * entry's vocabulary, and how many of its single units each entry's vocabulary holds.
     */
    private record Weighed(double[] docs, double[] entries, int[] unitsFound, int units) {}

    /**
     * One field's dictionary: every term the knowledge uses, numbered as first met, with its weight, the BM25 score
     * it gives each stored question holding it (none for a term only answers use, which is never searched) and the
     * ordinals of the stored questions and the entries that hold it; and each stored question's and entry
     * vocabulary's own weight. Filled while the knowledge is analyzed, then {@link #seal sealed} and only read.
     */
    private static final class Dictionary {
        private final String field;
        private final Predicate<String> written;
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> terms = new ArrayList<>();
        /** Scratch while counting one document: per term, 1 + its place among the document's terms; 0 if absent. */
        private int[] place = new int[1024];
        private double unseenIdf;
        private double[] weights;
        private boolean[] counted;
        /** Per term: a single unit (see {@link QuestionIndex#isUnit}). */
        private boolean[] unit;
        private int[][] docsWith;
        private int[][] entriesWith;
        /** Per searchable term: the Lucene documents holding it, and the BM25 score it gives each, as Lucene does. */
        private int[][] scoredDocs;
        private float[][] scores;
        private double[] docWeights;
        private double[] entryWeights;

        Dictionary(String field, Predicate<String> written) {
            this.field = field;
            this.written = written;
        }

        private int id(String term) {
            Integer known = ids.get(term);
            if (known != null) {
                return known;
            }
            int id = terms.size();
            ids.put(term, id);
            terms.add(term);
            if (id == place.length) {
                place = Arrays.copyOf(place, 2 * id);
            }
            return id;
        }

        /**
         * One field of one document as Lucene's indexing would see it, each term numbered in this dictionary
         * (the values analyzed one by one, as the values of a multi-valued field are).
         */
        Counted count(Analyzer analyzer, List<String> values) {
            int[] found = new int[32];
            int[] freqs = new int[32];
            int distinct = 0;
            int length = 0;
            int overlaps = 0;
            for (String value : values) {
                try (TokenStream ts = analyzer.tokenStream(field, value)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        int id = id(term.toString());
                        int at = place[id] - 1;
                        if (at < 0) {
                            if (distinct == found.length) {
                                found = Arrays.copyOf(found, 2 * distinct);
                                freqs = Arrays.copyOf(freqs, 2 * distinct);
                            }
                            at = distinct++;
                            found[at] = id;
                            place[id] = at + 1;
                        }
                        freqs[at]++;
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
            for (int i = 0; i < distinct; i++) {
                place[found[i]] = 0;
            }
            return new Counted(Arrays.copyOf(found, distinct), Arrays.copyOf(freqs, distinct), length, overlaps);
        }

        /**
         * Works out every term's weight, the BM25 score each term gives each stored question holding it — by
         * Lucene's own similarity, from the statistics a Lucene index of the same documents would hold — and who
         * holds what; after this the dictionary is only read.
         *
         * @param docs      each stored question, by ordinal
         * @param asking    each entry's stored questions (ordinals), by entry number: its words set the weights
         * @param answers   each entry's answer, by entry number (null for none): it joins the entry's vocabulary
         *                  only after the weights are set — it may explain a question's words, but does not make
         *                  them common
         */
        void seal(List<Counted> docs, List<int[]> asking, Counted[] answers) {
            int n = terms.size();
            int entryCount = asking.size();
            // Terms are weighed by how many entries ask with them, not how many stored questions do: an entry
            // asked twenty ways about 低保 must not make 低保 look common.
            int[] entriesAsking = new int[n];
            int[] lastEntry = new int[n];
            Arrays.fill(lastEntry, -1);
            int[][] vocabularies = new int[entryCount][];
            int[] entryFreq = new int[n];
            for (int e = 0; e < entryCount; e++) {
                // The entry's stored questions, then its answer (which makes no term common).
                int[] asked = asking.get(e);
                int[][] parts = new int[asked.length + 1][];
                for (int k = 0; k < asked.length; k++) {
                    parts[k] = docs.get(asked[k]).ids();
                }
                parts[asked.length] = answers[e] == null ? new int[0] : answers[e].ids();
                int[] vocabulary = new int[64];
                int size = 0;
                for (int k = 0; k < parts.length; k++) {
                    for (int id : parts[k]) {
                        if (lastEntry[id] == e) {
                            continue;
                        }
                        lastEntry[id] = e;
                        if (k < asked.length) {
                            entriesAsking[id]++;
                        }
                        entryFreq[id]++;
                        if (size == vocabulary.length) {
                            vocabulary = Arrays.copyOf(vocabulary, 2 * size);
                        }
                        vocabulary[size++] = id;
                    }
                }
                vocabularies[e] = Arrays.copyOf(vocabulary, size);
            }
            unseenIdf = idf(0, entryCount);
            weights = new double[n];
            counted = new boolean[n];
            unit = new boolean[n];
            for (int id = 0; id < n; id++) {
                String term = terms.get(id);
                double idf = entriesAsking[id] > 0 ? idf(entriesAsking[id], entryCount) : unseenIdf;
                weights[id] = written.test(term) ? TOKENS_PER_HAN_WORD * idf : idf;
                // A figure the asker guesses (「有没有到70%」) is no evidence against the entry.
                counted[id] = entriesAsking[id] > 0 || !isNumber(term);
                unit[id] = isUnit(term);
            }
            entriesWith = new int[n][];
            for (int id = 0; id < n; id++) {
                entriesWith[id] = new int[entryFreq[id]];
            }
            int[] filled = new int[n];
            entryWeights = new double[entryCount];
            for (int e = 0; e < entryCount; e++) {
                for (int id : vocabularies[e]) {
                    entriesWith[id][filled[id]++] = e;
                    entryWeights[e] += weights[id];
                }
            }
            scoreDocs(docs);
        }

        private void scoreDocs(List<Counted> docs) {
            int n = terms.size();
            long docCount = 0;
            long sumTotalTermFreq = 0;
            long sumDocFreq = 0;
            int[] docFreq = new int[n];
            long[] totalTermFreq = new long[n];
            docWeights = new double[docs.size()];
            for (int d = 0; d < docs.size(); d++) {
                Counted doc = docs.get(d);
                if (doc.length() > 0) {
                    docCount++;
                }
                sumTotalTermFreq += doc.length();
                sumDocFreq += doc.ids().length;
                for (int i = 0; i < doc.ids().length; i++) {
                    int id = doc.ids()[i];
                    docFreq[id]++;
                    totalTermFreq[id] += doc.freqs()[i];
                    // Summed in the document's term order, as the question's own terms are when it is weighed.
                    docWeights[d] += weights[id];
                }
            }
            docsWith = new int[n][];
            scoredDocs = new int[n][];
            scores = new float[n][];
            for (int id = 0; id < n; id++) {
                docsWith[id] = new int[docFreq[id]];
            }
            int[] filled = new int[n];
            for (int d = 0; d < docs.size(); d++) {
                for (int id : docs.get(d).ids()) {
                    docsWith[id][filled[id]++] = d;
                }
            }
            if (docCount == 0) {
                return; // nothing is searchable in this field
            }
            CollectionStatistics collection =
                    new CollectionStatistics(field, docs.size(), docCount, sumTotalTermFreq, sumDocFreq);
            // BM25 weighs a term by its document frequency alone (and the collection's), so terms found in as many
            // documents share one scorer.
            Map<Integer, Similarity.SimScorer> byDocFreq = new HashMap<>();
            Similarity.SimScorer[] bm25 = new Similarity.SimScorer[n];
            for (int id = 0; id < n; id++) {
                if (docFreq[id] > 0) {
                    int id0 = id;
                    bm25[id] = byDocFreq.computeIfAbsent(docFreq[id], df -> SIMILARITY.scorer(1f, collection,
                            new TermStatistics(new BytesRef(terms.get(id0)), df, totalTermFreq[id0])));
                    scoredDocs[id] = docsWith[id];
                    scores[id] = new float[docFreq[id]];
                }
            }
            Arrays.fill(filled, 0);
            for (int d = 0; d < docs.size(); d++) {
                Counted doc = docs.get(d);
                long norm = SIMILARITY.computeNorm(new FieldInvertState(Version.LATEST.major, field,
                        IndexOptions.DOCS_AND_FREQS, doc.length(), doc.length(), doc.overlaps(), 0, 0,
                        doc.ids().length));
                for (int i = 0; i < doc.ids().length; i++) {
                    int id = doc.ids()[i];
                    scores[id][filled[id]++] = bm25[id].score(doc.freqs()[i], norm);
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
         * A term the knowledge never uses weighs the most. A word written in letters or digits ("iphone") is one
         * token where a Han word of two characters is three (each character and the pair), so it counts three times.
         */
        private double unseenWeight(String term) {
            return written.test(term) ? TOKENS_PER_HAN_WORD * unseenIdf : unseenIdf;
        }

        Terms query(Set<String> terms) {
            int n = terms.size();
            String[] strings = terms.toArray(new String[0]);
            int[] termIds = new int[n];
            double[] termWeights = new double[n];
            boolean[] termCounted = new boolean[n];
            boolean[] units = new boolean[n];
            double total = 0;
            double known = 0;
            for (int i = 0; i < n; i++) {
                Integer id = ids.get(strings[i]);
                termIds[i] = id == null ? -1 : id;
                termWeights[i] = id == null ? unseenWeight(strings[i]) : weights[id];
                termCounted[i] = id == null ? !isNumber(strings[i]) : counted[id];
                units[i] = id == null ? isUnit(strings[i]) : unit[id];
                if (termCounted[i]) {
                    total += termWeights[i];
                    if (id != null) {
                        known += termWeights[i];
                    }
                }
            }
            return new Terms(strings, termIds, termWeights, termCounted, units, total, known);
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
                boolean unit = query.units()[i];
                if (unit) {
                    units++;
                }
                if (id < 0) {
                    continue;
                }
                boolean counts = query.counted()[i];
                double w = query.weights()[i];
                if (counts) {
                    for (int d : docsWith[id]) {
                        docs[d] += w;
                    }
                }
                if (unit || counts) {
                    for (int e : entriesWith[id]) {
                        if (unit) {
                            unitsFound[e]++;
                        }
                        if (counts) {
                            entries[e] += w;
                        }
                    }
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
        textField = new Dictionary(TEXT, t -> !Icu.isHan(t.codePointAt(0)));
        pinyinField = new Dictionary(PINYIN, t -> t.startsWith(TextNormalizer.WRITTEN) && t.indexOf(' ') < 0);
        entryIds = new String[phrases.size()];
        // Entries are numbered in the order of their first stored question.
        Map<String, List<Integer>> asking = new LinkedHashMap<>();
        Map<String, StringBuilder> entryTexts = new HashMap<>();
        for (int i = 0; i < phrases.size(); i++) {
            Phrase phrase = phrases.get(i);
            entryIds[i] = phrase.entryId();
            asking.computeIfAbsent(phrase.entryId(), k -> new ArrayList<>()).add(i);
            append(entryTexts, phrase.entryId(), phrase.text().canonical());
        }
        List<int[]> askingByEntry = new ArrayList<>();
        asking.forEach((id, docs) -> {
            entries.put(id, entries.size());
            askingByEntry.add(docs.stream().mapToInt(Integer::intValue).toArray());
        });
        TextNormalizer.Normalized[] answered = new TextNormalizer.Normalized[entries.size()];
        answers.forEach((id, answer) -> {
            append(entryTexts, id, answer.canonical());
            Integer e = entries.get(id);
            if (e != null) { // an entry nobody can ask for is never a candidate: its answer need not be weighed
                answered[e] = answer;
            }
        });
        entryTexts.forEach((id, text) -> texts.put(id, text.toString()));
        fill(textField, phrases, answered, askingByEntry, text -> List.of(text.canonical()));
        fill(pinyinField, phrases, answered, askingByEntry, QuestionIndex::sounds);
    }

    /** Counts every stored question and answer in one field ({@code values} reads a text as that field's values). */
    private void fill(Dictionary field, List<Phrase> phrases, TextNormalizer.Normalized[] answers,
                      List<int[]> asking, Function<TextNormalizer.Normalized, List<String>> values) {
        List<Counted> docs = new ArrayList<>(phrases.size());
        for (Phrase phrase : phrases) {
            docs.add(field.count(analyzer, values.apply(phrase.text())));
        }
        Counted[] counted = new Counted[answers.length];
        for (int e = 0; e < answers.length; e++) {
            if (answers[e] != null) {
                counted[e] = field.count(analyzer, values.apply(answers[e]));
            }
        }
        field.seal(docs, asking, counted);
    }

    private static void append(Map<String, StringBuilder> texts, String entryId, String text) {
        StringBuilder sb = texts.get(entryId);
        if (sb == null) {
            texts.put(entryId, new StringBuilder(text));
        } else {
            sb.append('\n').append(text);
        }
    }

    /**
     * One field of one document as Lucene's indexing would see it: its terms (numbered in the field's dictionary,
     * in order of first occurrence) with their frequencies, the tokens in all, and those stacked on the previous
     * position (a pair beside its characters).
     */
    record Counted(int[] ids, int[] freqs, int length, int overlaps) {}

    /** Whether an entry's questions, keywords or answer contain {@code word} (normalized) anywhere. */
    boolean uses(String entryId, String word) {
        String text = texts.get(entryId);
        return text != null && text.contains(word);
    }

    TermSet analyze(TextNormalizer.Normalized text) {
        return new TermSet(textField.query(terms(TEXT, text.canonical())), pinyinField.query(soundTerms(text)), null);
    }

    /**
     * A question read with a clause of the citizen's story ({@code text} holds both): weighed by the words the
     * knowledge uses and the question's own words it does not; the story's other words say nothing about which
     * entry is meant.
     */
    TermSet analyze(TextNormalizer.Normalized text, TextNormalizer.Normalized question) {
        Terms asked = textField.query(terms(TEXT, question.canonical()));
        Terms askedSound = pinyinField.query(soundTerms(question));
        return new TermSet(textField.query(terms(TEXT, text.canonical())), pinyinField.query(soundTerms(text)),
                new double[] {asked.total() - asked.known(), askedSound.total() - askedSound.known()});
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
     * Ordinals of the best {@code limit} documents for the query by BM25 over both fields, ties going to the lower
     * ordinal — what a Lucene search of the same documents finds — in no particular order: the caller weighs each
     * on its own and needs only which they are.
     */
    int[] candidates(TermSet query, int limit) {
        long[] ranked = retrieved(query);
        int from = Math.max(0, ranked.length - limit);
        select(ranked, from);
        int[] out = new int[ranked.length - from];
        for (int i = from; i < ranked.length; i++) {
            out[i - from] = ~(int) ranked[i];
        }
        return out;
    }

    /**
     * Every document the query retrieves, as one sortable number each: its BM25 score (as the float Lucene ranks
     * by) above, its document number complemented below, so a greater number is a better document, ties going to the
     * lower number as Lucene's collector ranks them. The scores were worked out when the index was built; Lucene adds
     * a document's term scores (floats) up as a double in an order of its own, and a double holds such a sum exactly
     * whatever the order, so the two agree to the bit ({@code QuestionIndexTest} sorts these and holds them to a
     * Lucene search).
     */
    long[] retrieved(TermSet query) {
        double[] sums = new double[entryIds.length];
        boolean[] matched = new boolean[entryIds.length];
        // At most as many terms as a Lucene query may hold clauses, characters first, as a Lucene search would take.
        int room = MAX_TERMS_SEARCHED;
        int hits = textField.accumulate(query.text, room, sums, matched);
        room -= Math.min(room, query.text.strings().length);
        hits += pinyinField.accumulate(query.pinyin, room, sums, matched);
        long[] ranked = new long[hits];
        int k = 0;
        for (int d = 0; d < sums.length; d++) {
            if (matched[d]) {
                ranked[k++] = ((long) Float.floatToIntBits((float) sums[d]) << 32) | (~d & 0xFFFFFFFFL);
            }
        }
        return ranked;
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
        return new Overlap(query.textWeighed.docs()[ord], query.textWeight(), textField.docWeights[ord],
                query.pinyinWeighed.docs()[ord], query.soundWeight(), pinyinField.docWeights[ord]);
    }

    /**
     * The stored questions that share some weight with the query, by characters or by sound, each once and in no
     * particular order; every other one shares nothing with it.
     */
    int[] sharing(TermSet query) {
        weigh(query);
        double[] byText = query.textWeighed.docs();
        double[] bySound = query.pinyinWeighed.docs();
        int[] out = new int[byText.length];
        int n = 0;
        for (int d = 0; d < byText.length; d++) {
            // A shared term's weight is never 0, so a stored question sharing any has a sum above 0.
            if (byText[d] > 0 || bySound[d] > 0) {
                out[n++] = d;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The query against an entry's whole vocabulary — every term of its questions, keywords and answer — as if it
     * were one document: how much of the question the entry can explain at all.
     */
    Overlap explained(TermSet query, String entryId) {
        weigh(query);
        int e = entries.get(entryId);
        return new Overlap(query.textWeighed.entries()[e], query.textWeight(), textField.entryWeights[e],
                query.pinyinWeighed.entries()[e], query.soundWeight(), pinyinField.entryWeights[e]);
    }

    /**
     * The share of the query's weight an entry's vocabulary holds, by characters or (discounted) by sound: how far
     * the entry speaks of what the query names. Words the knowledge never uses tell little about which entry is meant
     * (老丈人 in 「我老丈人要装心脏支架」), so they count at {@code unknown} of their weight; a query made mostly of
     * them (「有没有新消息」: only 新 is known) is about nothing any entry speaks of.
     */
    double knownShare(TermSet query, String entryId, double soundDiscount, double unknown) {
        weigh(query);
        int e = entries.get(entryId);
        double text = share(query.textWeighed.entries()[e], query.text.known(), query.text.total(), unknown);
        double sound = share(query.pinyinWeighed.entries()[e], query.pinyin.known(), query.pinyin.total(), unknown);
        return Math.max(text, soundDiscount * sound);
    }

    /** The share of the query's weight (by characters) that the knowledge uses at all. */
    double knownFraction(TermSet query) {
        return query.text.total() <= 0 ? 1 : query.text.known() / query.text.total();
    }

    private static double share(double shared, double known, double total, double unknown) {
        double whole = known + unknown * (total - known);
        return known <= 0 || whole <= 0 ? 0 : shared / whole;
    }

    /**
     * The weight of the query's words longer than one character (pairs, words in letters) that the knowledge uses:
     * how much it names in the knowledge's own words.
     */
    double knownWords(TermSet query) {
        double weight = 0;
        for (int i = 0; i < query.text.ids().length; i++) {
            if (query.text.ids()[i] >= 0 && !query.text.units()[i] && query.text.counted()[i]) {
                weight += query.text.weights()[i];
            }
        }
        return weight;
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
