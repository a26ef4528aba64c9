package minsheng.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-JVM Bot API server on 127.0.0.1 (JDK HttpServer) that the real telegrambots client talks to through the
 * configured base URL. It queues updates (ids from 1) and delivers them as Telegram does: getUpdates forgets every
 * update below its {@code offset} (confirmed) and hands back every one at or above it, again and again, until a later
 * offset confirms it — so an update the bot never confirmed is delivered again after a restart. It holds getUpdates
 * briefly when there are none, records every message sent, edited and every callback answer (with its notice) per
 * chat, checks what Telegram checks (text length, callback data size, HTML markup), can be scripted to fail (429 with
 * retry_after, 500, a stall, 409, 401, a method answering 404) or to take its time accepting messages, and counts
 * sends per chat and overall, optionally answering 429 when Telegram's limits are exceeded. It delivers inline
 * queries and records each answerInlineQuery with its results, refusing what Telegram refuses (an unknown or
 * already answered query, more than 50 results, result ids over 64 bytes or repeated, an article without title or
 * text, text over 4096 characters, broken HTML, bad buttons).
 *
 * <p>Reusable by any test: start it, point {@link TelegramApi} at {@link #url()} with {@link #TOKEN}, queue updates
 * with {@link #text} and friends, and wait for what users receive with {@link #awaitSent}.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token_for_the_fake";
    public static final long BOT_ID = 777000;
    public static final String BOT_USERNAME = "MinshengTestBot";
    /** The largest file Telegram lets a bot download. */
    static final long DOWNLOAD_LIMIT = 20L * 1024 * 1024;
    /** The most characters of a caption, after markup is read. */
    static final int CAPTION_LIMIT = 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)$");
    private static final Pattern FILE_PATH = Pattern.compile("^/file/bot([^/]+)/(.+)$");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z]+)[^>]*>");
    private static final List<String> ALLOWED_TAGS =
            List.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote",
                    "tg-spoiler", "span");

    /** A button as sent: its label and what it does — callback data, a URL or an inline query to share (else null). */
    public record SentButton(String text, String data, String url, String switchInlineQuery) {}

    /**
     * One thing the bot did in a chat: a sendMessage ("send"), an editMessageText ("edit"), a sendPhoto ("photo") or
     * a sendDocument ("document": then {@code text} is the caption, and the file's name and bytes are kept).
     *
     * @param parseMode "HTML" or null
     * @param replyTo   the message it replies to, or null
     */
    public record Sent(String method, long chatId, int messageId, String text, String parseMode,
            List<List<SentButton>> buttons, Integer replyTo, String fileName, byte[] file) {

        Sent(String method, long chatId, int messageId, String text, String parseMode, List<List<SentButton>> buttons,
                Integer replyTo) {
            this(method, chatId, messageId, text, parseMode, buttons, replyTo, null, null);
        }

        /** Every button label, row by row, flattened. */
        public List<String> buttonTexts() {
            return buttons.stream().flatMap(List::stream).map(SentButton::text).toList();
        }

        /** The callback data of every button that has some, row by row, flattened. */
        public List<String> buttonData() {
            return buttons.stream().flatMap(List::stream).map(SentButton::data).filter(d -> d != null).toList();
        }

        /** The inline query of every share (switch_inline_query) button. */
        public List<String> shareQueries() {
            return buttons.stream().flatMap(List::stream).map(SentButton::switchInlineQuery)
                    .filter(q -> q != null).toList();
        }

        /** The text as the user sees it (HTML tags removed, entities decoded). */
        public String plainText() {
            return "HTML".equalsIgnoreCase(parseMode) ? text.replaceAll("<[^>]+>", "").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&") : text;
        }
    }

    /** One result of an inline answer: an article with the message it sends and its buttons. */
    public record InlineResult(String type, String id, String title, String description, String text,
            String parseMode, List<List<SentButton>> buttons) {

        /** The message as the chat sees it (HTML tags removed, entities decoded). */
        public String plainText() {
            return new Sent("inline", 0, 0, text, parseMode, buttons, null).plainText();
        }

        public List<String> buttonUrls() {
            return buttons.stream().flatMap(List::stream).map(SentButton::url).toList();
        }
    }

    /** An answerInlineQuery the fake took. */
    public record InlineAnswer(String queryId, List<InlineResult> results, Integer cacheTime, Boolean personal) {}

    /** A scripted fault for a method: how many calls it hits and what they get. */
    private record Fault(int status, String description, int retryAfter, long stallMillis) {}

    private final HttpServer server;
    private final ExecutorService threads;
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1);
    private final AtomicInteger nextMessageId = new AtomicInteger(1000);
    private final Map<Long, String> chatTypes = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<String> callbackAnswers = new ArrayList<>();
    private final List<String> openInlineQueries = new ArrayList<>();
    private final List<InlineAnswer> inlineAnswers = new ArrayList<>();
    private final Map<String, String> callbackNotices = new HashMap<>();
    private final Map<Integer, Integer> deliveries = new HashMap<>();
    private int confirmedBelow = 0;
    private volatile boolean ignoreOffsets;
    private volatile long sendDelayMillis;
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, Integer> unsupported = new HashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Long> realSizes = new HashMap<>();
    private final Map<Long, Deque<Long>> sendTimes = new HashMap<>();
    private final Deque<Long> allSendTimes = new ArrayDeque<>();
    private volatile JsonNode commands;
    private volatile long holdMillis = 300;
    private volatile String acceptedToken = TOKEN;
    private int perChatPerSecond = 0;
    private int perGroupPerMinute = 0;
    private int globalPerSecond = 0;
    private int limitRejections = 0;

    public FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The base URL to give as TELEGRAM_API_URL. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    // ---- updates a test sends ----

    /** A text message from a user in a private chat (the chat id is the user id). Returns the message id. */
    public int text(long userId, String text) {
        return message(userId, "private", userId, text, null);
    }

    /** A text message in a group (negative chat id), optionally replying to a message by {@code replyToUser}. */
    public int groupText(long chatId, long userId, String text, Long replyToUser) {
        ObjectNode reply = null;
        if (replyToUser != null) {
            reply = JSON.createObjectNode();
            reply.put("message_id", nextMessageId.getAndIncrement());
            reply.put("date", now());
            reply.set("chat", chat(chatId, "supergroup"));
            reply.set("from", user(replyToUser, replyToUser == BOT_ID));
            reply.put("text", "……");
        }
        return message(chatId, "supergroup", userId, text, reply);
    }

    /** An edited text message (edited_message) in a private chat. */
    public int editedText(long userId, int messageId, String text) {
        ObjectNode m = messageNode(userId, "private", userId, text, null, messageId);
        m.put("edit_date", now());
        return queue("edited_message", m);
    }

    /** A sticker (no text) in a private chat. */
    public int sticker(long userId) {
        ObjectNode m = messageNode(userId, "private", userId, null, null, nextMessageId.getAndIncrement());
        ObjectNode sticker = m.putObject("sticker");
        sticker.put("file_id", "sticker-1");
        sticker.put("file_unique_id", "s1");
        sticker.put("type", "regular");
        sticker.put("width", 512);
        sticker.put("height", 512);
        sticker.put("is_animated", false);
        sticker.put("is_video", false);
        sticker.put("emoji", "👍");
        return queue("message", m);
    }

    /** A location (no text) in a private chat. */
    public int location(long userId) {
        ObjectNode m = messageNode(userId, "private", userId, null, null, nextMessageId.getAndIncrement());
        ObjectNode loc = m.putObject("location");
        loc.put("latitude", 37.87);
        loc.put("longitude", 112.55);
        return queue("message", m);
    }

    /** A document the user sends; its bytes are served through getFile and the file URL. */
    public int document(long userId, String fileName, byte[] bytes, String caption) {
        return document(userId, fileName, bytes, bytes.length, caption);
    }

    /** A document whose message declares {@code declaredSize} bytes (what Telegram tells before any download). */
    public int document(long userId, String fileName, byte[] bytes, long declaredSize, String caption) {
        String fileId = "file-" + (files.size() + 1);
        synchronized (this) {
            files.put(fileId, bytes);
        }
        ObjectNode m = messageNode(userId, "private", userId, null, null, nextMessageId.getAndIncrement());
        if (caption != null) {
            m.put("caption", caption);
        }
        ObjectNode doc = m.putObject("document");
        doc.put("file_id", fileId);
        doc.put("file_unique_id", "u" + fileId);
        doc.put("file_name", fileName);
        doc.put("file_size", declaredSize);
        return queue("message", m);
    }

    /**
     * A document whose message declares no size (file_size is optional in the Bot API) and which is {@code realSize}
     * bytes: getFile refuses it as Telegram does when that is over the 20 MB a bot may download.
     */
    public int undeclaredDocument(long userId, String fileName, long realSize) {
        String fileId = "file-" + (files.size() + 1);
        synchronized (this) {
            files.put(fileId, new byte[0]);
            realSizes.put(fileId, realSize);
        }
        ObjectNode m = messageNode(userId, "private", userId, null, null, nextMessageId.getAndIncrement());
        ObjectNode doc = m.putObject("document");
        doc.put("file_id", fileId);
        doc.put("file_unique_id", "u" + fileId);
        doc.put("file_name", fileName);
        return queue("message", m);
    }

    /**
     * The bot's own membership changed in a group (my_chat_member), by {@code byUser}: "left" → "member" is the bot
     * being added. Returns the update id.
     */
    public int myChatMember(long chatId, long byUser, String oldStatus, String newStatus) {
        ObjectNode change = JSON.createObjectNode();
        change.set("chat", chat(chatId, "supergroup"));
        change.set("from", user(byUser, false));
        change.put("date", now());
        ObjectNode old = change.putObject("old_chat_member");
        old.put("status", oldStatus);
        old.set("user", user(BOT_ID, true));
        ObjectNode now = change.putObject("new_chat_member");
        now.put("status", newStatus);
        now.set("user", user(BOT_ID, true));
        if ("administrator".equals(newStatus)) {
            for (String right : List.of("can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
                    "can_manage_video_chats", "can_restrict_members", "can_promote_members", "can_change_info",
                    "can_invite_users")) {
                now.put(right, false);
            }
        }
        synchronized (this) {
            chatTypes.put(chatId, "supergroup");
        }
        return queue("my_chat_member", change);
    }

    /** A tap on an inline button under message {@code messageId} in a chat. Returns the callback query id. */
    public String callback(long chatId, long userId, int messageId, String data) {
        String id = "cb" + nextUpdateId.get();
        ObjectNode q = JSON.createObjectNode();
        q.put("id", id);
        q.set("from", user(userId, false));
        ObjectNode m = q.putObject("message");
        m.put("message_id", messageId);
        m.put("date", now());
        m.set("chat", chat(chatId, chatId < 0 ? "supergroup" : "private"));
        m.set("from", user(BOT_ID, true));
        m.put("text", "……");
        q.put("chat_instance", "ci" + chatId);
        q.put("data", data);
        queue("callback_query", q);
        return id;
    }

    /**
     * An inline query, as Telegram sends one while a person types 「@bot query」 in any chat. Returns its id, which
     * an answerInlineQuery must name (once).
     */
    public String inlineQuery(long userId, String query) {
        String id = "iq" + nextUpdateId.get();
        ObjectNode q = JSON.createObjectNode();
        q.put("id", id);
        q.set("from", user(userId, false));
        q.put("query", query);
        q.put("offset", "");
        q.put("chat_type", "supergroup");
        synchronized (this) {
            openInlineQueries.add(id);
        }
        queue("inline_query", q);
        return id;
    }

    /** Any update, given as the JSON of its one field (e.g. "channel_post" and a message object). */
    public int raw(String field, String json) throws IOException {
        return queue(field, (ObjectNode) JSON.readTree(json));
    }

    private int message(long chatId, String type, long userId, String text, ObjectNode replyTo) {
        return queue("message", messageNode(chatId, type, userId, text, replyTo, nextMessageId.getAndIncrement()));
    }

    private ObjectNode messageNode(long chatId, String type, long userId, String text, ObjectNode replyTo, int id) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", id);
        m.put("date", now());
        m.set("chat", chat(chatId, type));
        m.set("from", user(userId, false));
        if (text != null) {
            m.put("text", text);
            // As Telegram does: a leading /command is marked with a bot_command entity.
            Matcher c = Pattern.compile("^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?").matcher(text);
            if (c.find()) {
                ObjectNode e = m.putArray("entities").addObject();
                e.put("type", "bot_command");
                e.put("offset", 0);
                e.put("length", c.end());
            }
        }
        if (replyTo != null) {
            m.set("reply_to_message", replyTo);
        }
        synchronized (this) {
            chatTypes.put(chatId, type);
        }
        return m;
    }

    private synchronized int queue(String field, ObjectNode payload) {
        int id = nextUpdateId.getAndIncrement();
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", id);
        u.set(field, payload);
        updates.add(u);
        notifyAll();
        return payload.has("message_id") ? payload.get("message_id").asInt() : id;
    }

    private static ObjectNode chat(long id, String type) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("type", type);
        if (!"private".equals(type)) {
            c.put("title", "民生群");
        } else {
            c.put("first_name", "市民");
        }
        return c;
    }

    private static ObjectNode user(long id, boolean bot) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", id);
        u.put("is_bot", bot);
        u.put("first_name", bot ? "民生问答" : "市民");
        if (bot) {
            u.put("username", BOT_USERNAME);
        }
        return u;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    // ---- faults ----

    /** The next {@code times} calls of {@code method} answer this error (429 with retryAfter > 0 carries it). */
    public synchronized FakeBotApi fail(String method, int times, int status, String description, int retryAfter) {
        Deque<Fault> q = faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(new Fault(status, description, retryAfter, 0));
        }
        return this;
    }

    /** The next {@code times} calls of {@code method} get no answer for {@code stall}, then a 500. */
    public synchronized FakeBotApi stall(String method, int times, Duration stall) {
        Deque<Fault> q = faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(new Fault(500, "Internal Server Error", 0, stall.toMillis()));
        }
        return this;
    }

    /** Makes a method answer 404 always, as a server that does not implement it. */
    public synchronized FakeBotApi unsupported(String method) {
        unsupported.put(method.toLowerCase(Locale.ROOT), 404);
        return this;
    }

    /** Accepts only this token from now on; others get 401 Unauthorized. */
    public FakeBotApi acceptToken(String token) {
        acceptedToken = token;
        return this;
    }

    /**
     * From now on (true) getUpdates confirms nothing: the offsets the bot sends are ignored, as if its confirmations
     * were lost (a crash before the next poll), so every update is delivered again until this is turned off.
     */
    public FakeBotApi ignoreOffsets(boolean ignore) {
        ignoreOffsets = ignore;
        return this;
    }

    /** Each sendMessage is accepted only after this long, as a busy server's would be. */
    public FakeBotApi delaySends(Duration delay) {
        sendDelayMillis = delay.toMillis();
        return this;
    }

    /** How long an empty getUpdates is held (at most its own timeout). */
    public FakeBotApi hold(Duration hold) {
        holdMillis = hold.toMillis();
        return this;
    }

    /**
     * Enforces Telegram's limits: more than {@code perChat} messages in a second to one private chat, {@code
     * perGroup} in a minute to one group, or {@code global} in a second overall is answered 429 with retry_after 1.
     * Zero disables a limit.
     */
    public synchronized FakeBotApi limits(int perChat, int perGroup, int global) {
        perChatPerSecond = perChat;
        perGroupPerMinute = perGroup;
        globalPerSecond = global;
        return this;
    }

    // ---- what tests read ----

    /** Everything sent or edited in a chat, in order. */
    public synchronized List<Sent> sent(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    /** Everything sent or edited in all chats, in order. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** How many messages were accepted for one chat. */
    public synchronized int sendCount(long chatId) {
        return (int) sent.stream().filter(s -> s.chatId() == chatId && s.method().equals("send")).count();
    }

    /** How many messages were accepted overall. */
    public synchronized int sendCount() {
        return (int) sent.stream().filter(s -> s.method().equals("send")).count();
    }

    /** Waits until at least {@code n} messages were accepted overall. */
    public void awaitSendCount(int n, Duration timeout) throws InterruptedException {
        await(() -> sendCount() >= n, timeout, () -> sendCount() + " message(s) sent, expected " + n);
    }

    /** The id of the last update queued (ids run from 1). */
    public int lastUpdateId() {
        return nextUpdateId.get() - 1;
    }

    /** How many sends the limits turned away with 429. */
    public synchronized int limitRejections() {
        return limitRejections;
    }

    /** The callback query ids answered, in order. */
    public synchronized List<String> callbackAnswers() {
        return List.copyOf(callbackAnswers);
    }

    /** The notice a callback query was answered with (shown on the button), or null when it had none. */
    public synchronized String callbackNotice(String callbackId) {
        return callbackNotices.get(callbackId);
    }

    /** How many times an update was handed to the bot by getUpdates (more than once: delivered again). */
    public synchronized int deliveries(int updateId) {
        return deliveries.getOrDefault(updateId, 0);
    }

    /** The highest offset the bot has sent: every update below it is confirmed and forgotten. */
    public synchronized int confirmedBelow() {
        return confirmedBelow;
    }

    /** How many getFile calls and file downloads the bot made. */
    public synchronized int fileRequests() {
        return (int) calls.stream().filter(c -> c.equals("getfile") || c.equals("file")).count();
    }

    /** Every method called, lower-cased, in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The commands set with setMyCommands, or null. */
    public JsonNode commands() {
        return commands;
    }

    /** Updates not yet confirmed. */
    public synchronized int pendingUpdates() {
        return updates.size();
    }

    /** Waits until a chat has received at least {@code n} messages; returns them all (fails after the timeout). */
    public synchronized List<Sent> awaitSent(long chatId, int n, Duration timeout) throws InterruptedException {
        await(() -> sent(chatId).size() >= n, timeout, () -> "chat " + chatId + " got " + sent(chatId).size()
                + " message(s), expected " + n + ": " + sent(chatId));
        return sent(chatId);
    }

    /** Waits until {@code n} inline queries have been answered; returns every answer, in order. */
    public synchronized List<InlineAnswer> awaitInlineAnswers(int n, Duration timeout) throws InterruptedException {
        await(() -> inlineAnswers.size() >= n, timeout, () -> inlineAnswers.size() + " inline answers, expected " + n);
        return List.copyOf(inlineAnswers);
    }

    /** Waits until {@code n} callback queries have been answered. */
    public synchronized List<String> awaitCallbackAnswers(int n, Duration timeout) throws InterruptedException {
        await(() -> callbackAnswers.size() >= n, timeout,
                () -> callbackAnswers.size() + " callback answers, expected " + n);
        return List.copyOf(callbackAnswers);
    }

    /**
     * Waits until the bot has confirmed every queued update (a getUpdates with an offset past it), which it does only
     * once each is answered or passed over: after this, nothing more is sent for them.
     */
    public void awaitConfirmed(Duration timeout) throws InterruptedException {
        await(updates::isEmpty, timeout, () -> updates.size() + " update(s) never confirmed");
    }

    /** Waits until a method has been called at least {@code n} times. */
    public void awaitCalls(String method, int n, Duration timeout) throws InterruptedException {
        String m = method.toLowerCase(Locale.ROOT);
        await(() -> calls.stream().filter(m::equals).count() >= n, timeout,
                () -> method + " called " + calls.stream().filter(m::equals).count() + " time(s), expected " + n);
    }

    /** A message the bot sent, as the Bot API returns it: its id, time, chat and the bot as sender. */
    private ObjectNode botMessage(int id, long chatId) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", id);
        m.put("date", now());
        m.set("chat", chat(chatId, chatTypes.getOrDefault(chatId, chatId < 0 ? "supergroup" : "private")));
        m.set("from", user(BOT_ID, true));
        return m;
    }

    /** Waits, holding this server's lock between checks, until {@code done}; fails with {@code failure} at the end. */
    private synchronized void await(BooleanSupplier done, Duration timeout,
                                    Supplier<String> failure) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(failure.get());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    // ---- the server ----

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Matcher file = FILE_PATH.matcher(path);
            if (file.matches()) {
                synchronized (this) {
                    calls.add("file");
                }
                serveFile(ex, file.group(1), file.group(2));
                return;
            }
            Matcher m = PATH.matcher(path);
            if (!m.matches()) {
                respond(ex, 404, error(404, "Not Found", 0));
                return;
            }
            String method = m.group(2).toLowerCase(Locale.ROOT);
            byte[] raw = ex.getRequestBody().readAllBytes();
            String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
            Multipart upload = type.startsWith("multipart/form-data") ? Multipart.parse(type, raw) : null;
            JsonNode body = upload != null ? upload.fields() : raw.length == 0 ? JSON.createObjectNode()
                    : JSON.readTree(raw);
            synchronized (this) {
                calls.add(method);
                notifyAll();
            }
            if (!m.group(1).equals(acceptedToken)) {
                respond(ex, 401, error(401, "Unauthorized", 0));
                return;
            }
            Fault fault;
            synchronized (this) {
                Deque<Fault> q = faults.get(method);
                fault = q == null ? null : q.poll();
                if (unsupported.containsKey(method)) {
                    fault = new Fault(404, "Not Found: method not found", 0, 0);
                }
            }
            if (fault != null) {
                if (fault.stallMillis() > 0) {
                    sleep(fault.stallMillis());
                }
                respond(ex, fault.status(), error(fault.status(), fault.description(), fault.retryAfter()));
                return;
            }
            JsonNode result = switch (method) {
                case "getme" -> user(BOT_ID, true).put("can_join_groups", true);
                case "deletewebhook", "setmycommands", "sendchataction" -> {
                    if (method.equals("setmycommands")) {
                        commands = body.get("commands");
                    }
                    yield JSON.getNodeFactory().booleanNode(true);
                }
                case "getupdates" -> getUpdates(body);
                case "answercallbackquery" -> {
                    synchronized (this) {
                        callbackAnswers.add(body.path("callback_query_id").asText());
                        if (body.hasNonNull("text")) {
                            callbackNotices.put(body.path("callback_query_id").asText(), body.get("text").asText());
                        }
                        notifyAll();
                    }
                    yield JSON.getNodeFactory().booleanNode(true);
                }
                case "sendmessage", "editmessagetext" -> {
                    String problem = check(body);
                    if (problem != null) {
                        respond(ex, 400, error(400, problem, 0));
                        yield null;
                    }
                    if (method.equals("sendmessage")) {
                        if (sendDelayMillis > 0) {
                            sleep(sendDelayMillis);
                        }
                        int retry = overLimit(body.path("chat_id").asLong());
                        if (retry > 0) {
                            respond(ex, 429, error(429, "Too Many Requests: retry after " + retry, retry));
                            yield null;
                        }
                    }
                    yield record(method, body);
                }
                case "answerinlinequery" -> {
                    String problem = answerInline(body);
                    if (problem != null) {
                        respond(ex, 400, error(400, problem, 0));
                        yield null;
                    }
                    yield JSON.getNodeFactory().booleanNode(true);
                }
                case "getfile" -> {
                    Long real;
                    synchronized (this) {
                        real = realSizes.get(body.path("file_id").asText());
                    }
                    if (real != null && real > DOWNLOAD_LIMIT) {
                        respond(ex, 400, error(400, "Bad Request: file is too big", 0));
                        yield null;
                    }
                    yield getFile(body);
                }
                case "sendphoto", "senddocument" -> {
                    String problem = upload == null ? "Bad Request: there is no file in the request"
                            : checkUpload(method, upload, body);
                    if (problem != null) {
                        respond(ex, 400, error(400, problem, 0));
                        yield null;
                    }
                    yield recordUpload(method, upload, body);
                }
                default -> {
                    respond(ex, 404, error(404, "Not Found: method not found", 0));
                    yield null;
                }
            };
            if (result != null) {
                ObjectNode ok = JSON.createObjectNode();
                ok.put("ok", true);
                ok.set("result", result);
                respond(ex, 200, ok);
            }
        } catch (RuntimeException e) {
            respond(ex, 500, error(500, "fake server: " + e, 0));
        }
    }

    private JsonNode getUpdates(JsonNode body) {
        int offset = body.path("offset").asInt(0);
        int limit = body.path("limit").asInt(100);
        long wait = Math.min(holdMillis, body.path("timeout").asLong(0) * 1000);
        long deadline = System.currentTimeMillis() + wait;
        ArrayNode result = JSON.createArrayNode();
        synchronized (this) {
            // Telegram forgets updates below the offset: they are confirmed. The rest is delivered again.
            if (!ignoreOffsets && offset > 0) {
                updates.removeIf(u -> u.get("update_id").asInt() < offset);
                confirmedBelow = Math.max(confirmedBelow, offset);
            }
            notifyAll();
            while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
                try {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            updates.stream().limit(limit).forEach(u -> {
                result.add(u);
                deliveries.merge(u.get("update_id").asInt(), 1, Integer::sum);
            });
        }
        return result;
    }

    private static List<List<SentButton>> buttons(JsonNode markup) {
        List<List<SentButton>> buttons = new ArrayList<>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            List<SentButton> r = new ArrayList<>();
            row.forEach(b -> r.add(new SentButton(b.path("text").asText(), text(b, "callback_data"), text(b, "url"),
                    text(b, "switch_inline_query"))));
            buttons.add(List.copyOf(r));
        }
        return buttons;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** Checks and records an answerInlineQuery; the reason Telegram would refuse it, or null. */
    private synchronized String answerInline(JsonNode body) {
        String queryId = body.path("inline_query_id").asText("");
        if (!openInlineQueries.remove(queryId)) {
            return "Bad Request: query is too old and response timeout expired or query ID is invalid";
        }
        JsonNode results = body.path("results");
        if (results.size() > 50) {
            return "Bad Request: RESULTS_TOO_MUCH";
        }
        List<InlineResult> taken = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode r : results) {
            String id = r.path("id").asText("");
            int bytes = id.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > 64) {
                return "Bad Request: RESULT_ID_INVALID";
            }
            if (!ids.add(id)) {
                return "Bad Request: RESULT_ID_DUPLICATE";
            }
            if (!"article".equals(r.path("type").asText()) || r.path("title").asText("").isEmpty()) {
                return "Bad Request: RESULT_TYPE_INVALID or title empty";
            }
            JsonNode content = r.path("input_message_content");
            String problem = check(content.path("message_text").asText(""), content.path("parse_mode").asText(null),
                    r.path("reply_markup"));
            if (problem != null) {
                return problem;
            }
            taken.add(new InlineResult(r.path("type").asText(), id, r.path("title").asText(),
                    text(r, "description"), content.path("message_text").asText(), text(content, "parse_mode"),
                    buttons(r.path("reply_markup"))));
        }
        inlineAnswers.add(new InlineAnswer(queryId, List.copyOf(taken),
                body.hasNonNull("cache_time") ? body.get("cache_time").asInt() : null,
                body.hasNonNull("is_personal") ? body.get("is_personal").asBoolean() : null));
        notifyAll();
        return null;
    }

    private synchronized JsonNode record(String method, JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        List<List<SentButton>> buttons = buttons(body.path("reply_markup"));
        boolean send = method.equals("sendmessage");
        int id = send ? nextMessageId.getAndIncrement() : body.path("message_id").asInt();
        JsonNode reply = body.path("reply_parameters").path("message_id");
        sent.add(new Sent(send ? "send" : "edit", chatId, id, body.path("text").asText(),
                body.hasNonNull("parse_mode") ? body.get("parse_mode").asText() : null, List.copyOf(buttons),
                reply.isMissingNode() || reply.isNull() ? null : reply.asInt()));
        if (send) {
            long t = System.nanoTime();
            sendTimes.computeIfAbsent(chatId, k -> new ArrayDeque<>()).add(t);
            allSendTimes.add(t);
        }
        notifyAll();
        ObjectNode m = botMessage(id, chatId);
        m.put("text", body.path("text").asText());
        return m;
    }

    /** Seconds to wait when this send would break an enforced limit, else 0. */
    private synchronized int overLimit(long chatId) {
        long now = System.nanoTime();
        boolean group = chatId < 0;
        // Only the last minute matters; forget older sends so a long load test stays cheap.
        long minute = TimeUnit.MINUTES.toNanos(1);
        while (!allSendTimes.isEmpty() && now - allSendTimes.peekFirst() >= minute) {
            allSendTimes.pollFirst();
        }
        Deque<Long> chat = sendTimes.getOrDefault(chatId, new ArrayDeque<>());
        while (!chat.isEmpty() && now - chat.peekFirst() >= minute) {
            chat.pollFirst();
        }
        long chatWindow = group ? TimeUnit.MINUTES.toNanos(1) : TimeUnit.SECONDS.toNanos(1);
        int chatLimit = group ? perGroupPerMinute : perChatPerSecond;
        long inChat = chat.stream().filter(t -> now - t < chatWindow).count();
        long inAll = allSendTimes.stream().filter(t -> now - t < TimeUnit.SECONDS.toNanos(1)).count();
        if (chatLimit > 0 && inChat >= chatLimit || globalPerSecond > 0 && inAll >= globalPerSecond) {
            limitRejections++;
            return 1;
        }
        return 0;
    }

    /** What Telegram would refuse with 400: empty or too long text, bad buttons, broken HTML. */
    private static String check(JsonNode body) {
        return check(body.path("text").asText(""), body.path("parse_mode").asText(null), body.path("reply_markup"));
    }

    private static String check(String text, String parseMode, JsonNode markup) {
        if (text.isEmpty()) {
            return "Bad Request: message text is empty";
        }
        if ("HTML".equalsIgnoreCase(parseMode)) {
            Deque<String> open = new ArrayDeque<>();
            Matcher t = TAG.matcher(text);
            while (t.find()) {
                String name = t.group(2).toLowerCase(Locale.ROOT);
                if (!ALLOWED_TAGS.contains(name)) {
                    return "Bad Request: can't parse entities: Unsupported start tag \"" + name + "\"";
                }
                if (t.group(1).isEmpty()) {
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    return "Bad Request: can't parse entities: Unexpected end tag";
                }
            }
            if (!open.isEmpty()) {
                return "Bad Request: can't parse entities: Can't find end tag corresponding to start tag";
            }
            String stripped = text.replaceAll("<[^>]+>", "");
            if (stripped.contains("<") || stripped.contains(">")) {
                return "Bad Request: can't parse entities: unescaped angle bracket";
            }
            if (Pattern.compile("&(?!(lt|gt|amp|quot|#\\d+);)").matcher(stripped).find()) {
                return "Bad Request: can't parse entities: Character entity expected";
            }
            text = stripped;
        }
        if (text.length() > 4096) {
            return "Bad Request: message is too long";
        }
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode b : row) {
                // A button does exactly one thing; its callback data is 1-64 bytes, its URL a real one.
                int kinds = (b.has("callback_data") ? 1 : 0) + (b.has("url") ? 1 : 0)
                        + (b.has("switch_inline_query") ? 1 : 0);
                if (kinds != 1 || b.path("text").asText("").isEmpty()) {
                    return "Bad Request: BUTTON_TYPE_INVALID";
                }
                if (b.has("callback_data")) {
                    int bytes = b.path("callback_data").asText("").getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > 64) {
                        return "Bad Request: BUTTON_DATA_INVALID";
                    }
                }
                if (b.has("url") && !b.path("url").asText("").matches("(https?|tg)://\\S+")) {
                    return "Bad Request: BUTTON_URL_INVALID";
                }
                if (b.has("switch_inline_query") && b.path("switch_inline_query").asText("").length() > 256) {
                    return "Bad Request: BUTTON_DATA_INVALID";
                }
            }
        }
        return null;
    }

    /** What Telegram refuses in a sendPhoto or sendDocument: a caption too long, a picture it cannot read. */
    private static String checkUpload(String method, Multipart upload, JsonNode body) {
        String field = method.equals("sendphoto") ? "photo" : "document";
        Multipart.Part file = upload.file(field, body);
        if (file == null) {
            return "Bad Request: there is no " + field + " in the request";
        }
        String caption = body.path("caption").asText("");
        ObjectNode asText = JSON.createObjectNode();
        asText.put("text", caption.isEmpty() ? "x" : caption);
        asText.put("parse_mode", body.path("parse_mode").asText(""));
        asText.set("reply_markup", body.path("reply_markup"));
        String problem = check(asText);
        if (problem != null) {
            return problem.replace("message is too long", "message caption is too long");
        }
        String plain = "HTML".equalsIgnoreCase(body.path("parse_mode").asText()) ? caption.replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&") : caption;
        if (plain.length() > CAPTION_LIMIT) {
            return "Bad Request: message caption is too long";
        }
        if (method.equals("sendphoto")) {
            try {
                if (javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(file.bytes())) == null) {
                    return "Bad Request: IMAGE_PROCESS_FAILED";
                }
            } catch (IOException e) {
                return "Bad Request: IMAGE_PROCESS_FAILED";
            }
        }
        return null;
    }

    private synchronized JsonNode recordUpload(String method, Multipart upload, JsonNode body) {
        boolean photo = method.equals("sendphoto");
        Multipart.Part file = upload.file(photo ? "photo" : "document", body);
        long chatId = body.path("chat_id").asLong();
        List<List<SentButton>> buttons = new ArrayList<>();
        for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
            List<SentButton> r = new ArrayList<>();
            row.forEach(b -> r.add(new SentButton(b.path("text").asText(), text(b, "callback_data"), text(b, "url"),
                    text(b, "switch_inline_query"))));
            buttons.add(List.copyOf(r));
        }
        int id = nextMessageId.getAndIncrement();
        JsonNode reply = body.path("reply_parameters").path("message_id");
        sent.add(new Sent(photo ? "photo" : "document", chatId, id, body.path("caption").asText(""),
                body.hasNonNull("parse_mode") ? body.get("parse_mode").asText() : null, List.copyOf(buttons),
                reply.isMissingNode() || reply.isNull() ? null : reply.asInt(), file.fileName(), file.bytes()));
        notifyAll();
        ObjectNode m = botMessage(id, chatId);
        if (photo) {
            ObjectNode size = m.putArray("photo").addObject();
            size.put("file_id", "photo-" + id);
            size.put("file_unique_id", "p" + id);
            size.put("width", 1000);
            size.put("height", 900);
        } else {
            ObjectNode doc = m.putObject("document");
            doc.put("file_id", "doc-" + id);
            doc.put("file_unique_id", "d" + id);
            doc.put("file_name", file.fileName());
        }
        return m;
    }

    /**
     * A multipart/form-data body as the client sends a file: plain fields (JSON-valued ones, such as reply_markup,
     * parsed) and files by field name.
     */
    record Multipart(ObjectNode fields, Map<String, Part> files) {
        record Part(String fileName, byte[] bytes) {}

        /** The file sent for a field: a part of that name, or the part the field names as attach://name. */
        Part file(String field, JsonNode body) {
            String value = body.path(field).asText("");
            return value.startsWith("attach://") ? files.get(value.substring("attach://".length())) : files.get(field);
        }

        static Multipart parse(String contentType, byte[] body) throws IOException {
            Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
            if (!b.find()) {
                throw new IOException("multipart without a boundary");
            }
            byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
            ObjectNode fields = JSON.createObjectNode();
            Map<String, Part> files = new HashMap<>();
            int at = indexOf(body, delimiter, 0);
            while (at >= 0) {
                int start = at + delimiter.length;
                if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                    break;
                }
                start += 2; // CRLF after the delimiter
                int next = indexOf(body, delimiter, start);
                if (next < 0) {
                    break;
                }
                int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
                String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
                byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2);
                Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
                Matcher fileName = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
                if (name.find()) {
                    if (fileName.find()) {
                        files.put(name.group(1), new Part(fileName.group(1), content));
                    } else {
                        String value = new String(content, StandardCharsets.UTF_8);
                        JsonNode parsed = value.startsWith("{") || value.startsWith("[") ? JSON.readTree(value)
                                : JSON.getNodeFactory().textNode(value);
                        fields.set(name.group(1), parsed);
                    }
                }
                at = next;
            }
            return new Multipart(fields, files);
        }

        private static int indexOf(byte[] haystack, byte[] needle, int from) {
            outer:
            for (int i = from; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    private synchronized JsonNode getFile(JsonNode body) {
        String id = body.path("file_id").asText();
        byte[] bytes = files.get(id);
        if (bytes == null) {
            throw new IllegalArgumentException("no such file " + id);
        }
        ObjectNode f = JSON.createObjectNode();
        f.put("file_id", id);
        f.put("file_unique_id", "u" + id);
        f.put("file_size", bytes.length);
        f.put("file_path", "documents/" + id + ".bin");
        return f;
    }

    private void serveFile(HttpExchange ex, String token, String path) throws IOException {
        if (!token.equals(acceptedToken)) {
            respond(ex, 401, error(401, "Unauthorized", 0));
            return;
        }
        String id = path.replaceFirst("^documents/", "").replaceFirst("\\.bin$", "");
        byte[] bytes;
        synchronized (this) {
            bytes = files.get(id);
        }
        if (bytes == null) {
            respond(ex, 404, error(404, "Not Found", 0));
            return;
        }
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode error(int code, String description, int retryAfter) {
        ObjectNode e = JSON.createObjectNode();
        e.put("ok", false);
        e.put("error_code", code);
        e.put("description", description);
        if (retryAfter > 0) {
            e.putObject("parameters").put("retry_after", retryAfter);
        }
        return e;
    }

    private static void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
