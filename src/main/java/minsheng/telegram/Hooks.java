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

    /**
     * What to send back: plain text, rows of buttons (may be empty) and at most one file. With a file, the text is
     * its caption (what does not fit Telegram's 1024 characters follows as a message).
     */
    public record Response(String text, List<List<Button>> buttons, Attachment attachment) {
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

    /** A file to send: a picture (sendPhoto, shown in the chat) or a document (sendDocument, to download). */
    public record Attachment(boolean picture, String fileName, byte[] bytes) {}

    /**
     * Who may use the admin commands and buttons: anyone else who tries gets what an unknown command or a stale
     * button gets, so they learn nothing, and the attempt is passed to {@code refused} (to be recorded).
     */
    public interface Gate {
        boolean admits(long userId);

        void refused(Request request, String what);
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

    /** A command as shown in Telegram's command menu (description null: not listed there); admin: gated. */
    record Command(String name, String description, CommandHandler handler, boolean admin) {}

    /** Callback prefixes the channel's own buttons use; other prefixes must not start with these. */
    static final List<String> RESERVED_PREFIXES = List.of("a:", "t:", "topics");
    static final List<String> BUILT_IN_COMMANDS = List.of("start", "help", "topics", "ask");

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, CallbackHandler> callbacks = new LinkedHashMap<>();
    private final Map<String, NoticeHandler> notices = new LinkedHashMap<>();
    private final List<String> adminPrefixes = new java.util.ArrayList<>();
    private DocumentHandler documents;
    private Function<Reply, List<Button>> answerRow = reply -> List.of();
    private Gate gate;
    private String adminHelp = "";

    /**
     * Adds a command. {@code name} is what follows the slash, {@code [a-z0-9_]{1,32}}; a description (1–256
     * characters) lists it in Telegram's command menu, null keeps it unlisted (for admin commands).
     */
    public Hooks command(String name, String description, CommandHandler handler) {
        return add(name, description, handler, false);
    }

    /**
     * Sets who the admin commands and buttons are for, and the lines an admin's {@code /help} adds (a citizen's
     * lists none).
     */
    public Hooks admins(Gate gate, String help) {
        this.gate = gate;
        this.adminHelp = help;
        return this;
    }

    /** Adds an admin command: never in the menu, and for anyone the gate does not admit an unknown command. */
    public Hooks adminCommand(String name, CommandHandler handler) {
        if (gate == null) {
            throw new IllegalStateException("set the admins' gate before adding admin commands: /" + name);
        }
        return add(name, null, handler, true);
    }

    /** Routes admin buttons: a press by anyone the gate does not admit is answered as a stale button. */
    public Hooks adminCallbacks(String prefix, CallbackHandler handler) {
        if (gate == null) {
            throw new IllegalStateException("set the admins' gate before adding admin buttons: " + prefix);
        }
        callbacks.put(newPrefix(prefix), handler);
        adminPrefixes.add(prefix);
        return this;
    }

    private Hooks add(String name, String description, CommandHandler handler, boolean admin) {
        if (name == null || !name.matches("[a-z0-9_]{1,32}") || BUILT_IN_COMMANDS.contains(name)
                || commands.containsKey(name)) {
            throw new IllegalArgumentException("command name must be [a-z0-9_]{1,32}, new and not one of "
                    + BUILT_IN_COMMANDS + ", was \"" + name + "\"");
        }
        if (description != null && (description.isBlank() || description.length() > 256)) {
            throw new IllegalArgumentException("command description must be 1 to 256 characters: /" + name);
        }
        commands.put(name, new Command(name, description, handler, admin));
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

    /** Whether this user may use admin commands and buttons. */
    boolean admits(long userId) {
        return gate != null && gate.admits(userId);
    }

    /** Passes on an attempt at an admin command or button by someone the gate does not admit. */
    void refused(Request request, String what) {
        if (gate != null) {
            gate.refused(request, what);
        }
    }

    /** What {@code /help} adds for this user: the admin commands for an admin, nothing for anyone else. */
    String help(long userId) {
        return admits(userId) ? adminHelp : "";
    }

    /** Whether a button's data belongs to the admin buttons. */
    boolean adminButton(String data) {
        return adminPrefixes.stream().anyMatch(data::startsWith);
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
