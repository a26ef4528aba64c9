package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Updates as the library reads them from the wire, turned into what the handler acts on. */
class IncomingTest {

    private static Incoming read(String json) throws Exception {
        return TelegramApi.incoming(new ObjectMapper().readValue(json, Update.class));
    }

    private static String message(String text, String entities) {
        return "{\"update_id\":5,\"message\":{\"message_id\":9,\"date\":1,\"chat\":{\"id\":-42,\"type\":\"supergroup\","
                + "\"title\":\"群\"},\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"王\"},\"text\":\"" + text
                + "\"" + (entities == null ? "" : ",\"entities\":" + entities) + "}}";
    }

    @Test
    void readsACommandAddressedToABotFromItsEntity() throws Exception {
        Incoming.Message m = (Incoming.Message) read(message("/ask@MinshengTestBot 低保标准是多少",
                "[{\"type\":\"bot_command\",\"offset\":0,\"length\":20}]"));
        assertEquals("ask", m.command());
        assertEquals("MinshengTestBot", m.commandBot());
        assertEquals("低保标准是多少", m.argument());
        assertTrue(m.chat().isGroup());
        assertEquals(7, m.userId());
    }

    @Test
    void aSlashThatTelegramDidNotMarkAsACommandIsText() throws Exception {
        Incoming.Message m = (Incoming.Message) read(message("/ 低保", "[{\"type\":\"bold\",\"offset\":0,\"length\":1}]"));
        assertNull(m.command());
        Incoming.Message url = (Incoming.Message) read(message("/path/to 低保",
                "[{\"type\":\"url\",\"offset\":0,\"length\":8}]"));
        assertNull(url.command());
        assertEquals("/path/to 低保", url.argument());
    }

    @Test
    void aCallbackKeepsItsChatAndData() throws Exception {
        Incoming.Callback c = (Incoming.Callback) read("{\"update_id\":6,\"callback_query\":{\"id\":\"q1\","
                + "\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"王\"},\"chat_instance\":\"x\",\"data\":\"a:x.y\","
                + "\"message\":{\"message_id\":3,\"date\":1,\"chat\":{\"id\":7,\"type\":\"private\"},\"text\":\"…\"}}}");
        assertEquals("a:x.y", c.data());
        assertEquals(7, c.chat().id());
        assertEquals(3, c.messageId());
    }

    @Test
    void pollingBackOffDoublesAndStopsAtThirtySeconds() {
        Tuning t = Tuning.DEFAULTS;
        assertEquals(500, TelegramApi.backOff(t, 1));
        assertEquals(1000, TelegramApi.backOff(t, 2));
        assertEquals(16_000, TelegramApi.backOff(t, 6));
        assertEquals(30_000, TelegramApi.backOff(t, 7));
        assertEquals(30_000, TelegramApi.backOff(t, 10_000));
    }
}
