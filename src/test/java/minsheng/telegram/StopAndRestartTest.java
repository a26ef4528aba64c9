package minsheng.telegram;

import static minsheng.telegram.Harness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stop with questions in flight, then a restart, against a fake Bot API that delivers what was not confirmed again
 * (as Telegram does): every question gets exactly one reply, whether the stop's last confirmation reaches the server
 * or is lost.
 */
class StopAndRestartTest {

    private static final int USERS = 30;
    private static final List<String> QUESTIONS = List.of("心脏支架现在多少钱", "农村低保保障了多少人", "城镇新增就业多少人",
            "婚检率是多少", "明天天气怎么样", "残疾人两项补贴发了多少钱");
    /** Two workers, a short grace: a stop leaves questions unanswered for the restart. */
    private static final Tuning SHORT_GRACE = new Tuning(Duration.ofSeconds(1), Duration.ofMillis(50),
            Duration.ofMillis(400), Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofMillis(50),
            Duration.ofMillis(400), 6, Duration.ofMillis(1), 1000, Duration.ofMillis(1), 1000, 1000, 20, 40,
            Duration.ofMinutes(1), Duration.ofMinutes(2), 2, 100, Duration.ofMillis(200), Duration.ofMillis(500), 500);

    private static long user(int u) {
        return 710_000 + u;
    }

    private static String question(int u) {
        return QUESTIONS.get(u % QUESTIONS.size());
    }

    /** Asks every user's question, runs a bot until a few are answered and stops it; returns the replies sent. */
    private static int askAndStop(FakeBotApi fake, AnsweredUpdates journal) throws Exception {
        for (int u = 0; u < USERS; u++) {
            fake.text(user(u), question(u));
        }
        Harness first = new Harness(fake, new Hooks(), SHORT_GRACE, journal).start();
        fake.awaitSendCount(3, WAIT);
        first.bot.close();
        return fake.sendCount();
    }

    private static void restartAndCheckEachAnsweredOnce(FakeBotApi fake, AnsweredUpdates journal) throws Exception {
        // The restarted bot is only run: the test reads what it sent from the fake.
        Harness second = new Harness(fake, new Hooks(), SHORT_GRACE, journal).start();
        try (second) {
            for (int u = 0; u < USERS; u++) {
                fake.awaitSent(user(u), 1, WAIT);
            }
            fake.awaitConfirmed(WAIT);
            for (int u = 0; u < USERS; u++) {
                List<FakeBotApi.Sent> sent = fake.sent(user(u));
                assertEquals(1, sent.size(), "user " + u + ": exactly one reply, " + sent);
                assertEquals(Harness.reply(question(u)), sent.get(0).plainText(), "user " + u);
            }
        }
    }

    @Test
    void aStopWithQuestionsInFlightConfirmsOnlyWhatWasAnsweredAndARestartAnswersTheRestOnce() throws Exception {
        FakeBotApi fake = new FakeBotApi().delaySends(Duration.ofMillis(200));
        AnsweredUpdates journal = AnsweredUpdates.inMemory();
        int before = askAndStop(fake, journal);
        assertTrue(before < USERS, "the stop left questions unanswered: " + before + " of " + USERS);
        // Telegram was told to forget only updates whose question was answered.
        for (int id = 1; id < fake.confirmedBelow(); id++) {
            assertEquals(1, fake.sent(user(id - 1)).size(), "update " + id + " was confirmed, so it was answered");
        }
        assertEquals(USERS - before, fake.pendingUpdates(), "every unanswered question is still with Telegram");
        restartAndCheckEachAnsweredOnce(fake, journal);
    }

    @Test
    void whenTheStopsConfirmationsAreLostTheRestartedBotTurnsAwayWhatItAnsweredBefore() throws Exception {
        // Nothing the first bot confirms reaches the server: after the restart every update comes again.
        FakeBotApi fake = new FakeBotApi().delaySends(Duration.ofMillis(200)).ignoreOffsets(true);
        AnsweredUpdates journal = AnsweredUpdates.inMemory();
        int before = askAndStop(fake, journal);
        assertTrue(before >= 3 && before < USERS, before + " answered before the stop");
        fake.ignoreOffsets(false);
        restartAndCheckEachAnsweredOnce(fake, journal);
        for (int id = 1; id <= USERS; id++) {
            assertTrue(fake.deliveries(id) >= 2, "update " + id + " was delivered again after the restart");
        }
    }
}
