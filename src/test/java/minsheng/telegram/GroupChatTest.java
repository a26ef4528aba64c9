package minsheng.telegram;

import static minsheng.telegram.Harness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In groups the bot speaks only when addressed, and replies to the asking message. */
class GroupChatTest {

    private static final long GROUP = -100500;
    private static final long ALICE = 3001;
    private static final String STENT = "心脏支架现在多少钱";

    private Harness h;

    @BeforeEach
    void start() throws Exception {
        h = new Harness().start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private String stentReply() {
        return Harness.reply(STENT);
    }

    @Test
    void answersAskCommandsAndRepliesToTheAskingMessage() throws Exception {
        int asked = h.api.groupText(GROUP, ALICE, "/ask " + STENT, null);
        FakeBotApi.Sent reply = h.api.awaitSent(GROUP, 1, WAIT).get(0);
        assertEquals(stentReply(), reply.plainText());
        assertEquals(asked, reply.replyTo());
    }

    @Test
    void answersCommandsAddressedToItAndIgnoresThoseForOtherBots() throws Exception {
        h.api.groupText(GROUP, ALICE, "/ask@OtherBot " + STENT, null);
        h.api.groupText(GROUP, ALICE, "/help@SomeoneElseBot", null);
        int asked = h.api.groupText(GROUP, ALICE, "/ask@" + FakeBotApi.BOT_USERNAME + " " + STENT, null);
        List<FakeBotApi.Sent> sent = h.api.awaitSent(GROUP, 1, WAIT);
        h.api.awaitConfirmed(WAIT);
        Thread.sleep(300);
        assertEquals(1, h.api.sent(GROUP).size(), "only the command addressed to this bot: " + h.api.sent(GROUP));
        assertEquals(asked, sent.get(0).replyTo());
        assertEquals(stentReply(), sent.get(0).plainText());
    }

    @Test
    void answersMentionsAndRepliesToItsOwnMessagesAndStaysSilentOtherwise() throws Exception {
        h.api.groupText(GROUP, ALICE, "大家好，今天开会", null);
        h.api.groupText(GROUP, ALICE, STENT, null);
        h.api.groupText(GROUP, ALICE, "我回复别人", 4242L);
        int mention = h.api.groupText(GROUP, ALICE, "@" + FakeBotApi.BOT_USERNAME + " " + STENT, null);
        int reply = h.api.groupText(GROUP, ALICE, "明天天气怎么样", FakeBotApi.BOT_ID);
        List<FakeBotApi.Sent> sent = h.api.awaitSent(GROUP, 2, WAIT);
        h.api.awaitConfirmed(WAIT);
        Thread.sleep(300);
        assertEquals(2, h.api.sent(GROUP).size(), "silent unless addressed: " + h.api.sent(GROUP));
        assertEquals(mention, sent.get(0).replyTo());
        assertEquals(stentReply(), sent.get(0).plainText());
        assertEquals(reply, sent.get(1).replyTo());
        assertEquals(Harness.replies(STENT, "明天天气怎么样").get(1), sent.get(1).plainText());
    }

    @Test
    void staysSilentOnStickersInAGroup() throws Exception {
        h.api.groupText(GROUP, ALICE, "/topics", null);
        h.api.awaitSent(GROUP, 1, WAIT);
        h.api.raw("message", "{\"message_id\":9,\"date\":1,\"chat\":{\"id\":" + GROUP + ",\"type\":\"supergroup\","
                + "\"title\":\"群\"},\"from\":{\"id\":" + ALICE + ",\"is_bot\":false,\"first_name\":\"A\"},"
                + "\"sticker\":{\"file_id\":\"s\",\"file_unique_id\":\"s\",\"type\":\"regular\",\"width\":1,"
                + "\"height\":1,\"is_animated\":false,\"is_video\":false}}");
        h.api.awaitConfirmed(WAIT);
        Thread.sleep(300);
        assertEquals(1, h.api.sent(GROUP).size());
        assertTrue(h.api.sent(GROUP).get(0).buttonData().contains("t:MEDICAL"));
    }

    private static final String INTRO = "大家好！我是民生问答助手，可以回答《山西省2020年民生工作报道》里的民生问题，每个回答都注明出处。\n"
            + "在群里请这样问我：\n1. 发「/ask 问题」，比如：/ask 心脏支架现在多少钱\n2. 或者 @" + FakeBotApi.BOT_USERNAME
            + " 加上您的问题\n3. 或者直接回复我的消息\n群里的其他聊天我不会插话。";

    @Test
    void beingAddedToAGroupPostsHowToAskThere() throws Exception {
        h.api.myChatMember(GROUP, ALICE, "left", "member");
        FakeBotApi.Sent intro = h.api.awaitSent(GROUP, 1, WAIT).get(0);
        assertEquals(INTRO, intro.plainText());
        assertEquals(List.of("topics"), intro.buttonData());
        // Made an admin later, or removed: nothing more is said.
        h.api.myChatMember(GROUP, ALICE, "member", "administrator");
        h.api.myChatMember(GROUP, ALICE, "administrator", "left");
        h.api.awaitConfirmed(WAIT);
        assertEquals(1, h.api.sent(GROUP).size(), h.api.sent(GROUP).toString());
    }

    @Test
    void startInAGroupSaysHowToAskThereNotToJustSendAQuestion() throws Exception {
        int asked = h.api.groupText(GROUP, ALICE, "/start", null);
        FakeBotApi.Sent intro = h.api.awaitSent(GROUP, 1, WAIT).get(0);
        assertEquals(INTRO, intro.plainText());
        assertEquals(asked, intro.replyTo());
    }

    @Test
    void aNumberedChoiceBelongsToWhoAskedAnotherMembersNumberDoesNotPickFromIt() throws Exception {
        long bob = 3002;
        h.api.groupText(GROUP, ALICE, "/ask 低保多少人", null);
        FakeBotApi.Sent choice = h.api.awaitSent(GROUP, 1, WAIT).get(0);
        assertEquals(Harness.reply("低保多少人"), choice.plainText());
        int bobs = h.api.groupText(GROUP, bob, "1", FakeBotApi.BOT_ID);
        FakeBotApi.Sent toBob = h.api.awaitSent(GROUP, 2, WAIT).get(1);
        assertEquals("现在没有可选的序号，请直接输入您的问题。", toBob.plainText());
        assertEquals(bobs, toBob.replyTo());
        h.api.groupText(GROUP, ALICE, "2", FakeBotApi.BOT_ID);
        FakeBotApi.Sent picked = h.api.awaitSent(GROUP, 3, WAIT).get(2);
        assertEquals(Harness.replies("低保多少人", "2").get(1), picked.plainText(), "the asker's 2 still picks");
    }

    @Test
    void theLogNamesAGroupByAHashNeverByItsId() throws Exception {
        CapturedLog log = new CapturedLog();
        log.capture();
        try {
            h.api.fail("sendMessage", 1, 400, "Bad Request: not enough rights to send text messages to the chat", 0);
            h.api.groupText(GROUP, ALICE, "/ask " + STENT, null);
            h.api.awaitConfirmed(WAIT);
            String name = LogNames.chat(GROUP);
            assertTrue(name.matches("g[0-9a-f]{8}"), name);
            assertTrue(log.text().contains("chat " + name + ": sendMessage refused"), log.text());
            assertFalse(log.text().contains(String.valueOf(GROUP)), log.text());
        } finally {
            log.restore();
        }
    }
}
