package minsheng.telegram;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which updates were answered, so one Telegram delivers again — after a restart, or while a stop left an update
 * below it unanswered — is not answered twice. The bot keeps them in its journal ({@code minsheng.app.Main} wires
 * it), which outlives a restart; {@link #inMemory()} serves a bot without one.
 */
public interface AnsweredUpdates {

    /** Whether the update was answered before. */
    boolean contains(int updateId);

    /** Records that the update has been answered; returns once it is kept. */
    void add(int updateId);

    /** Kept in memory only, the most recent {@code 10 000}: a restart forgets them. */
    static AnsweredUpdates inMemory() {
        Set<Integer> ids = new LinkedHashSet<>();
        return new AnsweredUpdates() {
            @Override
            public synchronized boolean contains(int updateId) {
                return ids.contains(updateId);
            }

            @Override
            public synchronized void add(int updateId) {
                ids.add(updateId);
                if (ids.size() > 10_000) {
                    ids.remove(ids.iterator().next());
                }
            }
        };
    }
}
