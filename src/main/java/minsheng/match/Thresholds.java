package minsheng.match;

/**
 * Where the engine draws its lines on the 0–1 confidence scale (1 is a question the knowledge holds word for word).
 * The defaults were chosen by measuring the development question set; see docs/measurements.md.
 *
 * @param answerAt    answer outright at or above this confidence, when no other entry is close
 * @param suggestAt   offer suggestions at or above this; decline below it
 * @param margin      the lead the best entry needs over the next one to be answered alone
 * @param alikeRatio  when two entries both hold every character of the question, the second is offered beside
 *                    the first if it scores at least this share of the first (「低保有多少人」: urban or rural?)
 */
public record Thresholds(double answerAt, double suggestAt, double margin, double alikeRatio) {

    public static final double DEFAULT_ANSWER_AT = 0.28;
    public static final double DEFAULT_SUGGEST_AT = 0.28;
    public static final double DEFAULT_MARGIN = 0.03;
    public static final double DEFAULT_ALIKE_RATIO = 0.68;

    public Thresholds {
        check("answer threshold", answerAt);
        check("suggest threshold", suggestAt);
        check("ambiguity margin", margin);
        check("ambiguity ratio", alikeRatio);
        if (suggestAt > answerAt) {
            throw new IllegalArgumentException("suggest threshold (" + suggestAt
                    + ") cannot be above the answer threshold (" + answerAt + ")");
        }
    }

    public static Thresholds defaults() {
        return new Thresholds(DEFAULT_ANSWER_AT, DEFAULT_SUGGEST_AT, DEFAULT_MARGIN, DEFAULT_ALIKE_RATIO);
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }
}
