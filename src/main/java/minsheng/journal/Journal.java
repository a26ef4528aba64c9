package minsheng.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import minsheng.answer.Conversations;
import minsheng.answer.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bot records: every question and its outcome, every helpful / not-helpful vote, every admin action and
 * which Telegram updates were answered, in one SQLite file in the data folder (WAL, each write committed before the
 * reply it records is sent), readable by its owner only. Chats and voters are kept only as a salted hash, personal
 * numbers and e-mail addresses in questions are masked, and no user id, name or username is stored.
 *
 * <p>The journal never stops the bot: a database another process holds, a full disk or a broken file is logged
 * (one line per failed write) and the reply goes out anyway; the next write tries again. Thread-safe: one
 * connection, used by one thread at a time.
 */
public final class Journal implements Conversations.Listener, AutoCloseable {

    public static final String FILE_NAME = "minsheng.db";
    public static final String SALT_FILE_NAME = "chat-salt";
    /** The schema this release writes; {@link #MIGRATIONS} brings any older file up to it. */
    public static final int SCHEMA_VERSION = 3;

    /**
     * The steps that take a file from version i to i+1, in order: step i is {@code MIGRATIONS.get(i)}, the statements
     * run in one transaction. Never edit a step; add the next.
     */
    private static final List<List<String>> MIGRATIONS = List.of(
            // 1: questions, votes per chat and answer, admin actions.
            List.of("CREATE TABLE questions (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, chat TEXT NOT NULL,"
                            + " question TEXT NOT NULL, outcome TEXT NOT NULL, entries TEXT NOT NULL,"
                            + " score REAL NOT NULL, candidates TEXT NOT NULL)",
                    "CREATE INDEX questions_by_time ON questions (at)",
                    "CREATE TABLE votes (chat TEXT NOT NULL, answer TEXT NOT NULL, helpful INTEGER NOT NULL,"
                            + " at INTEGER NOT NULL, PRIMARY KEY (chat, answer))",
                    "CREATE TABLE admin_actions (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, admin TEXT NOT NULL,"
                            + " action TEXT NOT NULL, detail TEXT NOT NULL, outcome TEXT NOT NULL)"),
            // 2: the Telegram updates answered, by bot (no update is answered twice across a restart); a vote per
            // person and entry, a version 1 vote on an answer of several entries (「a+b」) becoming one per entry.
            List.of("CREATE TABLE answered_updates (bot INTEGER NOT NULL, update_id INTEGER NOT NULL,"
                            + " at INTEGER NOT NULL, PRIMARY KEY (bot, update_id))",
                    "CREATE INDEX answered_updates_by_time ON answered_updates (at)",
                    "CREATE TABLE votes_by_entry (voter TEXT NOT NULL, entry TEXT NOT NULL, helpful INTEGER NOT NULL,"
                            + " at INTEGER NOT NULL, PRIMARY KEY (voter, entry))",
                    "INSERT OR REPLACE INTO votes_by_entry (voter, entry, helpful, at)"
                            + " WITH RECURSIVE split (voter, entry, rest, helpful, at) AS ("
                            + " SELECT chat, '', answer || '+', helpful, at FROM votes UNION ALL"
                            + " SELECT voter, substr(rest, 1, instr(rest, '+') - 1), substr(rest, instr(rest, '+') + 1),"
                            + " helpful, at FROM split WHERE rest <> '')"
                            + " SELECT voter, entry, helpful, at FROM split WHERE entry <> '' ORDER BY at",
                    "DROP TABLE votes",
                    "ALTER TABLE votes_by_entry RENAME TO votes"),
            // 3: what an answer said it could not state (its caveat; rows before this are taken as plain); the
            // question a vote was on, where it can be told; admins' review marks; every load of the knowledge (a
            // question marked fine comes back only when asked again after the next one).
            List.of("ALTER TABLE questions ADD COLUMN caveat TEXT",
                    "CREATE INDEX questions_by_chat ON questions (chat, id)",
                    "ALTER TABLE votes ADD COLUMN question INTEGER",
                    "CREATE TABLE review_marks (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, admin TEXT NOT NULL,"
                            + " group_key TEXT NOT NULL, mark TEXT NOT NULL, question INTEGER NOT NULL,"
                            + " closes INTEGER, undone_at INTEGER)",
                    "CREATE TABLE loads (at INTEGER NOT NULL, content TEXT NOT NULL)"));

