package minsheng.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import minsheng.answer.Messages;
import minsheng.answer.Reply;
import minsheng.answer.Snapshot;
import minsheng.journal.Journal;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two small buttons under an answer — helpful, not helpful — and what a press of one does: the vote is checked
 * against the knowledge (button data can be forged, and an entry may be gone since a reload), then recorded once per
 * person for each entry the answer gave (a second press changes it, never counts twice).
 */
public final class Feedback {

    /**
     * Callback data of a vote: {@code vote:1:<answer>} or {@code vote:0:<answer>}, the answer being its entries joined
     * by {@code +}: their ids when they fit Telegram's 64 bytes, else a short code of each.
     */
    public static final String CALLBACK_PREFIX = "vote:";
    private static final int MAX_DATA_BYTES = 64;
    /** Six characters of base64: 36 bits of an entry id's SHA-256, so eight entries fit in one button. */
    private static final int CODE_LENGTH = 6;
    private static final Logger LOG = LoggerFactory.getLogger(Feedback.class);

    private final Journal journal;
    private final Supplier<Snapshot> snapshot;

    public Feedback(Journal journal, Supplier<Snapshot> snapshot) {
        this.journal = journal;
        this.snapshot = snapshot;
    }

    /** The vote buttons for a reply; none unless it is an answer. */
    public static List<Response.Button> buttons(Reply reply) {
        if (reply.kind() != Reply.Kind.ANSWER || reply.entryIds().isEmpty()) {
            return List.of();
        }
        String answer = String.join("+", reply.entryIds());
        if (!fits(answer)) {
            StringBuilder codes = new StringBuilder();
            for (String id : reply.entryIds()) {
                String next = (codes.length() == 0 ? "" : "+") + code(id);
                if (!fits(codes + next)) {
                    break; // more entries than any reply gives; the first ones are voted on
                }
                codes.append(next);
            }
            answer = codes.toString();
        }
        return List.of(new Response.Button(Messages.get("admin.vote.helpful"), CALLBACK_PREFIX + "1:" + answer),
                new Response.Button(Messages.get("admin.vote.unhelpful"), CALLBACK_PREFIX + "0:" + answer));
    }

    private static boolean fits(String answer) {
        return (CALLBACK_PREFIX + "1:" + answer).getBytes(StandardCharsets.UTF_8).length <= MAX_DATA_BYTES;
    }

    /**
     * Records a press by {@code voter} (the person, as the journal names them); returns the short notice to show on
     * the button. A vote naming an entry the knowledge does not hold is refused and stored nowhere.
     */
    public String vote(String voter, String data) {
        String rest = data.startsWith(CALLBACK_PREFIX) ? data.substring(CALLBACK_PREFIX.length()) : "";
        Optional<List<String>> entries = rest.length() < 3 || (rest.charAt(0) != '0' && rest.charAt(0) != '1')
                || rest.charAt(1) != ':' ? Optional.empty() : entries(rest.substring(2));
        if (entries.isEmpty()) {
            LOG.warn("vote refused: its button names no entry of the knowledge (stale, or forged)");
            return Messages.get("admin.vote.stale");
        }
        boolean helpful = rest.charAt(0) == '1';
        return journal.vote(voter, entries.get(), helpful)
                .map(first -> Messages.get(first ? "admin.vote.thanks" : "admin.vote.changed"))
                .orElse(Messages.get("admin.vote.thanks"));
    }

    /** The entries an answer names, each by id or code; empty unless every one is an entry of the knowledge. */
    private Optional<List<String>> entries(String answer) {
        KnowledgeBase knowledge = snapshot.get().knowledge();
        List<String> ids = new ArrayList<>();
        for (String part : answer.split("\\+", -1)) {
            Optional<String> id = knowledge.entry(part).map(Entry::id).or(() -> knowledge.entries().stream()
                    .map(Entry::id).filter(e -> code(e).equals(part)).findFirst());
            if (id.isEmpty()) {
                return Optional.empty();
            }
            if (!ids.contains(id.get())) {
                ids.add(id.get());
            }
        }
        return Optional.of(ids);
    }

    /** An entry's short code: the start of its id's SHA-256 in URL-safe base64 (ASCII, no '+'). */
    static String code(String entryId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(entryId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, CODE_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
