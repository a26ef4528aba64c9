package minsheng.telegram;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import minsheng.answer.Conversations;
import minsheng.answer.CurrentSnapshot;
import minsheng.answer.ShippedSnapshot;
import minsheng.answer.Snapshot;

/**
 * A running bot against a {@link FakeBotApi}, with the shipped knowledge and timings short enough for tests. The
 * real telegrambots client does every call over HTTP on 127.0.0.1.
 */
final class Harness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** Timings for tests: short polls and back-offs, pacing loose enough not to slow ordinary tests. */
    static final Tuning FAST = new Tuning(
            Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMillis(50),
            Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofMillis(400), 6,
            Duration.ofMillis(1), 1000, Duration.ofMillis(1), 1000, 1000,
            20, 40, Duration.ofMinutes(1), Duration.ofMinutes(2),
            4, 100, Duration.ofSeconds(1), Duration.ofMillis(500), 500);

    /** The shipped knowledge, loaded once for all tests. */
    static Snapshot shipped() {
        return ShippedSnapshot.get();
    }

    /**
     * What the channel's conversation replies to these messages of one chat, in order, as plain text: what a user
     * should receive, worked out the way the bot works it out (through {@link Conversations}).
     */
    static List<String> replies(String... messages) {
        Conversations c = new Conversations(Harness::shipped);
        return Arrays.stream(messages).map(m -> c.reply("expected", m).text()).toList();
    }

    static String reply(String message) {
        return replies(message).get(0);
    }

    /** A ticker the test moves by hand. */
    static final class Clock implements Ticker {
        final AtomicLong nanos = new AtomicLong();

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }
    }

    final FakeBotApi api;
    final CurrentSnapshot current;
    final Conversations conversations;
    final Clock clock = new Clock();
    final TelegramBot bot;

    Harness() throws Exception {
        this(new Hooks(), FAST);
    }

    Harness(Hooks hooks, Tuning tuning) throws Exception {
        this(new FakeBotApi(), hooks, tuning);
    }

    Harness(FakeBotApi fake, Hooks hooks, Tuning tuning) throws Exception {
        this(fake, hooks, tuning, AnsweredUpdates.inMemory());
    }

    /** A bot that finds {@code answered} as a restarted one finds its journal. */
    Harness(FakeBotApi fake, Hooks hooks, Tuning tuning, AnsweredUpdates answered) throws Exception {
        this(fake, hooks, tuning, answered, Conversations.Listener.NONE);
    }

    /** A bot whose conversations tell {@code listener} of every reply (a journal). */
    Harness(Conversations.Listener listener) throws Exception {
        this(new FakeBotApi(), new Hooks(), FAST, AnsweredUpdates.inMemory(), listener);
    }

    Harness(FakeBotApi fake, Hooks hooks, Tuning tuning, AnsweredUpdates answered, Conversations.Listener listener)
            throws Exception {
        this.api = fake;
        this.current = new CurrentSnapshot(shipped());
        this.conversations = new Conversations(current, listener, Conversations.DEFAULT_IDLE, Ticker.systemTicker());
        this.bot = new TelegramBot(new TelegramApi(FakeBotApi.TOKEN, api.url(), tuning), conversations, current,
                hooks, answered, tuning, clock);
    }

    Harness start() throws TelegramBot.BadToken {
        bot.start();
        return this;
    }

    @Override
    public void close() {
        bot.close();
        api.close();
    }
}
