package minsheng.telegram;

import static minsheng.telegram.Harness.WAIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import minsheng.answer.Messages;
import org.junit.jupiter.api.Test;

/**
 * Files the admin features send (a chart with its summary, a CSV), and the gate in front of admin commands: a
 * citizen learns nothing from trying one, and the attempt is still passed on to be recorded.
 */
class FilesAndAdminGateTest {

    private static final long ADMIN = 1001;
    private static final long CITIZEN = 2002;

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** Fifty lines of 「第N行：……」: far over a caption's 1024 characters. */
    private static String longSummary() {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            s.append(i == 1 ? "" : "\n").append("第").append(i).append("行：直接回答、带说明回答、给出选项和婉拒的次数<>&");
        }
        return s.toString();
    }

    private static Hooks hooks(List<String> refused) throws Exception {
        byte[] picture = png();
        Hooks hooks = new Hooks();
        hooks.admins(new Hooks.Gate() {
            @Override
            public boolean admits(long userId) {
                return userId == ADMIN;
            }

            @Override
            public void refused(Hooks.Request request, String what) {
                refused.add(request.userId() + " " + what);
            }
        }, "管理命令：\n/chart 图表\n/csv 表格");
        hooks.adminCommand("chart", r -> new Hooks.Response(longSummary(), List.of(List.of(new Button("再看", "adm:x:1"))),
                new Hooks.Attachment(true, "stats.png", picture)));
        hooks.adminCommand("csv", r -> new Hooks.Response("最近 30 天的提问", List.of(),
                new Hooks.Attachment(false, "questions.csv", "时间,问题\r\n".getBytes(StandardCharsets.UTF_8))));
        hooks.adminCallbacks("adm:", r -> Hooks.Response.text("按了 " + r.argument()));
        return hooks;
    }

    @Test
    void aPictureGoesWithAsMuchOfItsSummaryAsACaptionHoldsAndTheRestFollowsAsAMessage() throws Exception {
        try (Harness h = new Harness(hooks(new ArrayList<>()), Harness.FAST).start()) {
            h.api.text(ADMIN, "/chart");
            List<FakeBotApi.Sent> sent = h.api.awaitSent(ADMIN, 2, WAIT);
            FakeBotApi.Sent photo = sent.get(0);
            assertEquals("photo", photo.method());
            assertEquals("stats.png", photo.fileName());
            assertArrayEquals(png(), photo.file());
            String caption = photo.plainText();
            assertTrue(caption.length() <= 1024 && caption.length() > 900, String.valueOf(caption.length()));
            assertTrue(longSummary().startsWith(caption + "\n"), "whole lines only");
            assertEquals(longSummary(), caption + "\n" + sent.get(1).plainText(), "nothing lost between the two");
            assertEquals(List.of(), photo.buttonData());
            assertEquals(List.of("adm:x:1"), sent.get(1).buttonData(), "the buttons under the last part");
        }
    }

    @Test
    void aDocumentGoesWithItsCaption() throws Exception {
        try (Harness h = new Harness(hooks(new ArrayList<>()), Harness.FAST).start()) {
            h.api.text(ADMIN, "/csv");
            FakeBotApi.Sent doc = h.api.awaitSent(ADMIN, 1, WAIT).get(0);
            assertEquals("document", doc.method());
            assertEquals("questions.csv", doc.fileName());
            assertEquals("最近 30 天的提问", doc.plainText());
            assertEquals("时间,问题\r\n", new String(doc.file(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCitizenSeesNoAdminCommandInHelpAndLearnsNothingFromSendingOneButTheAttemptIsPassedOn() throws Exception {
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Harness h = new Harness(hooks(refused), Harness.FAST).start()) {
            h.api.text(CITIZEN, "/help");
            h.api.text(CITIZEN, "/chart");
            h.api.text(CITIZEN, "/nosuchcommand");
            List<FakeBotApi.Sent> citizen = h.api.awaitSent(CITIZEN, 3, WAIT);
            String help = citizen.get(0).plainText();
            assertFalse(help.contains("/chart") || help.contains("管理命令"), help);
            assertEquals(Messages.get("telegram.command.unknown"), citizen.get(1).plainText());
            assertEquals(citizen.get(2).plainText(), citizen.get(1).plainText(),
                    "an admin command and an unknown one get the same reply");
            assertEquals(List.of(), citizen.get(1).buttons());
            String press = h.api.callback(CITIZEN, CITIZEN, citizen.get(1).messageId(), "adm:x:1");
            assertEquals(Messages.get("telegram.gone"), h.api.awaitSent(CITIZEN, 4, WAIT).get(3).plainText(),
                    "a forged admin button is a stale button to a citizen");
            h.api.awaitCallbackAnswers(1, WAIT);
            assertTrue(h.api.callbackAnswers().contains(press));
            assertEquals(List.of(CITIZEN + " /chart", CITIZEN + " button adm:x:1"), refused);

            h.api.text(ADMIN, "/help");
            String adminHelp = h.api.awaitSent(ADMIN, 1, WAIT).get(0).plainText();
            assertTrue(adminHelp.startsWith(help), "the citizen's help first");
            assertTrue(adminHelp.endsWith("\n\n管理命令：\n/chart 图表\n/csv 表格"), adminHelp);
            assertEquals(List.of("start", "help", "topics", "ask"), names(h.api.commands()),
                    "no admin command in the menu");
        }
    }

    private static List<String> names(com.fasterxml.jackson.databind.JsonNode commands) {
        List<String> out = new ArrayList<>();
        commands.forEach(c -> out.add(c.path("command").asText()));
        return out;
    }
}
