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
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
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
 * The admin commands — {@code /reload}, {@code /unanswered [N]}, {@code /stats} — knowledge files sent as documents,
 * and the buttons under {@code /unanswered} that teach the bot a question (and undo it). Channel-neutral: takes the
 * sender's user id and text, returns a {@link Response}. Each request passes one gate first: anyone not in
 * {@code ADMIN_IDS} gets a short refusal, nothing changes, and the attempt is logged and recorded.
 */
public final class AdminDesk {

    /** Commands this desk answers (without the slash). */
    public static final Set<String> COMMANDS = Set.of("reload", "unanswered", "stats");
    /** Callback data of every button this desk makes starts with this. */
    public static final String CALLBACK_PREFIX = "adm:";

    static final Duration RECENT = Duration.ofDays(30);
    static final int DEFAULT_LISTED = 10;
    static final int MAX_LISTED = 30;
    /** Questions read back to group; more than an admin reads in a month of a provincial bot's declines. */
    private static final int SCANNED = 5000;
    private static final int PICKABLE = 6;
    private static final int TOP_ENTRIES = 5;
    private static final Pattern NOT_WORD = Pattern.compile("[\\p{P}\\p{S}\\s]+");
    private static final Logger LOG = LoggerFactory.getLogger(AdminDesk.class);

    private final Admins admins;
    private final Reloader reloader;
    private final Journal journal;
    private final Supplier<Snapshot> snapshot;
    private final Clock clock;
    private final Instant started;

