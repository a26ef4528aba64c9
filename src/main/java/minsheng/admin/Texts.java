package minsheng.admin;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import minsheng.answer.Messages;
import minsheng.knowledge.Problem;

/** How admin replies are worded and shortened to one Telegram message. */
final class Texts {

    /** Room for one Telegram message (4096) with a margin for the channel's own additions. */
    static final int MESSAGE_BUDGET = 3800;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Texts() {
    }

    /** A time as admins read it, in their zone (TIME_ZONE). */
    static String time(Instant t, ZoneId zone) {
        return TIME.withZone(zone).format(t);
    }

    /** What a reload did, in one message. */
    static String describe(Reloader.Outcome outcome) {
        if (outcome instanceof Reloader.Refused refused) {
            return problems(Messages.get("admin.reload.refused", String.valueOf(refused.problems().size())),
                    refused.problems());
        }
        Reloader.Reloaded r = (Reloader.Reloaded) outcome;
        if (r.entriesUnchanged()) {
            return Messages.get(r.sameContent() ? "admin.reload.same" : "admin.reload.vocabulary",
                    String.valueOf(r.version().entries()));
        }
        StringBuilder s = new StringBuilder(Messages.get("admin.reload.done", String.valueOf(r.added().size()),
                String.valueOf(r.removed().size()), String.valueOf(r.changed().size()),
                String.valueOf(r.version().entries())));
        ids(s, "admin.reload.added", r.added());
        ids(s, "admin.reload.removed", r.removed());
        ids(s, "admin.reload.changed", r.changed());
        return s.toString();
    }

    private static void ids(StringBuilder s, String key, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        StringBuilder list = new StringBuilder();
        int shown = 0;
        for (String id : ids) {
            // Each of the three lists gets a third of the message.
            if (list.length() + id.length() + 1 > MESSAGE_BUDGET / 3) {
                break;
            }
            list.append(shown == 0 ? "" : "、").append(id);
            shown++;
        }
        if (shown < ids.size()) {
            list.append(Messages.get("admin.ids.more", String.valueOf(ids.size() - shown)));
        }
        s.append('\n').append(Messages.get(key, list.toString()));
    }

    /** A heading and every problem, one per line, as many as fit, then how many more there are. */
    static String problems(String heading, List<Problem> problems) {
        StringBuilder s = new StringBuilder(heading);
        int shown = 0;
        for (Problem p : problems) {
            String line = "\n• " + shorten(p.toString(), 300);
            if (s.length() + line.length() > MESSAGE_BUDGET - 120) {
                break;
            }
            s.append(line);
            shown++;
        }
        if (shown < problems.size()) {
            s.append('\n').append(Messages.get("admin.problems.more", String.valueOf(problems.size() - shown)));
        }
        return s.toString();
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Where a file is on the server, as an admin would type it there. */
    static String onDisk(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
