package minsheng.answer;

import java.util.List;

/**
 * What the bot says to one message, independent of the channel that carries it.
 *
 * @param kind        an answer, a choice of suggestions, a decline, or small talk
 * @param entryIds    every entry the reply answers (several for a two-part question), empty when none
 * @param score       the engine's confidence in its best candidate, 0–1
 * @param text        the reply as plain text, as sent
 * @param suggestions the entries offered instead of an answer, in the order numbered in {@code text}
 * @param related     follow-up questions worth offering under an answer (buttons in Telegram)
 * @param figures     the figures quoted in {@code text}, verbatim, so a channel can emphasise them
 * @param weighed     the best candidates the engine weighed, best first (at most a few), for the record admins read
 * @param caveat      for an answer (or a choice) that says first what the report does not state (a narrower place,
 *                    a total, the present day): what it does not state ({@code place}, {@code total}, {@code now} …);
 *                    else null
 */
public record Reply(Kind kind, List<String> entryIds, double score, String text, List<Suggestion> suggestions,
        List<Suggestion> related, List<String> figures, List<Weighed> weighed, String caveat) {

    public enum Kind { ANSWER, SUGGEST, DECLINE, SMALLTALK }

    /** An entry offered by its standard question: as a choice, or as a related follow-up. */
    public record Suggestion(String entryId, String question) {}

    /** One candidate entry and its confidence, 0–1. */
    public record Weighed(String entryId, double score) {}

    public Reply {
        weighed = List.copyOf(weighed);
        entryIds = List.copyOf(entryIds);
        suggestions = List.copyOf(suggestions);
        related = List.copyOf(related);
        figures = List.copyOf(figures);
    }

    /** A reply without a caveat. */
    public Reply(Kind kind, List<String> entryIds, double score, String text, List<Suggestion> suggestions,
                 List<Suggestion> related, List<String> figures, List<Weighed> weighed) {
        this(kind, entryIds, score, text, suggestions, related, figures, weighed, null);
    }

    /** This reply with the candidates the engine weighed for it. */
    public Reply weighing(List<Weighed> candidates) {
        return new Reply(kind, entryIds, score, text, suggestions, related, figures, candidates, caveat);
    }

    /** True for a reply that says first what the report does not state, before giving what it does. */
    public boolean caveated() {
        return caveat != null;
    }

    /** The first entry answered, or null. */
    public String entryId() {
        return entryIds.isEmpty() ? null : entryIds.get(0);
    }

    /** True for every reply that gives figures from the knowledge, from one entry or several. */
    public boolean answered() {
        return kind == Kind.ANSWER;
    }
}
