package minsheng.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every chat's short memory, and the one entry point channels use to get a reply: the console chat and each
 * Telegram chat alike. A chat is named by an opaque key. What a chat remembers is bounded and expires, so an idle
 * chat costs nothing. Thread-safe; messages of one chat are expected one at a time, in order.
 */
public final class Conversations {

    /** How long a chat's context is kept after its last message. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    private static final int MAX_CHATS = 100_000;

    /** What one chat just did: the choice it was offered and the entries it was just answered. */
    record Context(List<Reply.Suggestion> offered, List<String> answered) {
        static final Context EMPTY = new Context(List.of(), List.of());
    }

    /** Told of every reply before the channel sends it, e.g. to record what citizens could not get answered. */
    public interface Listener {
        Listener NONE = (chat, message, reply) -> { };

        void replied(String chat, String message, Reply reply);
    }

    private final Supplier<Snapshot> snapshot;
    private final Listener listener;
    private final Cache<String, Context> contexts;

    public Conversations(Supplier<Snapshot> snapshot) {
        this(snapshot, Listener.NONE, DEFAULT_IDLE, Ticker.systemTicker());
    }

    /** With a ticker, so tests can let a context expire without sleeping. */
    public Conversations(Supplier<Snapshot> snapshot, Listener listener, Duration idle, Ticker ticker) {
        this.snapshot = snapshot;
        this.listener = listener;
        this.contexts = Caffeine.newBuilder().maximumSize(MAX_CHATS).expireAfterAccess(idle).ticker(ticker).build();
    }

    /** The reply to one message of a chat: a pick of an offered choice, or a new question. */
    public Reply reply(String chat, String message) {
        Context context = context(chat);
        Snapshot current = snapshot.get();
        Integer pick = Picks.number(message);
        Reply reply;
        if (pick != null && !context.offered().isEmpty()) {
            if (pick < 1 || pick > context.offered().size()) {
                return current.note(Messages.get("chat.pick.range", String.valueOf(context.offered().size())));
            }
            String id = context.offered().get(pick - 1).entryId();
            reply = current.answer(id).orElseGet(() -> current.note(Messages.get("pick.gone")));
        } else if (pick != null) {
            return current.note(Messages.get("chat.pick.none"));
        } else {
            reply = current.reply(message);
        }
        remember(chat, reply);
        listener.replied(chat, message, reply);
        return reply;
    }

    /** The answer of an entry the chat picked by a button; empty when the entry no longer exists. */
    public Optional<Reply> answer(String chat, String entryId) {
        Optional<Reply> reply = snapshot.get().answer(entryId);
        reply.ifPresent(r -> remember(chat, r));
        return reply;
    }

    /** Forgets a chat's context, as after /start. */
    public void forget(String chat) {
        contexts.invalidate(chat);
    }

    Context context(String chat) {
        Context c = contexts.getIfPresent(chat);
        return c == null ? Context.EMPTY : c;
    }

    private void remember(String chat, Reply reply) {
        contexts.put(chat, new Context(reply.suggestions(), reply.entryIds()));
    }
}
