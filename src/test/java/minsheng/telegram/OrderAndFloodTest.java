package minsheng.telegram;

import static minsheng.telegram.Harness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import minsheng.answer.Messages;
import org.junit.jupiter.api.Test;

/** One reply per question, in order within a chat, chats in parallel; a flood is told once and then dropped. */
class OrderAndFloodTest {

    private static final List<String> QUESTIONS = List.of("心脏支架现在多少钱", "明天天气怎么样", "农村低保保障了多少人",
            "城市低保保障了多少人", "心脏支架现在多少钱", "2020年城镇新增就业多少人");

    private static List<String> expected() {
        return Harness.replies(QUESTIONS.toArray(String[]::new));
    }

    @Test
    void answersEveryQuestionOnceInOrderWithinEachChatWhileChatsRunInParallel() throws Exception {
        try (Harness h = new Harness().start()) {
            for (String q : QUESTIONS) {
                for (long chat = 1; chat <= 8; chat++) {
                    h.api.text(6000 + chat, q);
                }
            }
            for (long chat = 1; chat <= 8; chat++) {
                List<FakeBotApi.Sent> sent = h.api.awaitSent(6000 + chat, QUESTIONS.size(), WAIT);
                assertEquals(expected(), sent.stream().map(FakeBotApi.Sent::plainText).toList(), "chat " + chat);
            }
            Thread.sleep(200);
            assertEquals(8 * QUESTIONS.size(), h.api.sendCount(), "one reply per question");
        }
    }

    @Test
    void ordinaryUseNeverTripsTheFloodGuard() throws Exception {
        try (Harness h = new Harness().start()) {
            // Five questions a minute for five minutes, on the test's clock.
            for (int minute = 0; minute < 5; minute++) {
                for (int i = 0; i < 5; i++) {
                    h.api.text(7001, "心脏支架现在多少钱");
                    h.api.awaitSent(7001, minute * 5 + i + 1, WAIT);
                    h.clock.advance(Duration.ofSeconds(12));
                }
            }
            assertTrue(h.api.sent(7001).stream().noneMatch(s -> s.text().equals(Messages.get("telegram.flood"))));
        }
    }

    @Test
    void aFloodGetsOneNoticeThenIsDroppedUntilThePauseEnds() throws Exception {
        try (Harness h = new Harness().start()) {
            for (int i = 0; i < 30; i++) {
                h.api.text(7002, "心脏支架现在多少钱");
            }
            h.api.awaitSent(7002, 21, WAIT);
            h.api.awaitConfirmed(WAIT);
            Thread.sleep(300);
            List<FakeBotApi.Sent> sent = h.api.sent(7002);
            assertEquals(21, sent.size(), "20 answers, one notice, the rest dropped");
            assertEquals(Messages.get("telegram.flood"), sent.get(20).text());
            assertEquals(20, sent.stream().filter(s -> s.plainText().contains("700余元")).count());

            h.clock.advance(Duration.ofMinutes(3));
            h.api.text(7002, "明天天气怎么样");
            // The conversation saw the 20 answered questions, then this one; the dropped ones never reached it.
            String[] asked = new String[21];
            java.util.Arrays.fill(asked, "心脏支架现在多少钱");
            asked[20] = "明天天气怎么样";
            assertEquals(Harness.replies(asked).get(20),
                    h.api.awaitSent(7002, 22, WAIT).get(21).plainText());
        }
    }

    @Test
    void anEagerCitizenAskingFifteenQuestionsAndPressingTenButtonsInFortySecondsIsNeverSlowed() throws Exception {
        try (Harness h = new Harness().start()) {
            long user = 7003;
            int sent = 0;
            List<String> presses = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
                // Two turns in five a press of a button under the last reply, ten in all; questions between.
                if (i % 5 == 1 || i % 5 == 3) {
                    FakeBotApi.Sent last = h.api.sent(user).get(sent - 1);
                    presses.add(h.api.callback(user, user, last.messageId(), "a:assistance.rural-dibao"));
                } else {
                    h.api.text(user, QUESTIONS.get(i % QUESTIONS.size()));
                }
                h.api.awaitSent(user, ++sent, WAIT);
                h.clock.advance(Duration.ofMillis(1600));
            }
            h.api.awaitConfirmed(WAIT);
            assertEquals(10, presses.size());
            assertEquals(25, h.api.sent(user).size(), "15 answers and 10 answers to presses");
            assertTrue(h.api.sent(user).stream().noneMatch(s -> s.text().equals(Messages.get("telegram.flood"))));
            for (String press : presses) {
                assertTrue(h.api.callbackAnswers().contains(press), "every press answered");
                assertEquals(null, h.api.callbackNotice(press), "and not slowed");
            }
        }
    }

    @Test
    void aFloodOfPressesIsToldOnTheButtonAndLeavesTheCitizensQuestionsAlone() throws Exception {
        try (Harness h = new Harness().start()) {
            long user = 7004;
            h.api.text(user, "心脏支架现在多少钱");
            FakeBotApi.Sent answer = h.api.awaitSent(user, 1, WAIT).get(0);
            List<String> presses = new java.util.ArrayList<>();
            for (int i = 0; i < 45; i++) {
                presses.add(h.api.callback(user, user, answer.messageId(), "topics"));
            }
            h.api.awaitConfirmed(WAIT);
            assertEquals(41, h.api.sent(user).size(), "the answer, then 40 presses served; the rest dropped");
            assertEquals("您点按钮太快了，请过一两分钟再点，谢谢理解。", h.api.callbackNotice(presses.get(40)));
            assertEquals(45, h.api.callbackAnswers().size(), "every press answered, none left spinning");
            h.api.text(user, "农村低保保障了多少人");
            assertEquals(Harness.reply("农村低保保障了多少人"), h.api.awaitSent(user, 42, WAIT).get(41).plainText(),
                    "presses do not count against questions");
        }
    }

    @Test
    void staysWithinTelegramsLimitsWhenManyChatsAskAtOnce() throws Exception {
        // Paced as in production (one chat: 1 a second after a burst of 3; all: 28 a second); the fake
        // answers 429 to anything beyond 4 a second per chat or 30 a second overall.
        Tuning paced = Harness.FAST.withPace(Tuning.DEFAULTS.perChatInterval(), Tuning.DEFAULTS.perChatBurst(),
                Tuning.DEFAULTS.perGroupInterval(), Tuning.DEFAULTS.perGroupBurst(), Tuning.DEFAULTS.globalPerSecond());
        FakeBotApi fake = new FakeBotApi().limits(4, 20, 30);
        try (Harness h = new Harness(fake, new Hooks(), paced).start()) {
            for (int i = 0; i < 5; i++) {
                h.api.text(8000, "心脏支架现在多少钱");
            }
            for (long chat = 1; chat <= 40; chat++) {
                h.api.text(8000 + chat, "农村低保保障了多少人");
            }
            h.api.awaitSent(8000, 5, WAIT);
            for (long chat = 1; chat <= 40; chat++) {
                h.api.awaitSent(8000 + chat, 1, WAIT);
            }
            assertEquals(0, h.api.limitRejections(), "no 429 earned");
            assertEquals(45, h.api.sendCount());
        }
    }
}
