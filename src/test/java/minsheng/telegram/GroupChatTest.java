package minsheng.telegram;

import static minsheng.telegram.Harness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
