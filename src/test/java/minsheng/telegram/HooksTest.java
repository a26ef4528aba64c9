package minsheng.telegram;

import static minsheng.telegram.Harness.WAIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import minsheng.answer.Messages;
import org.junit.jupiter.api.Test;

/** Commands, documents and buttons other parts of the bot register, as the admin features will. */
class HooksTest {

    private static final long USER = 2002;

    @Test
    void aRegisteredCommandGetsTheSenderItsArgumentAndSendsItsButtons() throws Exception {
        AtomicReference<Hooks.Request> seen = new AtomicReference<>();
        Hooks hooks = new Hooks()
                .command("echo", null, r -> {
                    seen.set(r);
                    return new Hooks.Response("回声：" + r.argument() + " <好>",
                            List.of(List.of(new Button("确认", "adm:ok:7"))));
                })
                .callbacks("adm:", r -> Hooks.Response.text("已确认 " + r.argument()));
        try (Harness h = new Harness(hooks, Harness.FAST).start()) {
            h.api.text(USER, "/echo 低保 & 医保");
            FakeBotApi.Sent reply = h.api.awaitSent(USER, 1, WAIT).get(0);
            assertEquals("回声：低保 &amp; 医保 &lt;好&gt;", reply.text());
            assertEquals(List.of("adm:ok:7"), reply.buttonData());
            assertEquals(new Hooks.Request(USER, USER, false, "低保 & 医保"), seen.get());

            String tap = h.api.callback(USER, USER, reply.messageId(), "adm:ok:7");
            assertEquals("已确认 adm:ok:7", h.api.awaitSent(USER, 2, WAIT).get(1).text());
            assertEquals(List.of(tap), h.api.awaitCallbackAnswers(1, WAIT));
        }
    }

    @Test
    void aDocumentReachesItsHandlerWithItsNameAndBytes() throws Exception {
        byte[] json = "{\"entries\": []}".getBytes(StandardCharsets.UTF_8);
        AtomicReference<byte[]> got = new AtomicReference<>();
        Hooks hooks = new Hooks().documents(new Hooks.DocumentHandler() {
            @Override
            public boolean accepts(Hooks.Request r) {
                return true;
            }

            @Override
            public Optional<Hooks.Response> check(Hooks.Request r, String fileName, long declaredSize) {
                return Optional.empty();
            }

            @Override
            public long maxBytes() {
                return 1024;
            }

            @Override
            public Hooks.Response handle(Hooks.Request r, String name, byte[] bytes) {
                got.set(bytes);
                return Hooks.Response.text("收到 " + name + "，" + bytes.length + " 字节");
            }
        });
        try (Harness h = new Harness(hooks, Harness.FAST).start()) {
            h.api.document(USER, "medical.json", json, null);
            assertEquals("收到 medical.json，15 字节", h.api.awaitSent(USER, 1, WAIT).get(0).text());
            assertArrayEquals(json, got.get());
        }
    }

    @Test
    void aFailingHandlerTellsTheUserPlainlyLogsItAndTheBotGoesOn() throws Exception {
        Hooks hooks = new Hooks().command("broken", null, r -> {
            throw new IllegalStateException("boom");
        });
        CapturedLog log = new CapturedLog();
        log.capture();
        try (Harness h = new Harness(hooks, Harness.FAST).start()) {
            h.api.text(USER, "/broken");
            h.api.text(USER, "心脏支架现在多少钱");
            List<FakeBotApi.Sent> sent = h.api.awaitSent(USER, 2, WAIT);
            assertEquals(Messages.get("telegram.error"), sent.get(0).text());
            assertEquals(Harness.reply("心脏支架现在多少钱"), sent.get(1).plainText());
            assertTrue(log.text().contains("ERROR UpdateHandler - chat " + LogNames.chat(USER)
                    + ": /broken failed: java.lang.IllegalStateException: boom"), log.text());
        } finally {
            log.restore();
        }
    }

    @Test
    void anUpdateWhoseHandlingBreaksIsLetGoSoTheUpdatesAfterItAreConfirmed() throws Exception {
        Hooks hooks = new Hooks().command("crash", null, r -> {
            throw new AssertionError("an error no handler catches");
        });
        CapturedLog log = new CapturedLog();
        log.capture();
        try (Harness h = new Harness(hooks, Harness.FAST).start()) {
            h.api.text(USER, "/crash");
            h.api.text(USER, "心脏支架现在多少钱");
            assertEquals(Harness.reply("心脏支架现在多少钱"), h.api.awaitSent(USER, 1, WAIT).get(0).plainText());
            h.api.awaitConfirmed(WAIT);
            assertEquals(0, h.api.pendingUpdates());
            assertTrue(log.text().contains("ERROR ChatLanes - chat " + LogNames.chat(USER)
                    + ": handling failed: java.lang.AssertionError: an error no handler catches"), log.text());
        } finally {
            log.restore();
        }
    }

    @Test
    void refusesNamesAndPrefixesThatWouldClash() {
        assertThrows(IllegalArgumentException.class, () -> new Hooks().command("start", null, r -> null));
        assertThrows(IllegalArgumentException.class, () -> new Hooks().command("重载", null, r -> null));
        assertThrows(IllegalArgumentException.class, () -> new Hooks().callbacks("a:", r -> null));
        assertThrows(IllegalArgumentException.class, () -> new Hooks().callbacks("adm", r -> null)
                .callbacks("adm:", r -> null));
        assertThrows(IllegalArgumentException.class, () -> new Button("太长", "x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> new Button("中文", "按钮".repeat(11)));
    }
}
