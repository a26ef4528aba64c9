package minsheng.telegram;

import java.util.TreeSet;

/**
 * The {@code offset} of the next getUpdates: what Telegram may forget. Telegram forgets every update below it; the
 * library would send the last update received plus one, confirming updates whose reply has not gone out, which a
 * stop or a crash then loses for good. Here the offset is the lowest update still open — received, but neither
 * answered nor passed over on purpose — so every update not yet answered stays with Telegram, which delivers it again
 * after a restart. Updates above an open one that are already answered are delivered again too; the
 * {@link AnsweredUpdates} turn those away.
 *
 * <p>While updates are open, Telegram hands them back at once on every poll. A poll that brought nothing new makes
 * the next one wait ({@link #beforePoll}), so the bot does not ask again and again for what it is still answering.
 * Thread-safe.
 */
final class Offsets {

    private final TreeSet<Integer> open = new TreeSet<>();
    private final long pauseMillis;
    private int highest;
    private boolean nothingNew;

    /** @param pauseMillis how long a poll waits after one that brought nothing new, while updates are open */
    Offsets(long pauseMillis) {
        this.pauseMillis = pauseMillis;
    }

    /** An update received; false when it is already open (delivered again while it is being answered). */
    synchronized boolean received(int updateId) {
        highest = Math.max(highest, updateId);
        return open.add(updateId);
    }

    /** An update answered, or passed over on purpose: Telegram may forget it once none below it is open. */
    synchronized void settled(int updateId) {
        open.remove(updateId);
        if (open.isEmpty()) {
            notifyAll();
        }
    }

    /** Whether the poll just made brought any update not seen before. */
    synchronized void polled(boolean anyNew) {
        nothingNew = !anyNew;
    }

    /**
     * Waits, before a poll, while the last one brought nothing new and updates are still open (Telegram would hand
     * the same ones back at once); at most the pause, less when every open update is settled meanwhile.
     */
    synchronized void beforePoll() throws InterruptedException {
        long deadline = System.nanoTime() + pauseMillis * 1_000_000;
        long left;
        while (nothingNew && !open.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        nothingNew = false;
    }

    /** The offset of the next getUpdates: the lowest open update, or one past the highest received. */
    synchronized int next() {
        return open.isEmpty() ? highest + 1 : open.first();
    }

    /** Whether any update was received at all. */
    synchronized boolean anyReceived() {
        return highest > 0;
    }

    /** How many updates are open. */
    synchronized int openCount() {
        return open.size();
    }
}
