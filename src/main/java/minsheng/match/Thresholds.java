package minsheng.match;

/**
 * Where the engine draws its lines on the 0–1 confidence scale.
 *
 * @param answerAt  answer outright at or above this confidence, when no other entry is close
 * @param suggestAt offer suggestions at or above this; decline below it
 * @param margin    the lead the best entry needs over the next one to be answered alone
 */
public record Thresholds(double answerAt, double suggestAt, double margin) {

    public static final double DEFAULT_ANSWER_AT = 0.55;
    public static final double DEFAULT_SUGGEST_AT = 0.35;
    public static final double DEFAULT_MARGIN = 0.08;

    public Thresholds {
        check("answer threshold", answerAt);
        check("suggest threshold", suggestAt);
        check("ambiguity margin", margin);
        if (suggestAt > answerAt) {
            throw new IllegalArgumentException("suggest threshold (" + suggestAt
                    + ") cannot be above the answer threshold (" + answerAt + ")");
        }
    }

    public static Thresholds defaults() {
        return new Thresholds(DEFAULT_ANSWER_AT, DEFAULT_SUGGEST_AT, DEFAULT_MARGIN);
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }
}
