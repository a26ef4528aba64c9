package minsheng.match;

/**
 * What an answer must say before its figures because the question asks for more than the entry states: a narrower
 * place, a total, a monthly amount, a date, a rank, a comparison, a detail it never gives, or the present day.
 *
 * @param kind   what the entry does not state
 * @param asked  the words of the question that asked for it (运城, 几个站), or "" when none are worth repeating
 * @param place  the place the entry's figures cover
 * @param period the time the entry describes, with its year
 */
public record Caveat(Kind kind, String asked, String place, String period) {

    public enum Kind {
        /** A detail the entry declares it does not state (a route, a station count). */
        DETAIL,
        /** A narrower (or other) place than the entry's figures cover. */
        PLACE,
        /** A total or derived amount where the entry gives one part (a price per box). */
        TOTAL,
        /** An amount per month where the entry gives a raise, a count or a sum. */
        MONTHLY,
        /** How much something rose, where the entry does not say. */
        RAISE,
        /** A month or day where the entry gives at most a year. */
        DATE,
        /** Any figure at all, where the entry answers in words only (「困境儿童有多少」 to a policy). */
        FIGURE,
        /** A rank the entry does not give. */
        RANK,
        /** A comparison the entry does not make. */
        COMPARISON,
        /** The present (今年, 现在, 最新): the entry describes the report's time. */
        NOW,
        /** A yes-or-no question whose premise the entry contradicts: another year than the one it gives. */
        PREMISE;

        /** The name shown to tools ({@code ask --json}, eval): {@code place}, {@code now}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
