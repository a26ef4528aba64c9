package minsheng.match;

import java.util.List;
import minsheng.knowledge.Entry;

/**
 * What the engine made of one question: the outcome, every entry it weighed (best first, each with its confidence
 * on a 0–1 scale) and the ones it puts forward — the answer, or the suggestions. An answer or a choice may carry a
 * {@link Caveat}: what the (first) entry does not state that the question asks for; null when it needs none. A
 * decline may offer the entries about the question's subject: what the report does say about it.
 */
public record Match(Outcome outcome, Reason reason, List<Candidate> ranked, List<Candidate> offered,
                    Caveat caveat) {

    public enum Outcome {
        /** One entry answers it: the first candidate. */
        ANSWER,
        /** Close or middling candidates: offer them as a choice. */
        SUGGEST,
        /** Nothing in the knowledge covers it. */
        DECLINE
    }

    /** Why a question was declined, so the reply can say what is missing. */
    public enum Reason {
        /** Not declined. */
        NONE,
        /** Nothing in the knowledge is about it. */
        NOT_COVERED,
        /** It is about a year the report does not cover. */
        OTHER_YEAR,
        /** The entry it is about does not state that kind of figure (an amount, a rate, a date). */
        FIGURE_NOT_STATED,
        /** It asks how to get something done (documents, applications) or for personal advice. */
        OUT_OF_SCOPE,
        /** It asks about a time after the report (明年, 今后). */
        LATER,
        /**
         * The entries that share its words are about something else (「低保一个月给多少钱」 and the retirees'
         * pension raise): what the report says about its own subject, if anything, is offered instead.
         */
        OTHER_SUBJECT
    }

    public record Candidate(Entry entry, double score) {}

    public Match {
        ranked = List.copyOf(ranked);
        offered = List.copyOf(offered);
    }

    public Match(Outcome outcome, Reason reason, List<Candidate> ranked, List<Candidate> offered) {
        this(outcome, reason, ranked, offered, null);
    }

    /** This match with the caveat its answer needs. */
    Match caveated(Caveat c) {
        return new Match(outcome, reason, ranked, offered, c);
    }

    /** Confidence of the best candidate, 0 when there is none. */
    public double score() {
        return ranked.isEmpty() ? 0 : ranked.get(0).score();
    }
}
