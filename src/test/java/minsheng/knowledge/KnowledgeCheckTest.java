package minsheng.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each broken fixture breaks one rule; the checker must name file, entry, field and what is wrong. */
class KnowledgeCheckTest {

    static Path fixture(String name) {
        try {
            return Path.of(KnowledgeCheckTest.class.getResource("/knowledge/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> problems(String dir) {
        return KnowledgeLoader.check(fixture(dir), null).stream().map(Problem::toString).toList();
    }

    private static List<String> problemsAgainstArticle(String dir) throws IOException {
        return KnowledgeLoader.check(fixture(dir), Article.read(fixture("article.txt"))).stream()
                .map(Problem::toString).toList();
    }

    @Test
    void acceptsValidKnowledge() {
        assertEquals(List.of(), problems("valid"));
    }

    @Test
    void reportsMalformedJsonWithLineAndColumn() {
        assertEquals(List.of("employment.json:23:7: malformed JSON: Unexpected character ('\"' (code 34)):"
                + " was expecting comma to separate Object entries"), problems("broken/malformed"));
    }

    @Test
    void refusesMisspeltFieldOnItsOwnLineAndSuggestsTheRightOne() {
        assertEquals(List.of(
                "employment.json:41: entry employment.urban-new-jobs: questoins: unknown field"
                        + " (did you mean \"questions\"?)",
                "employment.json:20: entry employment.urban-new-jobs: questions: missing"),
                problems("broken/unknown-field"));
    }

    @Test
    void namesEveryFaultInAnEntrysScopeDeclaration() {
        assertEquals(List.of(
                "employment.json:71: entry employment.rural-labor-transfer: scope.lack: unknown field"
                        + " (did you mean \"lacks\"?)",
                "employment.json:20: entry employment.urban-new-jobs: scope: missing; declare what the answer"
                        + " states, e.g. {\"place\": \"山西省\", \"period\": \"2020年\", \"gives\": [\"count\"],"
                        + " \"lacks\": [\"每月\"]}",
                "employment.json:71: entry employment.rural-labor-transfer: scope.place: missing or empty;"
                        + " the province (山西省) or the one place the figures cover (大同市浑源县)",
                "employment.json:71: entry employment.rural-labor-transfer: scope.period: \"去年\" names no year;"
                        + " write it with its year, e.g. 2020年 or 2021年1月",
                "employment.json:71: entry employment.rural-labor-transfer: scope.gives[2]: \"prices\" is not a"
                        + " kind of figure (did you mean \"price\"?); use one of price, amount, monthly, raise, count,"
                        + " rate, date, year, measure, rank, comparison, event, policy, place, name, frequency,"
                        + " procedure, target",
                "employment.json:71: entry employment.rural-labor-transfer: scope.gives[3]: \"count\" is listed"
                        + " twice"),
                problems("broken/scope"));
    }

    @Test
    void refusesAFigureKindForAnAnswerInWords() {
        List<String> problems = problems("broken/scope-figures");
        assertTrue(problems.contains("employment.json:71: entry employment.rural-labor-transfer: scope.gives:"
                + " \"count\" is a figure, but the answer lists no figures; declare policy or event for an answer"
                + " in words"), problems::toString);
    }

    @Test
    void reportsMissingAnswer() {
        assertEquals(List.of("employment.json:20: entry employment.urban-new-jobs: answer: missing or empty"),
                problems("broken/missing-answer"));
    }

    @Test
    void asksForAtLeastFourQuestions() {
        assertEquals(List.of("employment.json:20: entry employment.urban-new-jobs: questions: has 2;"
                + " write at least 4 ways citizens ask it"), problems("broken/too-few-questions"));
    }

    @Test
    void reportsDuplicateIdWithTheFileThatHasItFirst() {
        List<String> problems = problems("broken/duplicate-id");
        assertTrue(problems.contains("employment.json:48: entry employment.urban-new-jobs: id:"
                + " \"employment.urban-new-jobs\" is already used by an entry in employment.json"), problems::toString);
    }

    @Test
    void reportsTheSameQuestionInTwoEntriesEvenWithDifferentPunctuation() {
        assertEquals(List.of("employment.json:48: entry employment.rural-labor-transfer: questions:"
                + " \"2020年城镇新增就业多少人？\" is also a question of employment.urban-new-jobs (employment.json)"),
                problems("broken/duplicate-question"));
    }

    @Test
    void reportsFigureMissingFromTheAnswer() {
        assertEquals(List.of("employment.json:20: entry employment.urban-new-jobs: figures:"
                + " \"49万人\" does not appear in the answer"), problems("broken/figure-not-in-answer"));
    }

    @Test
    void reportsNumberInTheAnswerThatFiguresDoNotList() {
        assertEquals(List.of("employment.json:20: entry employment.urban-new-jobs: answer:"
                + " states \"106\" but figures does not list it"), problems("broken/number-not-in-figures"));
    }

    @Test
    void reportsRelatedIdThatDoesNotExist() {
        assertEquals(List.of("employment.json:20: entry employment.urban-new-jobs: related:"
                + " \"employment.rural-jobs\" is not the id of any entry"), problems("broken/unknown-related"));
    }

    @Test
    void refusesAnswerLongerThanATelegramMessage() {
        assertEquals(List.of("employment.json:20: entry employment.urban-new-jobs: answer: is 4201 characters;"
                + " keep it within 3840 so the reply with its citation fits one Telegram message (4096)"),
                problems("broken/answer-too-long"));
    }

    @Test
    void keepsAnswersToFourSentences() {
        assertEquals(List.of("employment.json:20: entry employment.urban-new-jobs: answer: has 5 sentences;"
                + " keep it to 1–4"), problems("broken/too-many-sentences"));
    }

    @Test
    void asksEveryAnswerForItsYearAndEveryDateForItsYear() {
        String at = "employment.json:20: entry employment.urban-new-jobs: answer: ";
        assertEquals(List.of(
                at + "names no year; say which year it describes, e.g. 「2020年……」 or 「据2020年的报道……」",
                at + "the date \"1月15日\" carries no year; write the year the article gives it, e.g. 「2020年1月15日」",
                at + "says \"现在\", as if the report's year were today; say 「2020年……」 or 「据2020年的报道……」 instead"),
                problems("broken/answer-time"));
    }

    @Test
    void letsAnAnswerNameTheReportsYearWithoutListingItAsAFigure() {
        // The valid fixture's second answer opens with 「据2020年的报道」 and its figures leave 2020年 out.
        assertEquals(List.of(), problems("valid"));
    }

    @Test
    void reportsUnknownTopicAndListsTheKnownOnes() {
        assertEquals(List.of("employment.json:20: entry employment.urban-new-jobs: topic: \"工作\" is not a known"
                + " topic; use one of 民生综述、就业、养老、社会保险、医疗医保、教育、社会救助、儿童与残疾人、妇幼健康、城市建设"),
                problems("broken/unknown-topic"));
    }

    @Test
    void reportsSectionTheFileDoesNotDeclare() {
        assertEquals(List.of("employment.json:20: entry employment.urban-new-jobs: source.section: \"jobs\" is not"
                + " a section of this file's source (employment)"), problems("broken/unknown-section"));
    }

    @Test
    void reportsParagraphOutsideItsSection() {
        assertEquals(List.of("employment.json:20: entry employment.urban-new-jobs: source.paragraphs: 25 is"
                + " outside section employment (paragraphs 7–12)"), problems("broken/paragraph-outside-section"));
    }

    @Test
    void reportsValueOfTheWrongTypeOnItsOwnLine() {
        assertEquals(List.of("employment.json:23: entry employment.urban-new-jobs: questions: expected a list in [ ]"),
                problems("broken/wrong-type"));
    }

    @Test
    void namesEveryWrongValueOfAnEntryOnItsLineEvenBeforeItsId(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        String valid = java.nio.file.Files.readString(fixture("valid/employment.json"));
        // The first entry: its id moved to the end, a paragraph written in words, the kinds of figure as one text.
        String broken = valid
                .replace("\"id\": \"employment.urban-new-jobs\",\n", "")
                .replace("\"gives\": [\"count\"]}\n    },", "\"gives\": \"count\"},\n"
                        + "      \"id\": \"employment.urban-new-jobs\"\n    },")
                .replaceFirst("\\[\\s*10\\s*\\]", "[\"十\"]");
        java.nio.file.Files.writeString(dir.resolve("employment.json"), broken);
        assertEquals(List.of(
                "employment.json:36: entry employment.urban-new-jobs: source.paragraphs[1]: expected a whole number",
                "employment.json:43: entry employment.urban-new-jobs: scope.gives: expected a list in [ ]"),
                KnowledgeLoader.check(dir, null).stream().map(Problem::toString).toList());
    }

    @Test
    void reportsSynonymInTwoGroupsOnceAndAGroupOfOne() {
        // 「打工, 农民工」 names two terms: only the clash is wrong with it, not its size.
        assertEquals(List.of(
                "synonyms.txt:3: \"农民工\" is already in the group on line 1; a term may belong to one group only",
                "synonyms.txt:4: a group needs at least two terms, the canonical one first: 低保, 最低生活保障"),
                problems("broken/synonyms"));
    }

    @Test
    void namesTheLineOfASynonymFileThatIsNotUtf8(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        java.nio.file.Files.copy(fixture("valid/employment.json"), dir.resolve("employment.json"));
        byte[] gbk = "农民工, 农村劳动力\n低保, 救济金\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] utf8 = "# 同义词\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] both = new byte[utf8.length + gbk.length];
        System.arraycopy(utf8, 0, both, 0, utf8.length);
        System.arraycopy(gbk, 0, both, utf8.length, gbk.length);
        java.nio.file.Files.write(dir.resolve("synonyms.txt"), both);
        assertEquals(List.of("synonyms.txt:2: is not UTF-8 text; save the file as UTF-8"),
                KnowledgeLoader.check(dir, null).stream().map(Problem::toString).toList());
    }

    @Test
    void reportsFigureTheArticleDoesNotHave() throws IOException {
        List<String> problems = problemsAgainstArticle("broken/figure-not-in-article");
        assertTrue(problems.contains("employment.json: entry employment.urban-new-jobs: figures: \"107%\" is not in"
                + " the article article.txt"), problems::toString);
    }

    @Test
    void reportsFigureThatIsInAnotherParagraphThanCited() throws IOException {
        List<String> problems = problemsAgainstArticle("broken/figure-in-other-paragraph");
        assertTrue(problems.contains("employment.json: entry employment.urban-new-jobs: figures: \"48.77万人\" is not"
                + " in paragraph 11 (the article has it in paragraph 10)"), problems::toString);
    }

    @Test
    void reportsArticleFigureNoAnswerStates() throws IOException {
        assertEquals(List.of("article.txt:11: the figure \"2440万\" is stated in no answer"),
                problemsAgainstArticle("valid"));
    }

    /** The valid fixture with one declared lacks list on the urban jobs entry. */
    private static Path lacking(Path dir, String lacks) throws IOException {
        for (String name : List.of("employment.json", "synonyms.txt")) {
            String text = java.nio.file.Files.readString(fixture("valid").resolve(name));
            if (name.equals("employment.json")) {
                text = text.replaceFirst("\"gives\": \\[\"count\"\\]\\}", "\"gives\": [\"count\"], \"lacks\": [" + lacks + "]}");
            }
            java.nio.file.Files.writeString(dir.resolve(name), text);
        }
        return dir;
    }

    @Test
    void refusesALacksWordTheAnswerItselfStates(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        List<String> problems = KnowledgeLoader.check(lacking(dir, "\"完成年度目标\", \"分市\""), null).stream()
                .map(Problem::toString).toList();
        assertEquals(List.of("employment.json:46: entry employment.urban-new-jobs: scope.lacks[1]: \"完成年度目标\" is"
                + " stated in the answer; a caveat would say the report lacks what the answer gives"), problems);
    }

    @Test
    void refusesALacksWordTheCitedParagraphStatesAndNoAnswerGives(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        List<String> problems = KnowledgeLoader.check(lacking(dir, "\"达到年度目标\""),
                Article.read(fixture("article.txt"))).stream().map(Problem::toString).toList();
        assertTrue(problems.contains("employment.json: entry employment.urban-new-jobs: scope.lacks[1]: \"达到年度目标\""
                + " is stated in paragraph 10 of the article and in no answer citing it; state it in an answer instead"),
                problems.toString());
    }

    @Test
    void namesEveryFaultyLineOfTheCueWords(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        for (String name : List.of("employment.json", "synonyms.txt")) {
            java.nio.file.Files.copy(fixture("valid").resolve(name), dir.resolve(name));
        }
        java.nio.file.Files.writeString(dir.resolve(Cues.FILE_NAME), "# 提示词\n地名: 太原, , 大同\n地方: 运城\n"
                + "涨幅: 涨了多少, 涨(多少)\n排名 排第几\n地名: 太原\n");
        List<String> problems = KnowledgeLoader.check(dir, null).stream().map(Problem::toString).toList();
        assertEquals(List.of(
                "cues.txt:2: empty word; separate the words with single commas",
                "cues.txt:3: \"地方\" is not a kind of cue (did you mean \"地名\"?); use one of 地名, 以后, 现在, 涨幅, 排名,"
                        + " 比较, 和外地比, 和以前比, 更大范围, 不是主题",
                "cues.txt:4: \"涨(多少)\" holds a space or one of \\^$.|?*+()[]{}; a cue is a plain word",
                "cues.txt:5: expected a kind, a colon and its words, e.g. 地名: 太原, 大同",
                "cues.txt:6: \"太原\" is listed twice under 地名"), problems);
    }

    @Test
    void loadingBrokenKnowledgeThrowsWithEveryProblem() {
        KnowledgeException e = assertThrows(KnowledgeException.class,
                () -> KnowledgeLoader.load(fixture("broken/unknown-field")));
        assertEquals(2, e.problems().size());
    }

    @Test
    void reportsFolderWithoutKnowledgeFiles(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertEquals(List.of(empty + ": holds no knowledge files (*.json)"),
                KnowledgeLoader.check(empty, null).stream().map(Problem::toString).toList());
    }
}
