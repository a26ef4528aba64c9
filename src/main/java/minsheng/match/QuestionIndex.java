package minsheng.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The wrapper around Lucene's analyzers and index: one in-memory document per way of asking (a question or a
 * keyword of an entry), in two fields — characters (single and in pairs) and pinyin syllables (single and in pairs,
 * so a wrong character with the right sound still meets). BM25 retrieves the candidates; {@link #overlap} and
 * {@link #explained} give the weights {@link Matcher} scores them with, idf counted over entries. Immutable after
 * construction and safe to search from many threads.
 */
final class QuestionIndex {

    private static final String TEXT = "text";
    private static final String PINYIN = "pinyin";
    private static final String ORD = "ord";

    /** A way of asking for an entry, already normalized. */
    record Phrase(String entryId, TextNormalizer.Normalized text) {}

    /** The distinct terms of a text in each field. */
    record TermSet(Set<String> text, Set<String> pinyin) {

        static TermSet empty() {
            return new TermSet(new HashSet<>(), new HashSet<>());
        }

        boolean isEmpty() {
            return text.isEmpty() && pinyin.isEmpty();
        }
    }

    private record Doc(String entryId, TermSet terms, double textWeight, double pinyinWeight) {}

    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(characters(), Map.of(PINYIN, syllables()));
    private final List<Doc> docs = new ArrayList<>();
    /** Per entry, every term of all its ways of asking and of its answer: what the entry can explain. */
    private final Map<String, TermSet> vocabularies = new HashMap<>();
    /** Per entry, its questions, keywords and answer as normalized text, to look up whole words in. */
    private final Map<String, String> texts = new HashMap<>();
    private final IndexSearcher searcher;
    private final FieldStats textStats;
    private final FieldStats pinyinStats;
    private final double unseenIdf;

    /** A field's idf table, and how a word written in letters or digits shows in it. */
    private record FieldStats(Map<String, Double> idf, Predicate<String> written) {}

    private static final int TOKENS_PER_HAN_WORD = 3;

    QuestionIndex(List<Phrase> phrases, Map<String, TextNormalizer.Normalized> answers) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        List<TermSet> termSets = new ArrayList<>();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < phrases.size(); i++) {
                TextNormalizer.Normalized text = phrases.get(i).text();
                Document doc = new Document();
                doc.add(new StoredField(ORD, i));
                doc.add(new TextField(TEXT, text.canonical(), Field.Store.NO));
                for (String sound : sounds(text)) {
                    doc.add(new TextField(PINYIN, sound, Field.Store.NO));
                }
                writer.addDocument(doc);
                termSets.add(analyze(text));
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BM25Similarity());
        } catch (IOException e) {
            throw new UncheckedIOException("building an in-memory index failed", e);
        }
        for (int i = 0; i < phrases.size(); i++) {
            texts.merge(phrases.get(i).entryId(), phrases.get(i).text().canonical(), (a, b) -> a + "\n" + b);
            TermSet v = vocabularies.computeIfAbsent(phrases.get(i).entryId(), k -> TermSet.empty());
            v.text().addAll(termSets.get(i).text());
            v.pinyin().addAll(termSets.get(i).pinyin());
        }
        // Terms are weighed by how many entries ask with them, not how many stored questions do: an entry asked
        // twenty ways about 低保 must not make 低保 look common.
        int entries = vocabularies.size();
        textStats = new FieldStats(entryIdf(TermSet::text, entries), t -> !Icu.isHan(t.codePointAt(0)));
        pinyinStats = new FieldStats(entryIdf(TermSet::pinyin, entries),
                t -> t.startsWith(TextNormalizer.WRITTEN) && t.indexOf(' ') < 0);
        unseenIdf = idf(0, entries);
        for (int i = 0; i < phrases.size(); i++) {
            TermSet t = termSets.get(i);
            docs.add(new Doc(phrases.get(i).entryId(), t,
                    weight(t.text(), textStats), weight(t.pinyin(), pinyinStats)));
        }
        // The answer joins the vocabulary only after the weights are set: it may explain a question's words,
        // but it does not make them common.
        answers.forEach((id, answer) -> {
            texts.merge(id, answer.canonical(), (a, b) -> a + "\n" + b);
            TermSet a = analyze(answer);
            TermSet v = vocabularies.computeIfAbsent(id, k -> TermSet.empty());
            v.text().addAll(a.text());
            v.pinyin().addAll(a.pinyin());
        });
    }

    private Map<String, Double> entryIdf(Function<TermSet, Set<String>> field, int entries) {
        Map<String, Integer> df = new HashMap<>();
        vocabularies.values().forEach(v -> field.apply(v).forEach(t -> df.merge(t, 1, Integer::sum)));
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
        Set<String> sound = new LinkedHashSet<>();
        for (String s : sounds(text)) {
            sound.addAll(terms(PINYIN, s));
        }
        return new TermSet(terms(TEXT, text.canonical()), sound);
    }

    /**
     * The pinyin of the words as written and as read canonically: a mistyped synonym (除颤气 for 除颤器) still
     * sounds like what the knowledge wrote, even where the knowledge's text now says AED.
     */
    private static List<String> sounds(TextNormalizer.Normalized text) {
        String spoken = TextNormalizer.pinyin(text.spoken());
        String canonical = TextNormalizer.pinyin(text.canonical());
        return spoken.equals(canonical) ? List.of(spoken) : List.of(spoken, canonical);
    }

    /** Ordinals of the best documents for the query by BM25 over both fields, best first. */
    List<Integer> search(TermSet query, int limit) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        // Lucene refuses a query of more clauses than IndexSearcher.getMaxClauseCount(); characters come first.
        int room = IndexSearcher.getMaxClauseCount();
        for (String t : query.text()) {
            if (room-- <= 0) {
                break;
            }
            q.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
        }
        for (String t : query.pinyin()) {
            if (room-- <= 0) {
                break;
            }
            q.add(new TermQuery(new Term(PINYIN, t)), BooleanClause.Occur.SHOULD);
        }
        try {
            ScoreDoc[] hits = searcher.search(q.build(), limit).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<Integer> out = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                out.add(stored.document(hit.doc).getField(ORD).numericValue().intValue());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("searching an in-memory index failed", e);
        }
    }

    String entryId(int ord) {
        return docs.get(ord).entryId();
    }

    /** The idf weight a query and a document share, and each one's own, by characters and by sound. */
    record Overlap(double textShared, double textQuery, double textDoc,
                   double soundShared, double soundQuery, double soundDoc) {}

    Overlap overlap(TermSet query, int ord) {
        Doc doc = docs.get(ord);
        double[] text = shared(query.text(), doc.terms().text(), textStats);
        double[] sound = shared(query.pinyin(), doc.terms().pinyin(), pinyinStats);
        return new Overlap(text[0], text[1], doc.textWeight(), sound[0], sound[1], doc.pinyinWeight());
    }

    /**
     * The query against an entry's whole vocabulary — every term of its questions, keywords and answer — as if it
     * were one document: how much of the question the entry can explain at all.
     */
    Overlap explained(TermSet query, String entryId) {
        TermSet v = vocabularies.get(entryId);
        double[] text = shared(query.text(), v.text(), textStats);
        double[] sound = shared(query.pinyin(), v.pinyin(), pinyinStats);
        return new Overlap(text[0], text[1], weight(v.text(), textStats), sound[0], sound[1],
                weight(v.pinyin(), pinyinStats));
    }

    /**
     * The share of the query's single characters (or, for a mistyped character, their sounds) found anywhere in
     * an entry's vocabulary. Two entries that both hold every character of a question cannot be told apart by it.
     */
    double characterCoverage(TermSet query, String entryId) {
        TermSet v = vocabularies.get(entryId);
        return Math.max(unitShare(query.text(), v.text()), unitShare(query.pinyin(), v.pinyin()));
    }

    /** Share of the single-unit terms (a character, a syllable, a whole word) of {@code query} found in {@code v}. */
    private static double unitShare(Set<String> query, Set<String> v) {
        long units = 0;
        long found = 0;
        for (String t : query) {
            if (t.indexOf(' ') < 0 && (t.codePointCount(0, t.length()) == 1 || !Icu.isHan(t.codePointAt(0)))) {
                units++;
                found += v.contains(t) ? 1 : 0;
            }
        }
        return units == 0 ? 0 : (double) found / units;
    }

    /** {weight the query shares with {@code doc}, the query's whole weight}. */
    private double[] shared(Set<String> query, Set<String> doc, FieldStats field) {
        double shared = 0;
        double total = 0;
        for (String t : query) {
            if (!field.idf().containsKey(t) && isNumber(t)) {
                continue; // a figure the asker guesses (「有没有到70%」) is no evidence against the entry
            }
            double w = weight(t, field);
            total += w;
            if (doc.contains(t)) {
                shared += w;
            }
        }
        return new double[] {shared, total};
    }

    /**
     * A term's idf; terms the knowledge never uses weigh the most. A word written in letters or digits ("iphone")
     * is one token where a Han word of two characters is three (each character and the pair), so it counts three
     * times.
     */
    private double weight(String term, FieldStats field) {
        double w = field.idf().getOrDefault(term, unseenIdf);
        return field.written().test(term) ? TOKENS_PER_HAN_WORD * w : w;
    }

    private double weight(Set<String> terms, FieldStats field) {
        return terms.stream().mapToDouble(t -> weight(t, field)).sum();
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
