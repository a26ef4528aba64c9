package minsheng.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import minsheng.answer.Conversations;
import minsheng.answer.Snapshot;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import minsheng.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as an operator runs it — its own process, stopped with SIGTERM — against the fake Bot API, which delivers
 * again whatever the bot has not confirmed, as Telegram does.
 */
class SigtermTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int QUESTIONS = 100;
    private static final List<String> ASKED = List.of("心脏支架现在多少钱", "农村低保保障了多少人", "城镇新增就业多少人",
            "婚检率是多少", "明天太原天气怎么样", "残疾人两项补贴发了多少钱", "波立维现在多少钱一盒", "低保");

    @TempDir
    Path root;

    private static long user(int u) {
        return 820_000 + u;
    }

    private static String question(int u) {
        return ASKED.get(u % ASKED.size());
    }

    /** Starts `java … minsheng.app.Main telegram` against the fake, logging to {@code log}. */
    private Process start(FakeBotApi fake, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "minsheng.app.Main", "telegram");
        pb.environment().put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        pb.environment().put("TELEGRAM_API_URL", fake.url().toString());
        pb.environment().put("KNOWLEDGE_DIR", Path.of("knowledge").toAbsolutePath().toString());
        pb.environment().put("DATA_DIR", root.resolve("data").toString());
        pb.environment().put("LOG_LEVEL", "info");
        pb.environment().remove("ADMIN_IDS");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    /** Sends SIGTERM and returns the exit status. */
    private static int terminate(Process bot, Path log) throws Exception {
        bot.destroy();
        assertTrue(bot.waitFor(60, TimeUnit.SECONDS), "the bot did not stop:\n" + read(log));
        return bot.exitValue();
    }

    private static String read(Path log) throws Exception {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void aSigtermWithAHundredQuestionsInFlightExitsZeroAndAfterARestartEachQuestionHasExactlyOneReply()
            throws Exception {
        Snapshot shipped = Snapshot.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
        Path firstLog = root.resolve("first.log");
        Path secondLog = root.resolve("second.log");
        // A server a little slow to accept each message, so the questions are still in flight when the stop comes.
        try (FakeBotApi fake = new FakeBotApi().delaySends(Duration.ofMillis(100))) {
            for (int u = 0; u < QUESTIONS; u++) {
                fake.text(user(u), question(u));
            }
            Process first = start(fake, firstLog);
            fake.awaitSendCount(5, WAIT);
            // From here the server takes no confirmation, as if the process died before its last word: what the
            // stop answered comes again after the restart, and the journal must know it was answered.
            fake.ignoreOffsets(true);
            assertEquals(0, terminate(first, firstLog), "a clean stop exits 0:\n" + read(firstLog));
            int answeredBefore = fake.sendCount();
            assertTrue(answeredBefore < QUESTIONS, "the stop left questions for the restart: " + answeredBefore);
            fake.ignoreOffsets(false);

            Process second = start(fake, secondLog);
            for (int u = 0; u < QUESTIONS; u++) {
                fake.awaitSent(user(u), 1, WAIT);
            }
            fake.awaitConfirmed(WAIT);
            assertEquals(0, terminate(second, secondLog), read(secondLog));

            for (int u = 0; u < QUESTIONS; u++) {
                List<FakeBotApi.Sent> sent = fake.sent(user(u));
                assertEquals(1, sent.size(), "user " + u + " got exactly one reply: " + sent);
                assertEquals(new Conversations(() -> shipped).reply("c", question(u)).text(), sent.get(0).plainText());
            }
            System.out.printf("SIGTERM with %d questions in flight: %d answered before the stop, the rest after the"
                    + " restart; %d delivered again were turned away by the journal; the first bot logged: %s%n",
                    QUESTIONS, answeredBefore,
                    read(secondLog).split("was answered before; not answered again", -1).length - 1,
                    read(firstLog).lines().filter(l -> l.contains("stopped in")).findFirst().orElse("?"));
        }
        for (Path log : List.of(firstLog, secondLog)) {
            String text = read(log);
            assertFalse(text.contains(FakeBotApi.TOKEN), "the token is never logged");
            assertFalse(Pattern.compile("\\b820[0-9]{3}\\b").matcher(text).find(), "no user id is logged");
        }
    }
}
