package minsheng.admin;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import minsheng.answer.Messages;
import minsheng.answer.Snapshot;
import minsheng.journal.Journal;
import minsheng.knowledge.Entry;

/**
 * {@code /review [N]} and {@code /review needs}, and the buttons under them: fine (dismiss until asked again after
 * the next load), needs work (onto the list to fix), fixed (off that list) and undo. Teaching goes through the same
 * buttons as {@code /unanswered}. Every action is journaled and can be taken back.
 */
final class Review {

    static final String NEEDS_ARGUMENT = "needs";
    /** Replies read back for a review: a month of a provincial bot, with room. */
    static final int SCANNED = 200_000;

    private final Journal journal;
    private final Supplier<Snapshot> snapshot;
    private final Clock clock;

    Review(Journal journal, Supplier<Snapshot> snapshot, Clock clock) {
        this.journal = journal;
        this.snapshot = snapshot;
        this.clock = clock;
    }

    /** The queue over the last {@link AdminDesk#RECENT}, as it stands now. */
    ReviewQueue queue() throws SQLException {
        Instant since = clock.instant().minus(AdminDesk.RECENT);
        Snapshot current = snapshot.get();
        return ReviewQueue.build(journal.rows(since, SCANNED), journal.votes(since), journal.marks(), journal.loads(),
                q -> ReviewQueue.key(current, q));
    }

    /** {@code /review [N]}: the groups to look at, each with the entry it got, its caveat and three buttons. */
    Response list(long user, int n) throws SQLException {
        ReviewQueue queue = queue();
        long days = AdminDesk.RECENT.toDays();
        List<Journal.Row> rows = journal.rows(clock.instant().minus(AdminDesk.RECENT), SCANNED);
        int handled = queue.handled().stream().mapToInt(ReviewQueue.Item::count).sum();
        String accounting = Messages.get("admin.review.accounting", String.valueOf(plainUnvoted(rows, queue)),
                String.valueOf(handled));
        String unplaced = unplaced(queue.unplacedUnhelpful());
        if (queue.open().isEmpty()) {
            journal.adminAction(user, "review", String.valueOf(n), "listed 0");
            return Response.text(Messages.get("admin.review.empty", String.valueOf(days)) + unplaced + "\n"
                    + accounting);
        }
        List<ReviewQueue.Item> listed = queue.open().subList(0, Math.min(n, queue.open().size()));
        StringBuilder text = new StringBuilder(Messages.get("admin.review.title", String.valueOf(days),
                String.valueOf(listed.size()), String.valueOf(queue.open().size())));
        String tail = unplaced + "\n" + accounting;
        List<List<Response.Button>> buttons = new ArrayList<>();
        int i = 0;
        for (ReviewQueue.Item item : listed) {
            String number = String.valueOf(++i);
            String block = "\n" + describe(number, item);
            if (text.length() + block.length() + tail.length() > Texts.MESSAGE_BUDGET) {
                break;
            }
            text.append(block);
            long asked = item.asked().id();
            buttons.add(List.of(
                    new Response.Button(Messages.get("admin.review.teach", number), AdminDesk.CALLBACK_PREFIX + "p:"
                            + asked),
                    new Response.Button(Messages.get("admin.review.fine", number), AdminDesk.CALLBACK_PREFIX + "f:"
                            + asked),
                    new Response.Button(Messages.get("admin.review.needs", number), AdminDesk.CALLBACK_PREFIX + "n:"
                            + asked)));
        }
        text.append(tail);
        journal.adminAction(user, "review", String.valueOf(n), "listed " + buttons.size());
        return new Response(text.toString(), buttons);
    }

    /** Plain answers nobody voted down: the replies neither list shows, counted so the admin sees they exist. */
    private static long plainUnvoted(List<Journal.Row> rows, ReviewQueue queue) {
        java.util.Set<Long> listed = new java.util.HashSet<>();
        queue.open().forEach(item -> item.rows().forEach(r -> listed.add(r.id())));
        queue.handled().forEach(item -> item.rows().forEach(r -> listed.add(r.id())));
        return rows.stream().filter(r -> r.outcome() == Journal.Outcome.ANSWER && !listed.contains(r.id())).count();
    }

    private String unplaced(Map<String, Integer> byEntry) {
        if (byEntry.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        byEntry.forEach((entry, count) -> parts.add(entry + " ×" + count));
        return "\n" + Messages.get("admin.review.unplaced", String.join("、", parts));
    }

    /** One group: its question, count and reasons; the entry it got (or the choice it was offered); its caveat. */
    private String describe(String number, ReviewQueue.Item item) {
        List<String> reasons = new ArrayList<>();
        item.reasons().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> reasons.add(Messages.get("admin.review.reason." + e.getKey().name(),
                        String.valueOf(e.getValue()))));
        StringBuilder s = new StringBuilder(Messages.get("admin.review.item", number,
                Texts.shorten(item.asked().question(), 60), String.valueOf(item.count()),
                String.join(Messages.get("admin.review.reason.separator"), reasons)));
        Journal.Row newest = item.newest();
        s.append('\n').append(got(newest));
        if (newest.caveat() != null) {
            s.append('\n').append(Messages.get("admin.review.caveat", caveat(newest.caveat())));
        }
        return s.toString();
    }

    /** What a reply gave: the entry answered, or the entries a choice offered. */
    private String got(Journal.Row row) {
        if (row.outcome() == Journal.Outcome.SUGGEST) {
            return Messages.get("admin.review.offered", String.join("、", row.entries()));
        }
        if (row.entries().isEmpty()) {
            return Messages.get("admin.review.offered", "—");
        }
        String id = row.entries().get(0);
        Optional<Entry> entry = snapshot.get().knowledge().entry(id);
        return Messages.get("admin.review.answered", String.join("、", row.entries()),
                entry.map(e -> Texts.shorten(e.standardQuestion(), 30)).orElse(Messages.get("admin.review.gone")));
    }

