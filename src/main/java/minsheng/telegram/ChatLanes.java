package minsheng.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work for many chats on a fixed pool: different chats in parallel, one chat's work strictly in the order it
 * was submitted. At most {@code queueCapacity} tasks wait; beyond that {@link #submit} waits, which holds polling
 * back instead of losing updates. Thread-safe.
 */
final class ChatLanes {

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);

    private final ThreadPoolExecutor pool;
    private final Semaphore room;
    private final ConcurrentHashMap<Long, Queue<Runnable>> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ChatLanes(int workers, int queueCapacity) {
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                TelegramApi.named("tg-worker"));
        this.room = new Semaphore(queueCapacity);
    }

    /** Queues work for a chat; waits while the queue is full. False when the lanes are closed (the work is dropped). */
    boolean submit(long chat, Runnable work) throws InterruptedException {
        if (closed) {
            return false;
        }
        room.acquire();
        boolean[] first = {false};
        lanes.compute(chat, (k, lane) -> {
            Queue<Runnable> q = lane == null ? new ArrayDeque<>() : lane;
            first[0] = lane == null;
            q.add(work);
            return q;
        });
        if (first[0]) {
            try {
                pool.execute(() -> drain(chat));
            } catch (RejectedExecutionException e) {
                lanes.remove(chat);
                room.release();
                return false;
            }
        }
        return true;
    }

    /** Runs a chat's queued work one at a time until none is left; the lane is removed when it runs dry. */
    private void drain(long chat) {
        while (true) {
            Runnable[] next = {null};
            lanes.compute(chat, (k, lane) -> {
                next[0] = lane == null ? null : lane.poll();
                return next[0] == null ? null : lane;
            });
            if (next[0] == null) {
                return;
            }
            try {
                next[0].run();
            } catch (RuntimeException | Error e) {
                log.error("chat {}: handling failed: {}", chat, e.toString());
            } finally {
                room.release();
            }
        }
    }

    /** Stops taking work, lets work in flight finish within {@code grace}, then interrupts what is left. */
    void close(Duration grace) {
        closed = true;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                int left = lanes.values().stream().mapToInt(Queue::size).sum();
                log.warn("stopping: {} update(s) still waiting are dropped", left);
                pool.shutdownNow();
                pool.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
