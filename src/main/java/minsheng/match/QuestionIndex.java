package minsheng.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The one wrapper around Lucene: an in-memory index with one document per way of asking (a question or a keyword
 * of an entry), in two fields — characters (unigrams and bigrams) and pinyin syllables (unigrams and bigrams, so a
 * wrong character with the right sound still meets). BM25 ranks the candidates; {@link #confidence} puts a
 * candidate on a 0–1 scale that means the same whatever the size of the knowledge. Immutable after construction
 * and safe to search from many threads.
 */
final class QuestionIndex {

    static final String TEXT = "text";
    static final String PINYIN = "pinyin";
    private static final String ORD = "ord";

    /** A way of asking for an entry, already normalized. */
    record Phrase(String entryId, String text) {}

    /** The distinct terms of a text in each field. */
    record TermSet(Set<String> text, Set<String> pinyin) {

        boolean isEmpty() {
            return text.isEmpty() && pinyin.isEmpty();
        }
    }

    private record Doc(String entryId, TermSet terms, double textWeight, double pinyinWeight) {}

    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(characters(), Map.of(PINYIN, syllables()));
    private final List<Doc> docs = new ArrayList<>();
    private final IndexSearcher searcher;
    private final Map<String, Double> textIdf;
    private final Map<String, Double> pinyinIdf;
    private final double unseenIdf;

    QuestionIndex(List<Phrase> phrases) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        List<TermSet> termSets = new ArrayList<>();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < phrases.size(); i++) {
                Phrase p = phrases.get(i);
                String pinyin = TextNormalizer.pinyin(p.text());
                Document doc = new Document();
                doc.add(new StoredField(ORD, i));
                doc.add(new TextField(TEXT, p.text(), Field.Store.NO));
                doc.add(new TextField(PINYIN, pinyin, Field.Store.NO));
                writer.addDocument(doc);
                termSets.add(new TermSet(terms(TEXT, p.text()), terms(PINYIN, pinyin)));
            }
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            int n = reader.numDocs();
            textIdf = idf(reader, TEXT, n);
            pinyinIdf = idf(reader, PINYIN, n);
            unseenIdf = idf(0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("building an in-memory index failed", e);
        }
        for (int i = 0; i < phrases.size(); i++) {
            TermSet t = termSets.get(i);
            docs.add(new Doc(phrases.get(i).entryId(), t, weight(t.text(), textIdf), weight(t.pinyin(), pinyinIdf)));
        }
    }

    TermSet analyze(String normalized) {
        return new TermSet(terms(TEXT, normalized), terms(PINYIN, TextNormalizer.pinyin(normalized)));
    }

    /** Ordinals of the best documents for the query by BM25 over both fields, best first. */
    List<Integer> search(TermSet query, int limit) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        query.text().forEach(t -> q.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD));
        query.pinyin().forEach(t -> q.add(new TermQuery(new Term(PINYIN, t)), BooleanClause.Occur.SHOULD));
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
        double[] text = shared(query.text(), doc.terms().text(), textIdf);
        double[] sound = shared(query.pinyin(), doc.terms().pinyin(), pinyinIdf);
        return new Overlap(text[0], text[1], doc.textWeight(), sound[0], sound[1], doc.pinyinWeight());
    }

    /** {shared weight, query weight}; terms the knowledge has never seen weigh the most. */
    private double[] shared(Set<String> query, Set<String> doc, Map<String, Double> idf) {
        double shared = 0;
        double total = 0;
        for (String t : query) {
            double w = idf.getOrDefault(t, unseenIdf);
            total += w;
            if (doc.contains(t)) {
                shared += w;
            }
        }
        return new double[] {shared, total};
    }

    private double weight(Set<String> terms, Map<String, Double> idf) {
        return terms.stream().mapToDouble(t -> idf.getOrDefault(t, unseenIdf)).sum();
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

    private static Map<String, Double> idf(DirectoryReader reader, String field, int docCount) throws IOException {
        Map<String, Double> out = new HashMap<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return out;
        }
        TermsEnum it = terms.iterator();
        for (BytesRef t = it.next(); t != null; t = it.next()) {
            out.put(t.utf8ToString(), idf(it.docFreq(), docCount));
        }
        return out;
    }

    /** Lucene's BM25 idf, so the confidence weighs terms as the ranking does. */
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
