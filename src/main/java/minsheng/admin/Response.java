package minsheng.admin;

import java.util.List;

/**
 * What the bot sends back to an admin command, a document or a button, independent of the channel: the text, rows
 * of buttons, each carrying short callback data (at most 64 bytes, ASCII), and at most one file (a chart, an export)
 * the text goes with.
 */
public record Response(String text, List<List<Button>> buttons, Attachment attachment) {

    public record Button(String label, String data) {}

    /** A file sent with the text: a picture shown in the chat, or a document to download. */
    public record Attachment(boolean picture, String fileName, byte[] bytes) {}

    public Response {
        buttons = buttons.stream().map(List::copyOf).toList();
    }

    public Response(String text, List<List<Button>> buttons) {
        this(text, buttons, null);
    }

    public static Response text(String text) {
        return new Response(text, List.of());
    }
}
