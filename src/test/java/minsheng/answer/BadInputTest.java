package minsheng.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever a citizen sends — emoji, right-to-left marks, stacked accents, control characters, half a surrogate pair,
 * HTML or Markdown, JSON, 100 KB of text — the engine answers with a well-formed reply that fits one Telegram
 * message, HTML-escaped. Random but repeatable: the seed is fixed (or {@code -Dminsheng.fuzz.seed}), and
 * {@code -Dminsheng.fuzz.cases} runs more.
 */
class BadInputTest {

    /** Telegram's limit on one message. */
    private static final int MESSAGE_LIMIT = 4096;
    private static final long SEED = Long.getLong("minsheng.fuzz.seed", 20201231L);
    private static final int CASES = Integer.getInteger("minsheng.fuzz.cases", 400);

    private static final String[] PIECES = {
        "低保", "心脏支架", "多少钱", "2020年", "农村", "养老金涨了多少", "百分之七十", "一万三", "？", "，", " ",
        "😀", "👨‍👩‍👧‍👦", "🇨🇳", "🏳️‍🌈", "\u200F", "\u200E", "\u202E", "\u2066", "\u061C", "שלום", "مرحبا",
        "e\u0301\u0301\u0301\u0301", "\u0338\u0336\u0335", "Z\u0351\u0352\u0353\u0354", "\u0000", "\u0007", "\u001B[31m",
        "\r\n", "\t", "\u0085", "\u2028", "\u2029", "\uFEFF", "\uD800", "\uDC00", "\uDBFF\uDBFF", "\uDFFF\uD800",
        "<b>", "</b>", "<script>alert(1)</script>", "<a href=\"javascript:x\">点我</a>", "&amp;", "&lt;", "&#x41;",
        "<pre><code>", "*粗体*", "_斜体_", "[链接](http://example.com)", "`代码`", "~~删~~", "||剧透||", "\\",
        "{\"text\":\"低保\"}", "[1,2,3]", "{\"a\":{\"b\":null}}", "null", "'; DROP TABLE questions;--", "%s%n%d",
        "${jndi:ldap://x}", "../../etc/passwd", "ＡＥＤ", "①②③", "Ⅻ", "〇", "𠀀𪚥", "龘", "¼", "ﷺ", "\u3000"};

    private static Snapshot snapshot;

    @BeforeAll
    static void load() throws KnowledgeException {
        snapshot = Snapshot.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
    }

    @Test
    void everyRandomMessageGetsAWellFormedReplyThatFitsOneMessage() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String message = message(random, 1 + random.nextInt(12));
            check(message, snapshot.reply(message));
            check(message, snapshot.explain(message).reply());
        }
    }

    @Test
    void hundredKilobyteMessagesGetAWellFormedReply() {
        Random random = new Random(SEED + 1);
        List<String> huge = new ArrayList<>();
        huge.add("低保".repeat(50_000));
        huge.add("一二三四五六七八九十百千万亿点".repeat(7_200));
        huge.add("9".repeat(100_000));
        huge.add("😀".repeat(50_000));
        huge.add("\uD800".repeat(100_000));
        huge.add("e\u0301".repeat(50_000));
        huge.add("<b>" .repeat(33_000));
        StringBuilder mixed = new StringBuilder();
        while (mixed.length() < 100_000) {
            mixed.append(PIECES[random.nextInt(PIECES.length)]);
        }
        huge.add(mixed.toString());
        StringBuilder han = new StringBuilder();
        while (han.length() < 100_000) {
            han.appendCodePoint(0x4E00 + random.nextInt(0x9FFF - 0x4E00));
        }
        huge.add(han.toString());
        for (String message : huge) {
            check(message, snapshot.reply(message));
        }
    }

    @Test
    void randomCodePointsFromAllOfUnicodeGetAWellFormedReply() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < CASES; i++) {
            StringBuilder message = new StringBuilder();
            for (int n = random.nextInt(40); n >= 0; n--) {
                int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
                if (Character.isBmpCodePoint(cp)) {
                    message.append((char) cp); // lone surrogates included
                } else {
                    message.appendCodePoint(cp);
                }
            }
            check(message.toString(), snapshot.reply(message.toString()));
        }
    }

    @Test
    void aRealQuestionWrappedInMarkupStillGetsItsAnswer() {
        Reply r = snapshot.reply("<b>心脏支架现在多少钱</b>");
        assertEquals(Reply.Kind.ANSWER, r.kind(), r.text());
        assertEquals("medical.stent-price", r.entryId());
    }

    private static String message(Random random, int pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    private static void check(String message, Reply reply) {
        String shown = message.length() > 40 ? message.substring(0, 40) + "…(" + message.length() + ")" : message;
        assertNotNull(reply, shown);
        String text = reply.text();
        assertFalse(text.isBlank(), shown);
        assertTrue(html(text).length() <= MESSAGE_LIMIT, shown + ": " + html(text).length() + " characters");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\n')) {
                fail(shown + ": reply holds U+" + Integer.toHexString(c));
            }
        }
        if (reply.kind() == Reply.Kind.ANSWER) {
            assertFalse(reply.entryIds().isEmpty(), shown);
        }
        if (reply.kind() == Reply.Kind.SUGGEST) {
            assertFalse(reply.suggestions().isEmpty(), shown);
        }
    }

    /** The reply as sent in Telegram's HTML parse mode, where &, < and > are written as entities. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
