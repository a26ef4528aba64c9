package minsheng.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import minsheng.match.Matcher;

/**
 * A citizen's message read as the question it asks and the story told around it. People first say who they are and
 * why they ask — 「厂里工友都是外地来的，开春是包车接回来的，想问问省里线上技能培训一共培训了多少人次」 — and the
 * question is the clause (or the run of clauses) that asks, usually at the end. The story is kept as context, the way
 * a follow-up reads the turn before it: it may name the subject of a question that has none (「……这个惠及了多少人」),
 * but its words (a workplace, a hospital, a relative, a plan) never decide the reply on their own.
 *
 * <p>Bounded by clauses, not by cutting the text: a story of any length keeps its question, and at most
 * {@value #MAX_CONTEXT} clauses of story next to it are kept.
 *
 * @param question the clauses that ask, in order, as written; the whole message when it is one clause
 * @param context  the story's clauses, the one nearest the question first: those told before it, then after it
 * @param before   how many of {@code context} are told before the question
 */
record Story(String question, List<String> context, int before) {

    /** Characters of one reading the engine matches (Matcher.MAX_MATCHED). */
    static final int MAX_READ = 200;
    /** Story clauses kept as context, nearest the question first. */
    static final int MAX_CONTEXT = 6;
    /** Clauses of a message read at all: a 4096-character message of commas is bounded too. */
    private static final int MAX_CLAUSES = 64;

    /**
     * Where one clause of a story ends: punctuation (also doubled, 「。。。」), a line break, or a space beside a Han
     * character (「刚上大学 天天坐地铁」); a space inside Latin text (「iPhone 15」) is not a break. Words that join
     * two questions (还有, 另外) are left to {@link TwoParts}: 「截至今天还有多少低保户」 is one question.
     */
    private static final Pattern BREAK = Pattern.compile(
            "[，,；;？?。！!…~～\\n]+|(?<=[\\p{IsHan}\\p{So}])\\s+|\\s+(?=\\p{IsHan})");

    /** A clause that only thanks or asks politely for an answer (「谢谢了🙏」, 「麻烦给说说」): not part of the question. */
    private static final Pattern COURTESY = Pattern.compile(
            "^(谢谢|多谢|感谢|麻烦|辛苦|拜托|劳驾|先谢|提前谢)[\\p{IsHan}]{0,6}$");

    Story {
        context = List.copyOf(context);
    }

    /** The message as one question, with no story around it. */
    static Story plain(String message) {
        return new Story(tail(message.strip(), MAX_READ), List.of(), 0);
    }

    /** Reads a message into its question and story. */
    static Story read(String message) {
        // Read in simplified characters, as the engine reads it: 線上線下 is 线上线下 to the parts of a question.
        message = Matcher.simplified(message);
        List<String> clauses = clauses(message);
        int end = clauses.size();
        while (end > 0 && courtesy(clauses.get(end - 1))) {
            end--;
        }
        int last = end - 1;
        while (last >= 0 && !asks(clauses.get(last))) {
            last--;
        }
        if (last < 0 || clauses.size() < 2) {
            return plain(message);
        }
        int first = last;
        while (first > 0 && asks(clauses.get(first - 1))) {
            first--;
        }
        // A run of questions longer than one reading keeps its last clauses; the ones before become context.
        while (first < last && length(clauses, first, last) > MAX_READ) {
            first++;
        }
        if (first == 0 && last == clauses.size() - 1) {
            return plain(message);
        }
        String question = tail(String.join("，", clauses.subList(first, last + 1)), MAX_READ);
        List<String> context = new ArrayList<>();
        for (int i = first - 1; i >= 0 && context.size() < MAX_CONTEXT; i--) {
            context.add(clauses.get(i));
        }
        int before = context.size();
        // What follows the question (「我好拿数据给老头看」) is context too, after what comes before it.
        for (int i = last + 1; i < end && context.size() < MAX_CONTEXT; i++) {
            context.add(clauses.get(i));
        }
        return new Story(question, context, before);
    }

    /** The same story around another wording of its question. */
    Story asking(String other) {
        return new Story(other, context, before);
    }

    /** The whole story and its question as one reading: the question, and as much of the story before it as fits. */
    String told() {
        StringBuilder told = new StringBuilder();
        for (String clause : context.subList(0, before)) {
            if (told.length() + clause.length() + question.length() > MAX_READ) {
                break;
            }
            told.insert(0, clause + "，");
        }
        return told + question;
    }

    /** The question read with one clause of its story before it, kept within one reading. */
    String withContext(String clause) {
        return tail(clause, MAX_READ - question.length()) + question;
    }

    private static List<String> clauses(String message) {
        List<String> out = new ArrayList<>();
        for (String c : BREAK.split(message.strip())) {
            String clause = c.strip();
            if (!FollowUps.fold(clause).isEmpty()) {
                out.add(clause);
            }
        }
        // The last clauses are the ones that ask: a message of thousands of clauses keeps its end.
        return out.size() > MAX_CLAUSES ? out.subList(out.size() - MAX_CLAUSES, out.size()) : out;
    }

    private static boolean asks(String clause) {
        return TwoParts.asks(clause);
    }

    private static boolean courtesy(String clause) {
        String folded = FollowUps.fold(clause);
        return SmallTalk.of(clause) != null || COURTESY.matcher(folded).matches();
    }

    private static int length(List<String> clauses, int from, int to) {
        int n = to - from;
        for (int i = from; i <= to; i++) {
            n += clauses.get(i).length();
        }
        return n;
    }

    /** The last {@code max} characters of a text, never splitting a surrogate pair; "" when max is not positive. */
    private static String tail(String text, int max) {
        if (max <= 0) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int start = text.length() - max;
        if (Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }
}
