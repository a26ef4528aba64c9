package minsheng.admin;

import static minsheng.admin.AdminFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /export}: a CSV a spreadsheet opens with its Chinese intact, read back here by a real CSV parser. */
class ExportTest {

    @TempDir
    Path root;
    AdminFixture bot;

    @BeforeEach
    void start() throws Exception {
        bot = new AdminFixture(root);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private static List<CSVRecord> read(byte[] csv) throws Exception {
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3),
                "UTF-8 with a byte-order mark, or Excel shows the Chinese as mojibake");
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    @Test
    void theMonthsQuestionsReadBackRowByRowWithOutcomeEntryCaveatAndVoteAndNoChat() throws Exception {
        bot.conversations.reply("tg:3001", "运城的低保户有多少");
        bot.conversations.reply("tg:3002", "心脏支架降价后多少钱");
        new Feedback(bot.journal, bot.current).vote("tg:3002", "vote:0:medical.stent-price");
        bot.conversations.reply("tg:3003", "技能培训多少人次");
        bot.conversations.reply("tg:3003", "2");
        bot.conversations.reply("tg:3004", "我电话13812345678，\"低保\"，怎么,申请\n急");
        bot.conversations.reply("tg:3005", "=HYPERLINK(\"http://x\")低保多少人");

        Response r = bot.desk.command(ADMIN, "export", "");
        Response.Attachment file = r.attachment();
        assertFalse(file.picture(), "a document to download");
        assertTrue(file.fileName().matches("questions-\\d{4}-\\d{2}-\\d{2}-to-\\d{4}-\\d{2}-\\d{2}\\.csv"),
                file.fileName());
        assertTrue(r.text().startsWith("最近 30 天（"), r.text());
        assertTrue(r.text().contains("时间按 Asia/Shanghai）的提问，共 6 条。"), r.text());

        List<CSVRecord> rows = read(file.bytes());
        assertEquals(List.of("时间", "问题（个人号码已遮盖）", "结果", "条目", "说明", "评价"), rows.get(0).toList());
        assertEquals(7, rows.size());
        for (CSVRecord row : rows.subList(1, rows.size())) {
            assertEquals(6, row.size(), row.toString());
            assertTrue(row.get(0).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), row.get(0));
        }
        assertEquals(List.of("运城的低保户有多少", "带说明回答", "assistance.urban-dibao", "地方：报道没有问到的那个地方的数字", ""),
                rows.get(1).toList().subList(1, 6));
        assertEquals(List.of("心脏支架降价后多少钱", "直接回答", "medical.stent-price", "", "没用"),
                rows.get(2).toList().subList(1, 6));
        assertEquals(List.of("技能培训多少人次", "给出选项", "employment.offline-training employment.online-training", "",
                ""), rows.get(3).toList().subList(1, 6));
        assertEquals(List.of("2", "从选项里选的回答", "employment.online-training", "", ""),
                rows.get(4).toList().subList(1, 6));
        assertEquals("我电话[电话]，\"低保\"，怎么,申请\n急", rows.get(5).get(1),
                "masked, and the quote, comma and line break survive the round trip");
        assertEquals("'=HYPERLINK(\"http://x\")低保多少人", rows.get(6).get(1),
                "a spreadsheet must not run a citizen's text as a formula");

        String all = new String(file.bytes(), StandardCharsets.UTF_8);
        assertFalse(all.contains(bot.journal.chatHash("tg:3001")), "never a chat hash");
        assertFalse(all.matches("(?s).*\\b[0-9a-f]{32}\\b.*"), "nothing that looks like one either");
    }

    @Test
    void exportTakesANumberOfDaysAndRefusesOthersWithItsUsage() {
        bot.conversations.reply("tg:3001", "心脏支架降价后多少钱");
        assertTrue(bot.desk.command(ADMIN, "export", "1").text().contains("的提问，共 1 条。"));
        String usage = "用法：/export [天数]，天数是 1 到 366 之间的数字，不写默认导出最近 30 天。";
        assertEquals(usage, bot.desk.command(ADMIN, "export", "0").text());
        assertEquals(usage, bot.desk.command(ADMIN, "export", "一个月").text());
    }
}
