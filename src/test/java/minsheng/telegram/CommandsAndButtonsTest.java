package minsheng.telegram;

import static minsheng.telegram.Harness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minsheng.answer.Messages;
import minsheng.answer.Snapshot;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commands, the topic browser, deep links and every kind of message a citizen may send. */
class CommandsAndButtonsTest {

    private static final long USER = 4004;
    private static final String REPORT = "《山西省2020年民生工作报道》";

    private Harness h;

    @BeforeEach
    void start() throws Exception {
        h = new Harness().start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static KnowledgeBase knowledge() {
        return Harness.shipped().knowledge();
    }

    @Test
    void startGreetsSaysWhatTheBotKnowsAndOffersExampleQuestions() throws Exception {
        h.api.text(USER, "/start");
        FakeBotApi.Sent greeting = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertEquals(Messages.get("telegram.start", REPORT), greeting.plainText());
        assertTrue(greeting.plainText().startsWith("您好！我是民生问答助手，可以回答《山西省2020年民生工作报道》里的民生问题"));
        List<Entry> examples = UpdateHandler.examples(knowledge());
        assertEquals(4, examples.size());
        List<String> labels = new ArrayList<>(examples.stream().map(Entry::standardQuestion).toList());
        labels.add("浏览全部主题");
        assertEquals(labels, greeting.buttonTexts());
        assertEquals("a:" + examples.get(0).id(), greeting.buttonData().get(0));
        assertEquals("topics", greeting.buttonData().get(4));

        h.api.callback(USER, USER, greeting.messageId(), greeting.buttonData().get(0));
        FakeBotApi.Sent answer = h.api.awaitSent(USER, 2, WAIT).get(1);
        assertTrue(answer.plainText().startsWith(examples.get(0).answer()), answer.text());
    }

    @Test
    void helpExplainsHowToAsk() throws Exception {
        h.api.text(USER, "/help");
        FakeBotApi.Sent help = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertEquals(Messages.get("telegram.help", REPORT), help.plainText());
        assertTrue(help.plainText().contains("/ask") && help.plainText().contains("/topics"));
    }

    @Test
    void topicsListTopicsATopicListsItsQuestionsAndAQuestionGivesItsAnswer() throws Exception {
        h.api.text(USER, "/topics");
        FakeBotApi.Sent topics = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertEquals("请选择您想了解的方面：", topics.text());
        assertTrue(topics.buttonTexts().contains("医疗医保"));

        h.api.callback(USER, USER, topics.messageId(), "t:MEDICAL");
        FakeBotApi.Sent medical = h.api.awaitSent(USER, 2, WAIT).get(1);
        assertEquals("「医疗医保」方面，您可以问这些：", medical.text());
        List<Entry> entries = knowledge().entries().stream()
                .filter(e -> e.topic() == minsheng.knowledge.Topic.MEDICAL).toList();
        List<String> expected = new ArrayList<>(entries.stream().map(Entry::standardQuestion).toList());
        expected.add("浏览全部主题");
        assertEquals(expected, medical.buttonTexts());

        h.api.callback(USER, USER, medical.messageId(), "a:medical.stent-price");
        FakeBotApi.Sent answer = h.api.awaitSent(USER, 3, WAIT).get(2);
        assertEquals(Harness.shipped().answer("medical.stent-price").orElseThrow().text(), answer.plainText());
        assertEquals(2, h.api.awaitCallbackAnswers(2, WAIT).size(), "both taps answered");
    }

    @Test
    void everyButtonFitsInSixtyFourBytesOfAsciiCallbackData() throws Exception {
        h.api.text(USER, "/topics");
        FakeBotApi.Sent topics = h.api.awaitSent(USER, 1, WAIT).get(0);
        int n = 1;
        for (String data : topics.buttonData()) {
            h.api.callback(USER, USER, topics.messageId(), data);
            n++;
        }
        List<FakeBotApi.Sent> sent = h.api.awaitSent(USER, n, WAIT);
        for (FakeBotApi.Sent s : sent) {
            for (String data : s.buttonData()) {
                assertTrue(data.getBytes(StandardCharsets.UTF_8).length <= 64, data);
                assertTrue(data.matches("[\\x21-\\x7e]+"), data);
            }
        }
        // and every entry's button, whatever its id
        for (Entry e : knowledge().entries()) {
            assertTrue(UpdateHandler.answerButton(e.standardQuestion(), e.id()).isPresent(), e.id());
        }
    }

    @Test
    void aDeepLinkOpensOneAnswer() throws Exception {
        String payload = DeepLinks.payload("medical.stent-price").orElseThrow();
        assertEquals("medical_stent-price", payload);
        h.api.text(USER, "/start " + payload);
        FakeBotApi.Sent answer = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertEquals(Harness.shipped().answer("medical.stent-price").orElseThrow().text(), answer.plainText());
    }

    @Test
    void everyEntryHasADeepLinkThatLeadsBackToIt() {
        for (Entry e : knowledge().entries()) {
            String p = DeepLinks.payload(e.id()).orElseThrow();
            assertTrue(p.matches("[A-Za-z0-9_-]{1,64}"), p);
            assertEquals(e.id(), DeepLinks.entryId(p).orElseThrow());
        }
    }

    @Test
    void anUnknownDeepLinkGetsAPoliteNote() throws Exception {
        h.api.text(USER, "/start nothing_here");
        FakeBotApi.Sent note = h.api.awaitSent(USER, 1, WAIT).get(0);
        assertEquals(Messages.get("telegram.deeplink.gone"), note.text());
        assertEquals(List.of("topics"), note.buttonData());
    }

    @Test
    void aButtonWhoseEntryVanishedInAReloadGetsAPoliteNote() throws Exception {
        h.api.text(USER, "心脏支架现在多少钱");
        FakeBotApi.Sent answer = h.api.awaitSent(USER, 1, WAIT).get(0);
        // A reload to other knowledge, in which the stent entry no longer exists.
        KnowledgeBase other = KnowledgeLoader.load(Path.of("src/test/resources/knowledge/valid"));
        assertTrue(other.entry("medical.stent-price").isEmpty());
        h.current.swap(Snapshot.build(other, Thresholds.defaults()));
        h.api.callback(USER, USER, answer.messageId(), "a:medical.stent-price");
        h.api.callback(USER, USER, answer.messageId(), "t:NO_SUCH_TOPIC");
        List<FakeBotApi.Sent> sent = h.api.awaitSent(USER, 3, WAIT);
        assertEquals(Messages.get("telegram.gone"), sent.get(1).text());
        assertEquals(Messages.get("telegram.gone"), sent.get(2).text());
        assertEquals(2, h.api.awaitCallbackAnswers(2, WAIT).size());
    }

    @Test
    void stickersPhotosAndLocationsGetANoteAskingForText() throws Exception {
        h.api.sticker(USER);
        h.api.location(USER);
        List<FakeBotApi.Sent> sent = h.api.awaitSent(USER, 2, WAIT);
        assertEquals(Messages.get("telegram.nontext"), sent.get(0).text());
        assertEquals(Messages.get("telegram.nontext"), sent.get(1).text());
    }

    @Test
    void anEditedMessageIsAnsweredAgain() throws Exception {
        int id = h.api.text(USER, "明天天气怎么样");
        h.api.awaitSent(USER, 1, WAIT);
        h.api.editedText(USER, id, "心脏支架现在多少钱");
        FakeBotApi.Sent again = h.api.awaitSent(USER, 2, WAIT).get(1);
        assertEquals(Harness.replies("明天天气怎么样", "心脏支架现在多少钱").get(1), again.plainText());
    }

    @Test
    void aVeryLongMessageIsCutForMatchingAndStillAnswered() throws Exception {
        h.api.text(USER, "心脏支架现在多少钱" + "啊".repeat(5000));
        h.api.text(USER, "🙂".repeat(3000));
        List<FakeBotApi.Sent> sent = h.api.awaitSent(USER, 2, WAIT);
        assertTrue(sent.get(0).text().length() <= 4096);
        assertTrue(sent.get(1).text().length() <= 4096);
    }

    @Test
    void anUnknownCommandIsExplained() throws Exception {
        h.api.text(USER, "/weather");
        assertEquals(Messages.get("telegram.command.unknown"), h.api.awaitSent(USER, 1, WAIT).get(0).text());
        h.api.text(USER, "/ask");
        assertEquals(Messages.get("telegram.ask.empty"), h.api.awaitSent(USER, 2, WAIT).get(1).text());
    }

    @Test
    void setsTheCommandMenuInChineseAtStart() {
        var commands = h.api.commands();
        List<String> names = new ArrayList<>();
        commands.forEach(c -> names.add(c.get("command").asText()));
        assertEquals(List.of("start", "help", "topics", "ask"), names);
        commands.forEach(c -> assertTrue(c.get("description").asText().matches(".*[\\u4e00-\\u9fff].*")));
    }
}
