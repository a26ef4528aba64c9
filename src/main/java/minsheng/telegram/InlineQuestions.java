package minsheng.telegram;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import minsheng.answer.Conversations;
import minsheng.answer.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the journal (through {@link Conversations#record}) what people ask inline, under a chat name of the inline
 * channel ({@link Conversations#INLINE}), hashed there like any chat. Telegram sends an inline query at each pause in
 * typing (「低保」, 「低保有多少」, 「低保有多少人」), so a person's query counts as their question only once they have
 * sent no other for {@link #SETTLE}: the journal then holds what was asked, not every stage of typing it. Recorded on
 * a thread of its own, so no inline answer waits for the journal; {@link #close()} records what is still pending.
 * Thread-safe.
 */
final class InlineQuestions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InlineQuestions.class);

    /** How long a person's last query must stand before it is taken as the question. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private record Pending(String query, Reply reply, long at) {}

    private final Conversations conversations;
    private final Ticker ticker;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread;

    InlineQuestions(Conversations conversations, Ticker ticker) {
        this.conversations = conversations;
        this.ticker = ticker;
        this.thread = Executors.newSingleThreadScheduledExecutor(TelegramApi.named("tg-inline-journal"));
        thread.scheduleWithFixedDelay(this::settle, 1, 1, TimeUnit.SECONDS);
    }

    /** A person's latest query and its reply; it replaces what they typed before, not yet recorded. */
    void asked(long userId, String query, Reply reply) {
        pending.put(userId, new Pending(query, reply, ticker.read()));
    }

    /** Records every query that has stood for {@link #SETTLE}. */
    private void settle() {
        long now = ticker.read();
        pending.forEach((user, p) -> {
            if (now - p.at() >= SETTLE.toNanos() && pending.remove(user, p)) {
                record(user, p);
            }
        });
    }

    private void record(long user, Pending p) {
        try {
            conversations.record(Conversations.INLINE + "tg:" + user, p.query(), p.reply());
        } catch (RuntimeException e) {
            // Thrown out of the scheduled task, it would end all later recording.
            log.error("an inline question of {} could not be recorded: {}", LogNames.person(user), e.toString());
        }
    }

    /** Stops the thread and records what is still pending, on the calling thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pending.forEach((user, p) -> {
            if (pending.remove(user, p)) {
                record(user, p);
            }
        });
    }
}
