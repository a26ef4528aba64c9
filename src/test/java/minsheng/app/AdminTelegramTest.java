package minsheng.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import minsheng.knowledge.ShippedKnowledge;
import minsheng.telegram.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin features end to end: the real bot (Main, as the jar runs it) against the fake Bot API server, an admin
 * and citizens talking to it in their private chats.
 */
class AdminTelegramTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long ADMIN = 1001;
    private static final long CITIZEN = 2002;
    private static final String METRO = "省城的快轨修到第几条了";
    private static final String ELEVATOR = "老房子加个升降机政府给钱吗";
    /** What a citizen gets for an admin command: what any unknown command gets, telling them nothing. */
    private static final String REFUSED = "我不认识这个命令。发 /help 查看用法，或者直接输入您的问题。";

    @TempDir
    Path root;
    Path knowledge;
    FakeBotApi api;
    Thread running;
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        knowledge = ShippedKnowledge.copyTo(root.resolve("knowledge"));
        api = new FakeBotApi();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        stop();
        api.close();
    }

    private void start() {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", api.url().toString());
        env.put("ADMIN_IDS", String.valueOf(ADMIN));
        env.put("KNOWLEDGE_DIR", knowledge.toString());
        env.put("DATA_DIR", root.resolve("data").toString());
        Main main = new Main(env, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), level -> { });
        running = new Thread(() -> main.run(new String[] {"telegram"}), "bot-under-test");
        running.start();
    }

    /** Stops the bot as an operator's restart would, and waits until it has let go of everything. */
    private void stop() throws InterruptedException {
        if (running != null) {
            running.interrupt();
            running.join(WAIT.toMillis());
            assertFalse(running.isAlive(), "the bot did not stop");
            running = null;
        }
    }

    private FakeBotApi.Sent say(long user, String text) throws InterruptedException {
        int before = api.sent(user).size();
        api.text(user, text);
        return api.awaitSent(user, before + 1, WAIT).get(before);
    }

    private FakeBotApi.Sent press(long user, String data) throws InterruptedException {
        List<FakeBotApi.Sent> sent = api.sent(user);
        int before = sent.size();
        api.callback(user, user, sent.isEmpty() ? 1 : sent.get(before - 1).messageId(), data);
        return api.awaitSent(user, before + 1, WAIT).get(before);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = knowledge.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " no longer holds " + from);
        Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private void teachMetroOnDisk() throws IOException {
        edit("safety-net.json", "\"太原地铁通车了吗\",", "\"太原地铁通车了吗\",\n        \"省城快轨修到第几条线了\",");
    }

    private static boolean declined(FakeBotApi.Sent s) {
        return s.plainText().contains("12345");
    }

    @Test
    void anAdminReloadsAfterAnEditAndTheNewAnswerIsServedWhileANonAdminsReloadChangesNothing() throws Exception {
        start();
        assertTrue(declined(say(CITIZEN, METRO)));
        teachMetroOnDisk();
        assertEquals(REFUSED, say(CITIZEN, "/reload").plainText());
        assertTrue(declined(say(CITIZEN, METRO)), "a refused reload must change nothing");

        String reloaded = say(ADMIN, "/reload").plainText();
        assertTrue(reloaded.startsWith("已重新加载：新增 0 条，删除 0 条，修改 1 条"), reloaded);
        assertTrue(reloaded.endsWith("修改：city.taiyuan-metro"), reloaded);
        FakeBotApi.Sent answer = say(CITIZEN, METRO);
        assertFalse(declined(answer), answer.plainText());
        assertTrue(answer.buttonData().contains("vote:1:city.taiyuan-metro"), answer.buttonData().toString());
        assertTrue(answer.buttonData().contains("vote:0:city.taiyuan-metro"), answer.buttonData().toString());
    }

    @Test
    void aBrokenFileIsReportedByNameAndTheOldAnswersKeepComing() throws Exception {
        start();
        String stent = say(CITIZEN, "心脏支架现在多少钱").plainText();
        Files.writeString(knowledge.resolve("zz-new.json"), "{ \"entries\": [ ", StandardCharsets.UTF_8);
        String refused = say(ADMIN, "/reload").plainText();
        assertTrue(refused.startsWith("没有重新加载：知识库有"), refused);
        assertTrue(refused.contains("zz-new.json"), refused);
        assertEquals(stent, say(CITIZEN, "心脏支架现在多少钱").plainText());
    }

    @Test
    void questionsAskedWhileAdminsReloadAreAllAnswered() throws Exception {
        start();
        String[] questions = {"心脏支架现在多少钱", "城镇新增就业多少人", "太原地铁通车了吗"};
        for (int round = 0; round < 3; round++) {
            api.text(ADMIN, "/reload");
            for (long citizen = 3000; citizen < 3006; citizen++) {
                api.text(citizen, questions[(int) (citizen + round) % questions.length]);
            }
        }
        for (long citizen = 3000; citizen < 3006; citizen++) {
            for (FakeBotApi.Sent s : api.awaitSent(citizen, 3, WAIT)) {
                assertTrue(s.plainText().contains("来源："), s.plainText());
            }
        }
        for (FakeBotApi.Sent s : api.awaitSent(ADMIN, 3, WAIT)) {
            assertTrue(s.plainText().startsWith("已重新加载"), s.plainText());
        }
    }

    @Test
    void anUploadReplacesAFileAndLeavesABackupWhileABadUploadChangesNothing() throws Exception {
        start();
        byte[] old = Files.readAllBytes(knowledge.resolve("synonyms.txt"));
        String text = new String(old, StandardCharsets.UTF_8);
        int before = api.sent(ADMIN).size();
        api.document(ADMIN, "synonyms.txt", (text + "\n加个升降机,,升降机\n").getBytes(StandardCharsets.UTF_8), null);
        String bad = api.awaitSent(ADMIN, before + 1, WAIT).get(before).plainText();
        assertTrue(bad.startsWith("没有保存 synonyms.txt，知识库保持原样"), bad);
        assertEquals(text, Files.readString(knowledge.resolve("synonyms.txt"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(root.resolve("data/backups")));
        assertTrue(declined(say(CITIZEN, ELEVATOR)));

        api.document(ADMIN, "synonyms.txt", text.replace("加装电梯, 装电梯, 加电梯, 安装电梯",
                "加装电梯, 装电梯, 加电梯, 安装电梯, 加个升降机").getBytes(StandardCharsets.UTF_8), null);
        String good = api.awaitSent(ADMIN, before + 2, WAIT).get(before + 1).plainText();
        try (Stream<Path> backups = Files.list(root.resolve("data/backups"))) {
            List<Path> files = backups.toList();
            assertEquals(1, files.size());
            assertEquals(text, Files.readString(files.get(0), StandardCharsets.UTF_8));
            assertTrue(good.startsWith("已保存 synonyms.txt，旧版本备份在服务器上的 "
                    + files.get(0).toAbsolutePath().normalize() + "。"), good);
        }
        assertFalse(declined(say(CITIZEN, ELEVATOR)));

    }

    @Test
    void aCitizensDocumentIsNeverDownloadedAndAnAdminsIsCheckedFromItsMessageBeforeDownloading() throws Exception {
        start();
        byte[] synonyms = Files.readAllBytes(knowledge.resolve("synonyms.txt"));
        api.document(CITIZEN, "synonyms.txt", synonyms, null);
        assertEquals("我只能看懂文字消息。请用文字输入您的问题，比如：心脏支架现在多少钱？",
                api.awaitSent(CITIZEN, 1, WAIT).get(0).plainText());
        api.document(ADMIN, "报告.docx", synonyms, null);
        api.document(ADMIN, "synonyms.txt", synonyms, 5L * 1024 * 1024, null);
        List<FakeBotApi.Sent> refused = api.awaitSent(ADMIN, 2, WAIT);
        assertEquals("不能保存“报告.docx”：只接受 .json 知识文件，以及 synonyms.txt、fillers.txt、out-of-scope.txt、topics.txt、"
                + "cues.txt、learned.tsv。", refused.get(0).plainText());
        assertEquals("不能保存“synonyms.txt”：文件有 5,242,880 字节，超过知识文件 1,048,576 字节（1 MB）的上限。",
                refused.get(1).plainText());
        api.awaitConfirmed(WAIT);
        assertEquals(0, api.fileRequests(), "nothing was downloaded: " + api.calls());
        assertEquals(1, api.sent(CITIZEN).size());
    }

    @Test
    void anUnansweredQuestionShowsUpAfterARestartAndTeachingItMakesItAnswered() throws Exception {
        start();
        assertTrue(declined(say(CITIZEN, ELEVATOR)));
        stop();
        start();
        FakeBotApi.Sent list = say(ADMIN, "/unanswered");
        assertTrue(list.plainText().contains("1. 「" + ELEVATOR + "」 ×1（婉拒了）"), list.plainText());
        String pickData = list.buttonData().stream().filter(d -> d.startsWith("adm:p:")).findFirst().orElseThrow();
        FakeBotApi.Sent choices = press(ADMIN, pickData);
        String elevator = choices.buttonData().stream().filter(d -> d.endsWith(":city.elevator-subsidy")).findFirst()
                .orElseThrow(() -> new AssertionError(choices.buttonTexts().toString()));
        FakeBotApi.Sent learned = press(ADMIN, elevator);
        assertTrue(learned.plainText().endsWith("现在这样问就能得到这一条的答案。"), learned.plainText());
        FakeBotApi.Sent answer = say(CITIZEN, ELEVATOR);
        assertTrue(answer.buttonData().contains("vote:1:city.elevator-subsidy"), answer.plainText());

        List<String> undo = new ArrayList<>(learned.buttonData());
        assertEquals(1, undo.size());
        assertTrue(press(ADMIN, undo.get(0)).plainText().startsWith("已撤销"));
        assertTrue(declined(say(CITIZEN, ELEVATOR)));
    }

    @Test
    void aVoteIsAcknowledgedOnTheButtonNeverInTheChatCountsOncePerPersonAndShowsInStats() throws Exception {
        start();
        FakeBotApi.Sent answer = say(CITIZEN, "心脏支架现在多少钱");
        String first = api.callback(CITIZEN, CITIZEN, answer.messageId(), "vote:1:medical.stent-price");
        String again = api.callback(CITIZEN, CITIZEN, answer.messageId(), "vote:1:medical.stent-price");
        String forged = api.callback(CITIZEN, CITIZEN, answer.messageId(), "vote:1:medical.no-such-entry");
        // In a group too: the vote is not shown to everyone.
        long group = -100777;
        api.groupText(group, CITIZEN + 1, "/ask 心脏支架现在多少钱", null);
        FakeBotApi.Sent inGroup = api.awaitSent(group, 1, WAIT).get(0);
        String groupVote = api.callback(group, CITIZEN + 1, inGroup.messageId(), "vote:0:medical.stent-price");
        api.awaitCallbackAnswers(4, WAIT);
        api.awaitConfirmed(WAIT);
        assertEquals("谢谢您的评价！", api.callbackNotice(first));
        assertEquals("已更新您的评价。", api.callbackNotice(again));
        assertEquals("这个评价按钮已经失效了，请对新的回答评价。", api.callbackNotice(forged));
        assertEquals("谢谢您的评价！", api.callbackNotice(groupVote));
        assertEquals(List.of(answer), api.sent(CITIZEN), "no chat message for a vote");
        assertEquals(List.of(inGroup), api.sent(group), "no group message for a vote");
        assertEquals(REFUSED, say(CITIZEN, "/stats").plainText());
        String stats = say(ADMIN, "/stats").plainText();
        assertTrue(stats.contains("问题 2 个；直接回答 0（0%），带说明回答 2（100%），给出选项 0（0%），婉拒 0（0%）；"
                + "有用 1 票，没用 1 票。"), "「现在」 is answered behind a caveat, counted apart: " + stats);
        assertTrue(stats.contains("回答最多：medical.stent-price ×2"), stats);
    }

    @Test
    void statsArriveAsAPictureWithTheSummaryAsCaptionAndExportAsACsvDocument() throws Exception {
        start();
        say(CITIZEN, "运城的低保户有多少");
        FakeBotApi.Sent stats = say(ADMIN, "/stats");
        assertEquals("photo", stats.method());
        java.awt.image.BufferedImage chart = javax.imageio.ImageIO.read(new ByteArrayInputStream(stats.file()));
        assertEquals(1000, chart.getWidth());
        assertEquals(900, chart.getHeight());
        assertTrue(stats.plainText().contains("直接回答 0（0%），带说明回答 1（100%）"), stats.plainText());
        assertTrue(stats.plainText().contains("紫色横条按序号：1 社会救助 ×1"), stats.plainText());

        FakeBotApi.Sent export = say(ADMIN, "/export 7");
        assertEquals("document", export.method());
        assertTrue(export.fileName().endsWith(".csv"), export.fileName());
        String csv = new String(export.file(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF时间,问题（个人号码已遮盖）,结果,条目,说明,评价\r\n"), csv);
        assertTrue(csv.contains(",运城的低保户有多少,带说明回答,assistance.urban-dibao,"), csv);
        assertTrue(export.plainText().startsWith("最近 7 天（"), export.plainText());
    }

    @Test
    void aFileOverTelegramsTwentyMegabytesIsToldSoAndACitizensAdminCommandIsRecordedAsRefused() throws Exception {
        start();
        int before = api.sent(ADMIN).size();
        api.undeclaredDocument(ADMIN, "knowledge.json", 25L * 1024 * 1024);
        assertEquals("这个文件超过了 Telegram 允许机器人下载的 20 MB，机器人收不到它。知识文件最大 1 MB，请检查是不是发错了文件。",
                api.awaitSent(ADMIN, before + 1, WAIT).get(before).plainText());
        assertEquals(REFUSED, say(CITIZEN, "/review").plainText());
        assertEquals(REFUSED, say(CITIZEN, "/export 30").plainText());
        stop();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + root.resolve("data").resolve(minsheng.journal.Journal.FILE_NAME));
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet r = st.executeQuery("SELECT action, outcome FROM admin_actions ORDER BY id")) {
            List<String> actions = new ArrayList<>();
            while (r.next()) {
                actions.add(r.getString(1) + ": " + r.getString(2));
            }
            assertTrue(actions.containsAll(List.of("/review: refused: not an admin", "/export: refused: not an admin")),
                    actions.toString());
        }
    }
}
