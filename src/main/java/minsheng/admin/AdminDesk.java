package minsheng.admin;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import minsheng.answer.Messages;
import minsheng.answer.Reply;
import minsheng.answer.Snapshot;
import minsheng.journal.Journal;
import minsheng.knowledge.Entry;
import minsheng.knowledge.LearnedQuestions;
import minsheng.match.Match;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin commands — {@code /reload}, {@code /unanswered [N]}, {@code /review [N]}, {@code /review needs},
 * {@code /stats}, {@code /export [days]} — knowledge files sent as documents, and the buttons under the lists that
 * teach the bot a question, mark what was reviewed, and undo either. Channel-neutral: takes the sender's user id and
 * text, returns a {@link Response}. Each request passes one gate first: anyone not in {@code ADMIN_IDS} is refused,
 * nothing changes, and the attempt is logged and recorded. The clock's zone is the admins' (TIME_ZONE): every time
 * shown, every day counted and every backup named is in it.
 */
public final class AdminDesk {

    /** Commands this desk answers (without the slash), in the order {@code /help} lists them. */
    public static final List<String> COMMANDS = List.of("review", "unanswered", "stats", "export", "reload");
    /** Callback data of every button this desk makes starts with this. */
    public static final String CALLBACK_PREFIX = "adm:";

    static final Duration RECENT = Duration.ofDays(30);
    static final int DEFAULT_LISTED = 10;
    static final int MAX_LISTED = 30;
    static final int MAX_EXPORT_DAYS = 366;
    /** Questions read back to group; more than an admin reads in a month of a provincial bot's declines. */
    private static final int SCANNED = 5000;
    private static final int PICKABLE = 6;
    /**
     * The least similarity at which an entry is offered to teach a question to: below it the closest entry is
     * unrelated (「量子计算机多少钱」 → 波立维 at 0.03). Measured in docs/admin-measurements.md.
     */
    static final double TEACH_FLOOR = 0.10;
    private static final Logger LOG = LoggerFactory.getLogger(AdminDesk.class);

    private final Admins admins;
    private final Reloader reloader;
    private final Journal journal;
    private final Supplier<Snapshot> snapshot;
    private final Clock clock;
    private final Review review;
    private final StatsReport stats;

    public AdminDesk(Admins admins, Reloader reloader, Journal journal, Supplier<Snapshot> snapshot, Clock clock) {
        this.admins = admins;
        this.reloader = reloader;
        this.journal = journal;
        this.snapshot = snapshot;
        this.clock = clock;
        this.review = new Review(journal, snapshot, clock);
        this.stats = new StatsReport(journal, reloader, snapshot, clock, clock.instant());
    }

    /** An admin command ({@code command} without the slash, {@code args} the rest of the message). */
    public Response command(long user, String command, String args) {
        Optional<Response> refused = gate(user, "/" + command);
        if (refused.isPresent()) {
            return refused.get();
        }
        String argument = args == null ? "" : args.strip();
        try {
            return switch (command) {
                case "reload" -> reload(user);
                case "unanswered" -> unanswered(user, argument);
                case "review" -> review(user, argument);
                case "export" -> export(user, argument);
                case "stats" -> {
                    journal.adminAction(user, "stats", "", "shown");
                    yield stats.report();
                }
                default -> throw new IllegalArgumentException("not an admin command: " + command);
            };
        } catch (SQLException e) {
            return Response.text(Messages.get("admin.journal.unavailable"));
        }
    }

    /** One line per admin command, for an admin's {@code /help}. */
    public static String help() {
        StringBuilder s = new StringBuilder(Messages.get("admin.help.title"));
        for (String c : COMMANDS) {
            s.append('\n').append(Messages.get("admin.help." + c));
        }
        return s.toString();
    }

    /**
     * Records an attempt by someone who is not an admin (the channel answers it as an unknown command, so it tells
     * them nothing); false when the user is an admin after all.
     */
    public boolean refuse(long user, String action) {
        return gate(user, action).isPresent();
    }

    /** The largest knowledge file an admin may send; nothing larger is downloaded. */
    public static final long MAX_UPLOAD_BYTES = KnowledgeFolder.MAX_UPLOAD_BYTES;

