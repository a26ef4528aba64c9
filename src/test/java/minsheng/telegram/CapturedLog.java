package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * What the bot logged during one test, read back from the tests' log file (src/test/resources/simplelogger.properties
 * sends the log there, not to the console), so a test that provokes an error asserts on it instead of printing it.
 * Tests run one after another in one JVM, so what was written since {@link #capture()} is this test's (and any
 * thread it left running). {@link #restore()} checks it holds no part of the bot token and no Telegram id of a person
 * or a group (a user, a private chat or a group named by its number rather than by {@link LogNames}).
 */
public final class CapturedLog {

    /** A user, a private chat (a positive id) or a group (a negative one), named by its number. */
    private static final Pattern PERSON_ID = Pattern.compile("\\b(?:chat|user|group) -?\\d+\\b");
    private static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";

    private final Path file = logFile();
    private long start = -1;

    /** From now on. */
    public void capture() {
        // The first logger opens (and empties) the file: open it before taking its length.
        LoggerFactory.getLogger(CapturedLog.class);
        start = length();
    }

    /** What was logged since {@link #capture()}. */
    public String text() {
        if (start < 0) {
            throw new IllegalStateException("capture() first");
        }
        try (FileChannel channel = FileChannel.open(file)) {
            channel.position(Math.min(start, channel.size()));
            try (InputStream in = Channels.newInputStream(channel)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the capture: nothing logged may name a person or hold the token. */
    public void restore() {
        String text = text();
        start = -1;
        assertFalse(text.contains(FakeBotApi.TOKEN), "the token is never logged");
        assertFalse(text.contains("TEST-token"), "no part of the token is logged");
        assertFalse(PERSON_ID.matcher(text).find(), "a person or a group is never named by its Telegram id");
    }

    private long length() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where slf4j-simple writes: a -D setting, else the tests' simplelogger.properties. */
    private static Path logFile() {
        String name = System.getProperty(LOG_FILE);
        if (name == null) {
            Properties settings = new Properties();
            try (InputStream in = CapturedLog.class.getResourceAsStream("/simplelogger.properties")) {
                if (in == null) {
                    throw new IllegalStateException("the tests' simplelogger.properties is missing");
                }
                settings.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            name = settings.getProperty(LOG_FILE);
        }
        if (name == null || name.startsWith("System.")) {
            throw new IllegalStateException("the tests must log to a file, not " + name);
        }
        return Path.of(name);
    }
}
