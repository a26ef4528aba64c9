package minsheng.telegram;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import minsheng.answer.Conversations;
import minsheng.answer.Messages;
import minsheng.answer.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Telegram channel: checks the token (getMe), sets the command menu, polls for updates and hands each
 * to a worker lane of its chat. An update counts as delivered — Telegram is let forget it — only once it is answered
 * ({@link Offsets}), and one answered before is never answered again ({@link AnsweredUpdates}). {@link #close()}
 * stops polling, answers what it can of what was received within the grace, leaves the rest with Telegram and ends
 * every thread, within 5 s.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    /** The Bot API refused the token, or refuses what polling needs: the bot cannot run. */
    public static final class BadToken extends Exception {
        private static final long serialVersionUID = 1L;

        BadToken(String message) {
            super(message);
        }
    }

    private final TelegramApi api;
    private final Conversations conversations;
    private final Supplier<Snapshot> snapshot;
    private final Hooks hooks;
    private final Tuning tuning;
    private final Ticker ticker;
    private final AnsweredUpdates answered;
    private final Offsets offsets;
    private final Pacer pacer;
    private final ChatLanes lanes;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile TelegramApi.Me me;
    private volatile Sender sender;
    private final InlineQuestions inlineQuestions;

    /**
     * @param answered the updates answered before, kept across restarts (the journal), so none is answered twice
     */
    public TelegramBot(TelegramApi api, Conversations conversations, Supplier<Snapshot> snapshot, Hooks hooks,
            AnsweredUpdates answered, Tuning tuning, Ticker ticker) {
        this.api = api;
        this.conversations = conversations;
        this.snapshot = snapshot;
        this.hooks = hooks;
        this.answered = answered;
        this.tuning = tuning;
        this.ticker = ticker;
        this.offsets = new Offsets(tuning.pollPause().toMillis());
        this.pacer = new Pacer(tuning);
        // A chat waiting for its next sending slot waits off the workers, so they serve other chats meanwhile.
        this.lanes = new ChatLanes(tuning.workers(), tuning.queueCapacity(), pacer::chatDelay);
        this.inlineQuestions = new InlineQuestions(conversations, ticker);
    }

    /**
     * Connects and starts serving; returns once polling runs. Waits (with capped back-off) while the Bot API cannot
     * be reached; throws {@link BadToken} when it refuses the token. Returns early if the bot is closed meanwhile.
     */
    public void start() throws BadToken {
        TelegramApi.Me self = connect();
        if (self == null) {
            return;
        }
        me = self;
        log.info("connected as @{} (id {})", self.username(), self.id());
        menu();
        Sender sender = new Sender(api, pacer, tuning);
        this.sender = sender;
        Renderer renderer = new Renderer();
        UpdateHandler handler = new UpdateHandler(self, conversations, snapshot, hooks, sender, api::download,
                new FloodGuard(tuning.floodLimit(), tuning, ticker), new FloodGuard(tuning.pressLimit(), tuning, ticker),
                renderer, tuning.questionLimit(), new InlineResults(self.username(), conversations, snapshot, renderer),
                inlineQuestions);
        for (int attempt = 1; !stopping; attempt++) {
            try {
                api.startPolling(offsets, update -> dispatch(handler, update));
                return;
            } catch (TelegramApi.ApiException e) {
                if (e.code == 401) {
                    throw new BadToken("the Bot API refused TELEGRAM_BOT_TOKEN (401) when polling began: check the"
                            + " token with @BotFather");
                }
                if (e.code == 404) {
                    // getMe worked, so the token is right: this server lacks deleteWebhook, which polling needs.
                    throw new BadToken("the Bot API server at TELEGRAM_API_URL answered 404 to deleteWebhook, which"
                            + " long polling needs before it starts; check TELEGRAM_API_URL");
                }
                log.warn("{}; retrying", e.getMessage());
                if (!pause(attempt)) {
                    return;
                }
            }
        }
    }

    /**
     * Sends plain text to one chat outside any update (e.g. telling the admins in their private chats what an
     * automatic reload did). False when the bot is not connected or the message could not be sent.
     */
    public boolean tell(long chatId, String text) {
        Sender s = sender;
        if (s == null || stopping) {
            return false;
        }
        for (String part : new Renderer().html(text)) {
            if (s.send(new TelegramApi.Outgoing(chatId, part, true, List.of(), null), false) == null) {
                return false;
            }
        }
        return true;
    }

    /** The bot's username, once connected (for t.me links); null before. */
    public String username() {
        TelegramApi.Me m = me;
        return m == null ? null : m.username();
    }

    private TelegramApi.Me connect() throws BadToken {
        for (int attempt = 1; !stopping; attempt++) {
            try {
                return api.me();
            } catch (TelegramApi.ApiException e) {
                // Telegram answers 401 for a wrong token and 404 for one it cannot even read.
                if (e.code == 401 || e.code == 404) {
                    throw new BadToken("the Bot API refused TELEGRAM_BOT_TOKEN (" + e.code + "): check the token"
                            + " with @BotFather, and TELEGRAM_API_URL");
                }
                log.warn("cannot reach the Bot API yet ({}); retrying", e.getMessage());
                if (!pause(attempt)) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The command menu; optional, as some Bot API servers do not implement it: a failure is logged once. */
    private void menu() {
        List<TelegramApi.MenuItem> items = new ArrayList<>();
        for (String name : Hooks.BUILT_IN_COMMANDS) {
            items.add(new TelegramApi.MenuItem(name, Messages.get("telegram.menu." + name)));
        }
        hooks.commands().stream().filter(c -> c.description() != null)
                .forEach(c -> items.add(new TelegramApi.MenuItem(c.name(), c.description())));
        try {
            api.setCommands(items);
        } catch (TelegramApi.ApiException e) {
            log.warn("setMyCommands failed ({}); the bot serves without a command menu", e.getMessage());
        }
    }

    private void dispatch(UpdateHandler handler, Incoming update) {
        int id = update.updateId();
        if (update instanceof Incoming.Other other) {
            log.debug("update {}: {} passed over", id, other.what());
            offsets.settled(id);
            return;
        }
        // An inline query is answerable for seconds only, and comes at each pause in typing: it is never kept as
        // answered (a journal write each), as one delivered again after a restart finds its query expired anyway.
        boolean keep = !(update instanceof Incoming.Inline);
        if (keep && answered.contains(me.id(), id)) {
            // Delivered again after a restart (or below one the stop left open): its reply went out already.
            log.info("update {} was answered before; not answered again", id);
            offsets.settled(id);
            return;
        }
        Runnable work = () -> {
            try {
                handler.handle(update);
            } finally {
                // Even a failure (logged by the lanes) is settled: left open, it would hold back every update after it.
                done(id, keep);
            }
        };
        Runnable note = () -> handler.busy(update);
        // A shed update is given up on purpose: its sender is told to ask again, and Telegram may forget it.
        Runnable shed = () -> offsets.settled(id);
        if (!lanes.submit(UpdateHandler.lane(update), work, note, shed)) {
            log.info("update {} left for Telegram to deliver again: the bot is stopping", id);
        }
    }

    /** An update handled: answered, unless the stop cut it short (its thread is then interrupted). */
    private void done(int id, boolean keep) {
        if (Thread.interrupted()) {
            log.info("update {} cut short by the stop; Telegram delivers it again after the restart", id);
            return;
        }
        if (keep) {
            answered.add(me.id(), id);
        }
        offsets.settled(id);
    }

    private boolean pause(int attempt) {
        long wait = TelegramApi.backOff(tuning, attempt);
        try {
            return !closed.await(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops polling, gives work in flight {@code shutdownGrace} to finish, and ends every thread. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        closed.countDown();
        long started = System.nanoTime();
        api.stopPolling();
        if (!lanes.drain(tuning.shutdownGrace())) {
            Sender s = sender;
            if (s != null) {
                s.halt();
            }
            lanes.close(tuning.shutdownFinish());
        } else {
            lanes.close(Duration.ZERO);
        }
        // After the lanes: the inline questions of the last updates answered are recorded too.
        inlineQuestions.close();
        if (offsets.anyReceived()) {
            // Polling has stopped, so nothing else tells Telegram what was answered meanwhile.
            api.confirm(offsets.next());
        }
        api.close();
        int left = offsets.openCount();
        log.info("stopped in {} ms{}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                left == 0 ? "" : "; " + left + " update(s) left for Telegram to deliver again");
    }

    /** Waits until {@link #close()} has been called. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }
}
