package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Standard error (where slf4j-simple logs) captured for one test, so the test can read what the bot logged; on
 * {@link #restore()} it is passed on and checked to hold no part of the bot token, and no Telegram id of a person or
 * a group (a user, a private chat or a group named by its number rather than by {@link LogNames}).
 */
final class CapturedLog {

    /** A user, a private chat (a positive id) or a group (a negative one), named by its number. */
    private static final Pattern PERSON_ID = Pattern.compile("\\b(?:chat|user|group) -?\\d+\\b");

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
        assertFalse(PERSON_ID.matcher(text).find(), "a person or a group is never named by its Telegram id");
    }
}