    /**
     * How long an answered update's id is kept. Telegram keeps an update it was not told of for at most 24 hours,
     * and after a week without updates it may start their ids anew: two days covers the one, never meets the other.
     */
    static final java.time.Duration ANSWERED_KEPT = java.time.Duration.ofDays(2);

    /** How long a write waits for another process's lock before it is logged and given up. */
    private static final int BUSY_TIMEOUT_MS = 1000;

    /** What a question led to, as stored. PICKED: a number that picked an offered choice, not a new question. */
    public enum Outcome { ANSWER, SUGGEST, DECLINE, SMALLTALK, PICKED }

    /** A recorded question, as stored (masked). */
    public record Asked(long id, Instant at, String question, Outcome outcome) {}

    /**
     * A recorded reply in full, as stored (masked), for the admins' review, charts and export.
     *
     * @param chat    the conversation's salted hash: links a pick to the choice before it; never shown or exported
     * @param entries the entries answered; for a choice, the entries offered (older rows: the best candidates)
     * @param caveat  what the answer said first the report does not state ({@code place}, {@code now} …), or null
     */
    public record Row(long id, Instant at, String chat, String question, Outcome outcome, List<String> entries,
            String caveat) {
        public Row {
            entries = List.copyOf(entries);
        }

        /** An answer given behind a caveat (picked from a choice or not). */
        public boolean caveated() {
            return caveat != null && (outcome == Outcome.ANSWER || outcome == Outcome.PICKED);
        }
    }

    /**
     * A person's vote on an entry, with the question it was on when that can be told (the voter's own latest answer
     * with that entry in their private chat), else null.
     */
    public record Vote(String entry, boolean helpful, Instant at, Long question) {}

    /** What an admin decided about a group of questions in the review. */
    public enum Mark {
        /** The answers were fine: not listed again unless asked again after the next load of the knowledge. */
        FINE,
        /** The knowledge needs work for it: kept in the list of things to fix. */
        NEEDS,
        /** Taught as another entry's question: what was asked before no longer needs a look. */
        TAUGHT
    }

    /**
     * A review mark as stored. {@code key}: the group (the question as the engine reads it); {@code question}: the
     * newest question of the group when marked; {@code closes}: the NEEDS mark a FINE mark settles, or null.
     */
    public record Marked(long id, Instant at, String key, Mark mark, long question, Long closes) {}

    /** One entry and how often it was answered. */
    public record Count(String entryId, int count) {}

