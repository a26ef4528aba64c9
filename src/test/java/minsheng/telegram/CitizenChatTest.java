package minsheng.telegram;

import static minsheng.telegram.Harness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minsheng.answer.Messages;
import minsheng.knowledge.Entry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a citizen receives in a private chat, end to end through the real client and the fake Bot API. */
class CitizenChatTest {

    private static final long USER = 1001;
    private static final String CITATION = "来源：民生资讯网《山西省2020年民生工作报道》";

    private Harness h;

    @BeforeEach
    void start() throws Exception {
        h = new Harness().start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Entry entry(String id) {
        return Harness.shipped().knowledge().entry(id).orElseThrow();
    }

    @Test
    void answersTheStentPriceWithItsFiguresInBoldAndTheCitation() throws Exception {
        h.api.text(USER, "心脏支架现在多少钱");
        FakeBotApi.Sent reply = h.api.awaitSent(USER, 1, WAIT).get(0);
        Entry stent = entry("medical.stent-price");
        String body = stent.answer().replace("700余元", "<b>700余元</b>").replace("1.3万元左右", "<b>1.3万元左右</b>");
        assertEquals(body + "\n\n<i>" + CITATION + "「开篇」部分，第1段</i>", reply.text());
        assertEquals("HTML", reply.parseMode());
        assertNull(reply.replyTo(), "a private chat needs no reply quote");
        assertEquals(stent.related().stream().map(id -> "a:" + id).toList(), reply.buttonData());
        assertEquals(stent.related().stream().map(id -> entry(id).standardQuestion()).toList(), reply.buttonTexts());
    }

    @Test
    void offersAChoiceAsButtonsAndAnswersTheTappedOne() throws Exception {
        h.api.text(USER, "低保有多少人");
        FakeBotApi.Sent choice = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertEquals("您是想问下面哪一个？\n1. 农村低保保障了多少人\n2. 城市低保保障了多少人\n"
                + "回复序号即可查看答案，也可以换个说法再问。", choice.text());
        assertEquals(List.of("1. 农村低保保障了多少人", "2. 城市低保保障了多少人"), choice.buttonTexts());
        assertEquals(List.of("a:assistance.rural-dibao", "a:assistance.urban-dibao"), choice.buttonData());

        String tap = h.api.callback(USER, USER, choice.messageId(), "a:assistance.urban-dibao");
        FakeBotApi.Sent answer = h.api.awaitSent(USER, 2, WAIT).get(1);
        assertEquals(List.of(tap), h.api.awaitCallbackAnswers(1, WAIT));
        assertTrue(answer.plainText().startsWith(entry("assistance.urban-dibao").answer()), answer.text());
    }

    @Test
    void typingTheNumberOfAChoiceAnswersIt() throws Exception {
        h.api.text(USER, "低保有多少人");
        h.api.awaitSent(USER, 1, WAIT);
        h.api.text(USER, "1");
        FakeBotApi.Sent answer = h.api.awaitSent(USER, 2, WAIT).get(1);
        assertTrue(answer.plainText().startsWith(entry("assistance.rural-dibao").answer()), answer.text());
    }

    @Test
    void declinesTheWeatherPlainlyWithTopicButtonsAndTheHotline() throws Exception {
        h.api.text(USER, "明天天气怎么样");
        FakeBotApi.Sent reply = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertEquals(Harness.shipped().reply("明天天气怎么样").text(), reply.text());
        assertTrue(reply.text().contains("12345"));
        List<String> topics = Harness.shipped().knowledge().topics().stream().map(t -> t.label()).toList();
        assertEquals(topics, reply.buttonTexts());
        assertEquals(Harness.shipped().knowledge().topics().stream().map(t -> "t:" + t.name()).toList(),
                reply.buttonData());
        assertEquals(2, reply.buttons().get(0).size(), "two topics a row");
    }
}
