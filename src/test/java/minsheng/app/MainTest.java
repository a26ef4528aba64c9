package minsheng.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import minsheng.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process with its streams captured, exactly as an operator would use it. */
class MainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int status, String out, String err) {}

    private static Run run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // The console chat records what it is asked; tests keep that out of the project folder.
        Map<String, String> environment = new HashMap<>(Map.of("KNOWLEDGE_DIR", "knowledge",
                "DATA_DIR", "target/test-data/main"));
        environment.putAll(env);
        int status = new Main(environment, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                level -> { }).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(Map.of(), "", args);
    }

    @Test
    void askAnswersTheStentPriceWithTheFigureAndItsSource() throws Exception {
        Run r = run("ask", "--json", "心脏支架现在多少钱");
        assertEquals(0, r.status(), r.err());
        JsonNode reply = JSON.readTree(r.out());
        assertTrue(reply.get("answered").asBoolean());
        assertEquals("medical.stent-price", reply.get("entryId").asText());
        assertTrue(reply.get("reply").asText().contains("700余元"), reply.toString());
        assertTrue(reply.get("reply").asText().contains("来源：民生资讯网"), reply.toString());
        assertEquals(0, reply.get("suggestions").size());
        assertTrue(reply.get("score").asDouble() > 0 && reply.get("score").asDouble() <= 1);
    }

    @Test
    void askDeclinesTheWeatherAndPointsToTheHotline() throws Exception {
        JsonNode reply = JSON.readTree(run("ask", "--json", "明天天气怎么样").out());
        assertFalse(reply.get("answered").asBoolean());
        assertTrue(reply.get("entryId").isNull());
        assertTrue(reply.get("reply").asText().contains("12345"));
        assertTrue(reply.get("reply").asText().contains("医疗医保"), "lists the topics it knows");
    }

    @Test
    void askWithoutQuestionAnswersEachLineOfInputInOrder() throws Exception {
        Run r = run(Map.of(), "心脏支架现在多少钱\n明天天气怎么样\n农村低保对象有多少人\n", "ask", "--json");
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertEquals("心脏支架现在多少钱", JSON.readTree(lines.get(0)).get("question").asText());
        assertEquals("明天天气怎么样", JSON.readTree(lines.get(1)).get("question").asText());
        assertEquals("assistance.rural-dibao", JSON.readTree(lines.get(2)).get("entryId").asText());
    }

    @Test
    void askPrintsThePlainReplyWithoutJson() {
        Run r = run("ask", "心脏支架现在多少钱");
        assertTrue(r.out().contains("700余元") && r.out().contains("来源："), r.out());
    }

    @Test
    void chatPicksASuggestionByItsNumber() {
        Run r = run(Map.of(), "技能培训多少人次\n2\n/quit\n", "chat");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("您是想问"), r.out());
        int choice = r.out().indexOf("您是想问");
        String afterPick = r.out().substring(r.out().indexOf("问：", choice));
        assertTrue(afterPick.contains("万人次"), r.out());
        assertTrue(r.out().contains("再见"));
    }

    @Test
    void chatExplainsANumberWhenNothingWasOffered() {
        Run r = run(Map.of(), "3\n", "chat");
        assertTrue(r.out().contains("现在没有可选的序号"), r.out());
    }

    @Test
    void checkIsCleanOnTheShippedKnowledgeAndTheArticle() {
        Run r = run("check", "--source", minsheng.knowledge.SharedArticle.require().toString());
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().matches("(?s)检查了 knowledge 里的 \\d+ 个知识文件和 \\d+ 个文本文件（[^）]*）：\\d+ 个条目、\\d+ 个问法，"
                + "没有发现错误。\n对照文章 shanxi-minsheng-2020\\.txt：条目列出的 \\d+ 个数字都在所引的段落里，"
                + "文章里的 \\d+ 个数字都有回答讲到。\n"), r.out());
    }

    @Test
    void checkListsEveryProblemAndFails() {
        Run r = run(Map.of("KNOWLEDGE_DIR", "src/test/resources/knowledge/broken/unknown-field"), "", "check");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("questoins: 没有这个字段。是不是想写「questions」？\n"), r.out());
        assertTrue(r.out().endsWith("\n共 2 处错误。\n"), r.out());
    }

    @Test
    void askRefusesToRunOnBrokenKnowledgeAndSaysWhy() {
        Run r = run(Map.of("KNOWLEDGE_DIR", "src/test/resources/knowledge/broken/missing-answer"), "", "ask", "低保");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("answer: 缺少这一项，或者是空的。"), r.err());
    }

    @Test
    void unknownCommandPrintsUsage() {
        Run r = run("serve");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("unknown command \"serve\"\nUsage: java -jar minsheng-bot.jar"), r.err());
        assertTrue(r.err().contains("  bench "), "lists the commands: " + r.err());
    }

    @Test
    void everyCommandPrintsItsOwnHelpWithTheExitStatusesAndExitsZero() {
        for (String command : List.of("telegram", "chat", "ask", "check", "eval", "bench")) {
            Run r = run(command, "--help");
            assertEquals(0, r.status(), command + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: java -jar minsheng-bot.jar " + command + " [-hV]"), r.out());
            assertTrue(r.out().contains("Exit status:\n  0 ") && r.out().contains("KNOWLEDGE_DIR"), r.out());
            assertEquals("", r.err());
        }
        assertTrue(run("ask", "--help").out().contains("--conversation"));
        assertTrue(run("bench", "--help").out().contains("--seconds=N"));
    }

    @Test
    void helpAndHelpOptionListEveryCommand() {
        for (String[] args : List.of(new String[] {"help"}, new String[] {"--help"}, new String[] {"-h"})) {
            Run r = run(args);
            assertEquals(0, r.status(), r.err());
            for (String command : List.of("telegram", "chat", "ask", "check", "eval", "bench")) {
                assertTrue(r.out().contains("\n  " + command + " "), command + " missing from " + r.out());
            }
        }
        assertEquals(run("eval", "--help").out(), run("help", "eval").out());
    }

    @Test
    void versionNamesTheBotOnEveryCommand() {
        Run r = run("--version");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("minsheng-bot "), r.out());
        assertEquals(r.out(), run("ask", "--version").out());
        assertEquals(r.out(), run("bench", "-V").out());
    }

    @Test
    void everyCommandRefusesAnExtraArgumentOrAnUnknownOptionTheSameWayAndRunsNothing() {
        Map<List<String>, String> refused = Map.of(
                List.of("chat", "extra"), "chat: unexpected argument \"extra\"",
                List.of("check", "extra"), "check: unexpected argument \"extra\"",
                List.of("telegram", "extra"), "telegram: unexpected argument \"extra\"",
                List.of("eval", "eval/dev.tsv", "extra"), "eval: unexpected argument \"extra\"",
                List.of("ask", "--bogus", "低保"), "ask: unknown option \"--bogus\"",
                List.of("bench", "--bogus"), "bench: unknown option \"--bogus\"",
                List.of("--bogus"), "unknown option \"--bogus\"");
        refused.forEach((args, problem) -> {
            Run r = run(Map.of(), "心脏支架多少钱\n", args.toArray(String[]::new));
            assertEquals(2, r.status(), args + ": " + r.err());
            assertEquals("", r.out(), args + " ran");
            String command = args.get(0).startsWith("-") ? "" : " " + args.get(0);
            assertTrue(r.err().startsWith(problem + "\nUsage: java -jar minsheng-bot.jar" + command), r.err());
        });
    }

    @Test
    void withoutATokenTheBareJarIsTheConsoleChat() {
        Run r = run(Map.of(), "农村低保有多少人\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("99.2万人") && r.out().contains("再见"), r.out());
    }

    @Test
    void benchWithAMissingKnowledgeFolderIsABadSettingLikeEveryOtherCommand() {
        for (String command : List.of("bench", "ask", "chat", "eval", "check")) {
            Run r = run(Map.of("KNOWLEDGE_DIR", "no/such/folder"), "", command);
            assertEquals(2, r.status(), command + ": " + r.err());
            assertTrue(r.err().startsWith("configuration: KNOWLEDGE_DIR is \"no/such/folder\""), r.err());
        }
    }

    @Test
    void chatWithAnUnusableDataFolderSaysSoInPlainWords(@TempDir Path root) throws Exception {
        Path file = Files.writeString(root.resolve("a-file"), "");
        Run r = run(Map.of("DATA_DIR", file.resolve("data").toString()), "低保\n", "chat");
        assertEquals(2, r.status(), r.err());
        assertEquals("configuration: DATA_DIR is \"" + file.resolve("data") + "\", which cannot be used: "
                + file.resolve("data") + ": Not a directory; set it to a folder the bot may create and write in",
                r.err().strip());
        assertEquals("", r.out(), "nothing was answered");
    }

    @Test
    void benchNamesAQuestionFileItCannotReadAndWhatIsWrong() {
        Run r = run("bench", "--questions", "nope.tsv", "--seconds", "0.05");
        assertEquals(1, r.status(), r.err());
        assertEquals("bench: cannot use the question set nope.tsv:\nnope.tsv: no such file", r.err().strip());
    }

    @Test
    void benchRefusesZeroSecondsWithTheRuleItApplies() {
        for (String seconds : List.of("0", "-1", "3601", "NaN")) {
            Run r = run("bench", "--seconds", seconds);
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().startsWith("--seconds must be a number of seconds more than 0 and at most 3600, such"
                    + " as 0.5 or 10; not \"" + seconds + "\"\nUsage: java -jar minsheng-bot.jar bench"), r.err());
        }
    }

    @Test
    void badSettingIsNamedAndNothingRuns() {
        Run r = run(Map.of("ADMIN_IDS", "12,abc"), "", "ask", "低保");
        assertEquals(2, r.status());
        assertEquals("configuration: ADMIN_IDS must be Telegram user ids (numbers) separated by commas;"
                + " \"abc\" is not a number", r.err().strip());
    }

    @Test
    void neverPrintsTheToken() throws Exception {
        String token = "123456:SECRET-token_value-abcdefghij";
        Run r;
        // What the bot logs is checked for the token where it logs (SigtermTest, the tests using CapturedLog).
        try (FakeBotApi fake = new FakeBotApi()) {
            // The fake Bot API refuses this token, as Telegram refuses a wrong one.
            r = run(Map.of("TELEGRAM_BOT_TOKEN", token, "TELEGRAM_API_URL", fake.url().toString()), "");
        }
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("the Bot API refused TELEGRAM_BOT_TOKEN (401)"), r.err());
        assertFalse(r.out().contains("SECRET") || r.err().contains("SECRET"), r.err());
        Run bad = run(Map.of("TELEGRAM_BOT_TOKEN", "not a token SECRET"), "", "chat");
        assertEquals(2, bad.status());
        assertFalse(bad.err().contains("SECRET"), bad.err());
    }

    @Test
    void withATokenTheBareJarServesTelegramUntilStopped(@TempDir Path data) throws Exception {
        try (FakeBotApi fake = new FakeBotApi()) {
            // Its own journal: a fresh fake numbers its updates from 1 again, which a kept journal has answered.
            Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                    "TELEGRAM_API_URL", fake.url().toString(), "LOG_LEVEL", "warn", "DATA_DIR", data.toString());
            int[] status = {-1};
            Thread serving = new Thread(() -> status[0] = run(env, "").status());
            serving.start();
            fake.text(42, "心脏支架现在多少钱");
            FakeBotApi.Sent reply = fake.awaitSent(42, 1, Duration.ofSeconds(20)).get(0);
            assertTrue(reply.plainText().contains("700余元"), reply.text());
            assertTrue(reply.text().contains("<b>700余元</b>"), reply.text());
            serving.interrupt();
            serving.join(5000);
            assertFalse(serving.isAlive(), "stops within 5 s");
            assertEquals(0, status[0]);
        }
    }

    @Test
    void telegramWithoutATokenSaysWhatIsMissing() {
        Run r = run("telegram");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("TELEGRAM_BOT_TOKEN is not set"), r.err());
    }

    @Test
    void evalPrintsTheFiguresOfTheDevelopmentSet() {
        Run r = run("eval");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("top-1 accuracy") && r.out().contains("decline accuracy")
                && r.out().contains("suggestion rate") && r.out().contains("misses:"), r.out());
    }

    @Test
    void emptyQuestionGetsAHintNotADecline() throws Exception {
        JsonNode reply = JSON.readTree(run(Map.of(), "   \n", "ask", "--json").out());
        assertNull(reply.get("entryId").textValue());
        assertTrue(reply.get("reply").asText().contains("请直接输入"), reply.toString());
    }

    @Test
    void askJsonAnswersEveryLineAfterLongAndOddOnes() throws Exception {
        String input = String.join("\n", "低保".repeat(2000), "心脏支架多少钱" + "啊".repeat(5000),
                "😀".repeat(1000) + "低保有多少人", "\u0001\u0007\u001b[31m低保\u0000", "9999999999999999999999万亿亿",
                "？？？！！！", "%s%n{0}''", "1".repeat(5000), "农村低保对象有多少人") + "\n";
        Run r = run(Map.of(), input, "ask", "--json");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(9, lines.size(), r.out());
        for (String line : lines) {
            assertTrue(JSON.readTree(line).has("reply"), line);
        }
        assertEquals("assistance.rural-dibao", JSON.readTree(lines.get(8)).get("entryId").asText());
    }

    @Test
    void askJsonSaysWhenAnAnswerIsCaveated() throws Exception {
        JsonNode reply = JSON.readTree(run("ask", "--json", "运城的低保户有多少").out());
        assertEquals("place", reply.get("caveat").asText(), reply.toString());
        JsonNode plain = JSON.readTree(run("ask", "--json", "农村低保有多少人").out());
        assertTrue(plain.get("caveat").isNull(), plain.toString());
    }

    @Test
    void askJsonKeepsTheKeysOfSuggestionsInOrder() {
        Run r = run("ask", "--json", "技能培训多少人次");
        assertTrue(r.out().contains("\"suggestions\":[{\"entryId\":"), r.out());
    }

    @Test
    void chatGoesOnAfterAMessageOfThousandsOfCharacters() {
        Run r = run(Map.of(), "低保".repeat(3000) + "\n农村低保有多少人\n/quit\n", "chat");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("99.2万人") && r.out().contains("再见"), r.out());
    }

    @Test
    void evalSaysWhatIsWrongWithAMissingQuestionSet() {
        Run r = run("eval", "/no/such/file");
        assertEquals(1, r.status());
        assertEquals("eval: cannot use the question set /no/such/file:\n/no/such/file: no such file",
                r.err().strip());
    }

    @Test
    void aMissingKnowledgeFolderIsABadSetting() {
        Run r = run(Map.of("KNOWLEDGE_DIR", "no/such/folder"), "", "ask", "低保");
        assertEquals(2, r.status());
        assertEquals("configuration: KNOWLEDGE_DIR is \"no/such/folder\", which is not a folder (it does not exist);"
                + " set it to the knowledge folder, or run from the project folder", r.err().strip());
        assertEquals(2, run(Map.of("KNOWLEDGE_DIR", "no/such/folder"), "", "check").status());
    }

    @Test
    void askJsonNamesTheKindAndEveryEntryAnswered() throws Exception {
        JsonNode reply = JSON.readTree(run("ask", "--json", "城乡低保一共多少人，分别多少").out());
        assertEquals("answer", reply.get("kind").asText());
        assertTrue(reply.get("answered").asBoolean());
        assertEquals("assistance.urban-dibao", reply.get("entryId").asText());
        assertEquals(List.of("assistance.urban-dibao", "assistance.rural-dibao"),
                JSON.convertValue(reply.get("entryIds"), List.class));
        JsonNode hello = JSON.readTree(run("ask", "--json", "你好").out());
        assertEquals("smalltalk", hello.get("kind").asText());
        assertFalse(hello.get("answered").asBoolean());
        assertEquals("choice", JSON.readTree(run("ask", "--json", "技能培训多少人次").out()).get("kind").asText());
        assertEquals("decline", JSON.readTree(run("ask", "--json", "明天天气怎么样").out()).get("kind").asText());
    }

    @Test
    void askReadsStdinAsOneConversationOnlyWhenAsked() throws Exception {
        String[] alone = run(Map.of(), "城市低保多少人\n农村的呢\n", "ask", "--json").out().split("\n");
        assertFalse(JSON.readTree(alone[1]).get("answered").asBoolean(), "each line stands alone");
        String[] talk = run(Map.of(), "城市低保多少人\n农村的呢\n", "ask", "--json", "--conversation").out()
                .split("\n");
        assertEquals("assistance.rural-dibao", JSON.readTree(talk[1]).get("entryId").asText());
        assertEquals(2, run(Map.of(), "", "ask", "--conversation", "低保").status());
    }

    @Test
    void evalReportsFollowUpAccuracyForAConversationFile() {
        Run r = run("eval", "eval/followups-dev.tsv");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("follow-ups right:"), r.out());
        assertTrue(r.out().contains("conversations)"), r.out());
    }

    @Test
    void benchPrintsEveryFigureAsOneJsonObjectOnItsLastLine() throws Exception {
        Run r = run("bench", "--seconds", "0.05");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().strip().split("\n");
        JsonNode figures = JSON.readTree(lines[lines.length - 1]);
        for (String field : List.of("questionsPerSecondOneThread", "questionsPerSecondAllCores", "p50Micros",
                "p90Micros", "p99Micros", "maxMicros", "heapUsedMiBAfterGc", "loadMillis", "indexMillis",
                "questions", "cores", "reloadMillis", "cachedQuestionsPerSecondOneThread", "cachedP50Micros", "cachedP99Micros",
                "conversationQuestionsPerSecondOneThread", "conversationP50Micros", "conversationP99Micros")) {
            assertTrue(figures.has(field), field + " missing from " + figures);
        }
        assertEquals(246, figures.get("questions").asInt(), "every question of eval/dev.tsv");
        assertTrue(figures.get("p50Micros").asDouble() <= figures.get("p99Micros").asDouble());
        assertTrue(figures.get("p99Micros").asDouble() <= figures.get("maxMicros").asDouble());
    }

    @Test
    void benchRefusesANonsenseDuration() {
        Run r = run("bench", "--seconds", "abc");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--seconds"), r.err());
    }
}
