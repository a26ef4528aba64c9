package minsheng.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** topics.txt: what a bare topic word gets, checked like the rest of the knowledge. */
class TopicSummariesTest {

    private static final Set<String> IDS = Set.of("assistance.urban-dibao", "assistance.rural-dibao",
            "assistance.relief-funds", "education.school-layout", "education.county-managed-teachers");

    private static List<String> problems(String text) {
        List<Problem> problems = new ArrayList<>();
        TopicSummaries.parse(text, IDS, problems);
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void readsHeadlineAndButtonsAndFindsTheTopicByAnyOfItsWords() {
        List<Problem> problems = new ArrayList<>();
        TopicSummaries t = TopicSummaries.parse("# 注释\n低保 | 低保, 最低生活保障 | assistance.urban-dibao,"
                + " assistance.rural-dibao | assistance.relief-funds\n教育 | 教育 | | education.school-layout,"
                + " education.county-managed-teachers\n", IDS, problems);
        assertEquals(List.of(), problems);
        TopicSummaries.Summary dibao = t.byWord("最低生活保障").orElseThrow();
        assertEquals(List.of("assistance.urban-dibao", "assistance.rural-dibao"), dibao.headline());
        assertEquals(List.of("assistance.relief-funds"), dibao.details());
        assertTrue(t.byWord("教育").orElseThrow().listed());
        assertTrue(t.byWord("养老").isEmpty());
    }

    @Test
    void namesTheLineFieldAndTopicOfEveryProblem() {
        assertEquals(List.of(
                "topics.txt:1: headline: \"assistance.no-such\" is not the id of any entry (topic 低保)",
                "topics.txt:1: headline: \"assistance.urban-dibab\" is not the id of any entry (topic 低保)"
                        + " (did you mean \"assistance.urban-dibao\"?)",
                "topics.txt:2: words: \"低保\" already calls up the topic on line 1; a word may call up one topic only"
                        + " (topic 救助)",
                "topics.txt:3: has 2 column(s); write 名称 | 词 | 要点条目 | 按钮条目 (the last may be left out)",
                "topics.txt:4: name: \"低保\" is already the name of the topic on line 1",
                "topics.txt:5: headline: is empty, so the topic is offered as a list, but the buttons column names"
                        + " fewer than 2 entries to list (topic 教育)",
                "topics.txt:6: buttons: \"assistance.urban-dibao\" is already in the headline; a button should lead"
                        + " to a detail not yet shown (topic 城乡)",
                "topics.txt:7: words: missing; list the words citizens type for this topic, e.g. 救助, 社会救助"
                        + " (topic 空)"),
                problems("""
                        低保 | 低保 | assistance.urban-dibao, assistance.no-such, assistance.urban-dibab
                        救助 | 救助, 低保 | assistance.relief-funds
                        养老 | 养老
                        低保 | 最低生活保障 | assistance.rural-dibao
                        教育 | 教育 | | education.school-layout
                        城乡 | 城乡 | assistance.urban-dibao | assistance.urban-dibao
                        空 |  | assistance.relief-funds
                        """));
    }

    @Test
    void checkReportsABrokenTopicsFileAndLoadingRefusesIt(@TempDir Path dir) throws IOException {
        Path valid = KnowledgeCheckTest.fixture("valid");
        try (Stream<Path> files = Files.list(valid)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.writeString(dir.resolve("topics.txt"), "就业 | 就业 | employment.no-such-entry\n", StandardCharsets.UTF_8);
        List<String> problems = KnowledgeLoader.check(dir, null).stream().map(Problem::toString).toList();
        assertEquals(List.of("topics.txt:1: headline: \"employment.no-such-entry\" is not the id of any entry"
                + " (topic 就业)"), problems);
        KnowledgeException e = org.junit.jupiter.api.Assertions.assertThrows(KnowledgeException.class,
                () -> KnowledgeLoader.load(dir));
        assertEquals(1, e.problems().size());
    }

    @Test
    void theShippedTopicsAreClean() throws KnowledgeException {
        KnowledgeBase kb = KnowledgeLoader.load(Path.of("knowledge"));
        assertTrue(kb.topicSummaries().byWord("救助").isPresent());
        assertTrue(kb.topicSummaries().byWord("医保").isPresent());
        assertTrue(kb.topicSummaries().byWord("养老").isPresent());
    }
}
