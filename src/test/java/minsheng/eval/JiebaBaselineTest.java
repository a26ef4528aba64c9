package minsheng.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huaban.analysis.jieba.JiebaSegmenter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import minsheng.answer.Snapshot;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The engine against the plain way to build such a bot: jieba word segmentation and Lucene BM25 over the same
 * stored questions, no normalization, synonyms or pinyin, declining below a raw-score cut-off. The baseline gets
 * its best cut-off on each question set; the engine keeps its defaults. Prints both so docs/measurements.md can quote them.
 */
class JiebaBaselineTest {

    private record Result(double right, double declined) {

        double sum() {
            return right + declined;
        }
    }

    @Test
    void engineBeatsPlainJiebaAndBm25OnBothCounts() throws IOException, KnowledgeException {
        KnowledgeBase kb = KnowledgeLoader.load(Path.of("knowledge"));
        Snapshot engine = Snapshot.build(kb, Thresholds.defaults());
        Baseline baseline = new Baseline(kb);
        for (String file : List.of("eval/dev.tsv", "eval/fresh-1.tsv", "eval/fresh-2.tsv", "eval/fresh-3.tsv")) {
            QuestionSet set = QuestionSet.read(Path.of(file), kb);
            Evaluation e = Evaluation.run(engine, set);
            Result ours = new Result(e.top1(), e.declineAccuracy());
            Result plain = baseline.best(set);
            System.out.printf(Locale.ROOT, "%s: engine %.1f%% right, %.1f%% declined; jieba+BM25 (best cut-off)"
                    + " %.1f%% right, %.1f%% declined%n", file, 100 * ours.right(), 100 * ours.declined(),
                    100 * plain.right(), 100 * plain.declined());
            assertTrue(ours.right() >= plain.right() && ours.declined() >= plain.declined()
                    && ours.sum() > plain.sum(), file);
        }
    }

    /** jieba words indexed and searched with Lucene BM25; the top stored question's entry is the answer. */
    private static final class Baseline {

        private final JiebaSegmenter jieba = quietJieba();
        private final List<String> entryOfDoc = new ArrayList<>();
        private final IndexSearcher searcher;

        Baseline(KnowledgeBase kb) throws IOException {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                for (Entry e : kb.entries()) {
                    List<String> texts = new ArrayList<>(e.questions());
                    texts.addAll(e.keywords());
                    for (String text : texts) {
                        Document d = new Document();
                        d.add(new StoredField("ord", entryOfDoc.size()));
                        d.add(new TextField("words", String.join(" ", words(text)), Field.Store.NO));
                        w.addDocument(d);
                        entryOfDoc.add(e.id());
                    }
                }
            }
            searcher = new IndexSearcher(DirectoryReader.open(dir));
            searcher.setSimilarity(new BM25Similarity());
        }

        private Set<String> words(String text) {
            Set<String> out = new LinkedHashSet<>();
            jieba.process(text.toLowerCase(Locale.ROOT), JiebaSegmenter.SegMode.SEARCH).forEach(t -> {
                if (!t.word.isBlank()) {
                    out.add(t.word.strip());
                }
            });
            return out;
        }

        /** Entry and raw BM25 score of the best stored question, or null. */
        private Object[] top(String question) throws IOException {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            words(question).forEach(w -> q.add(new TermQuery(new Term("words", w)), BooleanClause.Occur.SHOULD));
            ScoreDoc[] hits = searcher.search(q.build(), 1).scoreDocs;
            if (hits.length == 0) {
                return null;
            }
            int ord = searcher.storedFields().document(hits[0].doc).getField("ord").numericValue().intValue();
            return new Object[] {entryOfDoc.get(ord), (double) hits[0].score};
        }

        /** The result at the cut-off that serves this set best: a ceiling for the baseline, not a fair estimate. */
        Result best(QuestionSet set) throws IOException {
            List<Object[]> tops = new ArrayList<>();
            TreeSet<Double> cuts = new TreeSet<>(List.of(0.0));
            for (QuestionSet.Case c : set.cases()) {
                Object[] t = top(c.question());
                tops.add(t);
                if (t != null) {
                    cuts.add((Double) t[1]);
                }
            }
            Result best = new Result(0, 0);
            for (double cut : cuts) {
                int right = 0;
                int answerable = 0;
                int declined = 0;
                int uncoverable = 0;
                for (int i = 0; i < tops.size(); i++) {
                    QuestionSet.Case c = set.cases().get(i);
                    Object[] t = tops.get(i);
                    boolean answers = t != null && (Double) t[1] >= cut;
                    if (c.shouldDecline()) {
                        uncoverable++;
                        declined += answers ? 0 : 1;
                    } else {
                        answerable++;
                        right += answers && c.expected().contains((String) t[0]) ? 1 : 0;
                    }
                }
                Result r = new Result((double) right / answerable, (double) declined / uncoverable);
                if (r.sum() > best.sum()) {
                    best = r;
                }
            }
            return best;
        }
    }

    /** jieba prints a banner while it loads its dictionary; the test output is for figures only. */
    private static JiebaSegmenter quietJieba() {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return new JiebaSegmenter();
        } finally {
            System.setOut(out);
        }
    }
}
