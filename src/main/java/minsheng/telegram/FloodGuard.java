package minsheng.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Tells a flood from ordinary use, per user: more than {@code limit} messages (or, in a guard of their own, button
 * presses) within {@code floodWindow} is a flood. The user is told once, then what they send is dropped until
 * {@code floodPause} has passed. Bounded and expiring (Caffeine), with a {@link Ticker} so tests move time instead of
 * sleeping. Thread-safe.
 */
final class FloodGuard {

    enum Verdict { PASS, NOTICE, DROP }

    /** One user's recent traffic: the times of their last {@code limit} messages, and until when they are paused. */
    private static final class Traffic {
        final long[] times;
        int next;
        int seen;
        boolean paused;
        long pausedUntil;

        Traffic(int limit) {
            times = new long[limit];
        }
    }

    private final Ticker ticker;
    private final int limit;
    private final long window;
    private final long pause;
    private final Cache<Long, Traffic> users;

    FloodGuard(int limit, Tuning tuning, Ticker ticker) {
        this.ticker = ticker;
        this.limit = limit;
        this.window = tuning.floodWindow().toNanos();
        this.pause = tuning.floodPause().toNanos();
        this.users = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(tuning.floodWindow().plus(tuning.floodPause()))
                .ticker(ticker).build();
    }

    /** Counts one message from the user and says whether to answer it, send the flood notice, or drop it. */
    Verdict check(long userId) {
        Traffic t = users.get(userId, id -> new Traffic(limit));
        long now = ticker.read();
        synchronized (t) {
            if (t.paused) {
                if (now - t.pausedUntil < 0) {
                    return Verdict.DROP;
                }
                t.paused = false;
                t.seen = 0;
            }
            // A sliding window: this message floods when the limit-th message before it is still inside the window.
            boolean flood = t.seen >= limit && now - t.times[t.next] < window;
            t.times[t.next] = now;
            t.next = (t.next + 1) % limit;
            t.seen++;
            if (flood) {
                t.paused = true;
                t.pausedUntil = now + pause;
                return Verdict.NOTICE;
            }
            return Verdict.PASS;
        }
    }
}