    /**
     * Checks a file sent to the bot from what its message declares — who sent it, its name and extension, its size —
     * before anything is downloaded: the refusal (recorded like any refused upload), or empty to download it.
     */
    public Optional<Response> refusesUpload(long user, String fileName, long declaredSize) {
        Optional<Response> refused = gate(user, "upload " + fileName);
        if (refused.isPresent()) {
            return refused;
        }
        Optional<String> why = KnowledgeFolder.refusal(fileName, declaredSize);
        why.ifPresent(w -> journal.adminAction(user, "upload", fileName, "refused before download: " + w));
        return why.map(Response::text);
    }

    /** A file sent to the bot: a knowledge file to validate, save and load. */
    public Response document(long user, String fileName, byte[] bytes) {
        Optional<Response> refused = gate(user, "upload " + fileName);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<String> why = KnowledgeFolder.refusal(fileName, bytes.length);
        if (why.isEmpty() && KnowledgeFolder.utf8(bytes).isEmpty()) {
            why = Optional.of(Messages.get("admin.upload.encoding", fileName));
        }
        if (why.isPresent()) {
            journal.adminAction(user, "upload", fileName, "refused: " + why.get());
            return Response.text(why.get());
        }
        String name = KnowledgeFolder.savedAs(fileName).orElseThrow();
        Reloader.Outcome outcome = reloader.replace(name, bytes);
        journal.adminAction(user, "upload", name, summary(outcome));
        if (outcome instanceof Reloader.Refused refusedUpload) {
            return Response.text(Texts.problems(Messages.get("admin.upload.refused", name,
                    String.valueOf(refusedUpload.problems().size())), refusedUpload.problems()));
        }
        Reloader.Reloaded done = (Reloader.Reloaded) outcome;
        String saved = done.backup().map(b -> Messages.get("admin.upload.saved.backup", name, Texts.onDisk(b)))
                .orElse(Messages.get("admin.upload.saved", name));
        String renamed = name.equals(fileName) ? "" : Messages.get("admin.upload.renamed", fileName, name) + "\n";
        return Response.text(renamed + saved + "\n" + Texts.describe(outcome));
    }

    /** A button of this desk was pressed ({@code data} starts with {@link #CALLBACK_PREFIX}). */
    public Response callback(long user, String data) {
        Optional<Response> refused = gate(user, "button " + data);
        if (refused.isPresent()) {
            return refused.get();
        }
        String[] parts = data.substring(CALLBACK_PREFIX.length()).split(":", 3);
        try {
            long id = Long.parseLong(parts[1]);
            return switch (parts[0]) {
                case "l" -> learn(user, id, parts[2]);
                case "u" -> unlearn(user, id, parts[2]);
                case "p" -> pick(id);
                case "f" -> review.mark(user, id, Journal.Mark.FINE);
                case "n" -> review.mark(user, id, Journal.Mark.NEEDS);
                case "d" -> review.close(user, id);
                case "x" -> review.undo(user, id);
                default -> Response.text(Messages.get("admin.button.stale"));
            };
        } catch (RuntimeException e) {
            LOG.warn("admin: unreadable button data {}", data);
            return Response.text(Messages.get("admin.button.stale"));
        } catch (SQLException e) {
            return Response.text(Messages.get("admin.journal.unavailable"));
        }
    }

    private Optional<Response> gate(long user, String action) {
        if (admins.isAdmin(user)) {
            return Optional.empty();
        }
        LOG.warn("admin: refused {} from a non-admin (user {})", action, journal.chatHash("user:" + user));
        journal.adminAction(user, action, "", "refused: not an admin");
        return Optional.of(Response.text(Messages.get("admin.refused")));
    }

    private Response reload(long user) {
        Reloader.Outcome outcome = reloader.reload();
        journal.adminAction(user, "reload", "", summary(outcome));
        return Response.text(Texts.describe(outcome));
    }

