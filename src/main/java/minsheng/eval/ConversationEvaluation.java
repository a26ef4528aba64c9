package minsheng.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import minsheng.answer.Conversations;
import minsheng.answer.Reply;
import minsheng.answer.Snapshot;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.Topic;
import minsheng.knowledge.TopicSummaries;

/**
 * Runs a {@link ConversationSet} the way citizens meet the bot: each dialogue in a new chat of its own, turn after
 * turn, through {@link Conversations}. Tells how it did overall and for each kind of turn: single questions,
 * follow-ups (every turn after a dialogue's first), questions asking several things, topic words and small talk.
 */
public final class ConversationEvaluation {

    /** What became of one turn; {@code followUp} when an earlier turn of its dialogue came before it. */
    public record Outcome(ConversationSet.Turn turn, boolean followUp, Reply reply, Evaluation.Verdict verdict) {

        public boolean right() {
            return verdict == Evaluation.Verdict.RIGHT || verdict == Evaluation.Verdict.DECLINED_RIGHT;
        }
    }

    private static final String CHAT = "eval";

    private final List<Outcome> outcomes;

    private ConversationEvaluation(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public static ConversationEvaluation run(Snapshot snapshot, ConversationSet set) {
        Conversations conversations = new Conversations(() -> snapshot);
        List<Outcome> outcomes = new ArrayList<>();
        for (ConversationSet.Dialogue d : set.dialogues()) {
            conversations.forget(CHAT);
            for (int i = 0; i < d.turns().size(); i++) {
                ConversationSet.Turn t = d.turns().get(i);
                Reply reply = conversations.reply(CHAT, t.question());
                outcomes.add(new Outcome(t, i > 0, reply, verdict(t, reply, snapshot.knowledge())));
            }
        }
        return new ConversationEvaluation(outcomes);
    }

    static Evaluation.Verdict verdict(ConversationSet.Turn t, Reply reply, KnowledgeBase knowledge) {
        return switch (t.kind()) {
            case DECLINE -> switch (reply.kind()) {
                case DECLINE, SMALLTALK -> Evaluation.Verdict.DECLINED_RIGHT;
                case SUGGEST -> Evaluation.Verdict.SUGGESTED_WRONG;
                // as in Evaluation: an answer that says first what the report does not state gives no figure as if
                // it answered the question, when the figure is about the subject asked
                case ANSWER -> reply.caveated() && t.near().containsAll(reply.entryIds())
                        ? Evaluation.Verdict.DECLINED_RIGHT : Evaluation.Verdict.ANSWERED_WRONG;
            };
            case SMALLTALK -> switch (reply.kind()) {
                case SMALLTALK -> Evaluation.Verdict.RIGHT;
                case DECLINE -> Evaluation.Verdict.DECLINED_WRONG;
                case SUGGEST -> Evaluation.Verdict.SUGGESTED_WRONG;
                case ANSWER -> Evaluation.Verdict.ANSWERED_WRONG;
            };
            case TOPIC -> knowledge.topicSummaries().byLabel(t.topic()).map(summary -> topicVerdict(summary, reply))
                    .orElseGet(() -> knowledgeTopicVerdict(knowledge.topics().stream()
                            .filter(x -> x.label().equals(t.topic())).findFirst().orElseThrow(), reply, knowledge));
            case ENTRIES -> entriesVerdict(t, reply);
        };
    }

    /**
     * Right when the reply is the topic's summary (or, for a topic offered as a list, that list); reaching some of
     * its entries otherwise is offered-right; a figure from outside the topic is wrong.
     */
    private static Evaluation.Verdict topicVerdict(TopicSummaries.Summary topic, Reply reply) {
        Set<String> all = new HashSet<>(topic.headline());
        all.addAll(topic.details());
        List<String> offered = reply.suggestions().stream().map(Reply.Suggestion::entryId).toList();
        return switch (reply.kind()) {
            case ANSWER -> reply.entryIds().equals(topic.headline()) ? Evaluation.Verdict.RIGHT
                    : all.containsAll(reply.entryIds()) ? Evaluation.Verdict.SUGGESTED_RIGHT
                    : Evaluation.Verdict.ANSWERED_WRONG;
            case SUGGEST -> topic.listed() && offered.equals(topic.details()) ? Evaluation.Verdict.RIGHT
                    : offered.stream().anyMatch(all::contains) ? Evaluation.Verdict.SUGGESTED_RIGHT
                    : Evaluation.Verdict.SUGGESTED_WRONG;
            case DECLINE, SMALLTALK -> Evaluation.Verdict.DECLINED_WRONG;
        };
    }

    /**
     * For a label naming a knowledge topic rather than a topics.txt summary (「TOPIC:医疗医保」): right when the reply
     * answers, or offers as a list, only entries of that topic; reaching some of them is offered-right; a figure from
     * another topic is wrong.
     */
    private static Evaluation.Verdict knowledgeTopicVerdict(Topic topic, Reply reply, KnowledgeBase knowledge) {
        java.util.function.Predicate<String> inTopic = id -> knowledge.entry(id).map(e -> e.topic() == topic)
                .orElse(false);
        List<String> offered = reply.suggestions().stream().map(Reply.Suggestion::entryId).toList();
        return switch (reply.kind()) {
            case ANSWER -> reply.entryIds().stream().allMatch(inTopic) ? Evaluation.Verdict.RIGHT
                    : reply.entryIds().stream().anyMatch(inTopic) ? Evaluation.Verdict.SUGGESTED_RIGHT
                    : Evaluation.Verdict.ANSWERED_WRONG;
            case SUGGEST -> offered.stream().allMatch(inTopic) ? Evaluation.Verdict.RIGHT
                    : offered.stream().anyMatch(inTopic) ? Evaluation.Verdict.SUGGESTED_RIGHT
                    : Evaluation.Verdict.SUGGESTED_WRONG;
            case DECLINE, SMALLTALK -> Evaluation.Verdict.DECLINED_WRONG;
        };
    }

    /**
     * Right when every part is answered (any one id of a part), no entry outside the parts is, and a part the report
     * cannot answer is said to be so. An entry outside them is a wrong answer; some parts only, or a choice holding
     * them, is offered-right. For a single part, offering a choice of its ids is right, as in {@link Evaluation}.
     */
    private static Evaluation.Verdict entriesVerdict(ConversationSet.Turn t, Reply reply) {
        Set<String> allowed = t.parts().stream().flatMap(Set::stream).collect(Collectors.toSet());
        List<String> offered = reply.suggestions().stream().map(Reply.Suggestion::entryId).toList();
        return switch (reply.kind()) {
            case ANSWER -> {
                if (!allowed.containsAll(reply.entryIds())) {
                    yield Evaluation.Verdict.ANSWERED_WRONG;
                }
                boolean all = t.parts().stream().allMatch(p -> p.stream().anyMatch(reply.entryIds()::contains));
                boolean saysMissing = !t.declinedPart() || Conversations.saysAPartIsUnanswered(reply);
                yield all && saysMissing ? Evaluation.Verdict.RIGHT : Evaluation.Verdict.SUGGESTED_RIGHT;
            }
            case SUGGEST -> {
                boolean ambiguous = t.parts().size() == 1 && !t.declinedPart() && t.parts().get(0).size() > 1;
                if (offered.stream().noneMatch(allowed::contains)) {
                    yield Evaluation.Verdict.SUGGESTED_WRONG;
                }
                yield ambiguous ? Evaluation.Verdict.RIGHT : Evaluation.Verdict.SUGGESTED_RIGHT;
            }
            case DECLINE, SMALLTALK -> Evaluation.Verdict.DECLINED_WRONG;
        };
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    /** The turns of one kind: single questions, follow-ups, several parts, topic words, small talk. */
    public enum Group {
        SINGLE("single questions", o -> !o.followUp() && o.turn().kind() != ConversationSet.Kind.SMALLTALK
                && o.turn().kind() != ConversationSet.Kind.TOPIC && !o.turn().severalParts()),
        FOLLOW_UP("follow-ups", Outcome::followUp),
        SEVERAL_PARTS("two-part questions", o -> o.turn().severalParts()),
        TOPIC("topic words", o -> o.turn().kind() == ConversationSet.Kind.TOPIC),
        SMALLTALK("small talk", o -> o.turn().kind() == ConversationSet.Kind.SMALLTALK);

        final String title;
        final Predicate<Outcome> member;

        Group(String title, Predicate<Outcome> member) {
            this.title = title;
            this.member = member;
        }
    }

    public List<Outcome> of(Group g) {
        return outcomes.stream().filter(g.member).toList();
    }

    public long right(Group g) {
        return of(g).stream().filter(Outcome::right).count();
    }

    public long right() {
        return outcomes.stream().filter(Outcome::right).count();
    }

    public long wrongAnswers() {
        return outcomes.stream().filter(o -> o.verdict() == Evaluation.Verdict.ANSWERED_WRONG).count();
    }

    /** Of the wrong answers, how many gave a figure behind a caveat: a figure about another subject than asked. */
    public long caveatedWrong() {
        return outcomes.stream().filter(o -> o.verdict() == Evaluation.Verdict.ANSWERED_WRONG
                && o.reply().caveated()).count();
    }

    /** Replies that say the report does not state what they themselves state. */
    public long selfContradictions() {
        return outcomes.stream().filter(o -> SelfContradiction.in(o.reply()).isPresent()).count();
    }

    public void print(PrintStream out, String setName, boolean conversations) {
        long dialogues = outcomes.stream().filter(o -> !o.followUp()).count();
        out.printf(Locale.ROOT, "question set: %s (%d turns%s)%n", setName, outcomes.size(),
                conversations ? " in " + dialogues + " conversations" : "");
        line(out, "all turns right:", right(), outcomes.size());
        Map<Group, List<Outcome>> groups = new LinkedHashMap<>();
        for (Group g : Group.values()) {
            groups.put(g, of(g));
        }
        groups.forEach((g, list) -> {
            if (!list.isEmpty()) {
                line(out, g.title + " right:", right(g), list.size());
            }
        });
        List<Outcome> answerable = outcomes.stream().filter(o -> o.turn().kind() == ConversationSet.Kind.ENTRIES
                || o.turn().kind() == ConversationSet.Kind.TOPIC).toList();
        List<Outcome> declinable = outcomes.stream().filter(o -> o.turn().kind() == ConversationSet.Kind.DECLINE)
                .toList();
        line(out, "answerable turns right:", answerable.stream().filter(Outcome::right).count(), answerable.size());
        line(out, "turns to decline declined:", declinable.stream().filter(Outcome::right).count(),
                declinable.size());
        out.printf(Locale.ROOT, "confident wrong answers:          %d  (%d behind a caveat)%n", wrongAnswers(),
                caveatedWrong());
        out.printf(Locale.ROOT, "says the report lacks what it states: %d%n", selfContradictions());
        out.println();
        List<Outcome> misses = outcomes.stream().filter(o -> !o.right()).toList();
        out.println("misses: " + misses.size());
        for (Outcome o : misses) {
            String got = switch (o.reply().kind()) {
                case ANSWER -> "answered " + String.join("+", o.reply().entryIds())
                        + (Conversations.saysAPartIsUnanswered(o.reply()) ? "+DECLINE" : "");
                case SUGGEST -> "suggested " + o.reply().suggestions().stream()
                        .map(Reply.Suggestion::entryId).collect(Collectors.joining(", "));
                case DECLINE -> "declined";
                case SMALLTALK -> "small talk";
            };
            out.printf(Locale.ROOT, "  line %d%s  %s%n    expected %s, %s%s%n", o.turn().line(),
                    o.followUp() ? " (follow-up)" : "", o.turn().question(), o.turn().label(), got,
                    o.verdict() == Evaluation.Verdict.ANSWERED_WRONG ? "  [wrong answer]" : "");
        }
        outcomes.forEach(o -> SelfContradiction.in(o.reply()).ifPresent(why -> out.printf(Locale.ROOT,
                "  line %d  %s%n    says the report lacks what it states: %s%n", o.turn().line(),
                o.turn().question(), why)));
    }

    /** One share; a kind of turn the set does not have is left out rather than shown as 0%. */
    private static void line(PrintStream out, String title, long right, int of) {
        if (of == 0) {
            return;
        }
        int width = title.length();
        out.printf(Locale.ROOT, "%s%s %6.1f%%  (%d/%d)%n", title, " ".repeat(Math.max(1, 33 - width)),
                100.0 * right / of, right, of);
    }
}