    /**
     * What citizens asked in a period: {@code answered} counts plain answers, {@code caveated} the others;
     * {@code inline} of the questions were asked inline (「@bot 问题」).
     */
    public record Stats(int questions, int answered, int caveated, int suggested, int declined,
            List<Count> topEntries, int helpful, int unhelpful, int inline) {
        public Stats {
            topEntries = List.copyOf(topEntries);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path file;
    private final Clock clock;
    private final Mac hasher;
    private Connection connection;

    private Journal(Path file, byte[] salt, Clock clock) throws GeneralSecurityException {
        this.file = file;
        this.clock = clock;
        this.hasher = Mac.getInstance("HmacSHA256");
        hasher.init(new SecretKeySpec(salt, "HmacSHA256"));
    }

    /**
     * The journal in {@code dataDir}, created with its salt when new. Fails only when the folder or the salt cannot be
     * made; a database that cannot be opened now is logged and tried again at the next write.
     */
    public static Journal open(Path dataDir, Clock clock) throws IOException {
        DataFolder.folder(dataDir);
        Journal journal;
        try {
            journal = new Journal(dataDir.resolve(FILE_NAME), salt(dataDir.resolve(SALT_FILE_NAME)), clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
        synchronized (journal) {
            try {
                journal.connection();
            } catch (SQLException e) {
                journal.failed("open", e);
            }
        }
        return journal;
    }

    /** The per-install salt: made once, kept beside the database, readable by the owner only. */
    private static byte[] salt(Path saltFile) throws IOException {
        if (Files.exists(saltFile)) {
            DataFolder.restrict(saltFile);
            byte[] salt = HexFormat.of().parseHex(Files.readString(saltFile, StandardCharsets.US_ASCII).strip());
            if (salt.length < 16) {
                throw new IOException(saltFile + " is damaged (too short); restore it from a backup");
            }
            return salt;
        }
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        Path tmp = saltFile.resolveSibling(saltFile.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        // Owner-only from the moment it exists, then written and moved into place whole.
        Files.writeString(DataFolder.file(tmp), HexFormat.of().formatHex(salt) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, saltFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return salt;
    }

    /** The chat as stored: a salted hash that links one chat's questions without naming it. */
    public synchronized String chatHash(String chat) {
        return HexFormat.of().formatHex(hasher.doFinal(chat.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /** Records a reply; called before the channel sends it, and returns once the write is committed. */
    @Override
    public void replied(String chat, String message, Reply reply) {
        record(chat, message, reply);
    }

    /** Records the answer to a pick of an offered choice (by number or button): not a new question. */
    @Override
    public void picked(String chat, String message, Reply reply) {
        insert(chat, message, reply, reply.kind() == Reply.Kind.ANSWER ? Outcome.PICKED
                : Outcome.valueOf(reply.kind().name()));
    }

    /** Records a question and its reply; false (and logged) when the database could not take it. */
    public boolean record(String chat, String message, Reply reply) {
        return insert(chat, message, reply, Outcome.valueOf(reply.kind().name()));
    }

    private synchronized boolean insert(String chat, String message, Reply reply, Outcome outcome) {
        String candidates = reply.weighed().stream()
                .map(w -> w.entryId() + ":" + String.format(java.util.Locale.ROOT, "%.3f", w.score()))
                .collect(Collectors.joining(","));
        // A choice keeps the entries it offered, so the review and the export can name them.
        List<String> entries = reply.kind() == Reply.Kind.SUGGEST
                ? reply.suggestions().stream().map(Reply.Suggestion::entryId).toList() : reply.entryIds();
        try {
            Connection c = connection();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO questions (at, chat, question, outcome,"
                    + " entries, score, candidates, caveat) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, clock.millis());
                s.setString(2, storedChat(chat));
                s.setString(3, Masks.mask(message.strip()));
                s.setString(4, outcome.name());
                s.setString(5, String.join(",", entries));
                s.setDouble(6, reply.score());
                s.setString(7, candidates);
                s.setString(8, reply.caveat());
                s.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            failed("record a question", e);
            return false;
        }
    }

    /**
     * The chat as the questions table keeps it: its hash, after the inline channel's marker for a question asked
     * inline, so that channel is counted without a column of its own.
     */
    private String storedChat(String chat) {
        return (chat.startsWith(Conversations.INLINE) ? Conversations.INLINE : "") + chatHash(chat);
    }

    /**
     * Counts a person's vote on each entry of an answer once: a second vote on an entry replaces the first (a change
     * of mind) without counting twice. {@code voter} names the person (hashed like chats). Returns true when the
     * person had voted on none of these entries before; empty when not recorded.
     *
     * <p>The vote is tied to the question it was on when the voter's own private chat holds an answer with that
     * entry (a person is named as their private chat is); a vote pressed in a group under someone else's question
     * is kept with no question.
     */
    public synchronized Optional<Boolean> vote(String voter, List<String> entries, boolean helpful) {
        String hash = chatHash(voter);
        try {
            Connection c = connection();
            boolean first = true;
            c.setAutoCommit(false);
            try (PreparedStatement seen = c.prepareStatement("SELECT 1 FROM votes WHERE voter = ? AND entry = ?");
                    PreparedStatement asked = c.prepareStatement("SELECT id FROM questions WHERE chat = ?"
                            + " AND outcome IN ('ANSWER', 'PICKED') AND instr(',' || entries || ',', ',' || ? || ',') > 0"
                            + " ORDER BY id DESC LIMIT 1");
                    PreparedStatement put = c.prepareStatement("INSERT INTO votes (voter, entry, helpful, at,"
                            + " question) VALUES (?, ?, ?, ?, ?) ON CONFLICT (voter, entry) DO UPDATE SET"
                            + " helpful = excluded.helpful, at = excluded.at, question = excluded.question")) {
                for (String entry : entries) {
                    seen.setString(1, hash);
                    seen.setString(2, entry);
                    try (ResultSet r = seen.executeQuery()) {
                        first &= !r.next();
                    }
                    asked.setString(1, hash);
                    asked.setString(2, entry);
                    Long question;
                    try (ResultSet r = asked.executeQuery()) {
                        question = r.next() ? r.getLong(1) : null;
                    }
                    put.setString(1, hash);
                    put.setString(2, entry);
                    put.setInt(3, helpful ? 1 : 0);
                    put.setLong(4, clock.millis());
                    put.setObject(5, question);
                    put.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return Optional.of(first);
        } catch (SQLException e) {
            failed("record a vote", e);
            return Optional.empty();
        }
    }

    /**
     * Whether a Telegram update to bot {@code bot} was answered before (by this process or one before a restart), so
     * one that Telegram delivers again is not answered twice. Update ids count per bot, so another bot's are apart.
     * False when the journal cannot tell (logged): answering twice is then the lesser harm than never answering.
     */
    public synchronized boolean wasAnswered(long bot, long updateId) {
        try (PreparedStatement s = connection().prepareStatement(
                "SELECT 1 FROM answered_updates WHERE bot = ? AND update_id = ?")) {
            s.setLong(1, bot);
            s.setLong(2, updateId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            failed("look up an update", e);
            return false;
        }
    }

    /** Records that a Telegram update to bot {@code bot} has been answered; committed before it returns. */
    public synchronized void answered(long bot, long updateId) {
        try (PreparedStatement s = connection().prepareStatement(
                "INSERT OR IGNORE INTO answered_updates (bot, update_id, at) VALUES (?, ?, ?)")) {
            s.setLong(1, bot);
            s.setLong(2, updateId);
            s.setLong(3, clock.millis());
            s.executeUpdate();
        } catch (SQLException e) {
            failed("record an answered update", e);
        }
    }

    /** Records what an admin (or someone trying to be one) did; the user id is stored hashed, like chats. */
    public synchronized void adminAction(long user, String action, String detail, String outcome) {
        try {
            Connection c = connection();
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO admin_actions (at, admin, action, detail, outcome) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, clock.millis());
                s.setString(2, chatHash("user:" + user));
                s.setString(3, action);
                s.setString(4, Masks.mask(detail));
                s.setString(5, outcome);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            failed("record an admin action", e);
        }
    }

    /** Questions declined or answered with a choice since {@code since}, newest first, at most {@code limit}. */
    public synchronized List<Asked> unanswered(Instant since, int limit) throws SQLException {
        List<Asked> out = new ArrayList<>();
        try (PreparedStatement s = connection().prepareStatement("SELECT id, at, question, outcome FROM questions"
                + " WHERE at >= ? AND outcome IN ('DECLINE', 'SUGGEST') AND question <> ''"
                + " ORDER BY id DESC LIMIT ?")) {
            s.setLong(1, since.toEpochMilli());
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(asked(r));
                }
            }
        }
        return out;
    }

    /** One recorded question by its id. */
    public synchronized Optional<Asked> question(long id) throws SQLException {
        try (PreparedStatement s = connection().prepareStatement(
                "SELECT id, at, question, outcome FROM questions WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(asked(r)) : Optional.empty();
            }
        }
    }

    private static Asked asked(ResultSet r) throws SQLException {
        return new Asked(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
                Outcome.valueOf(r.getString(4)));
    }

    /** What citizens asked and voted since {@code since}; picks of a choice count toward the entries, not questions. */
    public synchronized Stats stats(Instant since, int top) throws SQLException {
        Connection c = connection();
        int questions = 0, answered = 0, caveated = 0, suggested = 0, declined = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT outcome, caveat IS NOT NULL, COUNT(*) FROM questions"
                + " WHERE at >= ? GROUP BY outcome, caveat IS NOT NULL")) {
            s.setLong(1, since.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Outcome o = Outcome.valueOf(r.getString(1));
                    int n = r.getInt(3);
                    switch (o) {
                        case ANSWER -> {
                            if (r.getBoolean(2)) {
                                caveated += n;
                            } else {
                                answered += n;
                            }
                        }
                        case SUGGEST -> suggested += n;
                        case DECLINE -> declined += n;
                        default -> { }
                    }
                    if (o != Outcome.PICKED && o != Outcome.SMALLTALK) {
                        questions += n;
                    }
                }
            }
        }
        int inline = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM questions WHERE at >= ?"
                + " AND substr(chat, 1, ?) = ? AND outcome NOT IN ('PICKED', 'SMALLTALK')")) {
            s.setLong(1, since.toEpochMilli());
            s.setInt(2, Conversations.INLINE.length());
            s.setString(3, Conversations.INLINE);
            try (ResultSet r = s.executeQuery()) {
                inline = r.next() ? r.getInt(1) : 0;
            }
        }
        List<Count> counts = new ArrayList<>();
        java.util.Map<String, Integer> byEntry = new java.util.HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT entries FROM questions"
                + " WHERE at >= ? AND outcome IN ('ANSWER', 'PICKED') AND entries <> ''")) {
            s.setLong(1, since.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    for (String id : r.getString(1).split(",")) {
                        byEntry.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
        byEntry.forEach((id, n) -> counts.add(new Count(id, n)));
        counts.sort(java.util.Comparator.comparingInt(Count::count).reversed().thenComparing(Count::entryId));
        int helpful = 0, unhelpful = 0;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT helpful, COUNT(*) FROM votes WHERE at >= ? GROUP BY helpful")) {
            s.setLong(1, since.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getInt(1) == 1) {
                        helpful = r.getInt(2);
                    } else {
                        unhelpful = r.getInt(2);
                    }
                }
            }
        }
        return new Stats(questions, answered, caveated, suggested, declined,
                counts.subList(0, Math.min(top, counts.size())), helpful, unhelpful, inline);
    }

    /** Every reply recorded since {@code since}, oldest first, at most {@code limit} (the newest are kept). */
    public synchronized List<Row> rows(Instant since, int limit) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement s = connection().prepareStatement("SELECT * FROM (SELECT id, at, chat, question,"
                + " outcome, entries, caveat, candidates FROM questions WHERE at >= ? ORDER BY id DESC LIMIT ?)"
                + " ORDER BY id")) {
            s.setLong(1, since.toEpochMilli());
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(row(r));
                }
            }
        }
        return out;
    }

    /** One recorded reply by its id. */
    public synchronized Optional<Row> row(long id) throws SQLException {
        try (PreparedStatement s = connection().prepareStatement("SELECT id, at, chat, question, outcome, entries,"
                + " caveat, candidates FROM questions WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        Outcome outcome = Outcome.valueOf(r.getString(5));
        String entries = r.getString(6);
        if (entries.isEmpty() && outcome == Outcome.SUGGEST) {
            // Recorded before schema 3: the choice's entries were not kept; its best candidates were.
            entries = r.getString(8).replaceAll(":[0-9.]+", "");
        }
        return new Row(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3), r.getString(4), outcome,
                entries.isEmpty() ? List.of() : List.of(entries.split(",")), r.getString(7));
    }

    /** Every vote cast (or last changed) since {@code since}, oldest first. */
    public synchronized List<Vote> votes(Instant since) throws SQLException {
        List<Vote> out = new ArrayList<>();
        try (PreparedStatement s = connection().prepareStatement(
                "SELECT entry, helpful, at, question FROM votes WHERE at >= ? ORDER BY at")) {
            s.setLong(1, since.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long question = r.getLong(4);
                    Long asked = r.wasNull() ? null : question;
                    out.add(new Vote(r.getString(1), r.getInt(2) == 1, Instant.ofEpochMilli(r.getLong(3)), asked));
                }
            }
        }
        return out;
    }

    /** Records a review mark by an admin (hashed like chats); returns its id, or empty when not recorded. */
    public synchronized Optional<Long> mark(long admin, String key, Mark mark, long question, Long closes) {
        try (PreparedStatement s = connection().prepareStatement("INSERT INTO review_marks (at, admin, group_key,"
                + " mark, question, closes) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, clock.millis());
            s.setString(2, chatHash("user:" + admin));
            s.setString(3, key);
            s.setString(4, mark.name());
            s.setLong(5, question);
            s.setObject(6, closes);
            s.executeUpdate();
            try (ResultSet r = s.getGeneratedKeys()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            failed("record a review mark", e);
            return Optional.empty();
        }
    }

    /** Takes a review mark back; false when it does not exist or was taken back already. */
    public synchronized boolean unmark(long id) throws SQLException {
        try (PreparedStatement s = connection().prepareStatement(
                "UPDATE review_marks SET undone_at = ? WHERE id = ? AND undone_at IS NULL")) {
            s.setLong(1, clock.millis());
            s.setLong(2, id);
            return s.executeUpdate() == 1;
        }
    }

    /** The review marks in force (not taken back), oldest first. */
    public synchronized List<Marked> marks() throws SQLException {
        List<Marked> out = new ArrayList<>();
        try (PreparedStatement s = connection().prepareStatement("SELECT id, at, group_key, mark, question, closes"
                + " FROM review_marks WHERE undone_at IS NULL ORDER BY id")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long closes = r.getLong(6);
                    Long settles = r.wasNull() ? null : closes;
                    out.add(new Marked(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
                            Mark.valueOf(r.getString(4)), r.getLong(5), settles));
                }
            }
        }
        return out;
    }

    /** Records that the knowledge was loaded (at start or by a reload), with its content hash. */
    public synchronized void loaded(Instant at, String content) {
        try (PreparedStatement s = connection().prepareStatement("INSERT INTO loads (at, content) VALUES (?, ?)")) {
            s.setLong(1, at.toEpochMilli());
            s.setString(2, content);
            s.executeUpdate();
        } catch (SQLException e) {
            failed("record a load of the knowledge", e);
        }
    }

    /** When the knowledge was loaded, oldest first. */
    public synchronized List<Instant> loads() throws SQLException {
        List<Instant> out = new ArrayList<>();
        try (PreparedStatement s = connection().prepareStatement("SELECT at FROM loads ORDER BY at");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(Instant.ofEpochMilli(r.getLong(1)));
            }
        }
        return out;
    }

    /** The schema version of the open file (for operators and tests). */
    public synchronized int schemaVersion() throws SQLException {
        return userVersion(connection());
    }

    private Connection connection() throws SQLException {
        if (connection != null) {
            return connection;
        }
        try {
            // Owner-only before SQLite opens it: the WAL and shared-memory files it makes take the file's permissions.
            DataFolder.file(file);
        } catch (IOException e) {
            throw new SQLException("cannot create " + file + ": " + e.getMessage(), e);
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            DataFolder.restrict(Path.of(file + suffix));
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA journal_mode = WAL");
                // FULL: a commit is on disk before the reply is sent, so even a power cut loses nothing committed.
                s.execute("PRAGMA synchronous = FULL");
            }
            migrate(c);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM answered_updates WHERE at < ?")) {
                s.setLong(1, clock.millis() - ANSWERED_KEPT.toMillis());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        connection = c;
        return c;
    }

    private void migrate(Connection c) throws SQLException {
        int version = userVersion(c);
        if (version > SCHEMA_VERSION) {
            throw new SQLException(file + " was written by a newer release (schema " + version + ", this release "
                    + "knows " + SCHEMA_VERSION + "); it is left untouched");
        }
        for (int v = version; v < SCHEMA_VERSION; v++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                c.commit();
                LOG.info("journal: {} migrated to schema {}", file, v + 1);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private void failed(String what, SQLException e) {
        LOG.error("journal: could not {} in {} ({}); the bot keeps answering", what, file, e.getMessage());
        // A busy file keeps its connection; anything else is reopened at the next write.
        if (connection != null && !isBusy(e)) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a broken connection; nothing more to do.
            }
            connection = null;
        }
    }

    private static boolean isBusy(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_BUSY") || m.contains("locked");
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("journal: closing {} failed ({})", file, e.getMessage());
            }
            connection = null;
        }
    }
}
