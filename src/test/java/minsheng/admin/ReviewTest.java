package minsheng.admin;

import static minsheng.admin.AdminFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import minsheng.answer.Reply;
import minsheng.journal.Journal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /review}: what went out but deserves a second look, and what teach, fine and needs work do to it. */
class ReviewTest {

    private static final String YUNCHENG = "运城的低保户有多少";
    private static final String TAIYUAN_JOBS = "太原的城镇新增就业多少人";
    private static final String TRAINING = "技能培训多少人次";

    @TempDir
    java.nio.file.Path root;
    AdminFixture bot;
    Feedback feedback;

    @BeforeEach
    void start() throws Exception {
        bot = new AdminFixture(root);
        feedback = new Feedback(bot.journal, bot.current);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    /** A citizen's private chat, named as the Telegram channel names it (so a vote is tied to its question). */
    private Reply ask(long citizen, String question) {
        return bot.conversations.reply("tg:" + citizen, question);
    }

    private Response review() {
        return bot.desk.command(ADMIN, "review", "");
    }

    /** The button of the listed group whose question is {@code question}: teach (0), fine (1), needs work (2). */
    private static String button(Response list, String question, int which) {
        String[] lines = list.text().split("\n");
        int n = 0;
        for (String line : lines) {
            if (line.matches("\\d+\\. 「.*")) {
                n++;
                if (line.contains("「" + question + "」")) {
                    return list.buttons().get(n - 1).get(which).data();
                }
            }
        }
        throw new AssertionError(question + " is not listed: " + list.text());
    }

    private List<String> actions() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + bot.data.resolve(Journal.FILE_NAME));
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT action FROM admin_actions ORDER BY id")) {
            List<String> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        }
    }

    @Test
    void aCaveatedAnswerAndADownVotedAnswerAppearWithTheirEntryAndCaveatWhileAPlainOneDoesNot() {
        assertEquals("place", ask(3001, YUNCHENG).caveat());
        ask(3002, YUNCHENG + "？");
        Reply plain = ask(3003, "城镇新增就业多少人");
        assertFalse(plain.caveated(), plain.text());
        assertEquals("谢谢您的评价！", feedback.vote("tg:3003", "vote:0:employment.urban-new-jobs"));
        ask(3004, "心脏支架降价后多少钱");

        Response list = review();
        String text = list.text();
        assertTrue(text.startsWith("最近 30 天值得再看的回答，按次数排列（列出 2 组，共 2 组；说法相同的算一组）："), text);
        assertTrue(text.contains("\n1. 「" + YUNCHENG + "？」 ×2（带说明 2）\n回答：assistance.urban-dibao「城市低保保障了多少人」"
                + "\n说明：地方：报道没有问到的那个地方的数字\n"), text);
        assertTrue(text.contains("\n2. 「城镇新增就业多少人」 ×1（评为没用 1）\n回答：employment.urban-new-jobs"), text);
        assertFalse(text.contains("心脏支架"), "a plain answer nobody voted down needs no second look: " + text);
        assertTrue(text.endsWith("另外：直接回答、没人评“没用”的 1 次不用再看；婉拒和给出选项的见 /unanswered；"
                + "已处理（标为没问题、待修改或教过）的 0 次不再列出，待修改的见 /review needs。"), text);
        assertEquals(2, list.buttons().size());
        for (List<Response.Button> row : list.buttons()) {
            assertEquals(List.of("adm:p", "adm:f", "adm:n"), row.stream().map(b -> b.data().substring(0, 5)).toList());
            assertTrue(row.stream().allMatch(b -> b.data().length() <= 64));
        }
    }

    @Test
    void teachFineAndNeedsWorkEachDoWhatTheySayAndUndoRestoresIt() throws Exception {
        ask(3001, TAIYUAN_JOBS);
        ask(3002, YUNCHENG);
        assertEquals(Reply.Kind.SUGGEST, ask(3003, TRAINING).kind());
        Response list = review();
        assertTrue(list.text().contains("「" + TRAINING + "」 ×1（给了选项没人选 1）\n选项：employment.offline-training、"
                + "employment.online-training"), list.text());

        // fine: out of the list; undo: back in it.
        Response fine = bot.desk.callback(ADMIN, button(list, TAIYUAN_JOBS, 1));
        assertEquals("已标为没问题：「" + TAIYUAN_JOBS + "」。重新加载知识库之后再有人这样问，会再列出来。", fine.text());
        assertFalse(review().text().contains(TAIYUAN_JOBS));
        assertEquals("已撤销对「" + TAIYUAN_JOBS + "」的标记，它回到了 /review 里。",
                bot.desk.callback(ADMIN, fine.buttons().get(0).get(0).data()).text());
        assertTrue(review().text().contains("「" + TAIYUAN_JOBS + "」 ×1"));
        assertEquals("这个标记已经撤销过了，没有改动。",
                bot.desk.callback(ADMIN, fine.buttons().get(0).get(0).data()).text());

        // needs work: off the review, onto the list to fix, with the entry, the caveat and its file.
        Response needs = bot.desk.callback(ADMIN, button(review(), YUNCHENG, 2));
        assertEquals("已加入待修改清单：「" + YUNCHENG + "」。发 /review needs 查看。", needs.text());
        assertFalse(review().text().contains(YUNCHENG));
        ask(3004, YUNCHENG);
        Response needed = bot.desk.command(ADMIN, "review", "needs");
        assertTrue(needed.text().startsWith("待修改清单（1 条；"), needed.text());
        assertTrue(needed.text().contains("1. 「" + YUNCHENG + "」 回答：assistance.urban-dibao「城市低保保障了多少人」；"
                + "说明：地方：报道没有问到的那个地方的数字（标记于 "), needed.text());
        assertTrue(needed.text().endsWith("，之后又被问了 1 次）"), needed.text());
        assertFalse(review().text().contains(YUNCHENG), "asked again while on the list: it stays there");
        Response fixed = bot.desk.callback(ADMIN, needed.buttons().get(0).get(0).data());
        assertEquals("已从待修改清单去掉：「" + YUNCHENG + "」。重新加载知识库之后再有人这样问，会再列出来。", fixed.text());
        assertEquals("待修改清单是空的。", bot.desk.command(ADMIN, "review", "needs").text());
        assertEquals("已撤销：「" + YUNCHENG + "」回到了待修改清单（/review needs）。",
                bot.desk.callback(ADMIN, fixed.buttons().get(0).get(0).data()).text());
        assertTrue(bot.desk.command(ADMIN, "review", "needs").text().contains(YUNCHENG));

        // teach: the question becomes the picked entry's, the group leaves both lists; undo brings it back.
        Response pick = bot.desk.callback(ADMIN, button(review(), TRAINING, 0));
        String teach = pick.buttons().stream().map(row -> row.get(0).data())
                .filter(d -> d.endsWith(":employment.offline-training")).findFirst()
                .orElseThrow(() -> new AssertionError(pick.text()));
        Response taught = bot.desk.callback(ADMIN, teach);
        assertTrue(taught.text().startsWith("已把「" + TRAINING + "」加为"), taught.text());
        assertTrue(java.nio.file.Files.readString(bot.knowledge.resolve("learned.tsv"))
                .contains("employment.offline-training\t" + TRAINING + "\n"));
        assertFalse(review().text().contains(TRAINING), "taught: what was asked before needs no look: "
                + review().text());
        assertTrue(bot.desk.callback(ADMIN, taught.buttons().get(0).get(0).data()).text().startsWith("已撤销"));
        assertTrue(review().text().contains("「" + TRAINING + "」 ×1（给了选项没人选 1）"), review().text());

        List<String> done = actions();
        for (String action : List.of("review fine", "review undo", "review needs work", "review fixed", "learn",
                "unlearn")) {
            assertTrue(done.contains(action), action + " is journaled: " + done);
        }
    }

    @Test
    void aQuestionMarkedFineComesBackOnlyWhenAskedAgainAfterTheNextReload() {
        ask(3001, YUNCHENG);
        bot.desk.callback(ADMIN, button(review(), YUNCHENG, 1));
        ask(3002, YUNCHENG);
        assertFalse(review().text().contains(YUNCHENG), "the same knowledge gives the same answer: still fine");
        bot.desk.command(ADMIN, "reload", "");
        assertFalse(review().text().contains(YUNCHENG), "nothing asked since the reload");
        ask(3003, YUNCHENG);
        assertTrue(review().text().contains("「" + YUNCHENG + "」 ×1（带说明 1）"), review().text());
    }

    @Test
    void unansweredAndReviewTogetherAccountForEveryReplyThatWasNotAPlainUnvotedAnswer() throws Exception {
        ask(3001, "心脏支架降价后多少钱");                 // plain, nobody votes
        ask(3002, "城镇新增就业多少人");                   // plain, voted helpful
        feedback.vote("tg:3002", "vote:1:employment.urban-new-jobs");
        ask(3003, "农村低保保障了多少人");                  // plain, voted not helpful
        feedback.vote("tg:3003", "vote:0:assistance.rural-dibao");
        ask(3004, YUNCHENG);                               // caveated
        ask(3005, TAIYUAN_JOBS);                           // caveated, voted not helpful
        feedback.vote("tg:3005", "vote:0:employment.urban-new-jobs");
        ask(3006, TRAINING);                               // a choice, picked by number
        ask(3006, "1");
        ask(3007, TRAINING);                               // a choice, picked by its button
        assertTrue(bot.conversations.answer("tg:3007", "employment.online-training").isPresent());
        ask(3008, TRAINING);                               // a choice nobody picked
        ask(3009, "低保有多少人");                           // both sides answered, then the second picked
        ask(3009, "第二个");
        ask(3010, "量子计算机多少钱");                       // declined
        ask(3011, "老房子加个升降机政府给钱吗");              // declined
        ask(3012, "你好");                                 // small talk
        ask(3012, "？？？");                               // a note asking for the question

        List<Journal.Row> rows = bot.journal.rows(Instant.EPOCH, 1000);
        Set<Long> down = bot.journal.votes(Instant.EPOCH).stream().filter(v -> !v.helpful() && v.question() != null)
                .map(Journal.Vote::question).collect(Collectors.toSet());
        Set<Long> plain = new TreeSet<>();
        Set<Long> expected = new TreeSet<>();
        for (Journal.Row r : rows) {
            boolean plainUnvoted = r.outcome() == Journal.Outcome.ANSWER && !r.caveated() && !down.contains(r.id());
            if (plainUnvoted) {
                plain.add(r.id());
            } else if (r.outcome() != Journal.Outcome.SMALLTALK) {
                expected.add(r.id());
            }
        }
        assertEquals(16, rows.size(), rows.toString());
        assertEquals(3, plain.size(), "two plain answers, one voted helpful, and 低保有多少人's both sides: " + rows);

        Set<Long> accounted = new TreeSet<>();
        AdminDesk.Unanswered unanswered = bot.desk.unansweredGroups();
        unanswered.open().forEach(g -> accounted.addAll(g.ids()));
        unanswered.answeredNow().forEach(g -> accounted.addAll(g.ids()));
        ReviewQueue queue = bot.desk.reviewQueue();
        queue.open().forEach(i -> i.rows().forEach(r -> accounted.add(r.id())));
        queue.handled().forEach(i -> i.rows().forEach(r -> accounted.add(r.id())));
        assertEquals(expected, accounted);
        for (Long id : plain) {
            assertFalse(accounted.contains(id), "a plain answer nobody voted down is in neither list: " + id);
        }
        assertTrue(review().text().contains("另外：直接回答、没人评“没用”的 3 次不用再看；"), review().text());
        assertTrue(review().text().contains("「" + TRAINING + "」 ×3（选项之后选了 2，给了选项没人选 1）"),
                "the picks grouped with the choice they followed: " + review().text());
    }
}
