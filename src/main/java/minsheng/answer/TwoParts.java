package minsheng.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the questions inside one message that asks for several things: clauses (「城乡低保一共多少人，分别多少」) and
 * things joined by 和 and asked for each (「波立维和支架以前各多少钱」, 「城乡低保分别多少」). Only proposes the parts;
 * whether the message is read as several questions is decided by what the knowledge answers to each.
 */
final class TwoParts {

    /** Words that ask for each of several things. */
    private static final Pattern EACH = Pattern.compile("分别|各自|各是|各有|各|都");
    /** 及 alone is left out: it is inside too many words (涉及, 及时, 普及). */
    private static final Pattern CONJUNCTION = Pattern.compile("和|与|跟|以及|、|还有");
    /** What makes a clause a question rather than the circumstances around one (「我妈得了癌」). */
    private static final Pattern ASKS = Pattern.compile("多少|几|哪|什么|怎么|如何|吗|么|是否|有没有|能不能|是不是|会不会|"
            + "多会儿|多咱|啥时|真的假的|对不对|"
            + "高不高|贵不贵|有哪些|咋|啥|谁|何时|呢$|不$|没$|没有$|了没|分别|各");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,；;？?。！!\\s]+|还有|另外|顺便问一下|顺便问问|顺便");
    /** Pairs written as one word: 城乡 is 城市 and 农村, 线上线下 is 线上 and 线下. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"城乡", "城市", "农村"},
            new String[] {"线上线下", "线上", "线下"},
            new String[] {"线下线上", "线下", "线上"});
    /** Longest conjunct considered; longer ones are not the short nouns people join with 和. */
    private static final int MAX_CONJUNCT = 12;

    private TwoParts() {
    }

    /**
     * The questions of a message, in order; one when it asks one. A clause that asks nothing (「我妈得了癌」) is the
     * circumstance of the question after it and stays with it.
     */
    static List<String> clauses(String message) {
        List<String> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String c : CLAUSE_BREAK.split(message.strip())) {
            String clause = c.strip();
            if (FollowUps.fold(clause).isEmpty()) {
                continue;
            }
            pending.append(clause);
            if (ASKS.matcher(clause).find()) {
                out.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (pending.length() > 0) {
            if (out.isEmpty()) {
                return List.of(message.strip());
            }
            out.set(out.size() - 1, out.get(out.size() - 1) + pending);
        }
        return out;
    }

    /** Whether a clause asks something (rather than telling the circumstances around a question). */
    static boolean asks(String clause) {
        return ASKS.matcher(clause).find();
    }

    /** Whether a question asks for each of several things (「各」, 「分别」). */
    static boolean asksForEach(String question) {
        return EACH.matcher(question).find();
    }

    /** Words that ask for several things in all (「一共」, 「加起来」). */
    private static final Pattern TOTAL = Pattern.compile("一共|总共|加起来|加一块|合计|总计|总数|共有|一起算");

    /** Whether a question asks for a total (「城乡低保一共多少人」). */
    static boolean asksForTotal(String question) {
        return TOTAL.matcher(question).find();
    }

    /** What joins the things of a list asked about together: 「低保、特困、临时救助一共…」, 「城市低保加农村低保，再算上孤儿」. */
    private static final Pattern LISTED = Pattern.compile("、|，|,|和|与|跟|以及|加上|再算上|再加上|再加|还有|加");
    /** Where the list ends and the asking begins. */
    private static final Pattern LIST_END = Pattern.compile("一共|总共|加起来|加一块|合计|总计|分别|各自|各|都|多少|几|有没有|是");

    /**
     * The questions of a message asking for three or more things in all or each (「低保、特困、临时救助一共帮了多少人」
     * → 「低保帮了多少人」, 「特困帮了多少人」, 「临时救助帮了多少人」): one per thing listed, with what is asked of
     * them all; empty when the message lists fewer than three.
     */
    static List<String> listed(String message) {
        Matcher end = LIST_END.matcher(message);
        if (!end.find() || end.start() == 0) {
            return List.of();
        }
        String head = message.substring(0, end.start());
        String tail = EACH.matcher(TOTAL.matcher(message.substring(end.start())).replaceAll("")).replaceAll("");
        List<String> things = new ArrayList<>();
        for (String thing : LISTED.split(head)) {
            String t = thing.strip();
            if (!t.isEmpty()) {
                things.add(t);
            }
        }
        if (things.size() < 3 || things.stream().anyMatch(t -> t.length() > MAX_CONJUNCT)) {
            return List.of();
        }
        return things.stream().map(t -> t + tail).toList();
    }

    /** Whether a clause joins two things: by 和 (or the like), or in a pair word (城乡). */
    static boolean joins(String clause) {
        return CONJUNCTION.matcher(clause).find() || PAIRS.stream().anyMatch(p -> clause.contains(p[0]));
    }

    /** The words that name a side of a pair, in any form: a question holding one has chosen its side. */
    private static final Pattern SIDE = Pattern.compile("城|乡|农|村|线上|线下|网上|网下|面授");

    /**
     * The question asked of each side of a pair it names neither of (「低保有多少人」 → 城市…, 农村…), with the
     * sides' names: one reading per pair word; none when it names a side already.
     */
    static List<Split> sides(String question) {
        if (SIDE.matcher(question).find()) {
            return List.of();
        }
        List<Split> out = new ArrayList<>();
        for (String[] pair : PAIRS.subList(0, 2)) {
            out.add(new Split(List.of(pair[1] + question, pair[2] + question), true));
        }
        return out;
    }

    /**
     * One way to read a clause as two questions; {@code pair} when it comes from a word that holds two (城乡), so
     * each half is surely asked, even one the report does not answer.
     */
    record Split(List<String> parts, boolean pair) {

        /** For a split of a pair word, the names of its two sides (城市, 农村). */
        List<String> names() {
            return PAIRS.stream().filter(p -> parts.get(0).startsWith(p[1]) && parts.get(1).startsWith(p[2]))
                    .map(p -> List.of(p[1], p[2])).findFirst().orElse(List.of("", ""));
        }
    }

    /**
     * The ways one clause may split into two questions; most likely first. A pair word (城乡) asked for each gives
     * one way; a 和 gives one way for every place its second conjunct may end.
     */
    static List<Split> splits(String clause) {
        List<Split> out = new ArrayList<>();
        String plain = EACH.matcher(clause).replaceAll("");
        if (asksForEach(clause) || asksForTotal(clause)) {
            for (String[] pair : PAIRS) {
                if (plain.contains(pair[0])) {
                    out.add(new Split(List.of(plain.replace(pair[0], pair[1]), plain.replace(pair[0], pair[2])),
                            true));
                }
            }
        }
        Matcher m = CONJUNCTION.matcher(clause);
        while (m.find()) {
            String left = clause.substring(0, m.start());
            if (left.isEmpty() || left.length() > MAX_CONJUNCT) {
                continue;
            }
            String after = clause.substring(m.end());
            Matcher each = EACH.matcher(after);
            int limit = each.find() ? each.start() : after.length();
            for (int end = Math.min(limit, MAX_CONJUNCT); end >= 1; end--) {
                String right = after.substring(0, end);
                String tail = EACH.matcher(after.substring(end)).replaceAll("");
                out.add(new Split(List.of(left + tail, right + tail), false));
            }
        }
        return out;
    }
}
