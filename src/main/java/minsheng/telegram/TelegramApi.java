package minsheng.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The one class that talks to the Bot API, through telegrambots 10.2 (long polling and the OkHttp client). It owns
 * every thread the library would otherwise leave running, so {@link #close()} really ends them, and it turns the
 * library's updates into {@link Incoming} and its failures into {@link ApiException}.
 *
 * <p>Works against any Bot API server at the configured base URL (Telegram's, a self-hosted one, a test server).
 * The token is only ever put into request URLs; it is never logged and not part of {@link #toString()}.
 */
public final class TelegramApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramApi.class);

    /** A command at the very start of a message: /name, optionally addressed /name@SomeBot, then its argument. */
    private static final Pattern COMMAND =
            Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?$", Pattern.DOTALL);

    /** A failed call: the Bot API's error code (0 when the server could not be reached or did not answer sense). */
    static final class ApiException extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;
        final int retryAfterSeconds;
        /** For a file refused as too large (413): its size in bytes, when known; else 0. */
        final long size;

        ApiException(int code, int retryAfterSeconds, String message, Throwable cause) {
            this(code, retryAfterSeconds, message, cause, 0);
        }

        ApiException(int code, int retryAfterSeconds, String message, Throwable cause, long size) {
            super(message, cause);
            this.code = code;
            this.retryAfterSeconds = retryAfterSeconds;
            this.size = size;
        }
    }

    /** The bot's own account, from getMe. */
    record Me(long id, String username) {}

    /** A message to send: plain text or HTML, optional inline buttons (rows), optionally as a reply to a message. */
    record Outgoing(long chatId, String text, boolean html, List<List<Button>> buttons, Integer replyTo) {
        Outgoing {
            buttons = buttons.stream().map(List::copyOf).toList();
        }

        Outgoing asPlainText(String plain) {
            return new Outgoing(chatId, plain, false, buttons, replyTo);
        }
    }

    /**
     * One result of an inline query: what the asker picks from (title, description) and the message it sends to the
     * chat (HTML, at most 4096 characters) with its buttons (links).
     */
    record Article(String id, String title, String description, String html, List<List<Button>> buttons) {
        Article {
            buttons = buttons.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A file to send: a picture (sendPhoto) or a document (sendDocument), with an optional caption in HTML (null
     * for none) and buttons under it.
     */
    record OutgoingFile(long chatId, boolean picture, String fileName, byte[] bytes, String captionHtml,
            List<List<Button>> buttons, Integer replyTo) {
        OutgoingFile {
            buttons = buttons.stream().map(List::copyOf).toList();
        }

        OutgoingFile withPlainCaption() {
            return new OutgoingFile(chatId, picture, fileName, bytes,
                    captionHtml == null ? null : Renderer.plain(captionHtml), buttons, replyTo);
        }
    }

    private final String token;
    private final TelegramUrl url;
    private final Tuning tuning;
    private final ExecutorService httpThreads;
    private final OkHttpClient http;
    private final OkHttpClient pollHttp;
    private final OkHttpTelegramClient client;
    /** The last call of a stop, which must not hold the stop past its budget. */
    private final OkHttpTelegramClient confirmClient;
    private final ScheduledExecutorService pollThread;
    private final PollWatch watch = new PollWatch();
    private TelegramBotsLongPollingApplication polling;

    /**
     * @param token   the bot token
     * @param baseUrl the Bot API base URL, scheme, host and port only (https://api.telegram.org)
     */
    public TelegramApi(String token, URI baseUrl, Tuning tuning) {
        this.token = token;
        this.tuning = tuning;
        boolean https = "https".equals(baseUrl.getScheme());
        int port = baseUrl.getPort() != -1 ? baseUrl.getPort() : https ? 443 : 80;
        this.url = new TelegramUrl(baseUrl.getScheme(), baseUrl.getHost(), port, false);
        // OkHttp's own dispatcher threads are not daemons and idle for a minute; ours are ended in close().
        this.httpThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                named("tg-http"));
        Dispatcher dispatcher = new Dispatcher(httpThreads);
        // Every call goes to one host; OkHttp's default of 5 at a time would queue the workers' sends behind each other.
        dispatcher.setMaxRequestsPerHost(Math.max(5, tuning.workers() + 4));
        dispatcher.setMaxRequests(Math.max(64, tuning.workers() + 4));
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(8, 1, TimeUnit.MINUTES))
                .connectTimeout(tuning.callTimeout())
                .readTimeout(tuning.callTimeout())
                .writeTimeout(tuning.callTimeout())
                .callTimeout(tuning.callTimeout())
                .build();
        // getUpdates is held open up to pollTimeout by the server; allow a margin before calling it stalled.
        long pollMillis = tuning.pollTimeout().toMillis() + Math.max(2000, tuning.pollTimeout().toMillis() / 5);
        this.pollHttp = http.newBuilder()
                .readTimeout(pollMillis, TimeUnit.MILLISECONDS)
                .callTimeout(pollMillis + tuning.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .addInterceptor(watch)
                .build();
        this.client = new OkHttpTelegramClient(new ObjectMapper(), http, token, url);
        this.confirmClient = new OkHttpTelegramClient(new ObjectMapper(), http.newBuilder()
                .callTimeout(1, TimeUnit.SECONDS).build(), token, url);
        this.pollThread = new ScheduledThreadPoolExecutor(1, named("tg-poll"));
    }

    // ---- calls ----

    Me me() throws ApiException {
        User user = call(new GetMe());
        return new Me(user.getId(), user.getUserName());
    }

    /** A command in Telegram's command menu. */
    record MenuItem(String name, String description) {}

    void setCommands(List<MenuItem> commands) throws ApiException {
        List<BotCommand> list = commands.stream().map(c -> new BotCommand(c.name(), c.description())).toList();
        call(SetMyCommands.builder().commands(list).build());
    }

    /** Sends a message and returns its id. */
    int send(Outgoing m) throws ApiException {
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder()
                .chatId(m.chatId())
                .text(m.text())
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        if (m.html()) {
            b.parseMode("HTML");
        }
        if (!m.buttons().isEmpty()) {
            b.replyMarkup(keyboard(m.buttons()));
        }
        if (m.replyTo() != null) {
            // The asking message may be deleted meanwhile; the reply still goes out.
            b.replyParameters(ReplyParameters.builder().messageId(m.replyTo()).allowSendingWithoutReply(true).build());
        }
        return call(b.build()).getMessageId();
    }

    /**
     * Sends a picture or a document and returns the message's id. {@code html}: whether the caption is HTML. A new
     * stream of the bytes each time, so a retry sends the whole file again.
     */
    int sendFile(OutgoingFile f, boolean html) throws ApiException {
        InputFile input = new InputFile(new ByteArrayInputStream(f.bytes()), f.fileName());
        InlineKeyboardMarkup markup = f.buttons().isEmpty() ? null : keyboard(f.buttons());
        ReplyParameters reply = f.replyTo() == null ? null
                : ReplyParameters.builder().messageId(f.replyTo()).allowSendingWithoutReply(true).build();
        String mode = html && f.captionHtml() != null ? "HTML" : null;
        try {
            Message sent;
            if (f.picture()) {
                sent = client.execute(SendPhoto.builder().chatId(f.chatId()).photo(input).caption(f.captionHtml())
                        .parseMode(mode).replyMarkup(markup).replyParameters(reply).build());
            } else {
                sent = client.execute(SendDocument.builder().chatId(f.chatId()).document(input)
                        .caption(f.captionHtml()).parseMode(mode).replyMarkup(markup).replyParameters(reply).build());
            }
            return sent.getMessageId();
        } catch (TelegramApiException e) {
            throw failure(f.picture() ? "sendPhoto" : "sendDocument", e);
        }
    }

    void edit(long chatId, int messageId, String html, List<List<Button>> buttons) throws ApiException {
        EditMessageText.EditMessageTextBuilder<?, ?> b = EditMessageText.builder()
                .chatId(chatId).messageId(messageId).text(html).parseMode("HTML");
        if (!buttons.isEmpty()) {
            b.replyMarkup(keyboard(buttons));
        }
        call(b.build());
    }

    void answerCallback(String callbackId, String text) throws ApiException {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> b = AnswerCallbackQuery.builder().callbackQueryId(callbackId);
        if (text != null) {
            b.text(text);
        }
        call(b.build());
    }

    /**
     * Answers an inline query with articles, to be cached by Telegram for {@code cacheSeconds}, for every asker
     * unless {@code personal}.
     */
    void answerInline(String queryId, List<Article> articles, int cacheSeconds, boolean personal) throws ApiException {
        List<InlineQueryResultArticle> results = new ArrayList<>();
        for (Article a : articles) {
            InlineQueryResultArticle.InlineQueryResultArticleBuilder<?, ?> b = InlineQueryResultArticle.builder()
                    .id(a.id()).title(a.title()).description(a.description())
                    .inputMessageContent(InputTextMessageContent.builder().messageText(a.html()).parseMode("HTML")
                            .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build());
            if (!a.buttons().isEmpty()) {
                b.replyMarkup(keyboard(a.buttons()));
            }
            results.add(b.build());
        }
        call(AnswerInlineQuery.builder().inlineQueryId(queryId).results(results).cacheTime(cacheSeconds)
                .isPersonal(personal).build());
    }

    void typing(long chatId) throws ApiException {
        call(SendChatAction.builder().chatId(chatId).action("typing").build());
    }

    /**
     * The bytes of a file a user sent, via getFile and the Bot API's file URL. The library's own download always
     * goes to api.telegram.org whatever the base URL, so the file is fetched here from the configured server.
     */
    byte[] download(String fileId, long maxBytes) throws ApiException {
        var file = call(new GetFile(fileId));
        if (file.getFilePath() == null) {
            throw new ApiException(0, 0, "getFile gave no file path", null);
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw new ApiException(413, 0, "file of " + file.getFileSize() + " bytes is over " + maxBytes, null,
                    file.getFileSize());
        }
        HttpUrl.Builder b = new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("file").addPathSegment("bot" + token);
        for (String segment : file.getFilePath().split("/")) {
            if (!segment.isEmpty()) {
                b.addPathSegment(segment);
            }
        }
        try (Response response = http.newCall(new Request.Builder().url(b.build()).get().build()).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new ApiException(response.code(), 0, "file download answered " + response.code(), null);
            }
            if (body.contentLength() > maxBytes) {
                throw new ApiException(413, 0, "file of " + body.contentLength() + " bytes is over " + maxBytes, null,
                        body.contentLength());
            }
            byte[] bytes = body.bytes();
            if (bytes.length > maxBytes) {
                throw new ApiException(413, 0, "file of " + bytes.length + " bytes is over " + maxBytes, null,
                        bytes.length);
            }
            return bytes;
        } catch (InterruptedIOException e) {
            throw new ApiException(0, 0, "file download timed out", e);
        } catch (IOException e) {
            throw new ApiException(0, 0, "file download failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private <T extends java.io.Serializable> T call(BotApiMethod<T> method) throws ApiException {
        try {
            return client.execute(method);
        } catch (TelegramApiException e) {
            throw failure(method.getMethod(), e);
        }
    }

    /** A failed call as an {@link ApiException}: the Bot API's code and retry_after, the token never in it. */
    private ApiException failure(String method, TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r) {
            Integer code = r.getErrorCode();
            Integer retry = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
            String description = r.getApiResponse() == null ? r.getMessage() : r.getApiResponse();
            return new ApiException(code == null ? 0 : code, retry == null ? 0 : retry,
                    method + ": " + redact(description), null);
        }
        Throwable cause = e.getCause();
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String why = cause == null ? e.getMessage() : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        return new ApiException(0, 0, method + ": " + redact(why), null);
    }

    private static InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
        List<InlineKeyboardRow> keyboard = new ArrayList<>();
        for (List<Button> row : rows) {
            keyboard.add(new InlineKeyboardRow(row.stream().map(TelegramApi::button).toList()));
        }
        return InlineKeyboardMarkup.builder().keyboard(keyboard).build();
    }

    private static InlineKeyboardButton button(Button b) {
        InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> k = InlineKeyboardButton.builder().text(b.text());
        return switch (b.kind()) {
            case CALLBACK -> k.callbackData(b.data()).build();
            case LINK -> k.url(b.data()).build();
            case SHARE -> k.switchInlineQuery(b.data()).build();
        };
    }

    // ---- polling ----

    /**
     * Starts long polling; each update not already open in {@code offsets} goes to {@code sink} on the polling thread
     * (the sink should hand work off, and settle the update in {@code offsets} once answered). Each getUpdates asks
     * from {@link Offsets#next()}, so Telegram forgets only what is settled. Throws when the session cannot start
     * (deleteWebhook failed); the caller may try again.
     */
    synchronized void startPolling(Offsets offsets, Consumer<Incoming> sink) throws ApiException {
        if (polling == null) {
            polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollThread,
                    () -> watch);
        }
        // The library hands over only updates above the last it received; one delivered again is filtered there.
        LongPollingUpdateConsumer consumer = updates -> {
            offsets.polled(!updates.isEmpty());
            for (Update update : updates) {
                if (!offsets.received(update.getUpdateId())) {
                    continue;
                }
                // Anything escaping here would end the library's polling task for good: catch everything.
                try {
                    sink.accept(incoming(update));
                } catch (RuntimeException | Error e) {
                    log.error("update {} could not be handled: {}", update.getUpdateId(), redact(String.valueOf(e)));
                    offsets.settled(update.getUpdateId());
                }
            }
        };
        try {
            polling.registerBot(token, () -> url, last -> getUpdates(offsets), consumer);
            log.info("polling {}://{}:{} for updates", url.getSchema(), url.getHost(), url.getPort());
        } catch (TelegramApiException e) {
            // registerBot keeps the failed session registered; drop it so the next attempt can register again.
            try {
                polling.unregisterBot(token);
            } catch (TelegramApiException ignored) {
                // it was not registered after all
            }
            throw new ApiException(watch.lastCode, 0, "could not start polling: " + watch.describe(), null);
        }
    }

    /** Updates the bot acts on; anything else Telegram does not send. */
    private static final List<String> ALLOWED_UPDATES =
            List.of("message", "edited_message", "callback_query", "my_chat_member", "inline_query");

    /** The next poll, from the lowest update not yet settled (not the last received, as the library would ask). */
    private GetUpdates getUpdates(Offsets offsets) {
        try {
            offsets.beforePoll();
        } catch (InterruptedException e) {
            // Stopping: the call below fails at once on this interrupted thread, and polling ends.
            Thread.currentThread().interrupt();
        }
        return GetUpdates.builder()
                .offset(offsets.next())
                .limit(100)
                .timeout((int) tuning.pollTimeout().toSeconds())
                .allowedUpdates(ALLOWED_UPDATES)
                .build();
    }

    /**
     * Tells Telegram it may forget every update below {@code offset} (a getUpdates that waits for nothing), once
     * polling has stopped: what was answered during the stop is then not delivered again. Gives up quietly after a
     * second; the journal still turns those updates away after the restart.
     */
    void confirm(int offset) {
        GetUpdates last = GetUpdates.builder().offset(offset).limit(1).timeout(0).allowedUpdates(ALLOWED_UPDATES)
                .build();
        try {
            confirmClient.execute(last);
        } catch (TelegramApiException e) {
            log.warn("could not confirm the updates answered during the stop ({}); after the restart the journal"
                    + " turns them away", redact(e.getMessage()));
        }
    }

    /** Stops asking for updates; a getUpdates call in progress is cancelled. Sending still works. */
    synchronized void stopPolling() {
        watch.stopping = true;
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                log.debug("closing the polling session: {}", redact(String.valueOf(e)));
            }
        }
        // The session only cancels its task; the thread may sit in a 50 s getUpdates or a back-off sleep.
        pollThread.shutdownNow();
        for (okhttp3.Call call : http.dispatcher().runningCalls()) {
            if (call.request().url().encodedPath().toLowerCase(Locale.ROOT).endsWith("/getupdates")) {
                call.cancel();
            }
        }
        try {
            if (!pollThread.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("the polling thread did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends polling, cancels every call still running and ends every thread this class started. */
    @Override
    public void close() {
        stopPolling();
        http.dispatcher().cancelAll();
        httpThreads.shutdownNow();
        http.connectionPool().evictAll();
        try {
            httpThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the token from text that may have picked it up (a URL in an exception message). */
    String redact(String text) {
        return text == null ? null : text.replace(token, "****");
    }

    @Override
    public String toString() {
        return "TelegramApi[" + url.getSchema() + "://" + url.getHost() + ":" + url.getPort() + ", token=****]";
    }

    // ---- updates ----

    static Incoming incoming(Update u) {
        int id = u.getUpdateId();
        if (u.hasMessage()) {
            return message(id, u.getMessage(), false);
        }
        if (u.hasEditedMessage()) {
            return message(id, u.getEditedMessage(), true);
        }
        if (u.hasCallbackQuery()) {
            CallbackQuery q = u.getCallbackQuery();
            MaybeInaccessibleMessage m = q.getMessage();
            Incoming.Chat chat = m == null || m.getChat() == null ? null : chat(m.getChat().getId(), m.getChat().getType());
            int messageId = m == null || m.getMessageId() == null ? 0 : m.getMessageId();
            long user = q.getFrom() == null ? 0 : q.getFrom().getId();
            return new Incoming.Callback(id, q.getId(), chat, user, messageId, q.getData());
        }
        if (u.hasInlineQuery()) {
            InlineQuery q = u.getInlineQuery();
            return new Incoming.Inline(id, q.getId(), q.getFrom() == null ? 0 : q.getFrom().getId(),
                    q.getQuery() == null ? "" : q.getQuery());
        }
        if (u.hasMyChatMember()) {
            ChatMemberUpdated change = u.getMyChatMember();
            Incoming.Chat chat = change.getChat() == null ? null
                    : chat(change.getChat().getId(), change.getChat().getType());
            if (chat != null && chat.isGroup() && OUTSIDE.contains(status(change.getOldChatMember()))
                    && INSIDE.contains(status(change.getNewChatMember()))) {
                return new Incoming.Joined(id, chat);
            }
            return new Incoming.Other(id, "membership change");
        }
        return new Incoming.Other(id, u.hasChannelPost() ? "channel post" : "other update");
    }

    /** The bot's status in a chat before it was added, and once it is in. */
    private static final List<String> OUTSIDE = List.of("left", "kicked");
    private static final List<String> INSIDE = List.of("member", "administrator");

    private static String status(ChatMember member) {
        return member == null ? "" : String.valueOf(member.getStatus());
    }

    private static Incoming.Message message(int updateId, Message m, boolean edited) {
        Incoming.Chat chat = chat(m.getChatId(), m.getChat() == null ? null : m.getChat().getType());
        User from = m.getFrom();
        String text = m.getText() != null ? m.getText() : m.getCaption();
        String command = null;
        String commandBot = null;
        String argument = text == null ? null : text.strip();
        // Parsed from the text and the bot_command entity: Message.isCommand() is false until getEntities() is read.
        if (m.getText() != null && startsWithCommandEntity(m.getEntities())) {
            Matcher c = COMMAND.matcher(m.getText().strip());
            if (c.matches()) {
                command = c.group(1).toLowerCase(Locale.ROOT);
                commandBot = c.group(2);
                argument = c.group(3) == null ? "" : c.group(3).strip();
            }
        }
        Long replyTo = m.getReplyToMessage() != null && m.getReplyToMessage().getFrom() != null
                ? m.getReplyToMessage().getFrom().getId() : null;
        Incoming.Document document = m.getDocument() == null ? null : new Incoming.Document(
                m.getDocument().getFileId(), m.getDocument().getFileName(),
                m.getDocument().getFileSize() == null ? -1 : m.getDocument().getFileSize());
        return new Incoming.Message(updateId, chat, from == null ? 0 : from.getId(),
                from != null && Boolean.TRUE.equals(from.getIsBot()), m.getMessageId() == null ? 0 : m.getMessageId(),
                text, command, commandBot, argument, edited, replyTo, document);
    }

    /** True when the entities mark a command at offset 0, or when there are none (a client that sends no entities). */
    private static boolean startsWithCommandEntity(List<MessageEntity> entities) {
        if (entities == null || entities.isEmpty()) {
            return true;
        }
        return entities.stream().anyMatch(e -> "bot_command".equals(e.getType()) && e.getOffset() != null
                && e.getOffset() == 0);
    }

    private static Incoming.Chat chat(Long id, String type) {
        Incoming.Chat.Kind kind = type == null ? Incoming.Chat.Kind.OTHER : switch (type) {
            case "private" -> Incoming.Chat.Kind.PRIVATE;
            case "group", "supergroup" -> Incoming.Chat.Kind.GROUP;
            default -> Incoming.Chat.Kind.OTHER;
        };
        return new Incoming.Chat(id == null ? 0 : id, kind);
    }

    // ---- polling health ----

    /**
     * Sees every getUpdates response (the library drops the status) and paces the retries: the back-off doubles
     * from its base to the cap, and each failure is logged once, saying what it means.
     */
    private final class PollWatch implements Interceptor, BackOff {
        private volatile boolean stopping;
        private volatile int lastCode;
        private volatile String lastFailure = "no answer";
        private int failures;

        @Override
        public Response intercept(Chain chain) throws IOException {
            try {
                Response response = chain.proceed(chain.request());
                lastCode = response.code();
                lastFailure = response.isSuccessful() ? null : "HTTP " + response.code();
                return response;
            } catch (IOException e) {
                lastCode = 0;
                lastFailure = e instanceof InterruptedIOException ? "no answer in time" : "network error ("
                        + e.getClass().getSimpleName() + ")";
                throw e;
            }
        }

        String describe() {
            return switch (lastCode) {
                case 401 -> "401 Unauthorized: the token is wrong or was revoked; get the current one from @BotFather";
                case 409 -> "409 Conflict: another instance of this bot is polling with the same token, or a webhook"
                        + " is set; keep one instance running";
                case 404 -> "404 Not Found: check TELEGRAM_API_URL and the token";
                case 429 -> "429 Too Many Requests";
                default -> lastFailure == null ? "an answer the library could not read" : lastFailure;
            };
        }

        @Override
        public synchronized void reset() {
            if (failures > 0) {
                log.info("polling works again after {} failed attempt(s)", failures);
                failures = 0;
            }
        }

        @Override
        public synchronized long nextBackOffMillis() {
            if (stopping) {
                return 1;
            }
            failures++;
            long wait = backOff(tuning, failures);
            if (lastCode == 401 || lastCode == 409) {
                log.error("getUpdates failed: {}; retrying in {} ms", describe(), wait);
            } else {
                log.warn("getUpdates failed: {}; retrying in {} ms", describe(), wait);
            }
            return wait;
        }
    }

    /** The wait before retrying after {@code failures} failures in a row: doubling from the base, capped. */
    static long backOff(Tuning tuning, int failures) {
        return Math.min(tuning.pollBackOffCap().toMillis(),
                tuning.pollBackOffBase().toMillis() << Math.min(Math.max(failures, 1) - 1, 20));
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
