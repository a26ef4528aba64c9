package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard error (where slf4j-simple logs) captured for one test, so the test can read what the bot logged; on
 * {@link #restore()} it is passed on and checked to hold no part of the bot token.
 */
final class CapturedLog {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream original;

    void capture() {
        original = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    String text() {
        return log.toString(StandardCharsets.UTF_8);
    }

    void restore() {
        System.setErr(original);
        String text = text();
        original.print(text);
        assertFalse(text.contains(FakeBotApi.TOKEN), "the token is never logged");
        assertFalse(text.contains("TEST-token"), "no part of the token is logged");
    }
}
