package minsheng.match;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes every number one way, so 「一万三」, 「1.3万」 and 「13000」 meet: Chinese numerals become Arabic, 万 and
 * 亿 are multiplied out, 「百分之七十」 becomes 「70%」, and approximations (多, 余, 来, 左右) are dropped. Applied to
 * questions and queries alike; replies keep the figures as the report writes them.
 */
final class ChineseNumbers {

    private static final String DIGITS = "零〇一二两三四五六七八九";
    private static final String NUMERAL = "[零〇一二两三四五六七八九十百千万亿点]";
    private static final Pattern RUN = Pattern.compile(NUMERAL + "+");
    private static final Pattern PERCENT = Pattern.compile("百分之(" + NUMERAL + "+|\\d+(?:\\.\\d+)?)");
    private static final Pattern APPROXIMATE = Pattern.compile("(\\d)(?:多|余|来)|左右");
    // A match never starts inside a run of digits (it would have started at the run's first digit), so saying so
    // spares the engine retrying every position of a long run: linear instead of quadratic in its length.
    private static final Pattern TIMES_UNIT = Pattern.compile("(?<!\\d)(\\d++(?:\\.\\d++)?)([万亿])");
    private static final Pattern KUAI = Pattern.compile("(\\d)块(?:钱)?");
    /** Words after which a lone numeral is a count or an ordinal, not part of a word like 统一 or 一起. */
    private static final String MEASURES = "号月日年次个所名台对例元块岁周人项批倍成";

    private ChineseNumbers() {
    }

    static String normalize(String text) {
        String percents = replace(PERCENT, text, m -> {
            String n = m.group(1);
            String value = Character.isDigit(n.charAt(0)) ? n : parse(n);
            return value == null ? m.group() : value + "%";
        });
        String arabic = replace(RUN, percents, m -> {
            String run = m.group();
            boolean counted = m.end() < percents.length() && MEASURES.indexOf(percents.charAt(m.end())) >= 0;
            boolean numeric = run.length() >= 2 && run.chars().anyMatch(c -> DIGITS.indexOf(c) >= 0);
            if (!(numeric || counted) || !startsLikeNumber(run)) {
                return run;
            }
            String value = parse(run);
            return value == null ? run : value;
        });
        String exact = replace(APPROXIMATE, arabic, m -> m.group(1) == null ? "" : m.group(1));
        String multiplied = replace(TIMES_UNIT, exact, m -> {
            BigDecimal factor = m.group(2).equals("万") ? BigDecimal.valueOf(10_000) : BigDecimal.valueOf(100_000_000);
            return new BigDecimal(m.group(1)).multiply(factor).stripTrailingZeros().toPlainString();
        });
        return KUAI.matcher(multiplied).replaceAll("$1元");
    }

    private static boolean startsLikeNumber(String run) {
        char first = run.charAt(0);
        return DIGITS.indexOf(first) >= 0 || first == '十';
    }

    /**
     * The value of a Chinese numeral, in Arabic digits, or null if it is not one. Reads the colloquial short forms
     * too: 一万三 is 13000, 一千二 is 1200, 两百五 is 250.
     */
    static String parse(String numeral) {
        int point = numeral.indexOf('点');
        String whole = point < 0 ? numeral : numeral.substring(0, point);
        String fraction = point < 0 ? "" : numeral.substring(point + 1);
        // A trailing 万/亿 after a decimal ("二十六点四万") multiplies the whole decimal.
        long multiplier = 1;
        if (!fraction.isEmpty() && (fraction.endsWith("万") || fraction.endsWith("亿"))) {
            multiplier = fraction.endsWith("万") ? 10_000 : 100_000_000;
            fraction = fraction.substring(0, fraction.length() - 1);
        }
        Long integer = whole.isEmpty() ? (fraction.isEmpty() ? null : 0L) : integer(whole);
        if (integer == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : fraction.toCharArray()) {
            int d = digit(c);
            if (d < 0) {
                return null;
            }
            digits.append(d);
        }
        BigDecimal value = new BigDecimal(digits.isEmpty() ? integer.toString() : integer + "." + digits);
        return value.multiply(BigDecimal.valueOf(multiplier)).stripTrailingZeros().toPlainString();
    }

    private static Long integer(String s) {
        int yi = s.lastIndexOf('亿');
        if (yi >= 0) {
            return combine(s.substring(0, yi), s.substring(yi + 1), 100_000_000L, 10_000_000L);
        }
        int wan = s.lastIndexOf('万');
        if (wan >= 0) {
            return combine(s.substring(0, wan), s.substring(wan + 1), 10_000L, 1_000L);
        }
        return belowTenThousand(s);
    }

    /** high×unit + low, where a lone digit after the unit means the next place down (一万三 → 13000). */
    private static Long combine(String high, String low, long unit, long nextPlace) {
        Long h = high.isEmpty() ? Long.valueOf(1) : integer(high);
        if (h == null) {
            return null;
        }
        if (low.isEmpty()) {
            return h * unit;
        }
        if (low.length() == 1 && digit(low.charAt(0)) > 0) {
            return h * unit + digit(low.charAt(0)) * nextPlace;
        }
        Long l = integer(low.startsWith("零") ? low.substring(1) : low);
        return l == null ? null : h * unit + l;
    }

    /** 0–9999 written with 千百十, or a plain digit string such as 二〇二〇. */
    private static Long belowTenThousand(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.chars().allMatch(c -> DIGITS.indexOf(c) >= 0)) {
            if (s.length() == 1) {
                return (long) digit(s.charAt(0));
            }
            // Digit by digit, as years are read: 二〇二〇.
            long v = 0;
            for (char c : s.toCharArray()) {
                v = v * 10 + digit(c);
            }
            return v;
        }
        long total = 0;
        int pending = -1;
        long lastPlace = 10_000;
        boolean zero = false;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d == 0) {
                zero = true;
            } else if (d > 0) {
                if (pending >= 0) {
                    return null; // 三四: "three or four", not one number
                }
                pending = d;
            } else {
                long place = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : -1;
                if (place < 0 || place >= lastPlace) {
                    return null;
                }
                if (pending < 0) {
                    if (place != 10 || total != 0) {
                        return null;
                    }
                    pending = 1; // 十三 is 13
                }
                total += pending * place;
                pending = -1;
                lastPlace = place;
                zero = false;
            }
        }
        if (pending >= 0) {
            // A digit right after 百 or 千 stands for the next place down: 两百五 → 250, 一千二 → 1200.
            boolean shortForm = lastPlace >= 100 && lastPlace < 10_000 && !zero;
            total += shortForm ? pending * (lastPlace / 10) : pending;
        }
        return total;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> f) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(f.apply(m)));
    }
}
