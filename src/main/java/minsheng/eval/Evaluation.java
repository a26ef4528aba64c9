package minsheng.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import minsheng.answer.Conversations;
import minsheng.answer.Reply;
import minsheng.answer.Snapshot;
import minsheng.match.Match;

/**
 * Runs a question set through a snapshot and tells how the bot did: right answers, right declines, how often it
 * offered a choice instead, every miss with the candidates it weighed, and a table per topic.
 */
public final class Evaluation {

    /** What became of one question. */
    public enum Verdict {
        /** Answered with an expected entry, or offered the expected entries of an ambiguous question. */
        RIGHT,
        /** Declined a question the report does not cover. */
        DECLINED_RIGHT,
        /** Offered a choice that holds the expected entry. */
        SUGGESTED_RIGHT,
        /** Offered a choice without the expected entry, or for a question it should decline. */
        SUGGESTED_WRONG,
        /** Declined a question the report covers. */
        DECLINED_WRONG,
        /** Answered with the wrong entry, or answered a question it should decline: the worst. */
        ANSWERED_WRONG
    }

    public record Outcome(QuestionSet.Case question, Reply reply, Match match, Verdict verdict, String topic) {}

    private static final String QUESTION_CHAT = "eval";

    private final List<Outcome> outcomes;

    private Evaluation(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public static Evaluation run(Snapshot snapshot, QuestionSet set) {
        List<Outcome> outcomes = new ArrayList<>();
        // Through the one entry point citizens reach, so small talk, topic words and questions asking for several
        // things are measured as they are answered; each question from a new chat, standing alone.
        Conversations conversations = new Conversations(() -> snapshot);
        for (QuestionSet.Case c : set.cases()) {
            conversations.forget(QUESTION_CHAT);
            Reply reply = conversations.reply(QUESTION_CHAT, c.question());
            Match match = snapshot.explain(c.question()).match();
            String topic = c.shouldDecline() ? QuestionSet.DECLINE
                    : snapshot.knowledge().entry(c.expected().iterator().next()).orElseThrow().topic().label();
            outcomes.add(new Outcome(c, reply, match, verdict(c, reply), topic));
        }
        return new Evaluation(outcomes);
    }

    static Verdict verdict(QuestionSet.Case c, Reply reply) {
        boolean offered = reply.suggestions().stream().anyMatch(s -> c.expected().contains(s.entryId()));
        if (c.shouldDecline()) {
            return switch (reply.kind()) {
                // small talk gives no figure, so for a question the report does not answer it is not wrong
                case DECLINE, SMALLTALK -> Verdict.DECLINED_RIGHT;
                case SUGGEST -> Verdict.SUGGESTED_WRONG;
                // an answer that first says what the report does not state presents no figure as the answer, when
                // the figure is about the subject asked (the province's 低保 count for a city's); a figure about
                // another subject is wrong, caveat or not
                case ANSWER -> reply.caveated() && c.near().containsAll(reply.entryIds()) ? Verdict.DECLINED_RIGHT
                        : Verdict.ANSWERED_WRONG;
            };
        }
        return switch (reply.kind()) {
            // A reply answering several entries is right only when every one is expected: one extra figure is wrong.
            case ANSWER -> c.expected().contains(reply.entryId()) && c.expected().containsAll(reply.entryIds())
                    ? Verdict.RIGHT : Verdict.ANSWERED_WRONG;
            case SUGGEST -> !offered ? Verdict.SUGGESTED_WRONG
                    : c.ambiguous() ? Verdict.RIGHT : Verdict.SUGGESTED_RIGHT;
            case DECLINE, SMALLTALK -> Verdict.DECLINED_WRONG;
        };
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    private List<Outcome> answerable() {
        return outcomes.stream().filter(o -> !o.question().shouldDecline()).toList();
    }

    private List<Outcome> declinable() {
        return outcomes.stream().filter(o -> o.question().shouldDecline()).toList();
    }

    /** Share of answerable questions answered with the right entry (or, when ambiguous, offered the right ones). */
    public double top1() {
        return share(answerable(), Verdict.RIGHT);
    }

    /** Share of answerable questions where the right entry was answered or at least offered. */
    public double reach() {
        return share(answerable(), Verdict.RIGHT, Verdict.SUGGESTED_RIGHT);
    }

    /** Share of uncoverable questions declined. */
    public double declineAccuracy() {
        return share(declinable(), Verdict.DECLINED_RIGHT);
    }

    /** Share of all questions answered with a choice instead of an answer or a decline. */
    public double suggestionRate() {
        return outcomes.isEmpty() ? 0
                : (double) outcomes.stream().filter(o -> o.reply().kind() == Reply.Kind.SUGGEST).count()
                        / outcomes.size();
    }

    /** How many questions got a confident wrong answer. */
    public long wrongAnswers() {
        return outcomes.stream().filter(o -> o.verdict() == Verdict.ANSWERED_WRONG).count();
    }

    /** How many answers said first what the report does not state. */
    public long caveated() {
        return outcomes.stream().filter(o -> o.reply().answered() && o.reply().caveated()).count();
    }

    /** Of those, how many answered a question labelled DECLINE (counted as declined right). */
    public long caveatedDeclines() {
        return declinable().stream().filter(o -> o.reply().answered() && o.reply().caveated()).count();
    }

    /** Of the wrong answers, how many gave a figure behind a caveat: a figure about another subject than asked. */
    public long caveatedWrong() {
        return outcomes.stream().filter(o -> o.verdict() == Verdict.ANSWERED_WRONG && o.reply().caveated()).count();
    }

    /** Replies that say the report does not state what they themselves state (see {@link SelfContradiction}). */
    public long selfContradictions() {
        return outcomes.stream().filter(o -> SelfContradiction.in(o.reply()).isPresent()).count();
    }

    /** DECLINE questions with a {@code NEAR:} entry. */
    public long nearTraps() {
        return outcomes.stream().filter(o -> !o.question().near().isEmpty()).count();
    }

    /** NEAR traps answered with one of those very entries as if its figure answered them (no caveat). */
    public long nearTrapsFallenFor() {
        return outcomes.stream().filter(o -> o.reply().answered() && !o.reply().caveated()
                && o.question().near().contains(o.reply().entryId())).count();
    }

    private static double share(List<Outcome> of, Verdict... verdicts) {
        if (of.isEmpty()) {
            return 0;
        }
        List<Verdict> wanted = List.of(verdicts);
        return (double) of.stream().filter(o -> wanted.contains(o.verdict())).count() / of.size();
    }

    public void print(PrintStream out, String setName) {
        int a = answerable().size();
        int d = declinable().size();
        out.printf(Locale.ROOT, "question set: %s (%d answerable, %d to decline)%n", setName, a, d);
        out.printf(Locale.ROOT, "top-1 accuracy (answerable):      %6.1f%%  (%d/%d)%n", 100 * top1(),
                count(answerable(), Verdict.RIGHT), a);
        out.printf(Locale.ROOT, "right entry answered or offered:  %6.1f%%%n", 100 * reach());
        out.printf(Locale.ROOT, "decline accuracy (uncoverable):   %6.1f%%  (%d/%d)%n", 100 * declineAccuracy(),
                count(declinable(), Verdict.DECLINED_RIGHT), d);
        out.printf(Locale.ROOT, "suggestion rate (all questions):  %6.1f%%%n", 100 * suggestionRate());
        out.printf(Locale.ROOT, "confident wrong answers:          %d  (%d behind a caveat)%n", wrongAnswers(),
                caveatedWrong());
        out.printf(Locale.ROOT, "caveated answers:                 %d  (%d to questions to decline)%n", caveated(),
                caveatedDeclines());
        out.printf(Locale.ROOT, "says the report lacks what it states: %d%n", selfContradictions());
        if (nearTraps() > 0) {
            out.printf(Locale.ROOT, "NEAR traps answered as if:        %d/%d%n", nearTrapsFallenFor(), nearTraps());
        }
        out.println();
        printTopics(out);
        out.println();
        printMisses(out);
    }

    private void printTopics(PrintStream out) {
        Map<String, List<Outcome>> byTopic = outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::topic, LinkedHashMap::new, Collectors.toList()));
        out.printf(Locale.ROOT, "%s %4s %7s %9s %9s %9s %8s%n",
                pad("topic"), "n", "right", "suggest+", "suggest-", "declined", "wrong");
        byTopic.forEach((topic, list) -> {
            Map<Verdict, Long> v = new EnumMap<>(Verdict.class);
            list.forEach(o -> v.merge(o.verdict(), 1L, Long::sum));
            long right = v.getOrDefault(Verdict.RIGHT, 0L) + v.getOrDefault(Verdict.DECLINED_RIGHT, 0L);
            out.printf(Locale.ROOT, "%s %4d %6.1f%% %9d %9d %9d %8d%n", pad(topic), list.size(),
                    100.0 * right / list.size(), v.getOrDefault(Verdict.SUGGESTED_RIGHT, 0L),
                    v.getOrDefault(Verdict.SUGGESTED_WRONG, 0L), v.getOrDefault(Verdict.DECLINED_WRONG, 0L),
                    v.getOrDefault(Verdict.ANSWERED_WRONG, 0L));
        });
    }

