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
import minsheng.answer.Reply;
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
    void countsAVoteOncePerChatAndAnswer() throws Exception {
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            assertEquals(Optional.of(true), j.vote("a", "medical.stent-price", true));
            assertEquals(Optional.of(false), j.vote("a", "medical.stent-price", true));
            assertEquals(Optional.of(false), j.vote("a", "medical.stent-price", false));
            assertEquals(Optional.of(true), j.vote("b", "medical.stent-price", true));
            assertEquals(Optional.of(true), j.vote("a", "employment.urban-new-jobs", true));
            Journal.Stats st = j.stats(Instant.EPOCH, 5);
            assertEquals(2, st.helpful());
            assertEquals(1, st.unhelpful());
        }
    }

    @Test
    void countsQuestionsByOutcomeAndPicksTowardTheirEntry() throws Exception {
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            j.record("a", "心脏支架多少钱", answered("medical.stent-price"));
            j.record("a", "低保有多少人", new Reply(Reply.Kind.SUGGEST, List.of(), 0.5, "您是想问", List.of(),
                    List.of(), List.of(), List.of()));
            j.record("a", "2", answered("assistance.rural-dibao"));
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
    }

    @Test
    void aFileFromANewerReleaseIsLeftUntouched() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Journal.FILE_NAME));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        try (Journal j = Journal.open(data, Clock.systemUTC())) {
            assertFalse(j.record("a", "低保有多少人", declined()));
        }
        assertEquals(List.of("99"), column("PRAGMA user_version"));
        assertEquals(List.of(), column("SELECT name FROM sqlite_master WHERE name = 'questions'"));
    }
}
