package minsheng.telegram;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which updates were answered, so one Telegram delivers again — after a restart, or while a stop left an update
 * below it unanswered — is not answered twice. Update ids count per bot, so each is kept with its bot's id (the
 * token may be changed to another bot's). The bot keeps them in its journal ({@code minsheng.app.Main} wires it),
 * which outlives a restart; {@link #inMemory()} serves a bot without one.
 */
public interface AnsweredUpdates {

    /** Whether the bot's update was answered before. */
    boolean contains(long botId, int updateId);

    /** Records that the bot's update has been answered; returns once it is kept. */
    void add(long botId, int updateId);

    /** Kept in memory only, the most recent {@code 10 000}: a restart forgets them. */
    static AnsweredUpdates inMemory() {
        Set<List<Long>> ids = new LinkedHashSet<>();
        return new AnsweredUpdates() {
            @Override
            public synchronized boolean contains(long botId, int updateId) {
                return ids.contains(List.of(botId, (long) updateId));
            }

            @Override
            public synchronized void add(long botId, int updateId) {
                ids.add(List.of(botId, (long) updateId));
                if (ids.size() > 10_000) {
                    ids.remove(ids.iterator().next());
                }
            }
        };
    }
}