    static String summary(Reloader.Outcome outcome) {
        if (outcome instanceof Reloader.Refused r) {
            return "refused: " + r.problems().size() + " problem(s)";
        }
        Reloader.Reloaded r = (Reloader.Reloaded) outcome;
        return "reloaded: " + r.version().entries() + " entries, +" + r.added().size() + " -" + r.removed().size()
                + " ~" + r.changed().size() + ", content " + r.version().contentHash();
    }

    /** Questions asked alike, as the engine reads them, with how often, the newest wording and every id. */
    record Group(Journal.Asked newest, int count, List<Long> ids) {}

    /** The declined and offered-a-choice questions of the last 30 days, grouped: still open, and answered since. */
    record Unanswered(List<Group> open, List<Group> answeredNow) {}

    /** A count argument: empty for none given, -1 for one outside 1..max. */
    private static int count(String args, int fallback, int max) {
        if (args.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(args);
            return n >= 1 && n <= max ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    Unanswered unansweredGroups() throws SQLException {
        List<Journal.Asked> asked = journal.unanswered(clock.instant().minus(RECENT), SCANNED);
        Snapshot current = snapshot.get();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Journal.Asked a : asked) {
            groups.merge(ReviewQueue.key(current, a.question()), new Group(a, 1, List.of(a.id())),
                    (old, one) -> new Group(old.newest(), old.count() + 1,
                            java.util.stream.Stream.concat(old.ids().stream(), one.ids().stream()).toList()));
        }
        List<Group> open = new ArrayList<>();
        List<Group> answeredNow = new ArrayList<>();
        for (Group g : groups.values()) {
            // Already taught (or the knowledge now covers it): no longer unanswered.
            (current.reply(g.newest().question()).kind() != Reply.Kind.ANSWER ? open : answeredNow).add(g);
        }
        open.sort((a, b) -> b.count() != a.count() ? Integer.compare(b.count(), a.count())
                : Long.compare(b.newest().id(), a.newest().id()));
        return new Unanswered(open, answeredNow);
    }

    private Response unanswered(long user, String args) throws SQLException {
        int n = count(args, DEFAULT_LISTED, MAX_LISTED);
        if (n < 0) {
            return Response.text(Messages.get("admin.unanswered.usage", String.valueOf(DEFAULT_LISTED),
                    String.valueOf(MAX_LISTED)));
        }
        Snapshot current = snapshot.get();
        List<Group> open = unansweredGroups().open();
        if (open.isEmpty()) {
            return Response.text(Messages.get("admin.unanswered.empty", String.valueOf(RECENT.toDays())));
        }
        List<Group> listed = open.subList(0, Math.min(n, open.size()));
        StringBuilder text = new StringBuilder(Messages.get("admin.unanswered.title",
                String.valueOf(RECENT.toDays()), String.valueOf(listed.size()), String.valueOf(open.size())));
        List<List<Response.Button>> buttons = new ArrayList<>();
        int i = 0;
        for (Group g : listed) {
            String number = String.valueOf(++i);
            Journal.Asked a = g.newest();
            Optional<Match.Candidate> best = current.explain(a.question()).match().ranked().stream().findFirst();
            Optional<Match.Candidate> closest = best.filter(c -> c.score() >= TEACH_FLOOR);
            String item = "\n" + Messages.get("admin.unanswered.item", number, Texts.shorten(a.question(), 60),
                    String.valueOf(g.count()), Messages.get(a.outcome() == Journal.Outcome.SUGGEST
                            ? "admin.unanswered.suggested" : "admin.unanswered.declined"))
                    + "\n" + closest.map(c -> Messages.get("admin.unanswered.closest",
                            Texts.shorten(c.entry().standardQuestion(), 30), c.entry().id(), score(c.score())))
                    .orElse(best.map(c -> Messages.get("admin.unanswered.unrelated", c.entry().id(),
                            score(c.score()))).orElse(Messages.get("admin.unanswered.noclosest")));
            if (text.length() + item.length() > Texts.MESSAGE_BUDGET) {
                break;
            }
            text.append(item);
            List<Response.Button> row = new ArrayList<>();
            closest.map(c -> learnData(a.id(), c.entry().id())).ifPresent(data -> row.add(new Response.Button(
                    Messages.get("admin.unanswered.add", number,
                            Texts.shorten(closest.get().entry().standardQuestion(), 14)), data)));
            row.add(new Response.Button(Messages.get("admin.unanswered.pick", number),
                    CALLBACK_PREFIX + "p:" + a.id()));
            buttons.add(row);
        }
        journal.adminAction(user, "unanswered", String.valueOf(n), "listed " + buttons.size());
        return new Response(text.toString(), buttons);
    }

    /** Button data to add question {@code id} to entry {@code entryId}; entry ids are short enough for 64 bytes. */
    private static String learnData(long id, String entryId) {
        return CALLBACK_PREFIX + "l:" + id + ":" + entryId;
    }

    private static String score(double score) {
        return String.format(java.util.Locale.ROOT, "%.2f", score);
    }

    private Response pick(long id) throws SQLException {
        Optional<Journal.Asked> asked = journal.question(id);
        if (asked.isEmpty()) {
            return Response.text(Messages.get("admin.button.stale"));
        }
        String q = asked.get().question();
        List<List<Response.Button>> rows = new ArrayList<>();
        for (Match.Candidate c : snapshot.get().explain(q).match().ranked().stream()
                .filter(c -> c.score() >= TEACH_FLOOR).limit(PICKABLE).toList()) {
            rows.add(List.of(new Response.Button(Texts.shorten(c.entry().standardQuestion(), 24) + "（"
                    + c.entry().id() + "）", learnData(id, c.entry().id()))));
        }
        return new Response(Messages.get(rows.isEmpty() ? "admin.pick.none" : "admin.pick.title",
                Texts.shorten(q, 60)), rows);
    }

    /** One line of learned.tsv: no tab or line break may sit inside the question. */
    private static String learnedQuestion(String question) {
        return question.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    private Response learn(long user, long id, String entryId) throws SQLException {
        Optional<Journal.Asked> asked = journal.question(id);
        Optional<Entry> entry = snapshot.get().knowledge().entry(entryId);
        if (asked.isEmpty() || entry.isEmpty()) {
            return Response.text(Messages.get("admin.button.stale"));
        }
        String q = learnedQuestion(asked.get().question());
        Optional<Response> already = alreadyAsked(user, q, entry.get());
        if (already.isPresent()) {
            return already.get();
        }
        Reloader.Outcome outcome = reloader.edit(LearnedQuestions.FILE_NAME, old -> {
            String text = new String(old, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                text = Messages.get("admin.learned.header") + "\n";
            } else if (!text.endsWith("\n")) {
                text += "\n";
            }
            return (text + entryId + "\t" + q + "\n").getBytes(StandardCharsets.UTF_8);
        });
        journal.adminAction(user, "learn", entryId + "\t" + q, summary(outcome));
        if (outcome instanceof Reloader.Refused refused) {
            return Response.text(Texts.problems(Messages.get("admin.learn.refused", Texts.shorten(q, 60),
                    String.valueOf(refused.problems().size())), refused.problems()));
        }
        review.taught(user, id, asked.get().question());
        Reply now = snapshot.get().reply(q);
        String check = now.kind() == Reply.Kind.ANSWER && now.entryIds().contains(entryId)
                ? Messages.get("admin.learn.answered")
                : Messages.get("admin.learn.not.answered", now.kind() == Reply.Kind.ANSWER
                        ? String.join("、", now.entryIds()) : Messages.get("admin.learn.kind." + now.kind().name()));
        return new Response(Messages.get("admin.learn.done", Texts.shorten(q, 60), entry.get().standardQuestion(),
                entryId) + "\n" + check,
                List.of(List.of(new Response.Button(Messages.get("admin.learn.undo"),
                        CALLBACK_PREFIX + "u:" + id + ":" + entryId))));
    }

    private Response unlearn(long user, long id, String entryId) throws SQLException {
        Optional<Journal.Asked> asked = journal.question(id);
        if (asked.isEmpty()) {
            return Response.text(Messages.get("admin.button.stale"));
        }
        String q = learnedQuestion(asked.get().question());
        String line = entryId + "\t" + q;
        boolean[] found = {false};
        Reloader.Outcome outcome = reloader.edit(LearnedQuestions.FILE_NAME, old -> {
            StringBuilder kept = new StringBuilder();
            for (String l : new String(old, StandardCharsets.UTF_8).split("\n", -1)) {
                if (l.strip().equals(line)) {
                    found[0] = true;
                } else {
                    kept.append(l).append('\n');
                }
            }
            String text = kept.toString();
            // split keeps a last empty piece after the final newline; do not grow the file by one line per edit.
            return (text.endsWith("\n\n") ? text.substring(0, text.length() - 1) : text)
                    .getBytes(StandardCharsets.UTF_8);
        });
        journal.adminAction(user, "unlearn", line, found[0] ? summary(outcome) : "not found");
        if (!found[0]) {
            return Response.text(Messages.get("admin.unlearn.gone", Texts.shorten(q, 60), entryId));
        }
        if (outcome instanceof Reloader.Refused refused) {
            return Response.text(Texts.problems(Messages.get("admin.unlearn.refused",
                    String.valueOf(refused.problems().size())), refused.problems()));
        }
        review.untaught(asked.get().question());
        return Response.text(Messages.get("admin.unlearn.done", Texts.shorten(q, 60), entryId));
    }

    /**
     * A question some entry already has (a second press of the same button, or an older list): said plainly, and
     * nothing is written.
     */
    private Optional<Response> alreadyAsked(long user, String q, Entry target) {
        Snapshot current = snapshot.get();
        String key = ReviewQueue.key(current, q);
        for (Entry e : current.knowledge().entries()) {
            if (e.questions().stream().anyMatch(existing -> ReviewQueue.key(current, existing).equals(key))) {
                journal.adminAction(user, "learn", target.id() + "\t" + q, "already a question of " + e.id());
                return Optional.of(Response.text(e.id().equals(target.id())
                        ? Messages.get("admin.learn.already", Texts.shorten(q, 60), e.standardQuestion(), e.id())
                        : Messages.get("admin.learn.elsewhere", Texts.shorten(q, 60), e.standardQuestion(), e.id())));
            }
        }
        return Optional.empty();
    }

    private Response review(long user, String args) throws SQLException {
        if (args.equals(Review.NEEDS_ARGUMENT)) {
            return review.needs(user);
        }
        int n = count(args, DEFAULT_LISTED, MAX_LISTED);
        if (n < 0) {
            return Response.text(Messages.get("admin.review.usage", String.valueOf(DEFAULT_LISTED),
                    String.valueOf(MAX_LISTED)));
        }
        return review.list(user, n);
    }

    /** The review's queue as it stands (for the tests that hold what it lists). */
    ReviewQueue reviewQueue() throws SQLException {
        return review.queue();
    }

    /** {@code /export [days]}: the questions of the last N days (default 30) as a CSV document. */
    private Response export(long user, String args) throws SQLException {
        int days = count(args, (int) RECENT.toDays(), MAX_EXPORT_DAYS);
        if (days < 0) {
            return Response.text(Messages.get("admin.export.usage", String.valueOf(RECENT.toDays()),
                    String.valueOf(MAX_EXPORT_DAYS)));
        }
        java.time.ZoneId zone = clock.getZone();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        java.time.LocalDate first = today.minusDays(days - 1L);
        Instant since = first.atStartOfDay(zone).toInstant();
        List<Journal.Row> rows = journal.rows(since, Review.SCANNED);
        byte[] csv = Export.csv(rows, journal.votes(since), zone);
        journal.adminAction(user, "export", String.valueOf(days), rows.size() + " rows, " + csv.length + " bytes");
        String name = "questions-" + first + "-to-" + today + ".csv";
        String text = Messages.get("admin.export.caption", String.valueOf(days), first.toString(), today.toString(),
                zone.getId(), String.valueOf(rows.size()))
                + (rows.size() == Review.SCANNED ? "\n" + Messages.get("admin.export.cut",
                        KnowledgeFolder.bytes(Review.SCANNED)) : "");
        return new Response(text, List.of(), new Response.Attachment(false, name, csv));
    }
}
