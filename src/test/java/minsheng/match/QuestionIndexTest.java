package minsheng.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index's own BM25 retrieval, its statistics counted and its scores worked out when the index is built, finds
 * exactly what a Lucene index of the same documents finds with an ordinary search: the same documents, in the same
 * order, for every evaluated question.
 */
class QuestionIndexTest {

    private static TextNormalizer normalizer;
    private static QuestionIndex index;
    /** The same documents in a real Lucene index, searched the ordinary way. */
    private static IndexSearcher lucene;

    @BeforeAll
    static void buildTheShippedKnowledgesIndex() throws KnowledgeException, IOException {
        KnowledgeBase knowledge = KnowledgeLoader.load(Path.of("knowledge"));
        normalizer = new TextNormalizer(knowledge.vocabulary());
        List<QuestionIndex.Phrase> phrases = new ArrayList<>();
        Map<String, TextNormalizer.Normalized> answers = new HashMap<>();
        for (Entry e : knowledge.entries()) {
            e.questions().forEach(q -> phrases.add(new QuestionIndex.Phrase(e.id(), normalizer.normalize(q))));
            e.keywords().forEach(k -> phrases.add(new QuestionIndex.Phrase(e.id(), normalizer.normalize(k))));
            answers.put(e.id(), normalizer.normalize(e.answer()));
        }
        index = new QuestionIndex(phrases, answers);
        lucene = luceneIndex(phrases);
    }

    private static IndexSearcher luceneIndex(List<QuestionIndex.Phrase> phrases) throws IOException {
        FieldType counted = new FieldType(TextField.TYPE_NOT_STORED);
        counted.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        // One segment, never merged: document numbers are the order added, the ordinals.
        IndexWriterConfig config = new IndexWriterConfig(QuestionIndex.analyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (QuestionIndex.Phrase p : phrases) {
                Document doc = new Document();
                doc.add(new Field(QuestionIndex.TEXT, p.text().canonical(), counted));
                for (String sound : QuestionIndex.sounds(p.text())) {
                    doc.add(new Field(QuestionIndex.PINYIN, sound, counted));
                }
                writer.addDocument(doc);
            }
        }
        IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
        searcher.setSimilarity(new BM25Similarity());
        return searcher;
    }

    private static List<Integer> searchWithLucene(QuestionIndex.TermSet terms, int limit) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        // Lucene refuses more clauses than getMaxClauseCount(): characters first, then sounds, up to that.
        int room = IndexSearcher.getMaxClauseCount();
        for (String t : terms.textTerms()) {
            if (room-- > 0) {
                q.add(new TermQuery(new Term(QuestionIndex.TEXT, t)), BooleanClause.Occur.SHOULD);
            }
        }
        for (String t : terms.pinyinTerms()) {
            if (room-- > 0) {
                q.add(new TermQuery(new Term(QuestionIndex.PINYIN, t)), BooleanClause.Occur.SHOULD);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (ScoreDoc hit : lucene.search(q.build(), limit).scoreDocs) {
            out.add(hit.doc);
        }
        return out;
    }

    /** The index's best {@code limit} documents, best first: its retrieval ranked as Lucene's collector ranks. */
    private static List<Integer> ranking(QuestionIndex.TermSet terms, int limit) {
        long[] retrieved = index.retrieved(terms);
        Arrays.sort(retrieved);
        List<Integer> out = new ArrayList<>();
        for (int i = retrieved.length - 1; i >= Math.max(0, retrieved.length - limit); i--) {
            out.add(~(int) retrieved[i]);
        }
        return out;
    }

    @Test
    void retrievesWhatLuceneRetrievesInTheSameOrderForEveryEvaluatedQuestion() throws IOException {
        List<String> questions = new ArrayList<>(List.of("低保", "心臟支架現在多少錢", "iPhone多少钱", "2020年", "的的的的",
                "波利维", "低宝有多少人", "我爸要放支架，现在贵不贵", "有没有到70%", "明天天气怎么样"));
        for (String set : List.of("dev", "fresh-1", "fresh-2", "fresh-3")) {
            for (String line : Files.readAllLines(Path.of("eval", set + ".tsv"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    questions.add(line.substring(line.indexOf('\t') + 1));
                }
            }
        }
        int compared = 0;
        for (String q : questions) {
            QuestionIndex.TermSet terms = index.analyze(normalizer.normalize(q));
            for (int limit : new int[] {200, 3}) {
                List<Integer> lucene = searchWithLucene(terms, limit);
                assertEquals(lucene, ranking(terms, limit), q);
                // What the matcher takes: the same documents, in no particular order.
                assertEquals(new TreeSet<>(lucene), Arrays.stream(index.candidates(terms, limit)).boxed()
                        .collect(Collectors.toCollection(TreeSet::new)), q);
                assertEquals(lucene.size(), index.candidates(terms, limit).length, q);
            }
            compared++;
        }
        assertEquals(questions.size(), compared);
    }

    @Test
    void aQuestionOfMoreTermsThanALuceneQueryHoldsRetrievesWhatLuceneDoesWithTheFirstOnes()
            throws IOException, KnowledgeException {
        StringBuilder q = new StringBuilder();
        for (var e : KnowledgeLoader.load(Path.of("knowledge")).entries()) {
            q.append(e.answer());
        }
        QuestionIndex.TermSet terms = index.analyze(normalizer.normalize(q.toString()));
        assertTrue(terms.textTerms().size() + terms.pinyinTerms().size() > IndexSearcher.getMaxClauseCount());
        assertEquals(searchWithLucene(terms, 200), ranking(terms, 200));
    }

    @Test
    void aWordTheKnowledgeNeverUsesRetrievesNothing() throws IOException {
        QuestionIndex.TermSet terms = index.analyze(normalizer.normalize("zzqx"));
        assertEquals(List.of(), searchWithLucene(terms, 200));
        assertEquals(List.of(), ranking(terms, 200));
        assertEquals(0, index.candidates(terms, 200).length);
        assertFalse(terms.isEmpty());
    }
}
