package minsheng.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The index's own BM25 retrieval, scored when the index is built, finds exactly what Lucene's search finds. */
class QuestionIndexTest {

    private static TextNormalizer normalizer;
    private static QuestionIndex index;

    @BeforeAll
    static void buildTheShippedKnowledgesIndex() throws KnowledgeException {
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
                assertEquals(index.searchWithLucene(terms, limit), index.search(terms, limit), q);
            }
            compared++;
        }
        assertEquals(questions.size(), compared);
    }

    @Test
    void aWordTheKnowledgeNeverUsesRetrievesNothing() {
        QuestionIndex.TermSet terms = index.analyze(normalizer.normalize("zzqx"));
        assertEquals(List.of(), index.searchWithLucene(terms, 200));
        assertEquals(List.of(), index.search(terms, 200));
        assertFalse(terms.isEmpty());
    }
}
