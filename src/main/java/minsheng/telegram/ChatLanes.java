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
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work for many chats on a fixed pool: different chats in parallel, one chat's work strictly in the order it
 * was submitted. The backlog is bounded: when {@code capacity} tasks already wait, the oldest waiting one is shed —
 * logged with a running count, its {@code shed} run at once — and its {@code note} (a short "busy, please ask again"
 * note) runs in its place, in its chat's order; a chat has at most one such note waiting. Submitting never blocks, so
 * polling keeps up and memory stays flat however far the senders fall behind.
 *
 * <p>A chat that must wait for its next sending slot ({@code pace}: Telegram allows about one message a second to a
 * chat) does not hold a worker while it waits: its lane is parked on a one-thread scheduler and handed back to the
 * pool when the slot comes, and the workers serve other chats meanwhile. A parked lane stays in {@code lanes}, so new
 * work for that chat queues behind it and the order holds.
 *
 * <p>Stopping has two steps: {@link #drain} takes no more work and lets what waits run for a while; {@link #close}
 * then starts nothing more, gives the work running a last moment to end by itself and ends both pools. Thread-safe.
 */
final class ChatLanes {

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);

    /** A task in a chat's lane; a note stands in for shed work and does not count against the bound. */
    private record Task(long chat, Runnable work, Runnable note, Runnable shed, boolean isNote) {}

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final LongUnaryOperator pace;
    private final int capacity;
    /** Guarded by {@code this}: every chat with work waiting or being drained, and its waiting tasks in order. */
    private final Map<Long, Deque<Task>> lanes = new HashMap<>();
    /** Guarded by {@code this}: the counted tasks waiting, oldest first. */
    private final LinkedHashSet<Task> waiting = new LinkedHashSet<>();
    private long shed;
    /** Guarded by {@code this}: tasks running now. */
    private int running;
    private volatile boolean closed;
    /** Set by {@link #close}: no task starts any more. */
    private volatile boolean cutOff;

    /**
     * @param pace for a chat, how many nanoseconds until it may be sent to again (0: now); its lane waits that long,
     *             off the workers, before taking its next task
     */
    ChatLanes(int workers, int capacity, LongUnaryOperator pace) {
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                TelegramApi.named("tg-worker"));
        this.timer = new ScheduledThreadPoolExecutor(1, TelegramApi.named("tg-pacer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.pace = pace;
        this.capacity = capacity;
    }

    /** Lanes that never wait for a pace (tests of ordering and shedding alone). */
    ChatLanes(int workers, int capacity) {
        this(workers, capacity, chat -> 0);
    }

    /**
     * Queues work for a chat, shedding the oldest waiting work when the backlog is full: a shed task's {@code shed}
     * runs at once (on the submitting thread, briefly), its {@code note} later in its place. False when the lanes
     * are closed (the work is dropped).
     */
    boolean submit(long chat, Runnable work, Runnable note, Runnable shed) {
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
            Task task = new Task(chat, work, note, shed, false);
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
        if (removed && task.note() != null && (head == null || !head.isNote())) {
            lane.addFirst(new Task(task.chat(), task.note(), null, null, true));
        }
        if (task.shed() != null) {
            task.shed().run();
        }
        shed++;
        log.warn("backlog of {} full: shed the oldest waiting update (chat {}); {} shed since start", capacity,
                LogNames.chat(task.chat()), shed);
    }

    /**
     * Runs a chat's queued work one at a time until none is left (the lane is then removed) or the chat must wait
     * for its next sending slot (the lane is then parked until it comes, and this worker returns to the pool).
     */
    private void drain(long chat) {
        while (true) {
            if (cutOff || Thread.currentThread().isInterrupted()) {
                dropLane(chat); // the lanes are closing and their grace is over
                return;
            }
            // Only this drain sends to the chat now, so the slot it sees free is still free when its task sends.
            long wait = pace.applyAsLong(chat);
            Task next;
            synchronized (this) {
                Deque<Task> lane = lanes.get(chat);
                if (lane == null || lane.isEmpty()) {
                    lanes.remove(chat);
                    if (lanes.isEmpty()) {
                        notifyAll();
                    }
                    return;
                }
                if (wait > 0) {
                    park(chat, wait);
                    return;
                }
                next = lane.pollFirst();
                waiting.remove(next);
                running++;
            }
            try {
                next.work().run();
            } catch (RuntimeException | Error e) {
                log.error("chat {}: handling failed: {}", LogNames.chat(chat), e.toString());
            } finally {
                synchronized (this) {
                    running--;
                    notifyAll();
                }
            }
        }
    }

    /** Hands a chat's lane back to the pool after {@code nanos}; its waiting work is dropped if the lanes close first. */
    private void park(long chat, long nanos) {
        try {
            timer.schedule(() -> resume(chat), nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            dropLane(chat);
        }
    }

    private void resume(long chat) {
        try {
            pool.execute(() -> drain(chat));
        } catch (RejectedExecutionException e) {
            dropLane(chat);
        }
    }

    private synchronized void dropLane(long chat) {
        Deque<Task> lane = lanes.remove(chat);
        if (lane != null) {
            waiting.removeAll(lane);
            if (!lane.isEmpty()) {
                log.info("chat {}: {} waiting update(s) left for Telegram to deliver again, the bot is stopping",
                        LogNames.chat(chat), lane.size());
            }
        }
        if (lanes.isEmpty()) {
            notifyAll();
        }
    }

    /** Work shed since start. */
    synchronized long shedCount() {
        return shed;
    }

    /**
     * Takes no more work, and lets work in flight and waiting work (parked lanes included, as their slots come) run
     * for at most {@code grace}. True when nothing is left.
     */
    boolean drain(Duration grace) {
        closed = true;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            synchronized (this) {
                long left;
                while (!lanes.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                return lanes.isEmpty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts no more work (what waits is left undone), gives the work running up to {@code finish} to end by itself —
     * a reply being sent is not cut off halfway if it can be helped — then interrupts what still runs and ends both
     * pools.
     */
    void close(Duration finish) {
        closed = true;
        cutOff = true;
        long deadline = System.nanoTime() + finish.toNanos();
        try {
            synchronized (this) {
                int left = lanes.values().stream().mapToInt(Deque::size).sum();
                if (left > 0) {
                    log.warn("stopping: {} update(s) still waiting are left for Telegram to deliver again", left);
                }
                long wait;
                while (running > 0 && (wait = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, wait);
                }
                if (running > 0) {
                    log.warn("stopping: {} update(s) still being answered are cut short", running);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
            timer.awaitTermination(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
