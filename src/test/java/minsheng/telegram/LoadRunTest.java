package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load run: many citizens, each sending several questions as fast as the flood guard allows, answered through
 * the real client against the fake Bot API, paced as in production while the fake answers 429 to anything over
 * Telegram's limits. Prints messages handled per second and reply latency (the question queued at the server to the
 * reply accepted by it). Small in {@code mvn verify}; {@code -Dminsheng.load.users=200 -Dminsheng.load.questions=10}
 * (or the environment variables MINSHENG_LOAD_USERS and MINSHENG_LOAD_QUESTIONS) runs the full scenario. The
 * questions arrive round by round (every user's first, then every user's second …); {@code
 * -Dminsheng.load.order=users} sends each user's questions together instead, the hardest order for a bot that lets
 * Telegram forget an update only once it is answered (getUpdates hands over at most 100 from the oldest open one).
 */
class LoadRunTest {

    private static final int USERS = setting("minsheng.load.users", "MINSHENG_LOAD_USERS", 20);
    private static final int QUESTIONS = setting("minsheng.load.questions", "MINSHENG_LOAD_QUESTIONS", 3);
    private static final boolean BY_USER = "users".equals(System.getProperty("minsheng.load.order"));

    private static int setting(String property, String variable, int small) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null ? small : Integer.parseInt(value.strip());
    }

    @Test
    void everyQuestionGetsExactlyOneReplyInOrderWithinTelegramsLimits() throws Exception {
        // Production pacing (a chat: 1 a second after a burst of 3; all chats: 28 a second); the fake refuses with
        // 429 anything beyond 4 a second to one chat or 30 a second overall.
        Tuning fast = Harness.FAST.withPace(Tuning.DEFAULTS.perChatInterval(), Tuning.DEFAULTS.perChatBurst(),
                Tuning.DEFAULTS.perGroupInterval(), Tuning.DEFAULTS.perGroupBurst(),
                Tuning.DEFAULTS.globalPerSecond());
        int total = USERS * QUESTIONS;
        // Room for every question at once: this run measures throughput, not shedding (FaultInjectionTest does).
        Tuning paced = new Tuning(fast.pollTimeout(), fast.pollBackOffBase(), fast.pollBackOffCap(), fast.pollPause(),
                fast.callTimeout(), fast.retryBase(), fast.retryCap(), fast.maxAttempts(), fast.perChatInterval(),
                fast.perChatBurst(), fast.perGroupInterval(), fast.perGroupBurst(), fast.globalPerSecond(),
                fast.floodLimit(), fast.pressLimit(), fast.floodWindow(), fast.floodPause(), Tuning.DEFAULTS.workers(),
                Math.max(total, Tuning.DEFAULTS.queueCapacity()), fast.shutdownGrace(), fast.shutdownFinish(),
                fast.questionLimit());
        assertTrue(QUESTIONS <= paced.floodLimit(), "each user stays under the flood guard");
        List<String> questions = ProxiedBot.questions();
        try (ProxiedBot b = new ProxiedBot(new FakeBotApi().limits(4, 20, 30), paced).start()) {
            long[][] asked = new long[USERS][QUESTIONS];
            long first = System.nanoTime();
            // Round by round, every user sends their next question (or user by user, all of theirs at once): as fast
            // as the flood guard allows.
            for (int i = 0; i < total; i++) {
                int u = BY_USER ? i / QUESTIONS : i % USERS;
                int q = BY_USER ? i % QUESTIONS : i / USERS;
                asked[u][q] = System.nanoTime();
                b.api.text(user(u), questions.get((u * QUESTIONS + q) % questions.size()));
            }
            // Chats wait out their own pace (1 a second after the burst) side by side, off the workers; the overall
            // pace bounds the run. Generous, so a busy machine does not fail the run (it is measured, not timed).
            long pacing = Math.max(0, QUESTIONS - paced.perChatBurst()) * paced.perChatInterval().toSeconds();
            Duration wait = Duration.ofSeconds(60 + pacing + 2L * total / paced.globalPerSecond());
            for (int u = 0; u < USERS; u++) {
                b.api.awaitSent(user(u), QUESTIONS, wait);
            }
            long last = System.nanoTime();
            Thread.sleep(500); // anything sent twice would arrive now
            List<Long> latencies = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                List<FakeBotApi.Sent> sent = b.api.sent(user(u));
                assertEquals(QUESTIONS, sent.size(), "user " + u + " got exactly one reply per question");
                List<Long> at = b.proxy.replyNanos(user(u));
                for (int q = 0; q < QUESTIONS; q++) {
                    String question = questions.get((u * QUESTIONS + q) % questions.size());
                    assertEquals(Harness.shipped().reply(question).text(), sent.get(q).plainText(),
                            "user " + u + ", reply " + q + " answers question " + q);
                    latencies.add(at.get(q) - asked[u][q]);
                }
            }
            assertEquals(0, b.api.limitRejections(), "no 429 earned: Telegram's limits respected");
            assertEquals(total, b.api.sendCount());
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            double seconds = (last - first) / 1e9;
            System.out.printf("load run (%s): %d users x %d questions = %d messages in %.1f s: %.1f messages/s;"
                    + " reply latency p50 %d ms, p99 %d ms, max %d ms (loadavg %s)%n", BY_USER ? "user by user"
                    : "round by round", USERS, QUESTIONS, total, seconds,
                    total / seconds, millis(sorted, 0.50), millis(sorted, 0.99), sorted[sorted.length - 1] / 1_000_000,
                    loadAverage());
        }
    }

    private static long user(int u) {
        return 600_000 + u;
    }

    private static long millis(long[] sorted, double quantile) {
        int i = Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1));
        return sorted[i] / 1_000_000;
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .strip().split(" "), 3));
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
