package minsheng.telegram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import minsheng.answer.Reply;

/**
 * What other parts of the bot (the admin features) add to the Telegram channel, registered by the composition root:
 * extra commands, a handler for documents users send, and callback-data prefixes for their own buttons — those whose
 * press is answered in the chat, and those acknowledged only by a short notice on the button (a vote). Handlers run
 * on the chat's worker thread; what they return is sent as plain text (escaped) with optional buttons.
 */
public final class Hooks {

    /** Who asked, where, and the text after the command (or the callback data, for a button). */
    public record Request(long userId, long chatId, boolean group, String argument) {}

    /** What to send back: plain text and rows of buttons (may be empty). */
    public record Response(String text, List<List<Button>> buttons) {
        public Response {
            buttons = buttons.stream().map(List::copyOf).toList();
        }

        public static Response text(String text) {
            return new Response(text, List.of());
        }
    }

    /** A command such as /reload. */
    @FunctionalInterface
    public interface CommandHandler {
        Response handle(Request request) throws Exception;
    }

    /**
     * Documents users send, taken in three steps so nothing is downloaded that will be refused: who sent it, then
     * what the message declares (name, size), then the bytes (fetched through getFile, at most {@link #maxBytes()}).
     */
    public interface DocumentHandler {
        /** Whether documents from this sender are read at all; anyone else is told the bot reads text questions. */
        boolean accepts(Request request);

        /** A refusal decided from the message alone, before anything is downloaded; empty to download the file. */
        Optional<Response> check(Request request, String fileName, long declaredSize);

        /** The most bytes downloaded; a file that turns out larger is refused. */
        long maxBytes();

        Response handle(Request request, String fileName, byte[] bytes) throws Exception;
    }

    /** A tap on a button whose callback data starts with the registered prefix; the request's argument is the data. */
    @FunctionalInterface
    public interface CallbackHandler {
        Response handle(Request request) throws Exception;
    }

    /**
     * A tap on a button acknowledged only by a short notice shown on the button (answerCallbackQuery, at most 200
     * characters), never by a message in the chat, where in a group everyone would see it. The request's argument is
     * the callback data.
     */
    @FunctionalInterface
    public interface NoticeHandler {
        String handle(Request request) throws Exception;
    }

    /** A command as shown in Telegram's command menu (description null: not listed there). */
    record Command(String name, String description, CommandHandler handler) {}

    /** Callback prefixes the channel's own buttons use; other prefixes must not start with these. */
    static final List<String> RESERVED_PREFIXES = List.of("a:", "t:", "topics");
    static final List<String> BUILT_IN_COMMANDS = List.of("start", "help", "topics", "ask");

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, CallbackHandler> callbacks = new LinkedHashMap<>();
    private final Map<String, NoticeHandler> notices = new LinkedHashMap<>();
    private DocumentHandler documents;
    private Function<Reply, List<Button>> answerRow = reply -> List.of();

    /**
     * Adds a command. {@code name} is what follows the slash, {@code [a-z0-9_]{1,32}}; a description (1–256
     * characters) lists it in Telegram's command menu, null keeps it unlisted (for admin commands).
     */
    public Hooks command(String name, String description, CommandHandler handler) {
        if (name == null || !name.matches("[a-z0-9_]{1,32}") || BUILT_IN_COMMANDS.contains(name)
                || commands.containsKey(name)) {
            throw new IllegalArgumentException("command name must be [a-z0-9_]{1,32}, new and not one of "
                    + BUILT_IN_COMMANDS + ", was \"" + name + "\"");
        }
        if (description != null && (description.isBlank() || description.length() > 256)) {
            throw new IllegalArgumentException("command description must be 1 to 256 characters: /" + name);
        }
        commands.put(name, new Command(name, description, handler));
        return this;
    }

    /** Sets the handler for documents users send (only one). */
    public Hooks documents(DocumentHandler handler) {
        if (documents != null) {
            throw new IllegalStateException("a document handler is already set");
        }
        documents = handler;
        return this;
    }

    /** Routes buttons whose callback data starts with {@code prefix} (ASCII, 1–16 characters) to the handler. */
    public Hooks callbacks(String prefix, CallbackHandler handler) {
        callbacks.put(newPrefix(prefix), handler);
        return this;
    }

    /** Routes buttons whose callback data starts with {@code prefix} to a handler answered by a notice only. */
    public Hooks notices(String prefix, NoticeHandler handler) {
        notices.put(newPrefix(prefix), handler);
        return this;
    }

    private String newPrefix(String prefix) {
        if (prefix == null || !prefix.matches("[!-~]{1,16}")
                || RESERVED_PREFIXES.stream().anyMatch(r -> r.startsWith(prefix) || prefix.startsWith(r))
                || java.util.stream.Stream.concat(callbacks.keySet().stream(), notices.keySet().stream())
                        .anyMatch(p -> p.startsWith(prefix) || prefix.startsWith(p))) {
            throw new IllegalArgumentException("callback prefix must be 1 to 16 ASCII characters that overlap neither "
                    + RESERVED_PREFIXES + " nor another prefix, was \"" + prefix + "\"");
        }
        return prefix;
    }

    /** Adds one row of buttons under every answer, made from the reply (e.g. helpful / not helpful); only one. */
    public Hooks answerButtons(Function<Reply, List<Button>> row) {
        answerRow = row;
        return this;
    }

    List<Button> answerButtons(Reply reply) {
        return answerRow.apply(reply);
    }

    Optional<Command> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    List<Command> commands() {
        return List.copyOf(commands.values());
    }

    Optional<DocumentHandler> documents() {
        return Optional.ofNullable(documents);
    }

    Optional<CallbackHandler> callback(String data) {
        return callbacks.entrySet().stream().filter(e -> data.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }

    Optional<NoticeHandler> notice(String data) {
        return notices.entrySet().stream().filter(e -> data.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }
}
