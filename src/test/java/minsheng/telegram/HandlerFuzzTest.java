package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random Unicode through the whole update handler against the fake Bot API, which refuses (400) what Telegram
 * refuses: every message gets exactly one reply, sent in HTML parse mode that parses, under 4096 characters. Repeatable:
 * the seed is fixed (or {@code -Dminsheng.fuzz.seed}); {@code -Dminsheng.fuzz.messages} sends more.
 */
class HandlerFuzzTest {

    private static final long SEED = Long.getLong("minsheng.fuzz.seed", 20201231L);
    private static final int MESSAGES = Integer.getInteger("minsheng.fuzz.messages", 60);

    private static final String[] PIECES = {
        "低保", "心脏支架", "多少钱", "农村", "😀", "👨‍👩‍👧‍👦", "🇨🇳", "\u200F", "\u202E", "שלום", "e\u0301\u0301\u0301",
        "\u0007", "\u001B[31m", "\t", "\u2028", "\uFEFF", "\uD800", "\uDC00", "<b>", "</b>", "<script>alert(1)</script>",
        "<a href=\"javascript:x\">点我</a>", "&amp;", "&lt;", "&", "<", ">", "*粗体*", "_斜体_", "[链接](http://x.cn)",
        "`代码`", "||剧透||", "{\"text\":\"低保\"}", "{\"ok\":false}", "/start", "/ask", "@MinshengTestBot", "1", "？"};

    @Test
    void everyRandomMessageGetsOneWellFormedHtmlReplyUnder4096Characters() throws Exception {
        Random random = new Random(SEED);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            StringBuilder m = new StringBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                m.append(PIECES[random.nextInt(PIECES.length)]);
            }
            messages.add(m.toString());
        }
        messages.add("低保".repeat(2048)); // as long as Telegram lets a message be
        messages.add("<b>" + "&".repeat(4000));
        try (Harness h = new Harness().start()) {
            // One message per user, so the flood guard never speaks; the reply is the handler's own.
            for (int i = 0; i < messages.size(); i++) {
                h.api.text(900_000 + i, messages.get(i));
            }
            for (int i = 0; i < messages.size(); i++) {
                List<FakeBotApi.Sent> sent = h.api.awaitSent(900_000 + i, 1, Duration.ofSeconds(30));
                FakeBotApi.Sent reply = sent.get(0);
                String shown = messages.get(i).length() > 40 ? messages.get(i).substring(0, 40) : messages.get(i);
                assertEquals("HTML", reply.parseMode(), "sent as HTML that parsed (no plain-text fallback): " + shown);
                assertTrue(reply.text().length() <= 4096, shown);
                assertTrue(!reply.plainText().isBlank(), shown);
            }
            Thread.sleep(300);
            for (int i = 0; i < messages.size(); i++) {
                assertEquals(1, h.api.sent(900_000 + i).size(), "one reply to: " + messages.get(i));
            }
        }
    }
}
