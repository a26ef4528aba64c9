package minsheng.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import minsheng.answer.Conversations;
import minsheng.answer.Reply;
import minsheng.telegram.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path data;

    private static Reply declined() {
        return new Reply(Reply.Kind.DECLINE, List.of(), 0.12, "抱歉……", List.of(), List.of(), List.of(),
                List.of(new Reply.Weighed("city.taiyuan-metro", 0.12)));
    }

    private static Reply answered(String id) {
        return new Reply(Reply.Kind.ANSWER, List.of(id), 0.9, "……", List.of(), List.of(), List.of(), List.of());
    }

    private List<String> column(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Journal.FILE_NAME));
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        }
    }

    @Test
    void masksPhoneAndIdCardNumbersBeforeStoringAQuestion() throws Exception {
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            j.record("chat-1", "我的电话13812345678，身份证14010519800101123X，低保怎么申请", declined());
            j.record("chat-1", "打138 1234 5678或0351-1234567找谁", declined());
            j.record("chat-1", "卡号6222０２１２３４５６７８９０１２３ 丢了", declined());
        }
        assertEquals(List.of("我的电话[电话]，身份证[身份证号]，低保怎么申请", "打[电话]或[电话]找谁", "卡号[号码] 丢了"),
                column("SELECT question FROM questions ORDER BY id"));
    }

    @Test
    void masksEmailAddressesLikePhoneAndIdCardNumbers() throws Exception {
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            j.record("chat-1", "我的邮箱 zhang.san@example.com.cn，低保多少人", declined());
            j.record("chat-1", "回复到Li_Si+minsheng@qq.com吧", declined());
        }
        assertEquals(List.of("我的邮箱 [邮箱]，低保多少人", "回复到[邮箱]吧"), column("SELECT question FROM questions ORDER BY id"));
    }

    @Test
    void masksAWholeLongMessageWithoutStumbling() throws Exception {
        String garbage = "a".repeat(50_000) + "@" + "b" + ".c".repeat(20_000);
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            assertTrue(j.record("chat-1", garbage + " 低保多少人", declined()));
        }
        assertTrue(column("SELECT question FROM questions").get(0).endsWith(" 低保多少人"));
    }

    @Test
    void keepsFiguresCitizensAskAbout() {
        assertEquals("心脏支架从13000降到700元了吗，2020年", Masks.mask("心脏支架从13000降到700元了吗，2020年"));
    }

    @Test
    void storesTheChatOnlyAsASaltedHash() throws Exception {
        String first;
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            j.record("123456789", "低保有多少人", declined());
            first = j.chatHash("123456789");
        }
        assertEquals(List.of(first), column("SELECT chat FROM questions"));
        assertFalse(first.contains("123456789"));
        byte[] db = Files.readAllBytes(data.resolve(Journal.FILE_NAME));
        assertFalse(new String(db, StandardCharsets.ISO_8859_1).contains("123456789"));
        // The salt stays with the install: reopening gives the same hash, another install a different one.
        try (Journal again = Journal.open(data, Clock.systemUTC())) {
            assertEquals(first, again.chatHash("123456789"));
        }
        try (Journal other = Journal.open(data.resolve("other"), Clock.systemUTC())) {
            assertFalse(first.equals(other.chatHash("123456789")));
        }
    }

    @Test
    void recordsTheBestCandidatesWithScoresAndAVersionedSchema() throws Exception {
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            j.record("c", "省城的快轨修到第几条了", declined());
            assertEquals(Journal.SCHEMA_VERSION, j.schemaVersion());
        }
        assertEquals(List.of("city.taiyuan-metro:0.120"), column("SELECT candidates FROM questions"));
        assertEquals(List.of("DECLINE"), column("SELECT outcome FROM questions"));
        assertEquals(List.of("wal"), column("PRAGMA journal_mode"));
    }

    @Test
    void keepsTheInlineChannelsMarkBeforeTheHashAndCountsItsQuestions() throws Exception {
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            j.record("tg:1001", "心脏支架现在多少钱", answered("medical.stent-price"));
            j.record(Conversations.INLINE + "tg:1001", "心脏支架现在多少钱", answered("medical.stent-price"));
            j.record(Conversations.INLINE + "tg:1001", "明天天气怎么样", declined());
            Journal.Stats st = j.stats(Instant.EPOCH, 5);
            assertEquals(3, st.questions());
            assertEquals(2, st.inline());
        }
        List<String> chats = column("SELECT chat FROM questions ORDER BY id");
        assertTrue(chats.get(0).matches("[0-9a-f]{32}"), chats.get(0));
        assertTrue(chats.get(1).matches("inline:[0-9a-f]{32}"), chats.get(1));
        assertEquals(chats.get(1), chats.get(2), "one person's inline questions are linked, as a chat's are");
        assertFalse(chats.get(1).endsWith(chats.get(0)), "and not to their private chat");
    }

    @Test
    void countsAVoteOncePerPersonAndEntryAndEveryEntryOfAnAnswerOfSeveral() throws Exception {
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            assertEquals(Optional.of(true), j.vote("a", List.of("medical.stent-price"), true));
            assertEquals(Optional.of(false), j.vote("a", List.of("medical.stent-price"), true));
            assertEquals(Optional.of(false), j.vote("a", List.of("medical.stent-price"), false));
            assertEquals(Optional.of(true), j.vote("b", List.of("medical.stent-price"), true));
            assertEquals(Optional.of(true), j.vote("a", List.of("employment.urban-new-jobs",
                    "employment.rural-labor-transfer"), true));
            Journal.Stats st = j.stats(Instant.EPOCH, 5);
            assertEquals(3, st.helpful(), "b on the stent; a on each of the two employment entries");
            assertEquals(1, st.unhelpful(), "a changed their mind on the stent");
        }
        assertEquals(List.of("employment.rural-labor-transfer", "employment.urban-new-jobs", "medical.stent-price",
                "medical.stent-price"), column("SELECT entry FROM votes ORDER BY entry"));
    }

    @Test
    void remembersTheUpdatesAnsweredAcrossAReopenAndForgetsThemAfterTwoDays() throws Exception {
        Instant start = Instant.parse("2026-03-01T08:00:00Z");
        try (Journal j = Journal.open(data, Clock.fixed(start, java.time.ZoneOffset.UTC))) {
            assertFalse(j.wasAnswered(777000, 880001));
            j.answered(777000, 880001);
            j.answered(777000, 880001);
            assertTrue(j.wasAnswered(777000, 880001));
            assertFalse(j.wasAnswered(777000, 880002));
            assertFalse(j.wasAnswered(777001, 880001), "another bot's updates count apart");
        }
        try (Journal restarted = Journal.open(data, Clock.fixed(start.plusSeconds(3600), java.time.ZoneOffset.UTC))) {
            assertTrue(restarted.wasAnswered(777000, 880001), "a restart still knows it");
        }
        try (Journal later = Journal.open(data, Clock.fixed(start.plus(Journal.ANSWERED_KEPT).plusSeconds(1),
                java.time.ZoneOffset.UTC))) {
            assertFalse(later.wasAnswered(777000, 880001), "Telegram redelivers nothing that old");
        }
    }

    @Test
    void aVersionOneFileIsMigratedToVersionTwoWithEachVoteOnSeveralEntriesKeptPerEntry() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Journal.FILE_NAME));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE questions (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, chat TEXT NOT NULL,"
                    + " question TEXT NOT NULL, outcome TEXT NOT NULL, entries TEXT NOT NULL, score REAL NOT NULL,"
                    + " candidates TEXT NOT NULL)");
            s.execute("CREATE INDEX questions_by_time ON questions (at)");
            s.execute("CREATE TABLE votes (chat TEXT NOT NULL, answer TEXT NOT NULL, helpful INTEGER NOT NULL,"
                    + " at INTEGER NOT NULL, PRIMARY KEY (chat, answer))");
            s.execute("CREATE TABLE admin_actions (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, admin TEXT NOT NULL,"
                    + " action TEXT NOT NULL, detail TEXT NOT NULL, outcome TEXT NOT NULL)");
            s.execute("INSERT INTO questions (at, chat, question, outcome, entries, score, candidates) VALUES"
                    + " (1, 'h1', '低保有多少人', 'SUGGEST', '', 0.5, '')");
            // h1 voted on an answer of two entries, later on one of them alone; h2 on one entry.
            s.execute("INSERT INTO votes VALUES ('h1', 'assistance.urban-dibao+assistance.rural-dibao', 1, 10),"
                    + " ('h1', 'assistance.rural-dibao', 0, 20), ('h2', 'medical.stent-price', 1, 15)");
            s.execute("PRAGMA user_version = 1");
        }
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            assertEquals(Journal.SCHEMA_VERSION, j.schemaVersion());
            assertFalse(j.wasAnswered(777000, 1));
            Journal.Stats st = j.stats(Instant.EPOCH, 5);
            assertEquals(2, st.helpful());
            assertEquals(1, st.unhelpful());
        }
        assertEquals(List.of("h1 assistance.rural-dibao 0", "h1 assistance.urban-dibao 1", "h2 medical.stent-price 1"),
                column("SELECT voter || ' ' || entry || ' ' || helpful FROM votes ORDER BY voter, entry"));
        assertEquals(List.of("低保有多少人"), column("SELECT question FROM questions"));
    }

    @Test
    void aVersionTwoFileIsMigratedToThreeKeepingItsRowsAsPlainAnswersAndItsVotesWithNoQuestion() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Journal.FILE_NAME));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE questions (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, chat TEXT NOT NULL,"
                    + " question TEXT NOT NULL, outcome TEXT NOT NULL, entries TEXT NOT NULL, score REAL NOT NULL,"
                    + " candidates TEXT NOT NULL)");
            s.execute("CREATE TABLE admin_actions (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, admin TEXT NOT NULL,"
                    + " action TEXT NOT NULL, detail TEXT NOT NULL, outcome TEXT NOT NULL)");
            s.execute("CREATE TABLE answered_updates (bot INTEGER NOT NULL, update_id INTEGER NOT NULL,"
                    + " at INTEGER NOT NULL, PRIMARY KEY (bot, update_id))");
            s.execute("CREATE TABLE votes (voter TEXT NOT NULL, entry TEXT NOT NULL, helpful INTEGER NOT NULL,"
                    + " at INTEGER NOT NULL, PRIMARY KEY (voter, entry))");
            s.execute("INSERT INTO questions (at, chat, question, outcome, entries, score, candidates) VALUES"
                    + " (1, 'h1', '运城的低保户有多少', 'ANSWER', 'assistance.urban-dibao', 0.6, ''),"
                    + " (2, 'h1', '技能培训多少人次', 'SUGGEST', '', 0.5,"
                    + " 'employment.offline-training:0.500,employment.online-training:0.480')");
            s.execute("INSERT INTO votes VALUES ('h1', 'assistance.urban-dibao', 0, 3)");
            s.execute("PRAGMA user_version = 2");
        }
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            assertEquals(3, j.schemaVersion());
            List<Journal.Row> rows = j.rows(Instant.EPOCH, 10);
            assertEquals(List.of(new Journal.Row(1, Instant.ofEpochMilli(1), "h1", "运城的低保户有多少",
                    Journal.Outcome.ANSWER, List.of("assistance.urban-dibao"), null), new Journal.Row(2,
                    Instant.ofEpochMilli(2), "h1", "技能培训多少人次", Journal.Outcome.SUGGEST,
                    List.of("employment.offline-training", "employment.online-training"), null)), rows,
                    "no caveat was recorded before 3; a choice's entries come from its candidates");
            assertEquals(List.of(new Journal.Vote("assistance.urban-dibao", false, Instant.ofEpochMilli(3), null)),
                    j.votes(Instant.EPOCH));
            assertEquals(List.of(), j.marks());
        }
    }

    @Test
    void recordsEachAnswersCaveatAndTiesAVoteToTheAnswerInTheVotersOwnChat() throws Exception {
        Reply caveated = new Reply(Reply.Kind.ANSWER, List.of("assistance.urban-dibao"), 0.6, "报道只给出山西省全省的数字……",
                List.of(), List.of(), List.of(), List.of(), "place");
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            j.record("tg:3001", "运城的低保户有多少", caveated);
            j.record("tg:3001", "心脏支架降价后多少钱", answered("medical.stent-price"));
            j.vote("tg:3001", List.of("assistance.urban-dibao"), false);
            j.vote("tg:4004", List.of("medical.stent-price"), true);
            List<Journal.Row> rows = j.rows(Instant.EPOCH, 10);
            assertEquals("place", rows.get(0).caveat());
            assertTrue(rows.get(0).caveated());
            assertFalse(rows.get(1).caveated());
            List<Journal.Vote> votes = j.votes(Instant.EPOCH);
            assertEquals(rows.get(0).id(), votes.get(0).question(), "the voter's own answer with that entry");
            assertEquals(null, votes.get(1).question(), "a vote on an answer the voter's chat never got");
            Journal.Stats st = j.stats(Instant.EPOCH, 5);
            assertEquals(1, st.answered());
            assertEquals(1, st.caveated());
        }
    }

    @Test
    void theDatabaseItsWalAndTheSaltAreReadableByTheirOwnerOnly() throws Exception {
        Path dir = data.resolve("fresh");
        try (Journal j = Journal.open(dir, Clock.systemUTC())) {
            j.record("chat-1", "低保有多少人", declined());
            assertEquals("rwx------", permissions(dir));
            for (String name : List.of(Journal.FILE_NAME, Journal.FILE_NAME + "-wal", Journal.FILE_NAME + "-shm",
                    Journal.SALT_FILE_NAME)) {
                assertEquals("rw-------", permissions(dir.resolve(name)), name);
            }
        }
    }

    private static String permissions(Path p) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void countsQuestionsByOutcomeAndPicksTowardTheirEntry() throws Exception {
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            j.record("a", "心脏支架多少钱", answered("medical.stent-price"));
            j.record("a", "低保有多少人", new Reply(Reply.Kind.SUGGEST, List.of(), 0.5, "您是想问", List.of(),
                    List.of(), List.of(), List.of()));
            j.picked("a", "2", answered("assistance.rural-dibao"));
            j.record("b", "明天天气怎么样", declined());
            Journal.Stats st = j.stats(Instant.EPOCH, 5);
            assertEquals(3, st.questions());
            assertEquals(1, st.answered());
            assertEquals(1, st.suggested());
            assertEquals(1, st.declined());
            assertEquals(2, st.topEntries().size());
            assertEquals(2, j.unanswered(Instant.EPOCH, 10).size());
        }
    }

    @Test
    void aDatabaseAnotherProcessHoldsIsLoggedAndTheBotGoesOn() throws Exception {
        CapturedLog log = new CapturedLog();
        log.capture();
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            assertTrue(j.record("a", "低保有多少人", declined()));
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Journal.FILE_NAME));
                    Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                long start = System.nanoTime();
                assertFalse(j.record("a", "养老金涨了多少", declined()));
                assertTrue(System.nanoTime() - start < 10_000_000_000L, "a held file must not hold the reply");
                s.execute("ROLLBACK");
            }
            assertTrue(j.record("a", "残疾人补贴多少", declined()));
        }
        assertEquals(List.of("低保有多少人", "残疾人补贴多少"), column("SELECT question FROM questions ORDER BY id"));
        assertTrue(log.text().contains("ERROR Journal - journal: could not record a question in "
                + data.resolve(Journal.FILE_NAME) + " ([SQLITE_BUSY]"), log.text());
        assertTrue(log.text().contains("the bot keeps answering"), log.text());
        log.restore();
    }

    @Test
    void aFileFromANewerReleaseIsLeftUntouched() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Journal.FILE_NAME));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        CapturedLog log = new CapturedLog();
        log.capture();
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            assertFalse(j.record("a", "低保有多少人", declined()));
        }
        assertTrue(log.text().contains("ERROR Journal - journal: could not open in " + data.resolve(Journal.FILE_NAME)
                + " (" + data.resolve(Journal.FILE_NAME) + " was written by a newer release (schema 99, this release"
                + " knows " + Journal.SCHEMA_VERSION + "); it is left untouched)"), log.text());
        log.restore();
        assertEquals(List.of("99"), column("PRAGMA user_version"));
        assertEquals(List.of(), column("SELECT name FROM sqlite_master WHERE name = 'questions'"));
    }
}
