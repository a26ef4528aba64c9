package minsheng.admin;

import static minsheng.admin.AdminFixture.ADMIN;
import static minsheng.admin.AdminFixture.CITIZEN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import minsheng.answer.Conversations;
import minsheng.answer.Reply;
import minsheng.answer.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminDeskTest {

    private static final String METRO = "省城的快轨修到第几条了";
    private static final String METRO_EDIT_FROM = "\"太原地铁通车了吗\",";
    private static final String METRO_EDIT_TO = "\"太原地铁通车了吗\",\n        \"省城快轨修到第几条线了\",";
    private static final String ELEVATOR = "老房子加个升降机政府给钱吗";

    @TempDir
    Path root;
    AdminFixture bot;

    @BeforeEach
    void start() throws Exception {
        bot = new AdminFixture(root);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private Reply ask(String question) {
        return bot.conversations.reply("chat-" + question.length(), question);
    }

    private List<String> backups() throws Exception {
        Path dir = bot.data.resolve("backups");
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anAdminReloadsAnEditAndTheNewAnswerIsServed() throws Exception {
        assertEquals(Reply.Kind.DECLINE, ask(METRO).kind());
        bot.edit("safety-net.json", METRO_EDIT_FROM, METRO_EDIT_TO);
        Response r = bot.desk.command(ADMIN, "reload", "");
        int total = bot.current.get().knowledge().entries().size();
        assertEquals("已重新加载：新增 0 条，删除 0 条，修改 1 条，现在共 " + total + " 条。\n修改：city.taiyuan-metro",
                r.text());
        assertEquals("city.taiyuan-metro", ask(METRO).entryId());
    }

    @Test
    void aReloadWithNothingChangedSaysSo() {
        int total = bot.current.get().knowledge().entries().size();
        assertEquals("已重新加载，内容没有变化，现在共 " + total + " 条。", bot.desk.command(ADMIN, "reload", "").text());
    }

    @Test
    void aNonAdminsReloadChangesNothing() throws Exception {
        Snapshot before = bot.current.get();
        bot.edit("safety-net.json", METRO_EDIT_FROM, METRO_EDIT_TO);
        assertEquals("抱歉，这个命令只有管理员可以使用。", bot.desk.command(CITIZEN, "reload", "").text());
        assertEquals("抱歉，这个命令只有管理员可以使用。", bot.desk.command(CITIZEN, "stats", "").text());
        assertEquals("抱歉，这个命令只有管理员可以使用。",
                bot.desk.document(CITIZEN, "synonyms.txt", "低保, 低宝".getBytes(StandardCharsets.UTF_8)).text());
        assertEquals("抱歉，这个命令只有管理员可以使用。", bot.desk.callback(CITIZEN, "adm:u:1:city.taiyuan-metro").text());
        assertSame(before, bot.current.get());
        assertEquals(Reply.Kind.DECLINE, ask(METRO).kind());
        assertEquals(List.of(), backups());
    }

    @Test
    void aBrokenFileIsReportedByNameAndTheOldAnswersKeepComing() throws Exception {
        Files.writeString(bot.knowledge.resolve("zz-new.json"), "{ \"source\": { \"publisher\": \"民生资讯网\", ",
                StandardCharsets.UTF_8);
        bot.edit("safety-net.json", METRO_EDIT_FROM, METRO_EDIT_TO);
        String text = bot.desk.command(ADMIN, "reload", "").text();
        assertTrue(text.startsWith("没有重新加载：知识库有 1 处错误，机器人继续用上次的内容回答。"), text);
        assertTrue(text.contains("\n• zz-new.json:1:36: 文件到这里就结束了，还缺收尾的 }}；"), text);
        assertEquals("medical.stent-price", ask("心脏支架现在多少钱").entryId());
        assertEquals(Reply.Kind.DECLINE, ask(METRO).kind());
    }

    @Test
    void manyProblemsAreShortenedToOneMessageWithACountOfTheRest() throws Exception {
        StringBuilder learned = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            learned.append("city.no-such-entry-").append(i).append("\t问题").append(i).append('\n');
        }
        Files.writeString(bot.knowledge.resolve("learned.tsv"), learned, StandardCharsets.UTF_8);
        String text = bot.desk.command(ADMIN, "reload", "").text();
        assertTrue(text.length() <= 4096, String.valueOf(text.length()));
        assertTrue(text.startsWith("没有重新加载：知识库有 400 处错误"), text);
        assertTrue(text.matches("(?s).*……还有 \\d+ 处错误没有列出.*"), text);
    }

    @Test
    void questionsAskedDuringReloadsAreAllAnswered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Reply>>> asked = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                String chat = "chat-" + t;
                asked.add(pool.submit(() -> {
                    List<Reply> replies = new ArrayList<>();
                    for (int i = 0; i < 150; i++) {
                        replies.add(bot.conversations.reply(chat, i % 2 == 0 ? "心脏支架现在多少钱" : "城镇新增就业多少人"));
                    }
                    return replies;
                }));
            }
            for (int i = 0; i < 4; i++) {
                assertTrue(bot.reloader.reload() instanceof Reloader.Reloaded);
            }
            for (Future<List<Reply>> f : asked) {
                for (Reply r : f.get()) {
                    assertEquals(Reply.Kind.ANSWER, r.kind(), r.text());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUploadReplacesTheFileAndLeavesABackup() throws Exception {
        byte[] old = Files.readAllBytes(bot.knowledge.resolve("synonyms.txt"));
        String synonyms = new String(old, StandardCharsets.UTF_8).replace("加装电梯, 装电梯, 加电梯, 安装电梯",
                "加装电梯, 装电梯, 加电梯, 安装电梯, 加个升降机");
        assertEquals(Reply.Kind.DECLINE, ask(ELEVATOR).kind());
        String text = bot.desk.document(ADMIN, "synonyms.txt", synonyms.getBytes(StandardCharsets.UTF_8)).text();
        List<String> backups = backups();
        assertEquals(1, backups.size());
        Path backup = bot.data.resolve("backups").resolve(backups.get(0));
        assertEquals("已保存 synonyms.txt，旧版本备份在服务器上的 " + backup.toAbsolutePath().normalize() + "。\n"
                + "已重新加载：条目没有变化（词表等其他文件有改动），现在共 " + bot.current.get().knowledge().entries().size()
                + " 条。", text, "the path an admin can open on the server, not one relative to DATA_DIR");
        assertTrue(backups.get(0).matches("\\d{8}-\\d{6}-\\d{3}\\+0800-synonyms\\.txt"),
                "named in the admins' zone, Asia/Shanghai by default: " + backups.get(0));
        assertEquals("city.elevator-subsidy", ask(ELEVATOR).entryId());
        assertArrayEquals(old, Files.readAllBytes(backup));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)),
                "what citizens' questions taught may be in it: readable by the bot's user only");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.getParent())));
    }

    @Test
    void anAdminUploadsLearnedQuestionsAndTopicWordsCheckedLikeEveryOtherFile() throws Exception {
        assertEquals(Reply.Kind.DECLINE, ask(ELEVATOR).kind());
        String learned = "city.elevator-subsidy\t" + ELEVATOR + "\n";
        String saved = bot.desk.document(ADMIN, "learned.tsv", learned.getBytes(StandardCharsets.UTF_8)).text();
        assertTrue(saved.startsWith("已保存 learned.tsv"), saved);
        assertEquals("city.elevator-subsidy", ask(ELEVATOR).entryId());

        byte[] topics = Files.readAllBytes(bot.knowledge.resolve("topics.txt"));
        String misspelt = new String(topics, StandardCharsets.UTF_8).replace("city.elevator-subsidy", "city.elevator");
        String refused = bot.desk.document(ADMIN, "topics.txt", misspelt.getBytes(StandardCharsets.UTF_8)).text();
        assertTrue(refused.startsWith("没有保存 topics.txt，知识库保持原样"), refused);
        assertTrue(refused.contains("topics.txt:") && refused.contains("city.elevator"), refused);
        assertArrayEquals(topics, Files.readAllBytes(bot.knowledge.resolve("topics.txt")));
    }

    @Test
    void aBadUploadChangesNothing() throws Exception {
        byte[] old = Files.readAllBytes(bot.knowledge.resolve("synonyms.txt"));
        Snapshot before = bot.current.get();
        String broken = new String(old, StandardCharsets.UTF_8) + "\n加个升降机,,升降机\n";
        String text = bot.desk.document(ADMIN, "synonyms.txt", broken.getBytes(StandardCharsets.UTF_8)).text();
        assertTrue(text.startsWith("没有保存 synonyms.txt，知识库保持原样：换上这个文件后有 1 处错误："), text);
        assertTrue(text.contains("synonyms.txt:"), text);
        assertArrayEquals(old, Files.readAllBytes(bot.knowledge.resolve("synonyms.txt")));
        assertSame(before, bot.current.get());
        assertEquals(List.of(), backups());
    }

    @Test
    void uploadsWithOtherNamesEscapingNamesOrOverAMegabyteAreRefusedWithAReason() throws Exception {
        byte[] small = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals("不能保存“../intro.json”：文件名里不能有路径（/、\\、..）或以点开头。",
                bot.desk.document(ADMIN, "../intro.json", small).text());
        assertEquals("不能保存“notes.md”：只接受 .json 知识文件，以及 synonyms.txt、fillers.txt、out-of-scope.txt、topics.txt、cues.txt、learned.tsv。",
                bot.desk.document(ADMIN, "notes.md", small).text());
        assertEquals("不能保存“big.json”：文件有 1,048,586 字节，超过知识文件 1,048,576 字节（1 MB）的上限。",
                bot.desk.document(ADMIN, "big.json", new byte[1_048_586]).text(), "exact, not 「1024 KB」");
        assertEquals(java.util.Optional.of("不能保存“huge.json”：文件有 25,000,000 字节，超过知识文件 1,048,576 字节（1 MB）"
                + "的上限，也超过了 Telegram 允许机器人下载的 20 MB。"),
                bot.desk.refusesUpload(ADMIN, "huge.json", 25_000_000).map(Response::text));
        assertEquals("不能保存“gbk.json”：文件不是 UTF-8 编码的文本。",
                bot.desk.document(ADMIN, "gbk.json", new byte[] {(byte) 0xB5, (byte) 0xCD, 0x20}).text());
        assertFalse(Files.exists(bot.knowledge.resolve("big.json")));
        assertFalse(Files.exists(root.resolve("intro.json")));
    }

    @Test
    void unansweredQuestionsAreGroupedCountedAndTaughtThenUndone() throws Exception {
        bot.conversations.reply("a", ELEVATOR);
        bot.conversations.reply("b", ELEVATOR + "？");
        bot.conversations.reply("c", "请问" + ELEVATOR);
        bot.conversations.reply("d", "心脏支架现在多少钱");
        Response list = bot.desk.command(ADMIN, "unanswered", "");
        assertTrue(list.text().contains("1. 「请问" + ELEVATOR + "」 ×3（婉拒了）"), list.text());
        assertFalse(list.text().contains("2. "), list.text());
        assertEquals(1, list.buttons().size());
        Response.Button pick = list.buttons().get(0).get(list.buttons().get(0).size() - 1);
        assertTrue(pick.data().startsWith("adm:p:"), pick.data());
        Response choices = bot.desk.callback(ADMIN, pick.data());
        assertTrue(choices.buttons().stream().allMatch(row -> row.get(0).data().getBytes(StandardCharsets.UTF_8)
                .length <= 64));
        String id = pick.data().substring("adm:p:".length());

        Response learned = bot.desk.callback(ADMIN, "adm:l:" + id + ":city.elevator-subsidy");
        assertTrue(learned.text().startsWith("已把「请问" + ELEVATOR + "」加为"), learned.text());
        assertTrue(learned.text().endsWith("现在这样问就能得到这一条的答案。"), learned.text());
        assertEquals("city.elevator-subsidy", bot.conversations.reply("e", ELEVATOR).entryId());
        assertTrue(Files.readString(bot.knowledge.resolve("learned.tsv"), StandardCharsets.UTF_8)
                .contains("city.elevator-subsidy\t请问" + ELEVATOR + "\n"));
        assertEquals("最近 30 天没有没能直接回答的问题。", bot.desk.command(ADMIN, "unanswered", "5").text());

        Response undo = bot.desk.callback(ADMIN, learned.buttons().get(0).get(0).data());
        assertEquals("已撤销：「请问" + ELEVATOR + "」不再是 city.elevator-subsidy 的问法，已重新加载。", undo.text());
        assertEquals(Reply.Kind.DECLINE, bot.conversations.reply("f", ELEVATOR).kind());
        assertFalse(Files.readString(bot.knowledge.resolve("learned.tsv"), StandardCharsets.UTF_8)
                .contains(ELEVATOR));
    }

    @Test
    void teachingAQuestionAnEntryAlreadyHasIsRefusedAndChangesNothing() throws Exception {
        bot.conversations.reply("a", ELEVATOR);
        String id = bot.desk.command(ADMIN, "unanswered", "").buttons().get(0).get(0).data().split(":")[2];
        bot.desk.callback(ADMIN, "adm:l:" + id + ":city.elevator-subsidy");
        byte[] learned = Files.readAllBytes(bot.knowledge.resolve("learned.tsv"));
        assertEquals("「" + ELEVATOR + "」已经是另一条「老楼加装电梯有补贴吗」（city.elevator-subsidy）的问法，没有改动。"
                + "要改，先撤销那一条（learned.tsv 里删掉那一行再 /reload）。",
                bot.desk.callback(ADMIN, "adm:l:" + id + ":city.taiyuan-metro").text());
        assertArrayEquals(learned, Files.readAllBytes(bot.knowledge.resolve("learned.tsv")));
    }

    @Test
    void pressingTheSameTeachButtonTwiceSaysItIsAlreadyThereAndWritesNothing() throws Exception {
        bot.conversations.reply("a", ELEVATOR);
        String id = bot.desk.command(ADMIN, "unanswered", "").buttons().get(0).get(0).data().split(":")[2];
        String teach = "adm:l:" + id + ":city.elevator-subsidy";
        assertTrue(bot.desk.callback(ADMIN, teach).text().startsWith("已把「" + ELEVATOR + "」加为"));
        byte[] learned = Files.readAllBytes(bot.knowledge.resolve("learned.tsv"));
        assertEquals("「" + ELEVATOR + "」已经是「老楼加装电梯有补贴吗」（city.elevator-subsidy）的问法了，没有改动。",
                bot.desk.callback(ADMIN, teach).text());
        assertArrayEquals(learned, Files.readAllBytes(bot.knowledge.resolve("learned.tsv")));
    }

    @Test
    void aQuestionFarFromEveryEntryGetsNoTeachButtonAndNoEntryToPick() throws Exception {
        bot.conversations.reply("a", "量子计算机多少钱");
        Response list = bot.desk.command(ADMIN, "unanswered", "");
        assertTrue(list.text().contains("1. 「量子计算机多少钱」 ×1（婉拒了）\n没有相近的条目（最接近的 "), list.text());
        assertEquals(List.of("adm:p"), list.buttons().get(0).stream().map(b -> b.data().substring(0, 5)).toList(),
                "only 「选其他条目」, no 「加为…的问法」 below the floor");
        Response pick = bot.desk.callback(ADMIN, list.buttons().get(0).get(0).data());
        assertEquals("没有和「量子计算机多少钱」相近的条目；可以在知识文件里新建一条。", pick.text());
        assertEquals(List.of(), pick.buttons());
    }

    @Test
    void aKnowledgeFileNamedInCapitalsIsSavedWithTheExtensionTheLoaderReads() throws Exception {
        byte[] synonyms = Files.readAllBytes(bot.knowledge.resolve("synonyms.txt"));
        String text = bot.desk.document(ADMIN, "SYNONYMS.TXT", synonyms).text();
        assertTrue(text.startsWith("“SYNONYMS.TXT”按“synonyms.txt”保存"), text);
        String json = new String(Files.readAllBytes(bot.knowledge.resolve("safety-net.json")), StandardCharsets.UTF_8)
                .replace("\"太原地铁通车了吗\",", "\"太原地铁通车了吗\",\n        \"省城快轨修到第几条线了\",");
        String saved = bot.desk.document(ADMIN, "safety-net.JSON", json.getBytes(StandardCharsets.UTF_8)).text();
        assertTrue(saved.startsWith("“safety-net.JSON”按“safety-net.json”保存：机器人只读取扩展名是小写 .json 的知识文件"),
                saved);
        assertFalse(Files.exists(bot.knowledge.resolve("safety-net.JSON")));
        assertEquals("city.taiyuan-metro", ask(METRO).entryId());
    }

    @Test
    void unansweredTakesACountBetweenOneAndThirty() {
        assertEquals("用法：/unanswered [N]，N 是 1 到 30 之间的数字，不写默认列出 10 组。",
                bot.desk.command(ADMIN, "unanswered", "abc").text());
        assertEquals("用法：/unanswered [N]，N 是 1 到 30 之间的数字，不写默认列出 10 组。",
                bot.desk.command(ADMIN, "unanswered", "31").text());
    }

    @Test
    void statsShowQuestionsSharesTopEntriesVotesAndTheKnowledgeVersion() {
        bot.conversations.reply("a", "心脏支架降价后多少钱");
        bot.conversations.reply("b", "心脏支架现在多少钱");
        bot.conversations.reply("b", "明天天气怎么样");
        new Feedback(bot.journal, bot.current).vote("tg:1", "vote:1:medical.stent-price");
        String text = bot.desk.command(ADMIN, "stats", "").text();
        assertTrue(text.contains("以来：问题 3 个；直接回答 1（33%），带说明回答 1（33%），给出选项 0（0%），婉拒 1（33%）；"
                + "有用 1 票，没用 0 票。"), "「现在」 gets the caveat, and is counted apart: " + text);
        assertTrue(text.contains("回答最多：medical.stent-price ×2"), text);
        assertTrue(text.matches("(?s).*知识库版本：\\d+ 条，加载于 .*，内容指纹 [0-9a-f]{12}。时间都按 Asia/Shanghai。.*"), text);
        assertTrue(text.contains("蓝色＝直接回答，橙色＝带说明的回答，灰色＝给出选项，红色＝婉拒"), text);
        assertTrue(text.contains("紫色横条按序号：1 医疗医保 ×2"), "the topics the picture numbers: " + text);
        Response.Attachment chart = bot.desk.command(ADMIN, "stats", "").attachment();
        assertTrue(chart.picture());
        assertEquals("stats.png", chart.fileName());
    }

    @Test
    void statsCountQuestionsAskedInlineAsTheirOwnChannel() {
        bot.conversations.reply("a", "心脏支架现在多少钱");
        bot.conversations.record(Conversations.INLINE + "tg:9", "低保有多少人", bot.conversations.alone("低保有多少人"));
        String text = bot.desk.command(ADMIN, "stats", "").text();
        assertTrue(text.contains("以来：问题 2 个；直接回答 1（50%），带说明回答 1（50%）"), text);
        assertTrue(text.contains("其中在别的聊天里用「@机器人 问题」问的：1 个"), text);
    }

    @Test
    void voteButtonsNameTheAnswerAndFitTelegramsSixtyFourBytes() {
        assertEquals(List.of(), Feedback.buttons(ask(ELEVATOR)));
        Reply one = ask("心脏支架现在多少钱");
        assertEquals(List.of("vote:1:medical.stent-price", "vote:0:medical.stent-price"),
                Feedback.buttons(one).stream().map(Response.Button::data).toList());
        Reply summary = ask("救助");
        assertEquals(5, summary.entryIds().size(), summary.text());
        for (Response.Button b : Feedback.buttons(summary)) {
            assertTrue(b.data().getBytes(StandardCharsets.UTF_8).length <= 64, b.data());
            assertTrue(b.data().matches("vote:[01]:[A-Za-z0-9_-]{6}(\\+[A-Za-z0-9_-]{6}){4}"), b.data());
        }
    }

    @Test
    void aVoteOnAnAnswerOfSeveralEntriesCountsForEachOfThemOncePerPerson() throws Exception {
        Feedback feedback = new Feedback(bot.journal, bot.current);
        Reply summary = ask("救助");
        String helpful = Feedback.buttons(summary).get(0).data();
        String unhelpful = Feedback.buttons(summary).get(1).data();
        assertEquals("谢谢您的评价！", feedback.vote("tg:3001", helpful));
        assertEquals("已更新您的评价。", feedback.vote("tg:3001", helpful));
        assertEquals("已更新您的评价。", feedback.vote("tg:3001", unhelpful));
        assertEquals("谢谢您的评价！", feedback.vote("tg:3002", helpful));
        String stats = bot.desk.command(ADMIN, "stats", "").text();
        assertTrue(stats.contains("有用 5 票，没用 5 票。"), "each of the five entries, once per person: " + stats);
    }

    @Test
    void aVoteForAnEntryTheKnowledgeDoesNotHoldIsRefusedAndStoredNowhere() throws Exception {
        Feedback feedback = new Feedback(bot.journal, bot.current);
        for (String forged : List.of("vote:1:medical.no-such-entry", "vote:1:medical.stent-price+AAAAAA",
                "vote:2:medical.stent-price", "vote:1:", "vote:", "vote:1:medical.stent-price+")) {
            assertEquals("这个评价按钮已经失效了，请对新的回答评价。", feedback.vote("tg:3001", forged), forged);
        }
        String stats = bot.desk.command(ADMIN, "stats", "").text();
        assertTrue(stats.contains("有用 0 票，没用 0 票。"), stats);
    }
}