    public AdminDesk(Admins admins, Reloader reloader, Journal journal, Supplier<Snapshot> snapshot, Clock clock) {
        this.admins = admins;
        this.reloader = reloader;
        this.journal = journal;
        this.snapshot = snapshot;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** An admin command ({@code command} without the slash, {@code args} the rest of the message). */
    public Response command(long user, String command, String args) {
        Optional<Response> refused = gate(user, "/" + command);
        if (refused.isPresent()) {
            return refused.get();
        }
        return switch (command) {
            case "reload" -> reload(user);
            case "unanswered" -> unanswered(user, args == null ? "" : args.strip());
            case "stats" -> {
                journal.adminAction(user, "stats", "", "shown");
                yield stats();
            }
            default -> throw new IllegalArgumentException("not an admin command: " + command);
        };
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
        Reloader.Outcome outcome = reloader.replace(fileName, bytes);
        journal.adminAction(user, "upload", fileName, summary(outcome));
        if (outcome instanceof Reloader.Refused refusedUpload) {
            return Response.text(Texts.problems(Messages.get("admin.upload.refused", fileName,
                    String.valueOf(refusedUpload.problems().size())), refusedUpload.problems()));
        }
        Reloader.Reloaded done = (Reloader.Reloaded) outcome;
        String saved = done.backup().map(b -> Messages.get("admin.upload.saved.backup", fileName, Texts.fileName(b)))
                .orElse(Messages.get("admin.upload.saved", fileName));
        return Response.text(saved + "\n" + Texts.describe(outcome));
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

    /** Questions asked alike, as the engine reads them, with how often and the newest wording. */
    private record Group(Journal.Asked newest, int count) {}

    private Response unanswered(long user, String args) {
        int n = DEFAULT_LISTED;
        if (!args.isEmpty()) {
            try {
                n = Integer.parseInt(args);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LISTED) {
                return Response.text(Messages.get("admin.unanswered.usage", String.valueOf(DEFAULT_LISTED),
                        String.valueOf(MAX_LISTED)));
            }
        }
        List<Journal.Asked> asked;
        try {
            asked = journal.unanswered(clock.instant().minus(RECENT), SCANNED);
        } catch (SQLException e) {
            return Response.text(Messages.get("admin.journal.unavailable"));
        }
        Snapshot current = snapshot.get();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Journal.Asked a : asked) {
            String key = NOT_WORD.matcher(current.normalized(a.question())).replaceAll("");
            if (key.isEmpty()) {
                continue;
            }
            groups.merge(key, new Group(a, 1), (old, one) -> new Group(old.newest(), old.count() + 1));
        }
        List<Group> open = new ArrayList<>();
        for (Group g : groups.values()) {
            // Already taught (or the knowledge now covers it): no longer unanswered.
            if (current.reply(g.newest().question()).kind() != Reply.Kind.ANSWER) {
                open.add(g);
            }
        }
        if (open.isEmpty()) {
            return Response.text(Messages.get("admin.unanswered.empty", String.valueOf(RECENT.toDays())));
        }
        open.sort((a, b) -> b.count() != a.count() ? Integer.compare(b.count(), a.count())
                : Long.compare(b.newest().id(), a.newest().id()));
        List<Group> listed = open.subList(0, Math.min(n, open.size()));
        StringBuilder text = new StringBuilder(Messages.get("admin.unanswered.title",
                String.valueOf(RECENT.toDays()), String.valueOf(listed.size()), String.valueOf(open.size())));
        List<List<Response.Button>> buttons = new ArrayList<>();
        int i = 0;
        for (Group g : listed) {
            String number = String.valueOf(++i);
            Journal.Asked a = g.newest();
            Optional<Match.Candidate> closest = current.explain(a.question()).match().ranked().stream().findFirst();
            String item = "\n" + Messages.get("admin.unanswered.item", number, Texts.shorten(a.question(), 60),
                    String.valueOf(g.count()), Messages.get(a.outcome() == Journal.Outcome.SUGGEST
                            ? "admin.unanswered.suggested" : "admin.unanswered.declined"))
                    + "\n" + closest.map(c -> Messages.get("admin.unanswered.closest",
                            Texts.shorten(c.entry().standardQuestion(), 30), c.entry().id(),
                            String.format(java.util.Locale.ROOT, "%.2f", c.score())))
                    .orElse(Messages.get("admin.unanswered.noclosest"));
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

    private Response pick(long id) throws SQLException {
        Optional<Journal.Asked> asked = journal.question(id);
        if (asked.isEmpty()) {
            return Response.text(Messages.get("admin.button.stale"));
        }
        String q = asked.get().question();
        List<List<Response.Button>> rows = new ArrayList<>();
        for (Match.Candidate c : snapshot.get().explain(q).match().ranked().stream().limit(PICKABLE).toList()) {
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
        return Response.text(Messages.get("admin.unlearn.done", Texts.shorten(q, 60), entryId));
    }

    private Response stats() {
        KnowledgeVersion v = reloader.version();
        StringBuilder s = new StringBuilder();
        try {
            s.append(block(Messages.get("admin.stats.since.start", Texts.time(started)), journal.stats(started,
                    TOP_ENTRIES)));
            s.append("\n\n").append(block(Messages.get("admin.stats.since.reload", Texts.time(v.loadedAt())),
                    journal.stats(v.loadedAt(), TOP_ENTRIES)));
        } catch (SQLException e) {
            s.append(Messages.get("admin.journal.unavailable"));
        }
        s.append("\n\n").append(Messages.get("admin.stats.version", String.valueOf(v.entries()),
                Texts.time(v.loadedAt()), v.contentHash()));
        return Response.text(s.toString());
    }

    private String block(String since, Journal.Stats st) {
        StringBuilder s = new StringBuilder(Messages.get("admin.stats.block", since, String.valueOf(st.questions()),
                share(st.answered(), st.questions()), share(st.suggested(), st.questions()),
                share(st.declined(), st.questions()), String.valueOf(st.helpful()), String.valueOf(st.unhelpful())));
        s.append('\n').append(Messages.get("admin.stats.inline", String.valueOf(st.inline())));
        if (!st.topEntries().isEmpty()) {
            List<String> top = new ArrayList<>();
            for (Journal.Count c : st.topEntries()) {
                top.add(c.entryId() + " ×" + c.count());
            }
            s.append('\n').append(Messages.get("admin.stats.top", String.join("、", top)));
        }
        return s.toString();
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "0" : part + "（" + Math.round(100.0 * part / whole) + "%）";
    }
}
