package minsheng.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import minsheng.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot is a real process, killed without warning between two questions; what it recorded is still there. */
class CrashTest {

    @TempDir
    Path root;

    /** Runs the console bot in its own JVM, asks one question, waits for the reply, then kills the process. */
    private void askAndKill(String question) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "minsheng.app.Main", "chat");
        pb.environment().put("KNOWLEDGE_DIR", Path.of("knowledge").toAbsolutePath().toString());
        pb.environment().put("DATA_DIR", root.resolve("data").toString());
        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        pb.redirectErrorStream(true);
        Process bot = pb.start();
        try {
            OutputStream in = bot.getOutputStream();
            in.write((question + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8));
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try {
                    out.lines().forEach(lines::add);
                } catch (java.io.UncheckedIOException e) {
                    // The process was killed.
                }
            });
            reader.setDaemon(true);
            reader.start();
            // The reply is printed after the journal committed the question; a blank line ends it.
            StringBuilder seen = new StringBuilder();
            while (true) {
                String line = lines.poll(120, TimeUnit.SECONDS);
                if (line == null) {
                    throw new AssertionError("no reply from the bot; it printed:\n" + seen);
                }
                seen.append(line).append('\n');
                if (line.isEmpty() && seen.indexOf("问：") >= 0) {
                    break;
                }
            }
        } finally {
            bot.destroyForcibly();  // SIGKILL: no shutdown hook, no close
            assertTrue(bot.waitFor(60, TimeUnit.SECONDS));
        }
        assertTrue(bot.exitValue() != 0, "killed, not ended");
    }

    @Test
    void theRecordSurvivesTheProcessBeingKilledBetweenTwoQuestionsAndShowsInUnansweredAfterRestart()
            throws Exception {
        askAndKill("老房子加个升降机政府给钱吗");
        askAndKill("明天太原天气怎么样");
        try (Journal journal = Journal.open(root.resolve("data"), java.time.Clock.systemUTC())) {
            List<String> asked = journal.unanswered(Instant.EPOCH, 10).stream().map(Journal.Asked::question).toList();
            assertEquals(List.of("明天太原天气怎么样", "老房子加个升降机政府给钱吗"), asked);
        }
        try (AdminFixture restarted = new AdminFixture(root)) {
            String text = restarted.desk.command(AdminFixture.ADMIN, "unanswered", "").text();
            assertTrue(text.contains("「老房子加个升降机政府给钱吗」 ×1"), text);
            assertTrue(text.contains("「明天太原天气怎么样」 ×1"), text);
        }
    }
}
