package minsheng.answer;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The user-facing texts, all from one UTF-8 bundle ({@code minsheng/messages.properties}). */
public final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("minsheng.messages", Locale.ROOT);
    /** Each text with placeholders parsed once; a copy formats, as a MessageFormat is not safe to share. */
    private static final Map<String, MessageFormat> PARSED = new ConcurrentHashMap<>();

    private Messages() {
    }

    /** The text for {@code key} with its placeholders filled; arguments should be strings, not numbers. */
    public static String get(String key, Object... args) {
        if (args.length == 0) {
            return BUNDLE.getString(key);
        }
        MessageFormat parsed = PARSED.computeIfAbsent(key, k -> new MessageFormat(BUNDLE.getString(k), Locale.ROOT));
        return ((MessageFormat) parsed.clone()).format(args);
    }
}
