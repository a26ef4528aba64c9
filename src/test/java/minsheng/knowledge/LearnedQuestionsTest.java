package minsheng.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** learned.tsv adds citizens' wordings to entries, under the same rules as the questions in the JSON files. */
class LearnedQuestionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyShippedKnowledge() throws IOException {
        ShippedKnowledge.copyTo(dir);
    }

    private void learned(String text) throws IOException {
        Files.writeString(dir.resolve("learned.tsv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void aLearnedQuestionBecomesOneOfItsEntrysQuestions() throws Exception {
        learned("# taught from /unanswered\ncity.elevator-subsidy\t老房子加个升降机政府给钱吗\n");
        Entry e = KnowledgeLoader.load(dir).entry("city.elevator-subsidy").orElseThrow();
        assertEquals("老房子加个升降机政府给钱吗", e.questions().get(e.questions().size() - 1));
    }

    @Test
    void anUnknownEntryIdIsReportedWithItsLine() throws IOException {
        learned("city.elevator-subsidy\t老房子加个升降机政府给钱吗\ncity.no-such-entry\t地铁票多少钱\n");
        List<Problem> problems = KnowledgeLoader.check(dir, null);
        assertEquals(List.of("learned.tsv:2:1: 条目 city.no-such-entry: 没有这个 id 的条目。"),
                problems.stream().map(Problem::toString).toList());
    }

    @Test
    void aQuestionAnEntryAlreadyHasIsReportedAsADuplicate() throws IOException {
        learned("city.elevator-subsidy\t太原地铁通车了吗？\n");
        List<Problem> problems = KnowledgeLoader.check(dir, null);
        assertEquals(1, problems.size(), problems.toString());
        String p = problems.get(0).toString();
        assertTrue(p.startsWith("learned.tsv:1:23: 条目 city.elevator-subsidy: 问题: 「太原地铁通车了吗？」已经是"
                + " city.taiyuan-metro（"), p);
    }

    @Test
    void aLineForAnEntryWithAMistakeOfItsOwnIsNotToldAsASecondMistake() throws IOException {
        Path file = dir.resolve("safety-net.json");
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, json.replace("\"id\": \"city.elevator-subsidy\",\n      \"topic\": \"城市建设\"",
                "\"id\": \"city.elevator-subsidy\",\n      \"topic\": \"城建\""), StandardCharsets.UTF_8);
        learned("city.elevator-subsidy\t老房子加个升降机政府给钱吗\n");
        List<String> problems = KnowledgeLoader.check(dir, null).stream().map(Problem::toString).toList();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("条目 city.elevator-subsidy: topic: 「城建」不是已有的主题"), problems::toString);
    }

    @Test
    void aLineWithoutATabSaysWhatALineNeeds() throws IOException {
        learned("city.elevator-subsidy 老房子加个升降机政府给钱吗\n");
        assertEquals(List.of("learned.tsv:1: 每行要写条目 id、一个 Tab，再写问题。"),
                KnowledgeLoader.check(dir, null).stream().map(Problem::toString).toList());
    }
}
