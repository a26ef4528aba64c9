package minsheng.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import minsheng.answer.Messages;
import minsheng.answer.Reply;
import minsheng.journal.Journal;

/**
 * The two small buttons under an answer — helpful, not helpful — and what a press of one does: the vote is recorded
 * once per chat and answer (a second press changes it, never counts twice).
 */
public final class Feedback {

    /** Callback data of a vote: {@code vote:1:<answer>} or {@code vote:0:<answer>}. */
    public static final String CALLBACK_PREFIX = "vote:";
    private static final int MAX_DATA_BYTES = 64;

    private final Journal journal;

    public Feedback(Journal journal) {
        this.journal = journal;
    }

    /** The vote buttons for a reply; none unless it is an answer. */
    public static List<Response.Button> buttons(Reply reply) {
        if (reply.kind() != Reply.Kind.ANSWER || reply.entryIds().isEmpty()) {
            return List.of();
        }
        // The answer is named by its entries; a long multi-part answer falls back to its first entry to fit 64 bytes.
        String answer = String.join("+", reply.entryIds());
        if ((CALLBACK_PREFIX + "1:" + answer).getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            answer = reply.entryIds().get(0);
        }
        return List.of(new Response.Button(Messages.get("admin.vote.helpful"), CALLBACK_PREFIX + "1:" + answer),
                new Response.Button(Messages.get("admin.vote.unhelpful"), CALLBACK_PREFIX + "0:" + answer));
    }

    /** Records a press; the short text to show the citizen (a callback notice). */
    public String vote(String chat, String data) {
        String rest = data.startsWith(CALLBACK_PREFIX) ? data.substring(CALLBACK_PREFIX.length()) : "";
        if (rest.length() < 3 || (rest.charAt(0) != '0' && rest.charAt(0) != '1') || rest.charAt(1) != ':') {
            return Messages.get("admin.vote.thanks");
        }
        boolean helpful = rest.charAt(0) == '1';
        return journal.vote(chat, rest.substring(2), helpful)
                .map(first -> Messages.get(first ? "admin.vote.thanks" : "admin.vote.changed"))
                .orElse(Messages.get("admin.vote.thanks"));
    }
}
