package minsheng.telegram;

import static minsheng.telegram.Harness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault the Bot API can throw at the bot: it survives each, loses no reply and says what happened. */
class FaultsTest {

    private static final long USER = 5005;
    private static final String STENT = "心脏支架现在多少钱";

    private final CapturedLog log = new CapturedLog();

    @BeforeEach
    void captureLog() {
        log.capture();
    }

    @AfterEach
    void restoreLog() {
        log.restore();
    }

    private String logText() {
        return log.text();
    }

    private static String stentReply() {
        return Harness.reply(STENT);
    }

    @Test
    void namesAPrivateChatInTheLogByTheSamePseudonymNeverByTheUsersId() throws Exception {
        try (Harness h = new Harness().start()) {
            // Each failed send is a warning naming the chat.
            h.api.fail("sendMessage", 2, 500, "Internal Server Error", 0);
            h.api.text(USER, STENT);
            h.api.awaitSent(USER, 1, WAIT);
            String name = LogNames.chat(USER);
            assertTrue(name.matches("p[0-9a-f]{8}"), name);
            assertEquals(2, logText().split("chat " + name + ": sendMessage failed", -1).length - 1, logText());
            assertFalse(logText().contains(String.valueOf(USER)), logText());
        }
    }

    @Test
    void waitsTheRetryAfterOfA429AndSendsTheReplyOnce() throws Exception {
        try (Harness h = new Harness().start()) {
            h.api.fail("sendMessage", 1, 429, "Too Many Requests: retry after 1", 1);
            long started = System.nanoTime();
            h.api.text(USER, STENT);
            List<FakeBotApi.Sent> sent = h.api.awaitSent(USER, 1, WAIT);
            assertTrue(System.nanoTime() - started >= Duration.ofSeconds(1).toNanos(), "waited retry_after");
            assertEquals(stentReply(), sent.get(0).plainText());
            Thread.sleep(200);
            assertEquals(1, h.api.sent(USER).size());
            assertTrue(logText().contains("429"), logText());
        }
    }

    @Test
    void retriesServerErrorsAndAStalledCallWithoutLosingTheReply() throws Exception {
        try (Harness h = new Harness().start()) {
            h.api.fail("sendMessage", 2, 500, "Internal Server Error", 0);
            h.api.stall("sendMessage", 1, Duration.ofSeconds(3));
            h.api.fail("sendMessage", 1, 502, "Bad Gateway", 0);
            h.api.text(USER, STENT);
            assertEquals(stentReply(), h.api.awaitSent(USER, 1, WAIT).get(0).plainText());
            Thread.sleep(200);
            assertEquals(1, h.api.sent(USER).size());
        }
    }

    @Test
    void pollingSurvivesServerErrorsConflictsAndAStallAndDeliversEveryUpdate() throws Exception {
        try (Harness h = new Harness()) {
            // Every getUpdates fails in turn before the first one that can deliver the questions.
            h.api.fail("getUpdates", 2, 500, "Internal Server Error", 0);
            h.api.fail("getUpdates", 2, 409, "Conflict: terminated by other getUpdates request", 0);
            h.api.fail("getUpdates", 1, 429, "Too Many Requests", 1);
            h.api.stall("getUpdates", 1, Duration.ofSeconds(4));
            for (int i = 0; i < 3; i++) {
                h.api.text(USER + i, STENT);
            }
            h.start();
            for (int i = 0; i < 3; i++) {
                assertEquals(stentReply(), h.api.awaitSent(USER + i, 1, Duration.ofSeconds(20)).get(0).plainText());
            }
            assertTrue(logText().contains("409 Conflict: another instance of this bot is polling with the same"
                    + " token"), logText());
            assertTrue(logText().contains("getUpdates failed: HTTP 500; retrying in 50 ms"), logText());
        }
    }

    @Test
    void aRevokedTokenWhilePollingIsReportedClearly() throws Exception {
        try (Harness h = new Harness()) {
            h.api.fail("getUpdates", 2, 401, "Unauthorized", 0);
            h.api.text(USER, STENT);
            h.start();
            assertEquals(stentReply(), h.api.awaitSent(USER, 1, WAIT).get(0).plainText());
            assertTrue(logText().contains("401 Unauthorized: the token is wrong or was revoked"), logText());
        }
    }

    @Test
    void aBadTokenAtStartIsRefusedWithAClearMessage() throws Exception {
        try (Harness h = new Harness()) {
            h.api.acceptToken("999:other");
            TelegramBot.BadToken e = assertThrows(TelegramBot.BadToken.class, h::start);
            assertTrue(e.getMessage().contains("refused TELEGRAM_BOT_TOKEN (401)"), e.getMessage());
            assertFalse(e.getMessage().contains(FakeBotApi.TOKEN));
        }
    }

