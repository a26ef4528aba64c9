package minsheng.telegram;

import static minsheng.telegram.Harness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import minsheng.journal.Journal;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.TopicSummaries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inline mode and sharing, end to end through the real client and the fake Bot API: 「@bot 问题」 typed in any chat
 * gets articles to send there, and an answer in a private chat carries the button that starts that.
 */
class InlineModeTest {

    private static final long USER = 1001;
    private static final long GROUP = -100123;
    private static final String BOT_LINK = "https://t.me/" + FakeBotApi.BOT_USERNAME;
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}年");

    @TempDir
    Path data;

    private Harness h;
    private Journal journal;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    private Harness started() throws Exception {
        h = new Harness().start();
        return h;
    }

    private static KnowledgeBase knowledge() {
        return Harness.shipped().knowledge();
    }

    private static Entry entry(String id) {
        return knowledge().entry(id).orElseThrow();
    }

    private FakeBotApi.InlineAnswer ask(String query) throws Exception {
        int before = h.api.awaitInlineAnswers(0, WAIT).size();
        h.api.inlineQuery(USER, query);
        return h.api.awaitInlineAnswers(before + 1, WAIT).get(before);
    }

    /** What Telegram would take: ids 1–64 bytes and distinct, a title, HTML text of 1–4096 characters. */
    private static void assertValid(FakeBotApi.InlineAnswer answer) {
        List<String> ids = new ArrayList<>();
        for (FakeBotApi.InlineResult r : answer.results()) {
            assertEquals("article", r.type());
            int bytes = r.id().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes >= 1 && bytes <= 64, r.id());
            ids.add(r.id());
            assertFalse(r.title().isBlank(), r.toString());
            assertEquals("HTML", r.parseMode());
            assertTrue(!r.plainText().isBlank() && r.plainText().length() <= 4096, r.text());
            assertFalse(r.buttons().isEmpty(), "every result links back to the bot: " + r);
            assertTrue(r.buttonUrls().stream().allMatch(u -> u.startsWith(BOT_LINK)), r.buttonUrls().toString());
        }
        assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
        assertEquals(Boolean.FALSE, answer.personal(), "the same results for anyone");
        assertEquals(InlineResults.CACHE_SECONDS, answer.cacheTime());
        assertTrue(answer.cacheTime() > 0 && answer.cacheTime() <= 300, "short-lived: " + answer.cacheTime());
    }

    /** Every figure of the knowledge a message holds, years alone left out (the report's title holds one). */
    private static List<String> figuresIn(String text) {
        return knowledge().entries().stream().flatMap(e -> e.figures().stream())
                .filter(f -> !YEAR.matcher(f).matches() && text.contains(f)).distinct().toList();
    }

    @Test
    void anInlineQueryGetsTheCitedAnswerWithItsFigureAsOneValidArticle() throws Exception {
        started();
        FakeBotApi.InlineAnswer answer = ask("心脏支架现在多少钱");
        assertValid(answer);
        assertEquals(1, answer.results().size(), answer.toString());
        FakeBotApi.InlineResult r = answer.results().get(0);
        Entry stent = entry("medical.stent-price");
        assertEquals(stent.standardQuestion(), r.title());
        assertEquals("均价从1.3万元左右降到了700余元", r.description());
        // The same reply as in chat, caveat about 「现在」 first, figures in bold, the citation in italics.
        assertEquals(Harness.reply("心脏支架现在多少钱"), r.plainText());
        assertTrue(r.plainText().startsWith("报道没有更新的数字"), r.text());
        assertTrue(r.text().contains("<b>700余元</b>") && r.text().contains("<i>来源：民生资讯网"), r.text());
        assertEquals(List.of(BOT_LINK + "?start=medical_stent-price"), r.buttonUrls());
    }

    @Test
    void aQueryTheEngineWouldOfferAChoiceForGetsTheBestAnswerAndTheCloseAlternative() throws Exception {
        started();
        FakeBotApi.InlineAnswer answer = ask("技能培训多少人次");
        assertValid(answer);
        List<String> titles = answer.results().stream().map(FakeBotApi.InlineResult::title).toList();
        assertEquals(List.of(entry("employment.offline-training").standardQuestion(),
                entry("employment.online-training").standardQuestion()), titles);
        assertTrue(answer.results().get(0).plainText().startsWith(entry("employment.offline-training").answer()));
        assertTrue(answer.results().get(1).plainText().startsWith(entry("employment.online-training").answer()));
    }

    @Test
    void anAnswerOfTwoEntriesIsOneArticleWithBothFigures() throws Exception {
        started();
        FakeBotApi.InlineAnswer answer = ask("低保有多少人");
        assertValid(answer);
        assertEquals(1, answer.results().size());
        FakeBotApi.InlineResult r = answer.results().get(0);
        assertEquals(Harness.reply("低保有多少人"), r.plainText());
        assertTrue(r.text().contains("<b>99.2万人</b>") && r.text().contains("<b>26.4万人</b>"), r.text());
        assertEquals(entry("assistance.rural-dibao").standardQuestion() + "；"
                + entry("assistance.urban-dibao").standardQuestion(), r.title());
    }

    @Test
    void aQueryTheReportCannotAnswerGetsOneArticleWithNoFigureAndTheHotline() throws Exception {
        started();
        for (String query : List.of("明天天气怎么样", "低保一个月给多少钱", "2019年城镇新增就业多少人")) {
            FakeBotApi.InlineAnswer answer = ask(query);
            assertValid(answer);
            assertEquals(1, answer.results().size(), query + ": " + answer);
            FakeBotApi.InlineResult r = answer.results().get(0);
            assertEquals("报道里没有这个问题的答案", r.title());
            assertEquals(List.of(), figuresIn(r.plainText()), query + ": " + r.plainText());
            assertFalse(r.text().contains("<b>"), r.text());
            assertTrue(r.plainText().contains("12345"), r.plainText());
        }
        // What the report does say about 低保 is linked, each opening its answer in the bot.
        FakeBotApi.InlineResult dibao = ask("低保一个月给多少钱").results().get(0);
        assertTrue(dibao.buttonUrls().contains(BOT_LINK + "?start=assistance_urban-dibao"), dibao.buttonUrls().toString());
    }

    @Test
    void anEmptyQueryListsTheTopicsEachWithItsSummary() throws Exception {
        started();
        FakeBotApi.InlineAnswer answer = ask("");
        assertValid(answer);
        List<TopicSummaries.Summary> summaries = knowledge().topicSummaries().summaries();
        assertEquals(summaries.stream().map(TopicSummaries.Summary::label).toList(),
                answer.results().stream().map(FakeBotApi.InlineResult::title).toList());
        FakeBotApi.InlineResult assistance = answer.results().get(1);
        assertEquals("社会救助", assistance.title());
        assertEquals(Harness.reply("救助"), assistance.plainText(), "the summary a bare topic word gets in chat");
        assertTrue(assistance.text().contains("<b>70.25亿元</b>"), assistance.text());
        FakeBotApi.InlineResult education = answer.results().stream().filter(r -> r.title().equals("教育"))
                .findFirst().orElseThrow();
        assertTrue(education.plainText().contains("学校往哪里集中"), education.plainText());
        assertFalse(education.plainText().contains("回复序号"), "no one in the chat can reply to a number");
        assertTrue(education.buttonUrls().contains(BOT_LINK + "?start=education_school-layout"),
                education.buttonUrls().toString());
    }

    @Test
    void aGreetingTypedInlineListsTheTopicsRatherThanSendingSmallTalk() throws Exception {
        started();
        FakeBotApi.InlineAnswer answer = ask("你好");
        assertEquals(ask("").results(), answer.results());
    }

    @Test
    void anAnswerInAPrivateChatCarriesAShareButtonThatBringsTheSameAnswerInline() throws Exception {
        started();
        h.api.text(USER, "我爸要放支架，现在贵不贵");
        FakeBotApi.Sent reply = h.api.awaitSent(USER, 1, WAIT).get(0);
        Entry stent = entry("medical.stent-price");
        assertEquals(List.of(stent.standardQuestion()), reply.shareQueries());
        List<FakeBotApi.SentButton> last = reply.buttons().get(reply.buttons().size() - 1);
        assertEquals(new FakeBotApi.SentButton("转发给家人", null, null, stent.standardQuestion()), last.get(0));
        // The second tap: the query the button fills in gives that entry's answer to send.
        FakeBotApi.InlineResult shared = ask(reply.shareQueries().get(0)).results().get(0);
        assertEquals(stent.standardQuestion(), shared.title());
        assertTrue(shared.plainText().startsWith(stent.answer()), shared.plainText());
    }

    @Test
    void sharingAnAnswerOfTwoEntriesFillsInAQueryThatBringsBoth() throws Exception {
        started();
        h.api.text(USER, "低保有多少人");
        FakeBotApi.Sent reply = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertEquals(1, reply.shareQueries().size(), reply.toString());
        FakeBotApi.InlineResult shared = ask(reply.shareQueries().get(0)).results().get(0);
        assertTrue(shared.text().contains("<b>99.2万人</b>") && shared.text().contains("<b>26.4万人</b>"),
                shared.text());
    }

    @Test
    void aTopicSummarySharesItsTopicWord() throws Exception {
        started();
        h.api.text(USER, "救助");
        FakeBotApi.Sent reply = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertEquals(List.of("救助"), reply.shareQueries());
    }

    @Test
    void choicesDeclinesAndGroupAnswersCarryNoShareButton() throws Exception {
        started();
        h.api.text(USER, "技能培训多少人次");
        h.api.text(USER, "明天天气怎么样");
        h.api.groupText(GROUP, USER, "/ask 心脏支架现在多少钱", null);
        for (FakeBotApi.Sent s : h.api.awaitSent(USER, 2, WAIT)) {
            assertEquals(List.of(), s.shareQueries(), s.text());
        }
        FakeBotApi.Sent group = h.api.awaitSent(GROUP, 1, WAIT).get(0);
        assertTrue(group.plainText().contains("700余元"), group.text());
        assertEquals(List.of(), group.shareQueries(), "the answer is already where the family talks");
    }

    @Test
    void anInlineQueryDoesNotWaitForThePaceOfTheAskersPrivateChat() throws Exception {
        Tuning f = Harness.FAST;
        // One message a minute to a private chat: the second chat reply waits, the inline answer must not.
        Tuning slowChats = new Tuning(f.pollTimeout(), f.pollBackOffBase(), f.pollBackOffCap(), f.pollPause(),
                f.callTimeout(), f.retryBase(), f.retryCap(), f.maxAttempts(), Duration.ofMinutes(1), 1,
                f.perGroupInterval(), f.perGroupBurst(), f.globalPerSecond(), f.floodLimit(), f.pressLimit(),
                f.floodWindow(), f.floodPause(), f.workers(), f.queueCapacity(), f.shutdownGrace(),
                f.shutdownFinish(), f.questionLimit());
        h = new Harness(new FakeBotApi(), new Hooks(), slowChats).start();
        h.api.text(USER, "心脏支架现在多少钱");
        h.api.awaitSent(USER, 1, WAIT);
        h.api.text(USER, "低保有多少人");
        FakeBotApi.InlineAnswer answer = ask("城镇新增就业多少人");
        assertEquals(entry("employment.urban-new-jobs").standardQuestion(), answer.results().get(0).title());
        assertEquals(1, h.api.sent(USER).size(), "the second chat reply still waits for its slot");
    }

    @Test
    void theJournalRecordsWhatWasAskedInlineOnceTypingSettlesAsItsOwnChannel() throws Exception {
        journal = Journal.open(data, Clock.systemUTC());
        h = new Harness(journal).start();
        // Telegram sends a query at each pause in typing; only the last is the question.
        ask("低保");
        ask("低保有多少");
        ask("低保有多少人");
        ask("");
        assertEquals(0, journal.stats(Instant.EPOCH, 5).questions(), "nothing recorded while typing may go on");
        h.clock.advance(InlineQuestions.SETTLE.plusSeconds(1));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (journal.stats(Instant.EPOCH, 5).questions() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Journal.Stats stats = journal.stats(Instant.EPOCH, 5);
        assertEquals(1, stats.questions());
        assertEquals(1, stats.inline());
        assertEquals(1, stats.answered());
        List<String> row = row("SELECT chat, question FROM questions");
        assertEquals("低保有多少人", row.get(1));
        assertTrue(row.get(0).matches("inline:[0-9a-f]{32}"), "the channel's mark, then the hash: " + row.get(0));
        assertFalse(row.get(0).contains(String.valueOf(USER)));
    }

    @Test
    void anInlineQuestionStillPendingIsRecordedWhenTheBotStops() throws Exception {
        journal = Journal.open(data, Clock.systemUTC());
        h = new Harness(journal).start();
        ask("明天天气怎么样");
        h.bot.close();
        Journal.Stats stats = journal.stats(Instant.EPOCH, 5);
        assertEquals(1, stats.inline());
        assertEquals(1, stats.declined());
    }

    private List<String> row(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Journal.FILE_NAME));
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                out.add(r.getString(i));
            }
            assertFalse(r.next(), "one row: " + sql);
            return out;
        }
    }

    @Test
    void resultIdsStayWithinSixtyFourBytes() {
        String id = InlineResults.id("a2", "x".repeat(80));
        assertEquals(64, id.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(id.startsWith("a2:"), id);
        assertEquals("a0:medical.stent-price", InlineResults.id("a0", "medical.stent-price"));
    }

    @Test
    void aResultTooLongForOneMessageGivesEachEntryOnItsOwn() {
        // A limit small enough that the two-part answer no longer fits one message, while each part does.
        String both = Harness.reply("波立维和支架以前各多少钱");
        Renderer renderer = new Renderer(both.length() - 10);
        minsheng.answer.Conversations conversations = new minsheng.answer.Conversations(Harness::shipped);
        InlineResults inline = new InlineResults(FakeBotApi.BOT_USERNAME, conversations, Harness::shipped, renderer);
        List<TelegramApi.Article> articles = inline.answer("波立维和支架以前各多少钱").articles();
        assertEquals(List.of(entry("medical.clopidogrel-price").standardQuestion(),
                entry("medical.stent-price").standardQuestion()), articles.stream().map(TelegramApi.Article::title)
                .toList());
        assertTrue(articles.stream().allMatch(a -> a.html().length() <= both.length() - 10));
    }
}
