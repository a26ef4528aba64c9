package minsheng.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import minsheng.answer.Conversations;
import minsheng.answer.Messages;
import minsheng.answer.Reply;
import minsheng.answer.Snapshot;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one update, as a short pipeline of named steps: filter (what the bot never answers) → group rules (in a
 * group, only what is addressed to the bot) → flood guard → parse (command, question, document, other) → act.
 * Replies come from {@link Conversations}, keyed per private chat and, in a group, per person in it; they are
 * rendered to HTML and sent in order. Button presses have a flood guard of their own, and every press is answered
 * (answerCallbackQuery). Being added to a group posts how to ask there. An inline query is answered with
 * {@link InlineResults} and its question left to {@link InlineQuestions} to record; every answer in a private chat
 * carries a share button that opens the chat picker with that answer's inline query. Runs on the chat's worker
 * thread; one update of a chat at a time.
 */
final class UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    private static final int EXAMPLE_QUESTIONS = 4;
    /** The most characters Telegram shows in a notice on a button. */
    private static final int NOTICE_LIMIT = 200;
    /** The most characters of a photo's or document's caption (after markup is read). */
    static final int CAPTION_LIMIT = 1024;

    /** Where replies go: the chat, whether it is a group, and the message to reply to (in groups). */
    record Place(long chatId, boolean group, Integer replyTo, long userId) {
        /**
         * The conversation a message belongs to: a private chat's, or in a group each person's own, so a numbered
         * choice belongs to whoever asked (another member's 「1」 does not pick from it) and a follow-up is read
         * against the asker's own question.
         */
        String key() {
            return group ? "tg:" + chatId + ":" + userId : "tg:" + chatId;
        }
    }

    /** What a message asks for, once parsed. */
    sealed interface Action {
        record Command(String name, String argument, boolean addressedToUs) implements Action {}

        record Question(String text) implements Action {}

        record Document(Incoming.Document document) implements Action {}

        record NotText() implements Action {}
    }

    private final TelegramApi.Me me;
    private final Conversations conversations;
    private final Supplier<Snapshot> snapshot;
    private final Hooks hooks;
    private final Sender sender;
    private final Downloader downloader;
    private final FloodGuard flood;
    private final FloodGuard presses;
    private final Renderer renderer;
    private final int questionLimit;
    private final InlineResults inline;
    private final InlineQuestions inlineQuestions;

    /** Fetches a document's bytes (the Bot API's getFile and file download). */
    @FunctionalInterface
    interface Downloader {
        byte[] download(String fileId, long maxBytes) throws TelegramApi.ApiException;
    }

    UpdateHandler(TelegramApi.Me me, Conversations conversations, Supplier<Snapshot> snapshot, Hooks hooks,
            Sender sender, Downloader downloader, FloodGuard flood, FloodGuard presses, Renderer renderer,
            int questionLimit, InlineResults inline, InlineQuestions inlineQuestions) {
        this.me = me;
        this.conversations = conversations;
        this.snapshot = snapshot;
        this.hooks = hooks;
        this.sender = sender;
        this.downloader = downloader;
        this.flood = flood;
        this.presses = presses;
        this.renderer = renderer;
        this.questionLimit = questionLimit;
        this.inline = inline;
        this.inlineQuestions = inlineQuestions;
    }

    /** The worker lane an update belongs to: its chat, so one chat's updates are handled in order. */
    static long lane(Incoming in) {
        if (in instanceof Incoming.Message m && m.chat() != null) {
            return m.chat().id();
        }
        if (in instanceof Incoming.Callback c) {
            return c.chat() != null ? c.chat().id() : c.userId();
        }
        if (in instanceof Incoming.Joined j) {
            return j.chat().id();
        }
        if (in instanceof Incoming.Inline q) {
            // The asker's queries in order, in a lane apart from their private chat's: an inline answer is no
            // message to that chat, so it must not wait for the chat's pace. Telegram's ids lie within ±2^53.
            return Long.MIN_VALUE + q.userId();
        }
        return 0;
    }

    void handle(Incoming in) {
        if (in instanceof Incoming.Message m) {
            message(m);
        } else if (in instanceof Incoming.Callback c) {
            callback(c);
        } else if (in instanceof Incoming.Joined j) {
            log.info("added to group {}: posting how to ask here", LogNames.chat(j.chat().id()));
            sendText(new Place(j.chat().id(), true, null, 0), groupIntro(), List.of(List.of(topicsButton())));
        } else if (in instanceof Incoming.Inline q) {
            inline(q);
        } else {
            log.debug("update {}: {} passed over", in.updateId(), ((Incoming.Other) in).what());
        }
    }

    /**
     * Tells the sender of an update the bot had to pass over, its backlog being full, to ask again; said only where
     * the bot would have answered (a person, not a bot; in a group, a message addressed to it).
     */
    void busy(Incoming in) {
        if (in instanceof Incoming.Message m && passesFilter(m) && addressedText(m).isPresent()) {
            sendText(new Place(m.chat().id(), m.chat().isGroup(), m.chat().isGroup() ? m.messageId() : null,
                    m.userId()), Messages.get("telegram.busy"), List.of());
        } else if (in instanceof Incoming.Callback c && c.chat() != null) {
            sendText(new Place(c.chat().id(), c.chat().isGroup(), null, c.userId()), Messages.get("telegram.busy"),
                    List.of());
        }
    }

    // ---- messages: filter → group rules → flood guard → parse → act ----

    private void message(Incoming.Message m) {
        if (!passesFilter(m)) {
            return;
        }
        Optional<String> text = addressedText(m);
        if (text.isEmpty()) {
            return;
        }
        Place place = new Place(m.chat().id(), m.chat().isGroup(), m.chat().isGroup() ? m.messageId() : null,
                m.userId());
        if (!underFloodLimit(place, m.updateId())) {
            return;
        }
        Action action = parse(m, text.get());
        try {
            act(place, action);
        } catch (RuntimeException e) {
            log.error("update {} chat {}: {} failed: {}", m.updateId(), LogNames.chat(place.chatId()), action, e.toString());
            sendText(place, Messages.get("telegram.error"), List.of());
        }
    }

    /** Filter: other bots, channels and chats of unknown kind are never answered. */
    private boolean passesFilter(Incoming.Message m) {
        if (m.fromBot() || m.chat() == null || m.chat().kind() == Incoming.Chat.Kind.OTHER) {
            log.debug("update {}: not from a person in a private chat or group; passed over", m.updateId());
            return false;
        }
        return true;
    }

    /**
     * Group rules: a command for another bot is never ours; in a group the bot answers only commands, messages
     * that @mention it and replies to its own messages. Gives the text to act on (the mention taken out).
     */
    private Optional<String> addressedText(Incoming.Message m) {
        String text = m.argument() == null ? "" : m.argument();
        if (m.command() != null) {
            boolean ours = m.commandBot() == null || m.commandBot().equalsIgnoreCase(me.username());
            return ours ? Optional.of(text) : Optional.empty();
        }
        if (!m.chat().isGroup()) {
            return Optional.of(text);
        }
        String mention = "@" + me.username();
        int at = text.toLowerCase(Locale.ROOT).indexOf(mention.toLowerCase(Locale.ROOT));
        if (me.username() != null && at >= 0) {
            return Optional.of((text.substring(0, at) + " " + text.substring(at + mention.length())).strip());
        }
        if (m.replyToUserId() != null && m.replyToUserId() == me.id()) {
            return Optional.of(text);
        }
        return Optional.empty();
    }

    /** Flood guard: false when the user's message is dropped (after one notice). */
    private boolean underFloodLimit(Place place, int updateId) {
        switch (flood.check(place.userId())) {
            case PASS:
                return true;
            case NOTICE:
                log.warn("user {} sends too fast; one notice, then their messages are dropped for a while",
                        LogNames.person(place.userId()));
                sendText(place, Messages.get("telegram.flood"), List.of());
                return false;
            default:
                log.debug("update {}: user {} still flooding; dropped", updateId, LogNames.person(place.userId()));
                return false;
        }
    }

    /** Parse: what the message asks for. */
    private Action parse(Incoming.Message m, String text) {
        if (m.command() != null) {
            return new Action.Command(m.command(), text, m.commandBot() != null);
        }
        if (m.document() != null && hooks.documents().isPresent()) {
            return new Action.Document(m.document());
        }
        if (m.text() == null || m.document() != null) {
            return new Action.NotText();
        }
        if (text.isBlank()) {
            // Only a mention of the bot: say how to ask.
            return new Action.Command("help", "", true);
        }
        return new Action.Question(text);
    }

    /** Act: answer the question, run the command, take the document, or ask for text. */
    private void act(Place place, Action action) {
        if (action instanceof Action.Question q) {
            question(place, q.text());
        } else if (action instanceof Action.Command c) {
            command(place, c);
        } else if (action instanceof Action.Document d) {
            document(place, d.document());
        } else {
            sendText(place, Messages.get("telegram.nontext"), List.of());
        }
    }

    private void question(Place place, String text) {
        String asked = text.length() > questionLimit ? cut(text, questionLimit) : text;
        sender.typing(place.chatId());
        Reply reply = conversations.reply(place.key(), asked);
        log.info("chat {}: {} {}{} (score {})", LogNames.chat(place.chatId()), reply.kind(), reply.entryIds(),
                reply.caveated() ? " caveat " + reply.caveat() : "", String.format(Locale.ROOT, "%.2f", reply.score()));
        sendReply(place, reply);
    }

    private void command(Place place, Action.Command c) {
        switch (c.name()) {
            case "start" -> start(place, c.argument());
            case "help" -> {
                // An admin's /help lists the admin commands too; a citizen's lists none.
                String admin = place.group() ? "" : hooks.help(place.userId());
                sendText(place, Messages.get("telegram.help", reportName()) + (admin.isEmpty() ? "" : "\n\n" + admin),
                        List.of());
            }
            case "topics" -> topics(place);
            case "ask" -> {
                if (c.argument().isBlank()) {
                    sendText(place, Messages.get("telegram.ask.empty"), List.of());
                } else {
                    question(place, c.argument());
                }
            }
            default -> {
                Optional<Hooks.Command> hook = hooks.command(c.name())
                        .filter(h -> !h.admin() || admitted(place, "/" + c.name(), c.argument()));
                if (hook.isPresent()) {
                    respond(place, "/" + c.name(), () -> hook.get().handler().handle(request(place, c.argument())));
                } else if (!place.group() || c.addressedToUs()) {
                    // In a group, /other without @ may be meant for another bot: stay silent then.
                    sendText(place, Messages.get("telegram.command.unknown"), List.of());
                }
            }
        }
    }

    /**
     * Whether the sender may use an admin command or button. Anyone else is told nothing they could learn from (what
     * an unknown command or a stale button gets), and the attempt is passed on to be recorded.
     */
    private boolean admitted(Place place, String what, String argument) {
        if (hooks.admits(place.userId())) {
            return true;
        }
        hooks.refused(request(place, argument), what);
        return false;
    }

    private void start(Place place, String payload) {
        if (place.group() && payload.isBlank()) {
            // Plain messages in a group are not for the bot: say how to ask here instead of 「直接发问题给我」.
            conversations.forget(place.key());
            sendText(place, groupIntro(), List.of(List.of(topicsButton())));
            return;
        }
        if (!payload.isBlank()) {
            Optional<Reply> answer = DeepLinks.entryId(payload.strip())
                    .flatMap(id -> conversations.answer(place.key(), id));
            if (answer.isPresent()) {
                log.info("chat {}: deep link to {}", LogNames.chat(place.chatId()), answer.get().entryIds());
                sendReply(place, answer.get());
                return;
            }
            sendText(place, Messages.get("telegram.deeplink.gone"), List.of(List.of(topicsButton())));
            return;
        }
        conversations.forget(place.key());
        List<List<Button>> buttons = new ArrayList<>();
        for (Entry e : examples(snapshot.get().knowledge())) {
            answerButton(e.standardQuestion(), e.id()).ifPresent(b -> buttons.add(List.of(b)));
        }
        buttons.add(List.of(topicsButton()));
        sendText(place, Messages.get("telegram.start", reportName()), buttons);
    }

    /** A few example questions: the first entry of the first topics, the overview last, as it is the least concrete. */
    static List<Entry> examples(KnowledgeBase knowledge) {
        List<Topic> topics = new ArrayList<>(knowledge.topics());
        if (topics.remove(Topic.OVERVIEW)) {
            topics.add(Topic.OVERVIEW);
        }
        List<Entry> examples = new ArrayList<>();
        for (Topic t : topics) {
            knowledge.entries().stream().filter(e -> e.topic() == t).findFirst().ifPresent(examples::add);
            if (examples.size() == EXAMPLE_QUESTIONS) {
                break;
            }
        }
        return examples;
    }

    /** How to ask the bot in a group: /ask, an @mention, or a reply to it. */
    private String groupIntro() {
        return Messages.get("telegram.group.intro", reportName(), me.username());
    }

    private void topics(Place place) {
        sendText(place, Messages.get("telegram.topics"), topicButtons());
    }

    /**
     * A document: nothing is downloaded unless its sender may send documents (an admin) and what the message
     * declares — name, size — passes the handler's checks.
     */
    private void document(Place place, Incoming.Document d) {
        Hooks.DocumentHandler documents = hooks.documents().orElseThrow();
        Hooks.Request request = request(place, "");
        if (!documents.accepts(request)) {
            log.debug("chat {}: a document from someone who may not send one; not downloaded",
                    LogNames.chat(place.chatId()));
            sendText(place, Messages.get("telegram.nontext"), List.of());
            return;
        }
        String name = d.fileName() == null ? "" : d.fileName();
        respond(place, "document " + name, () -> {
            Optional<Hooks.Response> refused = documents.check(request, name, d.size());
            if (refused.isPresent()) {
                return refused.get();
            }
            byte[] bytes;
            try {
                bytes = downloader.download(d.fileId(), documents.maxBytes());
            } catch (TelegramApi.ApiException e) {
                log.warn("chat {}: document {} could not be fetched: {}", LogNames.chat(place.chatId()), name,
                        e.getMessage());
                if (e.code == 413 && e.size > 0) {
                    // Larger than it said: refused by the same check, now with its real size.
                    Optional<Hooks.Response> tooLarge = documents.check(request, name, e.size);
                    if (tooLarge.isPresent()) {
                        return tooLarge.get();
                    }
                }
                if (e.code == 400 && e.getMessage().toLowerCase(Locale.ROOT).contains("file is too big")) {
                    return Hooks.Response.text(Messages.get("telegram.document.toobig"));
                }
                return Hooks.Response.text(Messages.get("telegram.document.failed", String.valueOf(e.code)));
            }
            return documents.handle(request, name, bytes);
        });
    }

    // ---- inline queries ----

    /** Answers an inline query; its question is handed on to be recorded first, which costs the answer nothing. */
    private void inline(Incoming.Inline q) {
        InlineResults.Answer answer = inline.answer(q.query());
        if (answer.reply() != null) {
            inlineQuestions.asked(q.userId(), answer.query(), answer.reply());
        }
        sender.answerInline(q.userId(), q.id(), answer.articles(), InlineResults.CACHE_SECONDS);
        log.info("inline {}: {} {} → {} result(s)", LogNames.person(q.userId()),
                answer.reply() == null ? "TOPICS" : answer.reply().kind(),
                answer.reply() == null ? List.of() : answer.reply().entryIds(), answer.articles().size());
    }

    // ---- buttons ----

    private void callback(Incoming.Callback c) {
        long chat = c.chat() == null ? c.userId() : c.chat().id();
        if (c.chat() == null || c.chat().kind() == Incoming.Chat.Kind.OTHER) {
            sender.answerCallback(chat, c.id(), null);
            return;
        }
        Place place = new Place(chat, c.chat().isGroup(), c.chat().isGroup() && c.messageId() > 0 ? c.messageId()
                : null, c.userId());
        // Every press is answered, even a dropped one, or the button keeps spinning; a flood of presses is told so
        // on the button, never in the chat. Presses are counted apart from messages.
        FloodGuard.Verdict verdict = presses.check(c.userId());
        if (verdict != FloodGuard.Verdict.PASS) {
            if (verdict == FloodGuard.Verdict.NOTICE) {
                log.warn("user {} presses buttons too fast; one notice, then their presses are dropped for a while",
                        LogNames.person(c.userId()));
            }
            sender.answerCallback(chat, c.id(), verdict == FloodGuard.Verdict.NOTICE
                    ? Messages.get("telegram.flood.presses") : null);
            return;
        }
        String data = c.data() == null ? "" : c.data();
        Optional<Hooks.NoticeHandler> notice = hooks.notice(data);
        if (notice.isPresent()) {
            sender.answerCallback(chat, c.id(), notice(place, data, notice.get()));
            return;
        }
        sender.answerCallback(chat, c.id(), null);
        try {
            if (data.startsWith("a:")) {
                Optional<Reply> answer = conversations.answer(place.key(), data.substring(2));
                log.info("chat {}: button for {} ({})", LogNames.chat(chat), data.substring(2), answer.isPresent() ? "answered" : "gone");
                if (answer.isPresent()) {
                    sendReply(place, answer.get());
                } else {
                    gone(place);
                }
            } else if (data.startsWith("t:")) {
                topic(place, data.substring(2));
            } else if (data.equals("topics")) {
                topics(place);
            } else {
                Optional<Hooks.CallbackHandler> hook = hooks.callback(data)
                        .filter(h -> !hooks.adminButton(data) || admitted(place, "button " + data, data));
                if (hook.isPresent()) {
                    respond(place, "button " + data, () -> hook.get().handle(request(place, data)));
                } else {
                    gone(place);
                }
            }
        } catch (RuntimeException e) {
            log.error("update {} chat {}: button {} failed: {}", c.updateId(), LogNames.chat(chat), data, e.toString());
            sendText(place, Messages.get("telegram.error"), List.of());
        }
    }

    /** The notice a handler gives for a press, at most what Telegram shows; a failure is logged and said plainly. */
    private String notice(Place place, String data, Hooks.NoticeHandler handler) {
        String text;
        try {
            text = handler.handle(request(place, data));
        } catch (Exception e) {
            log.error("chat {}: button {} failed: {}", LogNames.chat(place.chatId()), data, e.toString());
            text = Messages.get("telegram.error");
        }
        return text == null || text.length() <= NOTICE_LIMIT ? text : text.substring(0, NOTICE_LIMIT - 1) + "…";
    }

    private void topic(Place place, String name) {
        KnowledgeBase knowledge = snapshot.get().knowledge();
        Optional<Topic> topic = knowledge.topics().stream().filter(t -> t.name().equals(name)).findFirst();
        if (topic.isEmpty()) {
            gone(place);
            return;
        }
        List<List<Button>> buttons = new ArrayList<>();
        knowledge.entries().stream().filter(e -> e.topic() == topic.get())
                .forEach(e -> answerButton(e.standardQuestion(), e.id()).ifPresent(b -> buttons.add(List.of(b))));
        buttons.add(List.of(topicsButton()));
        sendText(place, Messages.get("telegram.topic", topic.get().label()), buttons);
    }

    private void gone(Place place) {
        sendText(place, Messages.get("telegram.gone"), List.of(List.of(topicsButton())));
    }

    private List<List<Button>> topicButtons() {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (Topic t : snapshot.get().knowledge().topics()) {
            row.add(new Button(t.label(), "t:" + t.name()));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static Button topicsButton() {
        return new Button(Messages.get("telegram.button.topics"), "topics");
    }

    /** A button that answers an entry; none when the id would not fit in callback data. */
    static Optional<Button> answerButton(String label, String entryId) {
        String data = "a:" + entryId;
        return data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= Button.MAX_DATA_BYTES
                ? Optional.of(new Button(label, data)) : Optional.empty();
    }

    // ---- sending ----

    private void sendReply(Place place, Reply reply) {
        List<List<Button>> buttons = new ArrayList<>();
        switch (reply.kind()) {
            case ANSWER -> {
                reply.related().forEach(s -> answerButton(s.question(), s.entryId())
                        .ifPresent(b -> buttons.add(List.of(b))));
                List<Button> extra = hooks.answerButtons(reply);
                if (!extra.isEmpty()) {
                    buttons.add(extra);
                }
                // In a group the answer is already where the family talks.
                if (!place.group()) {
                    inline.shareQuery(reply).ifPresent(q -> buttons.add(List.of(
                            Button.share(Messages.get("telegram.button.share"), q))));
                }
            }
            case SUGGEST -> {
                int n = 0;
                for (Reply.Suggestion s : reply.suggestions()) {
                    n++;
                    answerButton(n + ". " + s.question(), s.entryId()).ifPresent(b -> buttons.add(List.of(b)));
                }
            }
            // A decline naming what the report does say about the subject offers those entries, not every topic.
            case DECLINE -> {
                if (reply.related().isEmpty()) {
                    buttons.addAll(topicButtons());
                } else {
                    reply.related().forEach(s -> answerButton(s.question(), s.entryId())
                            .ifPresent(b -> buttons.add(List.of(b))));
                }
            }
            case SMALLTALK -> { }
        }
        send(place, renderer.html(reply.text(), reply.figures()), buttons);
    }

    private void sendText(Place place, String text, List<List<Button>> buttons) {
        send(place, renderer.html(text), buttons);
    }

    /** Sends the parts in order; the buttons go under the last part, the first part replies to the asking message. */
    private void send(Place place, List<String> parts, List<List<Button>> buttons) {
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            TelegramApi.Outgoing out = new TelegramApi.Outgoing(place.chatId(), parts.get(i), true,
                    last ? buttons : List.of(), i == 0 ? place.replyTo() : null);
            if (sender.send(out, place.group()) == null) {
                return;
            }
        }
    }

    @FunctionalInterface
    private interface HookCall {
        Hooks.Response call() throws Exception;
    }

    /** Runs a registered handler and sends what it returns; a failure is logged and the user told plainly. */
    private void respond(Place place, String what, HookCall call) {
        Hooks.Response response;
        try {
            response = call.call();
        } catch (Exception e) {
            log.error("chat {}: {} failed: {}", LogNames.chat(place.chatId()), what, e.toString());
            response = Hooks.Response.text(Messages.get("telegram.error"));
        }
        if (response != null && response.attachment() != null) {
            sendFile(place, response.attachment(), response.text() == null ? "" : response.text(),
                    response.buttons());
        } else if (response != null && response.text() != null && !response.text().isBlank()) {
            sendText(place, response.text(), response.buttons());
        }
    }

    /**
     * A file with its text as caption: as many whole lines as fit Telegram's caption limit, the rest as messages
     * after it; the buttons go under the last.
     */
    private void sendFile(Place place, Hooks.Attachment file, String text, List<List<Button>> buttons) {
        String caption = captionPart(text);
        String rest = text.substring(caption.length()).strip();
        String html = caption.isBlank() ? null : String.join("", renderer.html(caption.strip()));
        TelegramApi.OutgoingFile out = new TelegramApi.OutgoingFile(place.chatId(), file.picture(), file.fileName(),
                file.bytes(), html, rest.isEmpty() ? buttons : List.of(), place.replyTo());
        if (sender.sendFile(out, place.group()) != null && !rest.isEmpty()) {
            send(place, renderer.html(rest), buttons);
        }
    }

    /** The longest run of whole lines from the start of {@code text} within the caption limit (cut hard if none). */
    static String captionPart(String text) {
        if (text.length() <= CAPTION_LIMIT) {
            return text;
        }
        int end = text.lastIndexOf('\n', CAPTION_LIMIT);
        if (end <= 0) {
            end = Character.isLowSurrogate(text.charAt(CAPTION_LIMIT)) ? CAPTION_LIMIT - 1 : CAPTION_LIMIT;
        }
        return text.substring(0, end);
    }

    private static Hooks.Request request(Place place, String argument) {
        return new Hooks.Request(place.userId(), place.chatId(), place.group(), argument);
    }

    private String reportName() {
        return "《" + snapshot.get().knowledge().report().title() + "》";
    }

    /** The first {@code limit} characters, not splitting a surrogate pair. */
    private static String cut(String text, int limit) {
        int end = Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
        return text.substring(0, end);
    }
}
