package minsheng.telegram;

import java.nio.charset.StandardCharsets;

/**
 * An inline button: its label and what tapping it does. Most send callback data back to the bot, which must be 1–64
 * bytes of UTF-8 (Telegram refuses more, and the library does not check): keep it to short ASCII ids. A link opens a
 * URL (a deep link back to the bot); a share button opens the chat picker with an inline query to the bot filled in.
 */
public record Button(String text, String data, Kind kind) {

    /** What tapping the button does with {@link #data()}: send it back, open it, or share it as an inline query. */
    public enum Kind { CALLBACK, LINK, SHARE }

    static final int MAX_DATA_BYTES = 64;
    /** The longest inline query Telegram carries. */
    static final int MAX_QUERY_CHARS = 256;

    public Button {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a button needs a label");
        }
        if (kind == null) {
            throw new IllegalArgumentException("a button needs a kind: " + text);
        }
        switch (kind) {
            case CALLBACK -> {
                if (data == null || data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
                    throw new IllegalArgumentException("button callback data must be 1 to " + MAX_DATA_BYTES
                            + " bytes, was \"" + data + "\"");
                }
            }
            case LINK -> {
                if (data == null || !data.startsWith("https://")) {
                    throw new IllegalArgumentException("a link button needs an https:// URL, was \"" + data + "\"");
                }
            }
            case SHARE -> {
                if (data == null || data.length() > MAX_QUERY_CHARS) {
                    throw new IllegalArgumentException("a share button's inline query must be 0 to " + MAX_QUERY_CHARS
                            + " characters, was \"" + data + "\"");
                }
            }
        }
    }

    /** A button whose tap sends {@code data} back to the bot. */
    public Button(String text, String data) {
        this(text, data, Kind.CALLBACK);
    }

    static Button link(String text, String url) {
        return new Button(text, url, Kind.LINK);
    }

    static Button share(String text, String query) {
        return new Button(text, query, Kind.SHARE);
    }
}