    /** A caveat as stored ({@code place}) in words admins read. */
    static String caveat(String label) {
        return Messages.get("admin.caveat." + label);
    }

    /** {@code /review needs}: the groups marked as needing work, with what each got and how often asked since. */
    Response needs(long user) throws SQLException {
        List<ReviewQueue.Needed> needed = queue().needed();
        journal.adminAction(user, "review", NEEDS_ARGUMENT, "listed " + needed.size());
        if (needed.isEmpty()) {
            return Response.text(Messages.get("admin.review.needs.empty"));
        }
        StringBuilder text = new StringBuilder(Messages.get("admin.review.needs.title",
                String.valueOf(needed.size())));
        List<List<Response.Button>> buttons = new ArrayList<>();
        int i = 0;
        for (ReviewQueue.Needed n : needed) {
            String number = String.valueOf(++i);
            Optional<Journal.Row> row = journal.row(n.mark().question());
            String question = row.map(Journal.Row::question).orElse(n.mark().key());
            String what = row.map(r -> got(r).strip() + (r.caveat() == null ? ""
                    : "；" + Messages.get("admin.review.caveat", caveat(r.caveat())).strip())).orElse("");
            String since = n.since().isEmpty() ? "" : Messages.get("admin.review.needs.since",
                    String.valueOf(n.since().size()));
            String item = "\n" + Messages.get("admin.review.needs.item", number, Texts.shorten(question, 60), what,
                    Texts.time(n.mark().at(), clock.getZone()), since);
            if (text.length() + item.length() > Texts.MESSAGE_BUDGET) {
                break;
            }
            text.append(item);
            buttons.add(List.of(new Response.Button(Messages.get("admin.review.needs.close", number),
                    AdminDesk.CALLBACK_PREFIX + "d:" + n.mark().id())));
        }
        return new Response(text.toString(), buttons);
    }

    /** Marks the group of question {@code id} FINE or NEEDS; the reply has an undo button. */
    Response mark(long user, long id, Journal.Mark mark) throws SQLException {
        Optional<Journal.Row> row = journal.row(id);
        if (row.isEmpty()) {
            return Response.text(Messages.get("admin.review.stale"));
        }
        String key = ReviewQueue.key(snapshot.get(), row.get().question());
        Optional<Long> marked = journal.mark(user, key, mark, id, null);
        String action = mark == Journal.Mark.FINE ? "fine" : "needs work";
        journal.adminAction(user, "review " + action, row.get().question(), marked.map(m -> "mark " + m)
                .orElse("not recorded"));
        if (marked.isEmpty()) {
            return Response.text(Messages.get("admin.journal.unavailable"));
        }
        return undoable(Messages.get(mark == Journal.Mark.FINE ? "admin.review.fine.done" : "admin.review.needs.done",
                Texts.shorten(row.get().question(), 60)), marked.get());
    }

    /** Takes a NEEDS mark off the list: the group counts as fine from now on (until the next load). */
    Response close(long user, long needsMark) throws SQLException {
        Optional<Journal.Marked> needs = journal.marks().stream().filter(m -> m.id() == needsMark
                && m.mark() == Journal.Mark.NEEDS).findFirst();
        if (needs.isEmpty()) {
            return Response.text(Messages.get("admin.review.stale"));
        }
        String question = journal.row(needs.get().question()).map(Journal.Row::question).orElse(needs.get().key());
        Optional<Long> marked = journal.mark(user, needs.get().key(), Journal.Mark.FINE, needs.get().question(),
                needsMark);
        journal.adminAction(user, "review fixed", question, marked.map(m -> "mark " + m).orElse("not recorded"));
        if (marked.isEmpty()) {
            return Response.text(Messages.get("admin.journal.unavailable"));
        }
        return undoable(Messages.get("admin.review.needs.closed", Texts.shorten(question, 60)), marked.get());
    }

    /** Takes back a mark made from the review (fine, needs work, fixed). */
    Response undo(long user, long markId) throws SQLException {
        Optional<Journal.Marked> mark = journal.marks().stream().filter(m -> m.id() == markId).findFirst();
        boolean undone = journal.unmark(markId);
        journal.adminAction(user, "review undo", "mark " + markId, undone ? "undone" : "already undone");
        if (!undone || mark.isEmpty()) {
            return Response.text(Messages.get("admin.review.undo.gone"));
        }
        String question = journal.row(mark.get().question()).map(Journal.Row::question).orElse(mark.get().key());
        return Response.text(Messages.get(mark.get().closes() != null ? "admin.review.undone.closed"
                : "admin.review.undone", Texts.shorten(question, 60)));
    }

    /** After teaching a question from any list, what was asked before is answered for: recorded, undone with it. */
    void taught(long user, long questionId, String question) {
        journal.mark(user, ReviewQueue.key(snapshot.get(), question), Journal.Mark.TAUGHT, questionId, null);
    }

    /** Takes back the TAUGHT mark of a question when its teaching is undone. */
    void untaught(String question) throws SQLException {
        String key = ReviewQueue.key(snapshot.get(), question);
        for (Journal.Marked m : journal.marks()) {
            if (m.mark() == Journal.Mark.TAUGHT && m.key().equals(key)) {
                journal.unmark(m.id());
            }
        }
    }

    private static Response undoable(String text, long markId) {
        return new Response(text, List.of(List.of(new Response.Button(Messages.get("admin.review.undo"),
                AdminDesk.CALLBACK_PREFIX + "x:" + markId))));
    }

}
