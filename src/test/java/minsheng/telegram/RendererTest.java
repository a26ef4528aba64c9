package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** HTML for Telegram: escaped, figures in bold, split within 4096 characters; and the flood guard's counting. */
class RendererTest {

    private final Renderer renderer = new Renderer();

    @Test
    void escapesKnowledgeTextAndBoldsEveryFigureButNotInTheCitation() {
        String text = "2020年低保标准<提高>到每人每月600元 & 更多；2020年是关键一年。\n\n"
                + "来源：民生资讯网《山西省2020年民生工作报道》「兜牢民生底线」部分，第3段";
        List<String> html = renderer.html(text, List.of("2020年", "600元"));
        assertEquals(List.of("<b>2020年</b>低保标准&lt;提高&gt;到每人每月<b>600元</b> &amp; 更多；<b>2020年</b>是关键一年。\n\n"
                + "<i>来源：民生资讯网《山西省2020年民生工作报道》「兜牢民生底线」部分，第3段</i>"), html);
    }

    @Test
    void theLongerOfTwoOverlappingFiguresWins() {
        assertEquals(List.of("均价在<b>1.3万元左右</b>"), renderer.html("均价在1.3万元左右", List.of("1.3万元", "1.3万元左右")));
    }

    @Test
    void splitsLongRepliesAtLineBreaksNeverInsideATag() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("第").append(i).append("行：低保标准提高到600元\n");
        }
        List<String> parts = renderer.html(text.toString(), List.of("600元"));
        assertTrue(parts.size() > 1);
        StringBuilder joined = new StringBuilder();
        for (String p : parts) {
            assertTrue(p.length() <= 4096, "within the limit: " + p.length());
            assertEquals(p.split("<b>", -1).length, p.split("</b>", -1).length, "tags balanced in each part");
            assertTrue(p.endsWith("</b>"), "ends at a line end");
            joined.append(joined.length() == 0 ? "" : "\n").append(p);
        }
        assertEquals(text.toString().strip(), Renderer.plain(joined.toString()));
    }

    @Test
    void cutsALineLongerThanTheLimitOutsideEntitiesAndSurrogatePairs() {
        Renderer small = new Renderer(10);
        List<String> parts = small.html("ab&&&&&&&&cd🙂🙂🙂🙂🙂🙂");
        for (String p : parts) {
            assertTrue(p.length() <= 10, p);
            assertTrue(!p.isEmpty() && !Character.isLowSurrogate(p.charAt(0)), p);
            assertTrue(p.lastIndexOf('&') < 0 || p.indexOf(';', p.lastIndexOf('&')) > 0, p);
        }
        assertEquals("ab&&&&&&&&cd🙂🙂🙂🙂🙂🙂", Renderer.plain(String.join("", parts)));
    }

    @Test
    void plainTextUndoesTheMarkup() {
        assertEquals("a<b>&\"c\"", Renderer.plain("<b>a&lt;b&gt;</b>&amp;&quot;c&quot;"));
    }

    @Test
    void theFloodGuardCountsInASlidingWindowAndPausesAfterTheNotice() {
        AtomicLong now = new AtomicLong();
        Ticker ticker = now::get;
        FloodGuard guard = new FloodGuard(Harness.FAST.floodLimit(), Harness.FAST, ticker);
        for (int i = 0; i < 20; i++) {
            assertEquals(FloodGuard.Verdict.PASS, guard.check(1));
            now.addAndGet(Duration.ofSeconds(2).toNanos());
        }
        // 20 messages in 40 s: the 21st within the minute of the first is a flood.
        assertEquals(FloodGuard.Verdict.NOTICE, guard.check(1));
        assertEquals(FloodGuard.Verdict.DROP, guard.check(1));
        assertEquals(FloodGuard.Verdict.PASS, guard.check(2), "others are not affected");
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertEquals(FloodGuard.Verdict.PASS, guard.check(1));
    }

    @Test
    void twentyMessagesSpreadOverMoreThanAMinuteAreNoFlood() {
        AtomicLong now = new AtomicLong();
        FloodGuard guard = new FloodGuard(Harness.FAST.floodLimit(), Harness.FAST, now::get);
        for (int i = 0; i < 100; i++) {
            assertEquals(FloodGuard.Verdict.PASS, guard.check(1), "message " + i);
            now.addAndGet(Duration.ofSeconds(4).toNanos());
        }
    }
}
