package minsheng.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import minsheng.match.Matcher;

/**
 * Every chat's short memory, and the one entry point channels use to get a reply: the console chat and each
 * Telegram chat alike. A chat is named by an opaque key. What a chat remembers is bounded and expires, so an idle
 * chat costs nothing. Thread-safe; messages of one chat are expected one at a time, in order.
 */
public final class Conversations {

    /** How long a chat's context is kept after its last message. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    private static final int MAX_CHATS = 100_000;

    /**
     * What one chat just did: the choice it was offered, the entries it was just answered, and the question it was
     * taken to ask (the standard question of a picked entry; null before the first), which a follow-up is read
     * against.
     */
    record Context(List<Reply.Suggestion> offered, List<String> answered, String question, List<String> earlier) {
        static final Context EMPTY = new Context(List.of(), List.of(), null, List.of());

        /** The entries of the last two answers, each once, in the order given: what 「那两个加起来呢」 adds up. */
        List<String> lastTwo() {
            java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>(earlier);
            ids.addAll(answered);
            return answered.size() >= 2 ? answered : List.copyOf(ids);
        }
    }

    /** Told of every reply before the channel sends it, e.g. to record what citizens could not get answered. */
    public interface Listener {
        Listener NONE = (chat, message, reply) -> { };

        void replied(String chat, String message, Reply reply);

        /**
         * The reply to a pick of an offered choice, typed (「2」, 「第二个」) or by button (then {@code message} is its
         * number): not a new question, but what the choice led to.
         */
        default void picked(String chat, String message, Reply reply) {
            replied(chat, message, reply);
        }
    }

    /**
     * How channels begin the chat name of a question asked inline (「@bot 问题」 in any chat), so that the journal
     * counts such questions as a channel of their own.
     */
    public static final String INLINE = "inline:";

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

    /**
     * The reply to one message of a chat: a pick of an offered choice (「2」, 「第二个」), small talk, a topic word, a
     * follow-up read against the chat's last question, or a new question — one or several asked at once.
     */
    public Reply reply(String chat, String written) {
        return respond(java.util.Objects.requireNonNull(chat, "chat"), written);
    }

    /**
     * The reply to a message standing alone, as a chat with no past gets it, remembering nothing and telling no
     * listener: for an inline query, which Telegram sends afresh at each pause in typing. {@link #record} tells the
     * listener once the channel knows which of them was the question.
     */
    public Reply alone(String written) {
        return respond(null, written);
    }

    /** Tells the listener of a reply worked out by {@link #alone}, under the chat name the channel gives it. */
    public void record(String chat, String written, Reply reply) {
        listener.replied(chat, written, reply);
    }

    /** {@link #reply}, or with {@code chat} null {@link #alone}. */
    private Reply respond(String chat, String written) {
        // Markup, a personal number, a name are not read; the listener still gets the message as written.
        String message = Asides.removed(written);
        Context context = chat == null ? Context.EMPTY : context(chat);
        Snapshot current = snapshot.get();
        // Every step below (picks, small talk, topic words, follow-ups, parts) reads only what the matcher would.
        String text = Matcher.matched(message);
        Integer pick = Picks.number(text);
        Reply reply;
        if (Asides.asksNothing(text)) {
            // 「？？？」 or invisible characters: one line asking for the question, not a decline listing every topic.
            reply = current.note(Messages.get("decline.empty"));
        } else if (pick != null && !context.offered().isEmpty()) {
            if (pick < 1 || pick > context.offered().size()) {
                return current.note(Messages.get("chat.pick.range", String.valueOf(context.offered().size())));
            }
            String id = context.offered().get(pick - 1).entryId();
            reply = picked(current, context, id).orElseGet(() -> current.note(Messages.get("pick.gone")));
            remember(chat, reply, context.offered().get(pick - 1).question());
            listener.picked(chat, written, reply);
            return reply;
        } else if (pick != null) {
            return current.note(Messages.get("chat.pick.none"));
        } else if (SmallTalk.of(text) != null) {
            // Small talk leaves the context as it was: 「谢谢」 between two questions does not break a follow-up.
            reply = current.note(Messages.get("conv.smalltalk." + SmallTalk.of(text).name().toLowerCase(Locale.ROOT),
                    "《" + current.knowledge().report().title() + "》"));
        } else if (FollowUps.asksTheTotal(text) && context.lastTwo().size() >= 2) {
            // 「那两个加起来呢」 after two answers: both again, and that the report gives no total.
            reply = new Dialogue(current).total(context.lastTwo());
            remember(chat, reply, context.question());
        } else {
            Story story = Story.read(message);
            Dialogue.Turn turn = new Dialogue(current).respond(story.asking(SmallTalk.strip(story.question())),
                    context.question(), context.answered());
            reply = turn.reply();
            remember(chat, reply, turn.question());
        }
        if (chat != null) {
            listener.replied(chat, written, reply);
        }
        return reply;
    }

