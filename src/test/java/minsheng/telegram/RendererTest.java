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
    void escapesKnowledgeTextAndBoldsTheFiguresButNotInTheCitation() {
        String text = "低保标准<提高>到每人每月600元 & 更多，惠及26.4万人。\n\n"
                + "来源：民生资讯网《山西省2020年民生工作报道》「兜牢民生底线」部分，第3段";
        List<String> html = renderer.html(text, List.of("600元", "26.4万人"));
        assertEquals(List.of("低保标准&lt;提高&gt;到每人每月<b>600元</b> &amp; 更多，惠及<b>26.4万人</b>。\n\n"
                + "<i>来源：民生资讯网《山西省2020年民生工作报道》「兜牢民生底线」部分，第3段</i>"), html);
    }

    @Test
    void aYearThatOnlySaysWhenIsNotBold() {
        assertEquals(List.of("2020年城镇新增就业人数达<b>48.77万人</b>，年度目标完成度达<b>106%</b>。"),
                renderer.html("2020年城镇新增就业人数达48.77万人，年度目标完成度达106%。",
                        List.of("48.77万人", "106%", "2020年")));
        assertEquals(List.of("2020年，山西婚检率提高到<b>72.66%</b>，2019年只有<b>5.46%</b>，进入了全国第一方阵。"),
                renderer.html("2020年，山西婚检率提高到72.66%，2019年只有5.46%，进入了全国第一方阵。",
                        List.of("2020年", "72.66%", "2019年", "5.46%")));
    }

    @Test
    void aDateGivenAsTheAnswerIsBoldAsOneSpanAndSoIsAYearWhenItIsAllTheReplyGives() {
        assertEquals(List.of("山西第一笔城乡居民补充养老金于<b>2021年1月15日</b>在晋城市沁水县发放，当地<b>25148名</b>65周岁以上的城乡"
                + "老年居民领到了这笔钱。"), renderer.html("山西第一笔城乡居民补充养老金于2021年1月15日在晋城市沁水县发放，当地25148名65周岁"
                + "以上的城乡老年居民领到了这笔钱。", List.of("2021年", "1月15日", "25148名", "65周岁")));
        assertEquals(List.of("郑太高铁于<b>2020年</b>开通运行；报道没有写开通的具体日期。"),
                renderer.html("郑太高铁于2020年开通运行；报道没有写开通的具体日期。", List.of("2020年")));
    }

    @Test
    void everyBoldSpanOfEveryShippedAnswerIsOneFigure() {
        java.util.regex.Pattern bold = java.util.regex.Pattern.compile("<b>([^<]*)</b>");
        for (minsheng.knowledge.Entry e : Harness.shipped().knowledge().entries()) {
            minsheng.answer.Reply r = Harness.shipped().answer(e.id()).orElseThrow();
            for (String html : renderer.html(r.text(), r.figures())) {
                assertTrue(!html.contains("</b><b>"), html);
                java.util.regex.Matcher m = bold.matcher(html);
                while (m.find()) {
                    String span = Renderer.plain(m.group(1));
                    boolean date = r.figures().stream().anyMatch(y -> y.matches("[0-9]{4}年") && span.startsWith(y)
                            && r.figures().contains(span.substring(y.length())));
                    assertTrue(r.figures().contains(span) || date, e.id() + ": " + span + " in " + html);
                }
            }
        }
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
