package minsheng.knowledge;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an entry's answer does and does not state: the place its figures cover, the period they describe, the kinds
 * of figure it gives, and details a citizen might ask about that it never states. The checker can see that a figure
 * stands in the paragraph; only this declaration says what the figure is attached to, so the matcher can notice a
 * question that asks for a narrower place, a total, a monthly amount or a later year, and say so instead of
 * presenting the figure as the answer.
 *
 * @param place  the province (e.g. 山西省) or the one named place the figures cover (e.g. 大同市浑源县)
 * @param period the time the answer describes, naming its year: 2020年, 2021年1月
 * @param gives  the kinds of figure (or worded answer) it gives
 * @param lacks  words a question uses to ask for a detail this answer does not state (几个站, 路线)
 */
public record Scope(String place, String period, Set<Gives> gives, List<String> lacks) {

    /** The kinds of thing an answer can give. */
    public enum Gives {
        /** A price per unit: per box, per item. */
        PRICE,
        /** A sum of money: funds handed out, spending. */
        AMOUNT,
        /** An amount per head per month or per year: a benefit or standard. */
        MONTHLY,
        /** How much something went up. */
        RAISE,
        /** How many people or things. */
        COUNT,
        /** A percentage or share. */
        RATE,
        /** A date with its month or day. */
        DATE,
        /** Only the year something happened. */
        YEAR,
        /** A length, an area, a distance. */
        MEASURE,
        /** A rank or place in a league. */
        RANK,
        /** A comparison with another year or place. */
        COMPARISON,
        /** A "when" answered by an event (at birth, once the reform began). */
        EVENT,
        /** What is done, who is covered, whether it applies: answered in words. */
        POLICY,
        /** Which places: the answer names them (the counties, the stations, where it stands). */
        PLACE,
        /** Which ones by name: the answer names the school, hospital, company, trades or people. */
        NAME,
        /** How often something is done (每年一次, 每季度). */
        FREQUENCY,
        /** How to apply: the steps or documents. */
        PROCEDURE,
        /** The target that was set (the year's goal), not only how far it was met. */
        TARGET;

        /** Whether this kind is stated as a figure (a number or a date), not in words. */
        public boolean isFigure() {
            return this != COMPARISON && this != EVENT && this != POLICY && this != PLACE && this != NAME
                    && this != FREQUENCY && this != PROCEDURE;
        }

        /** The name written in knowledge files: {@code price}, {@code count}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Gives> byLabel(String label) {
            for (Gives g : values()) {
                if (g.label().equals(label)) {
                    return Optional.of(g);
                }
            }
            return Optional.empty();
        }

        public static List<String> labels() {
            return java.util.Arrays.stream(values()).map(Gives::label).toList();
        }
    }

    public Scope {
        gives = gives.isEmpty() ? EnumSet.noneOf(Gives.class) : EnumSet.copyOf(gives);
        lacks = List.copyOf(lacks);
    }

    @Override
    public Set<Gives> gives() {
        return java.util.Collections.unmodifiableSet(gives);
    }

    public boolean gives(Gives kind) {
        return gives.contains(kind);
    }
}
