package minsheng.answer;

import java.util.List;

/**
 * What the bot says to one question, independent of the channel that carries it.
 *
 * @param kind        an answer, a choice of suggestions, or a decline
 * @param entryId     the entry answered, or null
 * @param score       the engine's confidence in its best candidate, 0–1
 * @param text        the reply as plain text, as sent
 * @param suggestions the entries offered instead of an answer, in the order numbered in {@code text}
 */
public record Reply(Kind kind, String entryId, double score, String text, List<Suggestion> suggestions) {

    public enum Kind { ANSWER, SUGGEST, DECLINE }

    /** An entry offered as a choice, shown by its standard question. */
    public record Suggestion(String entryId, String question) {}

    public Reply {
        suggestions = List.copyOf(suggestions);
    }

    /** True only when the reply is one knowledge-base answer. */
    public boolean answered() {
        return kind == Kind.ANSWER;
    }
}
