package minsheng.telegram;

import java.nio.charset.StandardCharsets;

/**
 * An inline button: its label and the callback data Telegram sends back when it is tapped. The data must be 1–64
 * bytes of UTF-8 (Telegram refuses more, and the library does not check); keep it to short ASCII ids.
 */
public record Button(String text, String data) {

    static final int MAX_DATA_BYTES = 64;

    public Button {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a button needs a label");
        }
        if (data == null || data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("button callback data must be 1 to " + MAX_DATA_BYTES
                    + " bytes, was \"" + data + "\"");
        }
    }
}
