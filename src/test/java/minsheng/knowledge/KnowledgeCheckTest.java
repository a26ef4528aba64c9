package minsheng.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
        return problems(fixture(dir));
    }

    private static List<String> problems(Path dir) {
        return KnowledgeLoader.check(dir, null).stream().map(Problem::toString).toList();
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
    void placesAMissingCommaWhereItBelongs() {
        // Line 22 is 「      "topic": "就业"」 without its comma: the comma goes after the 20th character's quote.
        assertEquals(List.of("employment.json:22:20: 这里少了一个英文逗号 ,：上一项到这里结束，下一项从第 23 行第 7 列开始。"),
                problems("broken/malformed"));
    }

    @Test
    void oneMissingCommaInTheShippedKnowledgeIsOneProblemThatSaysWhatWentUnchecked(@TempDir Path dir)
            throws IOException {
        String field = "\"topic\": \"就业\"";
        Path employment = ShippedKnowledge.copyTo(dir.resolve("broken")).resolve("employment.json");
        String json = Files.readString(employment);
        int comma = json.indexOf(field + ",") + field.length();
        Files.writeString(employment, json.substring(0, comma) + json.substring(comma + 1));
        // The same folder without the file at all: every reference into it is then told, one by one.
        Path without = ShippedKnowledge.copyTo(dir.resolve("without"));
        Files.delete(without.resolve("employment.json"));
        List<String> references = KnowledgeLoader.check(without, null).stream().map(Problem::message).toList();
        assertTrue(references.size() > 1 && references.stream().allMatch(m -> m.contains("不是任何条目的 id")),
                references::toString);

        int line = (int) json.substring(0, comma).chars().filter(c -> c == '\n').count() + 1;
        int column = comma - json.lastIndexOf('\n', comma - 1);
        int nextLineStart = json.indexOf('\n', comma) + 1;
        int nextColumn = json.substring(nextLineStart).indexOf('"') + 1;
        assertEquals(List.of("employment.json:" + line + ":" + column + ": 这里少了一个英文逗号 ,：上一项到这里结束，下一项从第 "
                + (line + 1) + " 行第 " + nextColumn + " 列开始。这个文件里的条目读不出来，别处（related、topics.txt、learned.tsv）有 "
                + references.size() + " 处引用指向找不到的条目，可能就在这个文件里，所以没有逐一列出；改好后请再检查一遍。"),
                problems(employment.getParent()));
    }

    @Test
    void aTruncatedFileIsToldInPlainWordsWithWhatIsMissing(@TempDir Path dir) throws IOException {
        String valid = Files.readString(fixture("valid/employment.json"));
        String field = "\"topic\": \"就业\",";
        Files.writeString(dir.resolve("employment.json"), valid.substring(0, valid.indexOf(field) + field.length()));
        // Cut inside the first entry, inside "entries", inside the file's object: three brackets to close.
        assertEquals(List.of("employment.json:22:21: 文件到这里就结束了，还缺收尾的 }]}；文件可能没有保存完整，或者上传时被截断了。"),
                problems(dir));
        Files.writeString(dir.resolve("employment.json"), valid.substring(0, valid.indexOf("城镇新增就业48.77万人")));
        assertEquals(List.of("employment.json:29:23: 文件在一段引号里的文字中间就结束了；文件可能没有保存完整，或者上传时被截断了。"),
                problems(dir));
    }

    @Test
    void aFileCutOffAnywhereIsOneProblemWithItsPlaceAndNeverTheLibrarysText() throws IOException {
        String valid = Files.readString(fixture("valid/employment.json"));
        for (int cut = 0; cut < valid.lastIndexOf('}'); cut++) {
            List<Problem> read = new java.util.ArrayList<>();
            KnowledgeReader.read("employment.json", valid.substring(0, cut), read);
            List<String> problems = read.stream().map(Problem::toString).toList();
            String at = "cut at " + cut + ": " + problems;
            assertEquals(1, problems.size(), at);
            assertTrue(problems.get(0).matches("employment\\.json:\\d+(:\\d+)?: \\S.*"), at);
            assertNoLibraryText(problems.get(0));
        }
    }

    static Stream<Arguments> jsonMistakes() {
        return Stream.of(
                Arguments.of("\"topic\": \"就业\",", "\"topic\": \"就业\"，",
                        "employment.json:22:20: 这里用了中文的「，」；JSON 的格式符号要用英文半角的 ,。"),
                Arguments.of("\"topic\": \"就业\"", "\"topic\": “就业”",
                        "employment.json:22:16: 这里用了中文的「“」；JSON 的格式符号要用英文半角的 \"。"),
                Arguments.of("完成年度目标", "完成\"年度目标\"",
                        "employment.json:29:39: 这个英文双引号 \" 把文字提前结束了；文字里的引号请用中文引号“”，或者写成 \\\"。"),
                Arguments.of("\"topic\": \"就业\",", "\"topic\": \"就业,",
                        "employment.json:22:20: 这段文字到行尾还没有收尾的英文双引号 \"；引号里的文字不能换行。"),
                Arguments.of("\"106%\"\n", "\"106%\",\n",
                        "employment.json:33:15: 最后一项后面多了一个逗号：] 前面不能有逗号，请删掉它。"),
                Arguments.of("\"topic\": ", "\"topic\" ", "employment.json:22:14: 字段名后面少了一个英文冒号 :。"),
                Arguments.of("\"topic\": \"就业\",", "\"topic\": \"就业\", \"topic\": \"就业\",",
                        "employment.json:22:22: 同一个对象里写了两次「topic」。"),
                Arguments.of("\"topic\": \"就业\",", "\"topic\": 就业,",
                        "employment.json:22:16: 「就业」要写在英文双引号里（数字和 true、false、null 除外）。"),
                Arguments.of("\"topic\": \"就业\"", "\"topic\": '就业'",
                        "employment.json:22:16: 文字和字段名要用英文双引号 \" 括起来，不能用单引号 '。"),
                Arguments.of("\"topic\": \"就业\"", "\"topic\": ",
                        "employment.json:22:16: 这里少了一个值：引号里的文字、数字、[ ] 里的列表或 { } 里的对象。"),
                Arguments.of("完成年度", "完成\\q年度",
                        "employment.json:29:39: 文字里的反斜杠 \\ 后面不能跟「q」；要写反斜杠本身，请写成 \\\\。"),
                Arguments.of("\"106%\"\n      ]", "\"106%\"\n      }",
                        "employment.json:34:7: 这里的 } 和前面的括号对不上：这里应当先用 ] 收尾。"),
                Arguments.of("\n  ]\n}\n", "\n  ]\n}\n}\n", "employment.json:74:1: 文件最后的 } 后面还有多余的内容，请删掉。"));
    }

    @ParameterizedTest
    @MethodSource("jsonMistakes")
    void namesEachKindOfJsonMistakeInPlainWordsAtItsPlace(String from, String to, String expected, @TempDir Path dir)
            throws IOException {
        String valid = Files.readString(fixture("valid/employment.json"));
        assertTrue(valid.contains(from), from);
        Files.writeString(dir.resolve("employment.json"), valid.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        assertEquals(List.of(expected), problems(dir));
    }

    @Test
    void noProblemOfAnyBrokenFixtureShowsTheLibrarysText() throws IOException {
        Article article = Article.read(fixture("article.txt"));
        try (Stream<Path> broken = Files.list(fixture("broken"))) {
            for (Path dir : broken.toList()) {
                KnowledgeLoader.check(dir, article).forEach(p -> assertNoLibraryText(p.toString()));
            }
        }
    }

    private static void assertNoLibraryText(String problem) {
        for (String library : List.of("Source", "REDACTED", "Jackson", "StreamReadFeature", "Unexpected",
                "end-of-input", "expecting", "code 34")) {
            assertFalse(problem.contains(library), () -> library + " in " + problem);
        }
    }

    @Test
    void everyProblemTheCodeCanTellHasItsSentenceInTheBundle() throws IOException {
        java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle("minsheng.messages", java.util.Locale.ROOT);
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("\"((?:problem|check)\\.[a-z.]+[a-z])\"");
        java.util.Set<String> named = new java.util.TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/minsheng"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                key.matcher(Files.readString(source)).results().forEach(m -> named.add(m.group(1)));
            }
        }
        assertTrue(named.size() > 50, named::toString);
        for (String k : named) {
            assertTrue(bundle.containsKey(k), k + " is not in messages.properties");
            // Rendered as a problem is: a stray apostrophe or brace would garble it or throw.
            String text = Problem.Says.of(k, "甲", "乙", "丙", "丁", "戊").text();
            assertFalse(text.contains("'") && !bundle.getString(k).contains("''"), k + ": " + text);
        }
    }

    @Test
    void aCleanCheckSaysWhatItChecked(@TempDir Path dir) throws IOException {
        Path valid = fixture("valid");
        assertEquals(List.of("检查了 " + valid + " 里的 1 个知识文件和 1 个文本文件（同义词、话题词、学到的问法等）："
                + "2 个条目、8 个问法，没有发现错误。"), KnowledgeLoader.checkReport(valid, null).lines());
        // The test article without its eleventh paragraph, whose figure no answer of the fixture states.
        List<String> paragraphs = new java.util.ArrayList<>(Files.readAllLines(fixture("article.txt")));
        paragraphs.set(10, "第十一段：这里没有数字。");
        Path article = Files.write(dir.resolve("article.txt"), paragraphs);
        assertEquals(List.of("检查了 " + valid + " 里的 1 个知识文件和 1 个文本文件（同义词、话题词、学到的问法等）："
                        + "2 个条目、8 个问法，没有发现错误。",
                "对照文章 article.txt：条目列出的 5 个数字都在所引的段落里，文章里的 5 个数字都有回答讲到。"),
                KnowledgeLoader.checkReport(valid, Article.read(article)).lines());
    }

    @Test
    void checkWithProblemsListsThemAndHowManyThereAre() {
        assertEquals(List.of("employment.json:20: 条目 employment.urban-new-jobs: answer: 缺少这一项，或者是空的。", "共 1 处错误。"),
                KnowledgeLoader.checkReport(fixture("broken/missing-answer"), null).lines());
    }

    @Test
    void anEntryWithAWrongValueStillCountsItsAnswerAgainstTheArticle() throws IOException {
        // Its questions are text, not a list; its answer still states 48.77万 and 106%, so they are not unstated.
        assertEquals(List.of("employment.json:23: 条目 employment.urban-new-jobs: questions: 应当是写在 [ ] 里的列表。",
                "article.txt:11: 数字「2440万」没有任何回答讲到。"), problemsAgainstArticle("broken/wrong-type"));
    }

    @Test
    void refusesMisspeltFieldOnItsOwnLineAndSuggestsTheRightOne() {
        assertEquals(List.of(
                "employment.json:41: 条目 employment.urban-new-jobs: questoins: 没有这个字段。是不是想写「questions」？",
                "employment.json:20: 条目 employment.urban-new-jobs: questions: 缺少这一项。"),
                problems("broken/unknown-field"));
    }

    @Test
    void namesEveryFaultInAnEntrysScopeDeclaration() {
        assertEquals(List.of(
                "employment.json:71: 条目 employment.rural-labor-transfer: scope.lack: 没有这个字段。是不是想写「lacks」？",
                "employment.json:20: 条目 employment.urban-new-jobs: scope: 缺少这一项；请写明回答讲了什么，例如"
                        + " {\"place\": \"山西省\", \"period\": \"2020年\", \"gives\": [\"count\"], \"lacks\": [\"每月\"]}。",
                "employment.json:71: 条目 employment.rural-labor-transfer: scope.place: 缺少这一项，或者是空的；"
                        + "请写全省（山西省），或数字所讲的那一个地方（大同市浑源县）。",
                "employment.json:71: 条目 employment.rural-labor-transfer: scope.period: 「去年」没有年份；"
                        + "请连年份一起写，例如 2020年 或 2021年1月。",
                "employment.json:71: 条目 employment.rural-labor-transfer: scope.gives[2]: 「prices」不是已有的类别。"
                        + "是不是想写「price」？可以用的有：price, amount, monthly, raise, count, rate, date, year,"
                        + " measure, rank, comparison, event, policy, place, name, frequency, procedure, target。",
                "employment.json:71: 条目 employment.rural-labor-transfer: scope.gives[3]: 「count」写了两次。"),
                problems("broken/scope"));
    }

    @Test
    void refusesAFigureKindForAnAnswerInWords() {
        List<String> problems = problems("broken/scope-figures");
        assertTrue(problems.contains("employment.json:71: 条目 employment.rural-labor-transfer: scope.gives:"
                + " 「count」是数字类的，但回答没有列出数字；用文字回答的，请写 policy 或 event。"), problems::toString);
    }

    @Test
    void reportsMissingAnswer() {
        assertEquals(List.of("employment.json:20: 条目 employment.urban-new-jobs: answer: 缺少这一项，或者是空的。"),
                problems("broken/missing-answer"));
    }

    @Test
    void asksForAtLeastFourQuestions() {
        assertEquals(List.of("employment.json:20: 条目 employment.urban-new-jobs: questions: 只有 2 个；"
                + "请至少写 4 种市民的问法。"), problems("broken/too-few-questions"));
    }

    @Test
    void reportsDuplicateIdWithTheFileThatHasItFirst() {
        List<String> problems = problems("broken/duplicate-id");
        assertTrue(problems.contains("employment.json:48: 条目 employment.urban-new-jobs: id:"
                + " 「employment.urban-new-jobs」已经被 employment.json 里的一个条目用了。"), problems::toString);
    }

    @Test
    void reportsTheSameQuestionInTwoEntriesEvenWithDifferentPunctuation() {
        assertEquals(List.of("employment.json:48: 条目 employment.rural-labor-transfer: questions:"
                + " 「2020年城镇新增就业多少人？」已经是 employment.urban-new-jobs（employment.json）的问法。"),
                problems("broken/duplicate-question"));
    }

    @Test
    void reportsFigureMissingFromTheAnswer() {
        assertEquals(List.of("employment.json:20: 条目 employment.urban-new-jobs: figures: 「49万人」没有出现在回答里。"),
                problems("broken/figure-not-in-answer"));
    }

    @Test
    void reportsNumberInTheAnswerThatFiguresDoNotList() {
        assertEquals(List.of("employment.json:20: 条目 employment.urban-new-jobs: answer:"
                + " 回答里有「106」，但 figures 没有列出它。"), problems("broken/number-not-in-figures"));
    }

    @Test
    void reportsRelatedIdThatDoesNotExist() {
        assertEquals(List.of("employment.json:20: 条目 employment.urban-new-jobs: related:"
                + " 「employment.rural-jobs」不是任何条目的 id。"), problems("broken/unknown-related"));
    }

    @Test
    void refusesAnswerLongerThanATelegramMessage() {
        assertEquals(List.of("employment.json:20: 条目 employment.urban-new-jobs: answer: 有 4201 个字，请不超过 3840 个，"
                + "这样回答连同出处能放进一条 Telegram 消息（4096 个字）。"),
                problems("broken/answer-too-long"));
    }

    @Test
    void keepsAnswersToFourSentences() {
        assertEquals(List.of("employment.json:20: 条目 employment.urban-new-jobs: answer: 有 5 句，请写 1 到 4 句。"),
                problems("broken/too-many-sentences"));
    }

    @Test
    void asksEveryAnswerForItsYearAndEveryDateForItsYear() {
        String at = "employment.json:20: 条目 employment.urban-new-jobs: answer: ";
        assertEquals(List.of(
                at + "没有写年份；请说明讲的是哪一年，例如「2020年……」或「据2020年的报道……」。",
                at + "日期「1月15日」没有写年份；请写上文章给出的年份，例如「2020年1月15日」。",
                at + "说了「现在」，读起来像报道的那一年就是现在；请改成「2020年……」或「据2020年的报道……」。"),
                problems("broken/answer-time"));
    }

    @Test
    void letsAnAnswerNameTheReportsYearWithoutListingItAsAFigure() {
        // The valid fixture's second answer opens with 「据2020年的报道」 and its figures leave 2020年 out.
        assertEquals(List.of(), problems("valid"));
    }

    @Test
    void reportsUnknownTopicAndListsTheKnownOnes() {
        assertEquals(List.of("employment.json:20: 条目 employment.urban-new-jobs: topic: 「工作」不是已有的主题；"
                + "请从这些里选一个：民生综述、就业、养老、社会保险、医疗医保、教育、社会救助、儿童与残疾人、妇幼健康、城市建设。"),
                problems("broken/unknown-topic"));
    }

    @Test
    void reportsSectionTheFileDoesNotDeclare() {
        assertEquals(List.of("employment.json:20: 条目 employment.urban-new-jobs: source.section:"
                + " 「jobs」不是本文件 source 里的部分（有：employment）。"), problems("broken/unknown-section"));
    }

    @Test
    void reportsParagraphOutsideItsSection() {
        assertEquals(List.of("employment.json:20: 条目 employment.urban-new-jobs: source.paragraphs:"
                + " 第 25 段不在 employment 部分里（这一部分是第 7–12 段）。"), problems("broken/paragraph-outside-section"));
    }

    @Test
    void reportsValueOfTheWrongTypeOnItsOwnLine() {
        assertEquals(List.of("employment.json:23: 条目 employment.urban-new-jobs: questions: 应当是写在 [ ] 里的列表。"),
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
                "employment.json:36: 条目 employment.urban-new-jobs: source.paragraphs[1]: 应当是一个整数。",
                "employment.json:43: 条目 employment.urban-new-jobs: scope.gives: 应当是写在 [ ] 里的列表。"),
                KnowledgeLoader.check(dir, null).stream().map(Problem::toString).toList());
    }

    @Test
    void reportsSynonymInTwoGroupsOnceAndAGroupOfOne() {
        // 「打工, 农民工」 names two terms: only the clash is wrong with it, not its size.
        assertEquals(List.of(
                "synonyms.txt:3: 「农民工」已经在第 1 行那一组里；一个词只能属于一组。",
                "synonyms.txt:4: 一组至少要有两个词，标准说法写在最前面，例如：低保, 最低生活保障。"),
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
        assertEquals(List.of("synonyms.txt:2: 这一行有不是 UTF-8 的字符；请把文件另存为 UTF-8 编码。"),
                KnowledgeLoader.check(dir, null).stream().map(Problem::toString).toList());
    }

    @Test
    void reportsFigureTheArticleDoesNotHave() throws IOException {
        List<String> problems = problemsAgainstArticle("broken/figure-not-in-article");
        assertTrue(problems.contains("employment.json: 条目 employment.urban-new-jobs: figures:"
                + " 「107%」在文章 article.txt 里找不到。"), problems::toString);
    }

    @Test
    void reportsFigureThatIsInAnotherParagraphThanCited() throws IOException {
        List<String> problems = problemsAgainstArticle("broken/figure-in-other-paragraph");
        assertTrue(problems.contains("employment.json: 条目 employment.urban-new-jobs: figures:"
                + " 「48.77万人」不在第 11 段（文章里它在第 10 段）。"), problems::toString);
    }

    @Test
    void reportsArticleFigureNoAnswerStates() throws IOException {
        assertEquals(List.of("article.txt:11: 数字「2440万」没有任何回答讲到。"),
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
        assertEquals(List.of("employment.json:46: 条目 employment.urban-new-jobs: scope.lacks[1]: 「完成年度目标」"
                + "回答里已经讲了；列在 lacks 里，提醒就会说报道没有讲回答里讲了的内容。"), problems);
    }

    @Test
    void refusesALacksWordTheCitedParagraphStatesAndNoAnswerGives(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        List<String> problems = KnowledgeLoader.check(lacking(dir, "\"达到年度目标\""),
                Article.read(fixture("article.txt"))).stream().map(Problem::toString).toList();
        assertTrue(problems.contains("employment.json: 条目 employment.urban-new-jobs: scope.lacks[1]: 「达到年度目标」"
                + "文章第 10 段讲了，可引用这一段的回答都没有讲；请在回答里讲出来，不要列在 lacks 里。"),
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
                "cues.txt:2: 有一个空的词；词和词之间只用一个逗号隔开。",
                "cues.txt:3: 「地方」不是提示词的名称，名称只能是 地名、以后、现在、涨幅、排名、比较、和外地比、和以前比、更大范围、不是主题。"
                        + "是不是想写「地名」？",
                "cues.txt:4: 「涨(多少)」里有空格或 \\^$.|?*+()[]{} 这些符号之一；提示词只能是普通的词。",
                "cues.txt:5: 这一行应当写成“名称: 词, 词”，例如 地名: 太原, 大同。",
                "cues.txt:6: 「太原」在「地名」下面写了两次。"), problems);
    }

    @Test
    void loadingBrokenKnowledgeThrowsWithEveryProblem() {
        KnowledgeException e = assertThrows(KnowledgeException.class,
                () -> KnowledgeLoader.load(fixture("broken/unknown-field")));
        assertEquals(2, e.problems().size());
    }

    @Test
    void reportsFolderWithoutKnowledgeFiles(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertEquals(List.of(empty + ": 里面没有知识文件（*.json）。"),
                KnowledgeLoader.check(empty, null).stream().map(Problem::toString).toList());
    }
}