    private void printMisses(PrintStream out) {
        List<Outcome> misses = outcomes.stream()
                .filter(o -> o.verdict() != Verdict.RIGHT && o.verdict() != Verdict.DECLINED_RIGHT)
                .toList();
        out.println("misses: " + misses.size());
        for (Outcome o : misses) {
            String expected = o.question().shouldDecline() ? QuestionSet.DECLINE
                    : String.join("|", o.question().expected());
            String got = switch (o.reply().kind()) {
                case ANSWER -> "answered " + o.reply().entryId()
                        + (o.reply().caveated() ? " with caveat " + o.reply().caveat() : "");
                case SUGGEST -> "suggested " + o.reply().suggestions().stream()
                        .map(Reply.Suggestion::entryId).collect(Collectors.joining(", "));
                case DECLINE -> "declined";
                case SMALLTALK -> "small talk";
            };
            String candidates = o.match().ranked().stream().limit(3)
                    .map(c -> String.format(Locale.ROOT, "%s %.2f", c.entry().id(), c.score()))
                    .collect(Collectors.joining("; "));
            out.printf(Locale.ROOT, "  line %d  %s%n    expected %s, %s (%s)%s%n", o.question().line(),
                    o.question().question(), expected, got, candidates.isEmpty() ? "no candidates" : candidates,
                    o.verdict() == Verdict.ANSWERED_WRONG ? "  [wrong answer]" : "");
        }
        outcomes.forEach(o -> SelfContradiction.in(o.reply()).ifPresent(why -> out.printf(Locale.ROOT,
                "  line %d  %s%n    says the report lacks what it states: %s%n", o.question().line(),
                o.question().question(), why)));
    }

    private static long count(List<Outcome> of, Verdict v) {
        return of.stream().filter(o -> o.verdict() == v).count();
    }

    /** Pads by display width: a Chinese character takes two columns. */
    private static String pad(String s) {
        int width = s.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
        return s + " ".repeat(Math.max(0, 14 - width));
    }
}
