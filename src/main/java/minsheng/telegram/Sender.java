package minsheng.telegram;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through {@link TelegramApi} the way Telegram asks: paced within its limits, a 429 waits the
 * {@code retry_after} it gives, 5xx and network failures retry with a capped back-off, a user who blocked the bot
 * (403) is not retried, and HTML the server cannot parse is resent as plain text. Blocking; one chat's messages are
 * sent by one thread at a time, so they arrive in order. A send waits for its slot, but on a worker that is only
 * the overall pace: {@link ChatLanes} takes a chat's next update only once the chat's own slot is free.
 */
final class Sender {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    @FunctionalInterface
    interface Call<T> {
        T run() throws TelegramApi.ApiException;
    }

    private final TelegramApi api;
    private final Pacer pacer;
    private final Tuning tuning;
    private final AtomicBoolean chatActionsWork = new AtomicBoolean(true);
    private final AtomicBoolean chatActionFailureLogged = new AtomicBoolean();
    private final CountDownLatch halted = new CountDownLatch(1);

    Sender(TelegramApi api, Pacer pacer, Tuning tuning) {
        this.api = api;
        this.pacer = pacer;
        this.tuning = tuning;
    }

    /** Sends one message; returns its id, or null when it could not be delivered (the reason is logged). */
    Integer send(TelegramApi.Outgoing message, boolean group) {
        TelegramApi.Outgoing[] current = {message};
        return retrying("sendMessage", message.chatId(), true, group, () -> {
            try {
                return api.send(current[0]);
            } catch (TelegramApi.ApiException e) {
                if (e.code == 400 && current[0].html() && e.getMessage().toLowerCase().contains("can't parse entities")) {
                    log.warn("chat {}: the server refused the HTML ({}); sending it as plain text", LogNames.chat(message.chatId()),
                            e.getMessage());
                    current[0] = current[0].asPlainText(Renderer.plain(current[0].text()));
                    return api.send(current[0]);
                }
                throw e;
            }
        });
    }

    /** Sends a picture or a document; its id, or null when it could not be delivered (the reason is logged). */
    Integer sendFile(TelegramApi.OutgoingFile file, boolean group) {
        TelegramApi.OutgoingFile[] current = {file};
        boolean[] html = {true};
        return retrying(file.picture() ? "sendPhoto" : "sendDocument", file.chatId(), true, group, () -> {
            try {
                return api.sendFile(current[0], html[0]);
            } catch (TelegramApi.ApiException e) {
                if (e.code == 400 && html[0] && e.getMessage().toLowerCase().contains("can't parse entities")) {
                    log.warn("chat {}: the server refused the caption's HTML ({}); sending it as plain text",
                            LogNames.chat(file.chatId()), e.getMessage());
                    current[0] = file.withPlainCaption();
                    html[0] = false;
                    return api.sendFile(current[0], false);
                }
                throw e;
            }
        });
    }

    /** Answers a callback query so the button stops spinning; true when it was answered. */
    boolean answerCallback(long chatId, String callbackId, String text) {
        return retrying("answerCallbackQuery", chatId, false, false, () -> {
            api.answerCallback(callbackId, text);
            return Boolean.TRUE;
        }) != null;
    }

    /**
     * Answers an inline query, once: Telegram accepts an answer only for a few seconds, and sends a fresh query as
     * soon as the person types on, so a failed answer is logged, not retried. True when it was taken.
     */
    boolean answerInline(long userId, String queryId, List<TelegramApi.Article> articles, int cacheSeconds) {
        try {
            api.answerInline(queryId, articles, cacheSeconds, false);
            return true;
        } catch (TelegramApi.ApiException e) {
            log.warn("person {}: answerInlineQuery failed ({}); not retried", LogNames.person(userId), e.getMessage());
            return false;
        }
    }

    /** Shows "typing…"; optional, so a failure is logged once and otherwise ignored. */
    void typing(long chatId) {
        if (!chatActionsWork.get()) {
            return;
        }
        try {
            api.typing(chatId);
        } catch (TelegramApi.ApiException e) {
            if (e.code == 404 || e.code == 501) {
                chatActionsWork.set(false);
            }
            if (chatActionFailureLogged.compareAndSet(false, true)) {
                log.warn("sendChatAction failed ({}); the bot serves without the typing indicator", e.getMessage());
            }
        }
    }

    /**
     * The stop's grace is over: from now on no call starts, and no wait before a retry goes on; each gives up at once,
     * leaving the thread interrupted so its update is known as cut short. A call already on the wire is not
     * interrupted: a reply Telegram may have taken is let finish.
     */
    void halt() {
        halted.countDown();
    }

    /**
     * Runs a call until it succeeds, retrying what Telegram says is worth retrying. Null when given up; null with the
     * thread interrupted when the bot is stopping.
     */
    <T> T retrying(String what, long chatId, boolean paced, boolean group, Call<T> call) {
        for (int attempt = 1; attempt <= tuning.maxAttempts(); attempt++) {
            if (halted.getCount() == 0) {
                return stopping(what, chatId);
            }
            try {
                if (paced) {
                    pacer.await(chatId, group);
                }
                return call.run();
            } catch (InterruptedException e) {
                return stopping(what, chatId);
            } catch (TelegramApi.ApiException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return stopping(what, chatId);
                }
                long waitMillis;
                if (e.code == 429) {
                    waitMillis = TimeUnit.SECONDS.toMillis(Math.max(1, e.retryAfterSeconds));
                    log.warn("chat {}: {} answered 429, waiting {} s as asked (attempt {})", LogNames.chat(chatId), what,
                            waitMillis / 1000, attempt);
                } else if (e.code == 403) {
                    log.info("chat {}: {} refused with 403 (the user blocked the bot or left); not retried", LogNames.chat(chatId),
                            what);
                    return null;
                } else if (e.code == 0 || e.code >= 500) {
                    waitMillis = Math.min(tuning.retryCap().toMillis(),
                            tuning.retryBase().toMillis() << Math.min(attempt - 1, 20));
                    log.warn("chat {}: {} failed ({}), retrying in {} ms (attempt {})", LogNames.chat(chatId), what, e.getMessage(),
                            waitMillis, attempt);
                } else {
                    log.warn("chat {}: {} refused ({}); not retried", LogNames.chat(chatId), what, e.getMessage());
                    return null;
                }
                if (attempt == tuning.maxAttempts()) {
                    break;
                }
                try {
                    if (halted.await(waitMillis, TimeUnit.MILLISECONDS)) {
                        return stopping(what, chatId);
                    }
                } catch (InterruptedException ie) {
                    return stopping(what, chatId);
                }
            }
        }
        log.error("chat {}: {} given up after {} attempts", LogNames.chat(chatId), what, tuning.maxAttempts());
        return null;
    }

    /** Gives a call up for the stop: its update is left for Telegram to deliver again after the restart. */
    private static <T> T stopping(String what, long chatId) {
        Thread.currentThread().interrupt();
        log.info("chat {}: {} left undone, the bot is stopping",
                LogNames.chat(chatId), what);
        return null;
    }
}
