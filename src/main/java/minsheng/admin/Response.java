package minsheng.admin;

import java.util.List;

/**
 * What the bot sends back to an admin command, a document or a button, independent of the channel: the text and
 * rows of buttons, each carrying short callback data (at most 64 bytes, ASCII).
 */
public record Response(String text, List<List<Button>> buttons) {

    public record Button(String label, String data) {}

    public Response {
        buttons = buttons.stream().map(List::copyOf).toList();
    }

    public static Response text(String text) {
        return new Response(text, List.of());
    }
}
