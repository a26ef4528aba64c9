package minsheng.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import minsheng.knowledge.KnowledgeBase;
import minsheng.match.Match;
import minsheng.match.Matcher;
import minsheng.match.Matcher.Reading;
import minsheng.match.Thresholds;

/**
 * Everything the bot answers from at one moment: the knowledge, its index and the replies already worked out.
 * Built whole and never changed; a reload builds a new snapshot and swaps it in, so a question is always answered
 * from one consistent knowledge base. Thread-safe.
 */
public final class Snapshot {

    /**
     * Characters of questions and replies remembered (about 4 MB); repeated questions (「低保」) then cost a map
     * lookup. Bounded by size, not count, so long messages cannot fill the heap.
     */
    private static final long CACHED_CHARACTERS = 2_000_000;

    private final KnowledgeBase knowledge;
    private final Matcher matcher;
    private final Responder responder;
    /** Replies with why they decline, so the conversation layer never matches a text again just for its reason. */
    private final Cache<String, Verdict> replies;

    private Snapshot(KnowledgeBase knowledge, Matcher matcher, long cachedCharacters) {
        this.knowledge = knowledge;
        this.matcher = matcher;
        this.responder = new Responder(knowledge);
        // Evictions run on the calling thread, so a cache of size 0 really holds nothing.
        this.replies = Caffeine.newBuilder().maximumWeight(cachedCharacters).executor(Runnable::run)
                .weigher((String question, Verdict verdict) -> question.length() + verdict.reply().text().length())
                .build();
    }

    public static Snapshot build(KnowledgeBase knowledge, Thresholds thresholds) {
        return new Snapshot(knowledge, Matcher.build(knowledge, thresholds), CACHED_CHARACTERS);
    }

    /**
     * Starts loading, on another thread, what every snapshot needs whatever the knowledge (see
     * {@link Matcher#prepare}, and the reply cache's classes), so that at start it is done on the second core while
     * the first reads the knowledge. Returns at once.
     */
    public static void prepareInBackground() {
        Thread thread = new Thread(() -> {
            try {
                Matcher.prepare();
                Caffeine.newBuilder().maximumWeight(1).executor(Runnable::run)
                        .weigher((String question, Verdict verdict) -> 1).build();
            } catch (RuntimeException e) {
                // Nothing is lost: building the snapshot does the same work, and reports what goes wrong.
            }
        }, "prepare-snapshot");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The same knowledge and engine with no reply cache, so a benchmark can time what every question costs through
     * the whole conversation layer, as a question never asked before does.
     */
    public Snapshot withoutReplyCache() {
        return new Snapshot(knowledge, matcher, 0);
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /** The reply to a citizen's question. */
    public Reply reply(String question) {
        String q = question == null ? "" : question.strip();
        return q.isEmpty() ? responder.empty() : verdict(q).reply();
    }

    /** A reply and the engine's reason behind it (NONE unless it declines). */
    record Verdict(Reply reply, Match.Reason reason) {}

    /** The reply to a question with why it declines, from the same cache as {@link #reply}. */
    Verdict verdict(String question) {
        String q = question == null ? "" : question.strip();
        return q.isEmpty() ? verdictOf(q) : replies.get(q, this::verdictOf);
    }

    private Verdict verdictOf(String q) {
        return verdictOf(q, matcher.match(q));
    }

    private Verdict verdictOf(String q, Match match) {
        Reply reply = q.isEmpty() ? responder.empty() : responder.reply(match);
        return new Verdict(reply, reply.kind() == Reply.Kind.DECLINE ? match.reason() : Match.Reason.NONE);
    }

    /** A question read once, to be both bounded ({@link #ceiling}) and matched ({@link #verdict(String, Reading)}). */
    Reading read(String question) {
        return matcher.read(question == null ? "" : question.strip());
    }

    /**
     * The most a match of {@code question} could score an entry outside {@code except}, without matching it: a
     * reading that could not win is then never matched. A reply already worked out gives its own score, which no
     * entry exceeds; otherwise the question is read ({@code reading}, from {@link #read}) and bounded.
     */
    double ceiling(String question, Set<String> except, Supplier<Reading> reading) {
        return ceiling(question, except, reading, true);
    }

    /** {@link #ceiling}, looking up the reply cache only when {@code cached} (a story's reading is weighed apart). */
    double ceiling(String question, Set<String> except, Supplier<Reading> reading, boolean cached) {
        String q = question == null ? "" : question.strip();
        Verdict known = q.isEmpty() || !cached ? null : replies.getIfPresent(q);
        return known != null ? known.reply().score() : matcher.ceiling(reading.get(), except);
    }

    /** A question read with a clause of its story, {@code told} (see {@link Matcher#readStory}); not cached. */
    Reading readStory(String told, String question) {
        return matcher.readStory(told == null ? "" : told.strip(), question);
    }

    /** The verdict on a question read with a clause of its story; not cached, as stories are seldom asked twice. */
    Verdict storyVerdict(String question, Reading reading) {
        String q = question == null ? "" : question.strip();
        return q.isEmpty() ? verdictOf(q) : verdictOf(q, matcher.match(reading));
    }

    /** As {@link #verdict(String)}, for a question already read by {@link #read}. */
    Verdict verdict(String question, Reading reading) {
        String q = question == null ? "" : question.strip();
        return q.isEmpty() ? verdictOf(q) : replies.get(q, k -> verdictOf(k, matcher.match(reading)));
    }

    /** A reply with the engine's full verdict behind it (every candidate weighed), for evaluation; not cached. */
    public record Explained(Reply reply, Match match) {}

    public Explained explain(String question) {
        String q = question == null ? "" : question.strip();
        Match match = matcher.match(q);
        return new Explained(q.isEmpty() ? responder.empty() : responder.reply(match), match);
    }

    /** How much of what a text is about the knowledge has words for (see {@link Matcher#knownShare}). */
    double knownShare(String text) {
        return matcher.knownShare(text);
    }

    /** How much a question names what it is about (see {@link Matcher#subjectWeight}). */
    double subjectWeight(String question) {
        return matcher.subjectWeight(question);
    }

    /** Whether a question names what it is about (see {@link Matcher#namesItsSubject}). */
    boolean namesItsSubject(String question) {
        return matcher.namesItsSubject(question);
    }

    /** What a story is about, read once (see {@link Matcher#told}). */
    Matcher.Told told(String text) {
        return matcher.told(text);
    }

    /** The question as this snapshot's engine reads it, so questions asked alike can be counted together. */
    public String normalized(String question) {
        return matcher.normalized(question == null ? "" : question);
    }

    /** A short message that is neither an answer nor a decline (a prompt, a note). */
    public Reply note(String text) {
        return new Reply(Reply.Kind.SMALLTALK, java.util.List.of(), 0, text, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of());
    }

    /** The answer of one entry, for a suggestion the citizen picked; empty if no such entry. */
    public Optional<Reply> answer(String entryId) {
        return knowledge.entry(entryId).map(e -> responder.answer(e, 1.0));
    }

    /**
     * The answer of one entry picked from the choice offered for {@code question}, behind the caveat the question
     * earns with that entry (a place, a month, the present day the report does not give); empty if no such entry.
     */
    public Optional<Reply> answer(String entryId, String question) {
        return knowledge.entry(entryId).map(e -> matcher.caveat(question, e)
                .map(caveat -> responder.caveated(e, 1.0, caveat))
                .orElseGet(() -> responder.answer(e, 1.0)));
    }
}
