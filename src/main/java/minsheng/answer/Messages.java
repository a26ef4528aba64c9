package minsheng.answer;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The user-facing texts, all from one UTF-8 bundle ({@code minsheng/messages.properties}). */
public final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("minsheng.messages", Locale.ROOT);

    private Messages() {
    }

    /** The text for {@code key} with its placeholders filled; arguments should be strings, not numbers. */
    public static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }
}
