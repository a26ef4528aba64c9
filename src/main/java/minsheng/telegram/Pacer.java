package minsheng.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Keeps sending within Telegram's limits: about one message a second to a private chat (short bursts allowed),
 * 20 a minute to a group, about 30 a second overall. A send waits its turn instead of earning a 429. The wait for a
 * chat's own slot is taken off the workers ({@link #chatDelay}, used by {@link ChatLanes}), so a send normally waits
 * only for the overall pace, a few tens of milliseconds. Thread-safe.
 */
final class Pacer {

    /** A rate with a burst, as a theoretical arrival time (GCRA): cheap, exact and one long per chat. */
    static final class Rate {
        private final long interval;
        private final long tolerance;
        private long next;

        Rate(Duration interval, int burst) {
            this.interval = interval.toNanos();
            this.tolerance = (burst - 1) * this.interval;
            this.next = Long.MIN_VALUE / 2;
        }

        /** Reserves the next slot and returns how long to wait for it, in nanoseconds (0: go now). */
        synchronized long reserve(long now) {
            next = Math.max(next, now);
            long wait = next - tolerance - now;
            next += interval;
            return Math.max(0, wait);
        }

        /** How long until the next slot, in nanoseconds (0: one is free now), without reserving it. */
        synchronized long free(long now) {
            return Math.max(0, next - tolerance - now);
        }
    }

    private final Tuning tuning;
    private final Rate global;
    private final Cache<Long, Rate> chats;

    Pacer(Tuning tuning) {
        this.tuning = tuning;
        this.global = global(tuning);
        this.chats = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(10, TimeUnit.MINUTES).build();
    }

    /** The pace for all chats together: evenly spaced, as a burst on top of the rate would exceed it in a second. */
    static Rate global(Tuning tuning) {
        return new Rate(Duration.ofNanos(1_000_000_000L / tuning.globalPerSecond()), 1);
    }

    /** The pace for one chat. */
    static Rate chat(Tuning tuning, boolean group) {
        return group ? new Rate(tuning.perGroupInterval(), tuning.perGroupBurst())
                : new Rate(tuning.perChatInterval(), tuning.perChatBurst());
    }

    /**
     * How long until one more message may go to this chat, in nanoseconds (0: now), without reserving the slot: a
     * chat's lane waits this long off the workers before it takes its next update.
     */
    long chatDelay(long chatId) {
        Rate chat = chats.getIfPresent(chatId);
        return chat == null ? 0 : chat.free(System.nanoTime());
    }

    /** Waits until one more message may go to this chat. */
    void await(long chatId, boolean group) throws InterruptedException {
        Rate chat = chats.get(chatId, id -> chat(tuning, group));
        sleep(chat.reserve(System.nanoTime()));
        sleep(global.reserve(System.nanoTime()));
    }

    private static void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }
}
