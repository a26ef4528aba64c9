package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Standard error (where slf4j-simple logs) captured for one test, so the test can read what the bot logged; on
 * {@link #restore()} it is passed on and checked to hold no part of the bot token, and no person's Telegram id
 * (a user, or a private chat, named by its number rather than by {@link LogNames}).
 */
final class CapturedLog {

    /** A user, or a private chat (a positive id), named by its number. */
    private static final Pattern PERSON_ID = Pattern.compile("\\b(?:chat|user) \\d+\\b");

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
        assertFalse(PERSON_ID.matcher(text).find(), "a person is never named by their Telegram id");
    }
}