    /** The answer of an entry the chat picked by a button; empty when the entry no longer exists. */
    public Optional<Reply> answer(String chat, String entryId) {
        Snapshot current = snapshot.get();
        Context context = context(chat);
        Optional<Reply> reply = picked(current, context, entryId);
        reply.ifPresent(r -> remember(chat, r, current.knowledge().entry(entryId).orElseThrow().standardQuestion()));
        // A button of the choice just offered is a pick, told like a typed number; other buttons ask nothing new.
        int offered = context.offered().stream().map(Reply.Suggestion::entryId).toList().indexOf(entryId);
        if (offered >= 0) {
            reply.ifPresent(r -> listener.picked(chat, String.valueOf(offered + 1), r));
        }
        return reply;
    }

    /**
     * The answer of an entry the chat chose: one of the choice it was offered keeps the caveat its question earns
     * with that entry; any other (a follow-up button) is answered as it stands.
     */
    private static Optional<Reply> picked(Snapshot current, Context context, String entryId) {
        boolean offered = context.offered().stream().anyMatch(s -> s.entryId().equals(entryId));
        return offered && context.question() != null ? current.answer(entryId, context.question())
                : current.answer(entryId);
    }

    /**
     * Whether a reply to a message asking several things says that one of them cannot be answered (「…这一问」), as
     * a reply answering one part and declining another must.
     */
    public static boolean saysAPartIsUnanswered(Reply reply) {
        // The note reads 「part」这一问…：why; with both left empty, what follows 「 is the fixed wording.
        String mark = Messages.get("conv.part.missing", "", "").substring(1);
        return reply.kind() == Reply.Kind.ANSWER && reply.text().contains(mark);
    }

    /** Forgets a chat's context, as after /start. */
    public void forget(String chat) {
        contexts.invalidate(chat);
    }

    Context context(String chat) {
        Context c = contexts.getIfPresent(chat);
        return c == null ? Context.EMPTY : c;
    }

    private void remember(String chat, Reply reply, String question) {
        if (chat == null) {
            return;
        }
        Context before = context(chat);
        contexts.put(chat, new Context(pickable(reply), reply.entryIds(), question, before.answered()));
    }

    /**
     * What a number picks after this reply: the choice it offered, or the entries of an answer giving several
     * (「低保有多少人」 answered for the city and the countryside: 「第二个」 is the second of them on its own).
     */
    private List<Reply.Suggestion> pickable(Reply reply) {
        if (!reply.suggestions().isEmpty() || reply.kind() != Reply.Kind.ANSWER || reply.entryIds().size() < 2) {
            return reply.suggestions();
        }
        Snapshot current = snapshot.get();
        return reply.entryIds().stream().flatMap(id -> current.knowledge().entry(id).stream())
                .map(e -> new Reply.Suggestion(e.id(), e.standardQuestion())).toList();
    }
}
