package minsheng.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work for many chats on a fixed pool: different chats in parallel, one chat's work strictly in the order it
 * was submitted. The backlog is bounded: when {@code capacity} tasks already wait, the oldest waiting one is shed —
 * logged with a running count — and its {@code onShed} (a short "busy, please ask again" note) runs in its place, in
 * its chat's order; a chat has at most one such note waiting. Submitting never blocks, so polling keeps up and memory
 * stays flat however far the senders fall behind. Thread-safe.
 */
final class ChatLanes {

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);

    /** A task in a chat's lane; a note stands in for shed work and does not count against the bound. */
    private record Task(long chat, Runnable work, Runnable onShed, boolean note) {}

    private final ThreadPoolExecutor pool;
    private final int capacity;
    /** Guarded by {@code this}: every chat with work waiting or being drained, and its waiting tasks in order. */
    private final Map<Long, Deque<Task>> lanes = new HashMap<>();
    /** Guarded by {@code this}: the counted tasks waiting, oldest first. */
    private final LinkedHashSet<Task> waiting = new LinkedHashSet<>();
    private long shed;
    private volatile boolean closed;

    ChatLanes(int workers, int capacity) {
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                TelegramApi.named("tg-worker"));
        this.capacity = capacity;
    }

    /**
     * Queues work for a chat, shedding the oldest waiting work when the backlog is full. False when the lanes are
     * closed (the work is dropped).
     */
    boolean submit(long chat, Runnable work, Runnable onShed) {
        if (closed) {
            return false;
        }
        boolean first;
        synchronized (this) {
            while (waiting.size() >= capacity) {
                shedOldest();
            }
            Deque<Task> lane = lanes.get(chat);
            first = lane == null;
            if (first) {
                lane = new ArrayDeque<>();
                lanes.put(chat, lane);
            }
            Task task = new Task(chat, work, onShed, false);
            lane.addLast(task);
            waiting.add(task);
        }
        if (first) {
            try {
                pool.execute(() -> drain(chat));
            } catch (RejectedExecutionException e) {
                synchronized (this) {
                    Deque<Task> lane = lanes.remove(chat);
                    if (lane != null) {
                        waiting.removeAll(lane);
                    }
                }
                return false;
            }
        }
        return true;
    }

    /** Takes the oldest waiting task out of its lane and puts its note there instead, unless one already waits. */
    private void shedOldest() {
        Iterator<Task> oldest = waiting.iterator();
        Task task = oldest.next();
        oldest.remove();
        Deque<Task> lane = lanes.get(task.chat());
        // The oldest waiting task is the first waiting in its lane (a lane's tasks are in submission order).
        boolean removed = lane.remove(task);
        Task head = lane.peekFirst();
        if (removed && task.onShed() != null && (head == null || !head.note())) {
            lane.addFirst(new Task(task.chat(), task.onShed(), null, true));
        }
        shed++;
        log.warn("backlog of {} full: shed the oldest waiting update (chat {}); {} shed since start", capacity,
                task.chat(), shed);
    }

    /** Runs a chat's queued work one at a time until none is left; the lane is removed when it runs dry. */
    private void drain(long chat) {
        while (true) {
            Task next;
            synchronized (this) {
                Deque<Task> lane = lanes.get(chat);
                next = lane == null ? null : lane.pollFirst();
                if (next == null) {
                    lanes.remove(chat);
                    return;
                }
                waiting.remove(next);
            }
            try {
                next.work().run();
            } catch (RuntimeException | Error e) {
                log.error("chat {}: handling failed: {}", chat, e.toString());
            }
        }
    }

    /** Work shed since start. */
    synchronized long shedCount() {
        return shed;
    }

    /** Stops taking work, lets work in flight finish within {@code grace}, then interrupts what is left. */
    void close(Duration grace) {
        closed = true;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                int left;
                synchronized (this) {
                    left = lanes.values().stream().mapToInt(Deque::size).sum();
                }
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
