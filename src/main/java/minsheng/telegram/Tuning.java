package minsheng.telegram;

import java.time.Duration;

/**
 * The Telegram channel's timings and limits. {@link #DEFAULTS} is what the bot runs with; tests shorten the waits so
 * each fault scenario takes seconds. Not an operator setting: these follow Telegram's published limits.
 *
 * @param pollTimeout      how long one getUpdates call may be held open by the server (Telegram allows up to 50 s)
 * @param pollBackOffBase  the first wait after a failed getUpdates; doubles on each failure in a row
 * @param pollBackOffCap   the longest wait between failed getUpdates calls (the library's own grows to 15 minutes)
 * @param pollPause        the wait before a getUpdates after one that brought only updates still being answered
 *                         (Telegram hands back every update not yet confirmed, at once)
 * @param callTimeout      how long any other call may take before it counts as a network failure
 * @param retryBase        the first wait before resending after a 5xx or network failure; doubles each time
 * @param retryCap         the longest such wait
 * @param maxAttempts      how many times one message is tried before it is given up (and logged)
 * @param perChatInterval  the pace of messages to one private chat (Telegram: about one a second)
 * @param perChatBurst     messages a private chat may get at once before the pace applies
 * @param perGroupInterval the pace of messages to one group (Telegram: 20 a minute; 3.4 s after a burst of 3 keeps
 *                         any minute at 20 or fewer)
 * @param perGroupBurst    messages a group may get at once before the pace applies
 * @param globalPerSecond  messages a second to all chats together (Telegram: about 30)
 * @param floodLimit       messages from one user within {@code floodWindow} that are still ordinary use
 * @param pressLimit       button presses from one user within {@code floodWindow} that are still ordinary use,
 *                         counted apart from messages (a citizen reading answers presses more than they type)
 * @param floodWindow      the window the flood guard counts in
 * @param floodPause       how long a flooding user's messages are dropped after the notice
 * @param workers          threads answering updates (different chats in parallel, one chat in order)
 * @param queueCapacity    updates waiting to be answered; past it the oldest is shed and its sender asked to ask again
 * @param shutdownGrace    how long, once the bot is told to stop, updates already received are still answered
 * @param shutdownFinish   after the grace, how long a reply already being sent may take to finish before it is cut
 * @param questionLimit    characters of a message read for matching; the rest is cut off
 */
public record Tuning(
        Duration pollTimeout,
        Duration pollBackOffBase,
        Duration pollBackOffCap,
        Duration pollPause,
        Duration callTimeout,
        Duration retryBase,
        Duration retryCap,
        int maxAttempts,
        Duration perChatInterval,
        int perChatBurst,
        Duration perGroupInterval,
        int perGroupBurst,
        int globalPerSecond,
        int floodLimit,
        int pressLimit,
        Duration floodWindow,
        Duration floodPause,
        int workers,
        int queueCapacity,
        Duration shutdownGrace,
        Duration shutdownFinish,
        int questionLimit) {

    /** What the bot runs with; a stop takes at most about 2.5 + 1 s, and the last confirmation 1 s more: within 5 s. */
    public static final Tuning DEFAULTS = new Tuning(
            Duration.ofSeconds(50), Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMillis(500),
            Duration.ofSeconds(20), Duration.ofMillis(500), Duration.ofSeconds(30), 8,
            Duration.ofSeconds(1), 3, Duration.ofMillis(3400), 3, 28,
            20, 40, Duration.ofMinutes(1), Duration.ofMinutes(2),
            Math.max(2, Runtime.getRuntime().availableProcessors() * 2), 1000, Duration.ofMillis(2500),
            Duration.ofSeconds(1), 500);

    public Tuning {
        if (maxAttempts < 1 || perChatBurst < 1 || perGroupBurst < 1 || globalPerSecond < 1 || floodLimit < 1
                || pressLimit < 1 || workers < 1 || queueCapacity < 1 || questionLimit < 1) {
            throw new IllegalArgumentException("counts in Tuning must be at least 1");
        }
    }

    /** This tuning with the given pacing, for a load test that checks the limits themselves. */
    Tuning withPace(Duration chat, int chatBurst, Duration group, int groupBurst, int global) {
        return new Tuning(pollTimeout, pollBackOffBase, pollBackOffCap, pollPause, callTimeout, retryBase, retryCap,
                maxAttempts, chat, chatBurst, group, groupBurst, global, floodLimit, pressLimit, floodWindow, floodPause,
                workers, queueCapacity, shutdownGrace, shutdownFinish, questionLimit);
    }
}
