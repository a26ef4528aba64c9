package minsheng.match;

import java.util.List;
import minsheng.knowledge.Entry;

/**
 * What the engine made of one question: the outcome, every entry it weighed (best first, each with its confidence
 * on a 0–1 scale) and the ones it puts forward — the answer, or the suggestions.
 */
public record Match(Outcome outcome, List<Candidate> ranked, List<Candidate> offered) {

    public enum Outcome {
        /** One entry answers it: the first candidate. */
        ANSWER,
        /** Close or middling candidates: offer them as a choice. */
        SUGGEST,
        /** Nothing in the knowledge covers it. */
        DECLINE
    }

    public record Candidate(Entry entry, double score) {}

    public Match {
        ranked = List.copyOf(ranked);
        offered = List.copyOf(offered);
    }

    /** Confidence of the best candidate, 0 when there is none. */
    public double score() {
        return ranked.isEmpty() ? 0 : ranked.get(0).score();
    }
}
