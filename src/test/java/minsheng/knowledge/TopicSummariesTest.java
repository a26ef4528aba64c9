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
        TopicSummaries.parse(text, new References(IDS, true), problems);
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void readsHeadlineAndButtonsAndFindsTheTopicByAnyOfItsWords() {
        List<Problem> problems = new ArrayList<>();
        TopicSummaries t = TopicSummaries.parse("# 注释\n低保 | 低保, 最低生活保障 | assistance.urban-dibao,"
                + " assistance.rural-dibao | assistance.relief-funds\n教育 | 教育 | | education.school-layout,"
                + " education.county-managed-teachers\n", new References(IDS, true), problems);
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
                "topics.txt:1: 要点: 「assistance.no-such」不是任何条目的 id。（话题：低保）",
                "topics.txt:1: 要点: 「assistance.urban-dibab」不是任何条目的 id。是不是想写「assistance.urban-dibao」？"
                        + "（话题：低保）",
                "topics.txt:2: 词: 「低保」已经用来找第 1 行的话题；一个词只能对应一个话题。（话题：救助）",
                "topics.txt:3: 有 2 栏；请写成 名称 | 词 | 要点 | 按钮（最后一栏可以不写）。",
                "topics.txt:4: 名称: 「低保」已经是第 1 行那个话题的名称。",
                "topics.txt:5: 要点: 是空的，所以这个话题作为列表给出，但按钮一栏不到 2 个条目可列。（话题：教育）",
                "topics.txt:6: 按钮: 「assistance.urban-dibao」已经在要点里了；按钮应当指向还没显示的内容。（话题：城乡）",
                "topics.txt:7: 词: 缺少词；请列出市民说起这个话题时用的词，例如 救助, 社会救助。（话题：空）"),
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
        assertEquals(List.of("topics.txt:1: 要点: 「employment.no-such-entry」不是任何条目的 id。（话题：就业）"), problems);
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
