package minsheng.telegram;

import static minsheng.telegram.Harness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import minsheng.answer.Conversations;
import minsheng.answer.Reply;
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
        // Exactly the entry's answer with its two figures in bold and the citation in italics (after any caveat the
        // engine puts first, such as what the report does not state about "now").
        assertTrue(reply.text().endsWith(body + "\n\n<i>" + CITATION + "「开篇」部分，第1段</i>"), reply.text());
        assertEquals(Harness.reply("心脏支架现在多少钱"), reply.plainText());
        assertEquals("HTML", reply.parseMode());
        assertNull(reply.replyTo(), "a private chat needs no reply quote");
        assertEquals(stent.related().stream().map(id -> "a:" + id).toList(), reply.buttonData());
        List<String> labels = new ArrayList<>(stent.related().stream().map(id -> entry(id).standardQuestion()).toList());
        labels.add("转发给家人");
        assertEquals(labels, reply.buttonTexts(), "the follow-ups, then the share button");
    }

    @Test
    void offersAChoiceAsButtonsAndAnswersTheTappedOne() throws Exception {
        Reply expected = new Conversations(Harness::shipped).reply("expected", "技能培训多少人次");
        assertEquals(Reply.Kind.SUGGEST, expected.kind(), "the engine offers offline or online training");
        h.api.text(USER, "技能培训多少人次");
        FakeBotApi.Sent choice = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertEquals(expected.text(), choice.plainText());
        assertTrue(choice.text().startsWith("您是想问下面哪一个？\n1. "), choice.text());
        List<String> labels = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (Reply.Suggestion s : expected.suggestions()) {
            labels.add((labels.size() + 1) + ". " + s.question());
            data.add("a:" + s.entryId());
        }
        assertEquals(labels, choice.buttonTexts());
        assertEquals(data, choice.buttonData());
        assertTrue(data.contains("a:employment.online-training"), data.toString());

        String tap = h.api.callback(USER, USER, choice.messageId(), "a:employment.online-training");
        FakeBotApi.Sent answer = h.api.awaitSent(USER, 2, WAIT).get(1);
        assertEquals(List.of(tap), h.api.awaitCallbackAnswers(1, WAIT));
        assertTrue(answer.plainText().startsWith(entry("employment.online-training").answer()), answer.text());
    }

    @Test
    void typingTheNumberOfAChoiceAnswersIt() throws Exception {
        h.api.text(USER, "技能培训多少人次");
        h.api.awaitSent(USER, 1, WAIT);
        h.api.text(USER, "1");
        FakeBotApi.Sent answer = h.api.awaitSent(USER, 2, WAIT).get(1);
        assertTrue(answer.plainText().startsWith(entry("employment.offline-training").answer()), answer.text());
    }

    @Test
    void declinesAFigureAboutAnotherSubjectWithButtonsForWhatTheReportSaysAboutIt() throws Exception {
        h.api.text(USER, "低保一个月给多少钱");
        FakeBotApi.Sent reply = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertFalse(reply.plainText().contains("175.6"), reply.text());
        assertTrue(reply.buttonData().contains("a:assistance.urban-dibao"), reply.buttonData().toString());
        assertTrue(reply.buttonData().stream().noneMatch(d -> d.startsWith("t:")), reply.buttonData().toString());
    }

    @Test
    void declinesTheWeatherPlainlyWithTopicButtonsAndTheHotline() throws Exception {
        h.api.text(USER, "明天天气怎么样");
        FakeBotApi.Sent reply = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertEquals(Harness.reply("明天天气怎么样"), reply.plainText());
        assertTrue(reply.text().contains("12345"));
        List<String> topics = Harness.shipped().knowledge().topics().stream().map(t -> t.label()).toList();
        assertEquals(topics, reply.buttonTexts());
        assertEquals(Harness.shipped().knowledge().topics().stream().map(t -> "t:" + t.name()).toList(),
                reply.buttonData());
        assertEquals(2, reply.buttons().get(0).size(), "two topics a row");
    }

    @Test
    void talksLikeAServiceWindowInTelegramToo() throws Exception {
        // Greeting, a follow-up, a two-part question, a choice picked by words and thanks, as in the console.
        String[] turns = {"你好", "城市低保多少人", "农村的呢", "波立维和支架以前各多少钱", "低保有多少人", "要第二条", "谢谢"};
        List<String> expected = Harness.replies(turns);
        for (String turn : turns) {
            h.api.text(USER, turn);
        }
        List<String> received = h.api.awaitSent(USER, turns.length, WAIT).stream().map(FakeBotApi.Sent::plainText)
                .toList();
        assertEquals(expected, received);
        assertTrue(received.get(0).startsWith("您好"), received.get(0));
        assertTrue(received.get(2).contains("99.2万人"), "the countryside follow-up: " + received.get(2));
        assertTrue(received.get(3).contains("17元") && received.get(3).contains("700余元"), received.get(3));
        assertTrue(received.get(5).contains("26.4万人"), "the second choice, the cities: " + received.get(5));
    }
}