    @Test
    void aServerWithoutDeleteWebhookIsReportedInsteadOfPolledForever() throws Exception {
        try (Harness h = new Harness(new FakeBotApi().unsupported("deleteWebhook"), new Hooks(), Harness.FAST)) {
            TelegramBot.BadToken e = assertThrows(TelegramBot.BadToken.class, h::start);
            assertTrue(e.getMessage().contains("answered 404 to deleteWebhook"), e.getMessage());
        }
    }

    @Test
    void servesWhenTheServerDoesNotImplementTheCommandMenuOrChatActions() throws Exception {
        FakeBotApi fake = new FakeBotApi().unsupported("setMyCommands").unsupported("sendChatAction");
        try (Harness h = new Harness(fake, new Hooks(), Harness.FAST).start()) {
            h.api.text(USER, STENT);
            h.api.text(USER, "低保有多少人");
            h.api.text(USER, "明天天气怎么样");
            List<FakeBotApi.Sent> sent = h.api.awaitSent(USER, 3, WAIT);
            assertEquals(stentReply(), sent.get(0).plainText());
            String text = logText();
            assertTrue(text.contains("setMyCommands failed"), text);
            assertEquals(text.indexOf("sendChatAction failed"), text.lastIndexOf("sendChatAction failed"),
                    "logged once: " + text);
            assertEquals(1, h.api.calls().stream().filter("sendchataction"::equals).count(), "not asked again");
        }
    }

    @Test
    void aUserWhoBlockedTheBotIsNotRetried() throws Exception {
        try (Harness h = new Harness().start()) {
            h.api.fail("sendMessage", 1, 403, "Forbidden: bot was blocked by the user", 0);
            h.api.text(USER, STENT);
            h.api.awaitCalls("sendMessage", 1, WAIT);
            h.api.text(USER + 1, STENT);
            h.api.awaitSent(USER + 1, 1, WAIT);
            Thread.sleep(300);
            assertEquals(2, h.api.calls().stream().filter("sendmessage"::equals).count());
            assertEquals(1, h.api.sent().size());
        }
    }

    @Test
    void htmlTheServerCannotParseIsResentAsPlainText() throws Exception {
        try (Harness h = new Harness().start()) {
            h.api.fail("sendMessage", 1, 400, "Bad Request: can't parse entities: Unsupported start tag", 0);
            h.api.text(USER, STENT);
            FakeBotApi.Sent sent = h.api.awaitSent(USER, 1, WAIT).get(0);
            assertNull(sent.parseMode());
            assertEquals(stentReply(), sent.text());
        }
    }

    @Test
    void aFailureWhileHandlingOneUpdateNeverStopsPolling() throws Exception {
        Hooks hooks = new Hooks().command("crash", null, r -> {
            throw new StackOverflowError("deep");
        });
        try (Harness h = new Harness(hooks, Harness.FAST).start()) {
            h.api.text(USER, "/crash");
            h.api.text(USER, STENT);
            List<FakeBotApi.Sent> sent = h.api.awaitSent(USER, 1, WAIT);
            assertEquals(stentReply(), sent.get(sent.size() - 1).plainText());
            assertTrue(logText().contains("handling failed: java.lang.StackOverflowError: deep"), logText());
        }
    }

    @Test
    void stopsWithinFiveSecondsDuringALongPollAndA429WaitAndEndsEveryThread() throws Exception {
        Tuning slow = new Tuning(Duration.ofSeconds(50), Duration.ofMillis(50), Duration.ofMillis(400),
                Duration.ofMillis(50), Duration.ofSeconds(20), Duration.ofMillis(50), Duration.ofMillis(400), 6,
                Duration.ofMillis(1), 1000, Duration.ofMillis(1), 1000, 1000,
                20, 40, Duration.ofMinutes(1), Duration.ofMinutes(2), 4, 100, Duration.ofSeconds(1),
                Duration.ofMillis(500), 500);
        Harness h = new Harness(new FakeBotApi().hold(Duration.ofSeconds(60)), new Hooks(), slow).start();
        h.api.fail("sendMessage", 1, 429, "Too Many Requests: retry after 30", 30);
        h.api.text(USER, STENT);
        h.api.awaitCalls("sendMessage", 1, WAIT);
        h.api.awaitCalls("getUpdates", 2, WAIT);
        long started = System.nanoTime();
        h.bot.close();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        h.api.close();
        assertTrue(millis < 5000, "stopped in " + millis + " ms");
        Thread.sleep(100);
        List<String> left = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("tg-") || n.startsWith("OkHttp Dispatcher")).toList();
        assertEquals(List.of(), left, "every thread the bot started has ended");
    }

    @Test
    void theTokenIsNotInTheApiWrapperDescription() throws Exception {
        try (FakeBotApi fake = new FakeBotApi()) {
            TelegramApi api = new TelegramApi(FakeBotApi.TOKEN, fake.url(), Harness.FAST);
            assertFalse(api.toString().contains(FakeBotApi.TOKEN), api.toString());
            assertEquals("sendMessage: ****", api.redact("sendMessage: " + FakeBotApi.TOKEN));
            api.close();
        }
    }
}
