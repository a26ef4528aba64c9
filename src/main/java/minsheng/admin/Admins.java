package minsheng.admin;

import java.util.Set;

/** Who may administer the bot: the Telegram user ids of {@code ADMIN_IDS}, decided here and nowhere else. */
public final class Admins {

    private final Set<Long> ids;

    public Admins(Set<Long> ids) {
        this.ids = Set.copyOf(ids);
    }

    public boolean isAdmin(long userId) {
        return ids.contains(userId);
    }

    /** Every admin, e.g. to tell them of a reload the watcher made (a private chat's id is the user's id). */
    public Set<Long> ids() {
        return ids;
    }
}
