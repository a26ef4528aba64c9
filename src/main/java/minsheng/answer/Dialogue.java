package minsheng.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.Topic;
import minsheng.knowledge.TopicSummaries;
import minsheng.match.Match;
import minsheng.match.Matcher;
import minsheng.match.Matcher.Reading;

/**
 * Answers one question of a chat from one snapshot, given what the chat just asked: a bare topic word gets the
 * topic's headline figures; a follow-up is read against the question before it; a message asking for several things
 * gets every part the report answers, and is told which part it does not. Stateless; one instance per message.
 */
final class Dialogue {

    /** What was said, and the question it was taken to mean (remembered for the next follow-up). */
    record Turn(Reply reply, String question) {}

    /** A reply with why it declines, when it does. */
    private record Result(Reply reply, Match.Reason reason) {

        boolean answers() {
            return reply.kind() == Reply.Kind.ANSWER;
        }

        /** A decline that knows what is missing: another year, a figure not stated, another place or a procedure. */
        boolean declinesForAReason() {
            return reply.kind() == Reply.Kind.DECLINE && reason != Match.Reason.NONE
                    && reason != Match.Reason.NOT_COVERED;
        }
    }

    /** Characters a declined part needs to be a question of its own, not a word carried on from the one before. */
    private static final int OWN_WORDS = 4;
    /** A part this sure stands as a question of its own. */
    private static final double SURE = 0.5;
    /**
     * A question naming this much of its subject in the knowledge's own words (城镇新增就业, 残疾人两项补贴资金; not
     * 完成目标, 纳入保障) names it in full (see Matcher#subjectWeight).
     */
    private static final double NAMED_IN_FULL = 10;
    /** A story's answer speaks of the story at least 1/{@value #STORY_LEAD} as much as the entry speaking of it most. */
    private static final double STORY_LEAD = 1.5;
    /** A clause 「这个」 points back at is about something the report never speaks of below this share of known words. */
    private static final double POINTED_KNOWN = 0.4;
    /** Below this share of what a story is about, an answer found in it is about something else. */
    private static final double STORY_SHARE = 0.35;
    /** An entry weighed this high is close enough to offer in place of one that cannot answer. */
    private static final double NEAR = 0.25;

    private final Snapshot snapshot;
    private final KnowledgeBase knowledge;
    private final FollowUps followUps;
    /** Each text is matched once per message, however many readings try it. */
    private final Map<String, Result> matched = new HashMap<>();
    private final Map<Bound, Double> ceilings = new HashMap<>();
    /**
     * The last text read (normalized, analyzed) for a ceiling: when it stands, the text is matched right after, and
     * not read again. Only the last is kept, so a message of many splits holds one reading, not one per split.
     */
    private String lastText;
    private Reading lastReading;
    /** Whether the texts matched now are a question read with a clause of its story (see respond(Story, …)). */
    private boolean story;
    /** That question, when they are. */
    private String storyQuestion;
    /** Marks a story's text in this message's maps. */
    private static final String STORY = "\u0001";

    /** A text and the entries left out of its ceiling. */
    private record Bound(String text, Set<String> except) {}

    Dialogue(Snapshot snapshot) {
        this.snapshot = snapshot;
        this.knowledge = snapshot.knowledge();
        this.followUps = new FollowUps(knowledge.vocabulary().outOfScope());
    }

    /**
     * The reply to a message told as a story (see {@link Story}): its question is answered as asked, and only when
     * that is not sure is it read with a clause of the story before it, nearest first — the story may name what
     * 「这个」 is. Whatever reading is taken, the answer keeps the caveat the question itself earns: a place or a
     * time named only in the story is the citizen's circumstance, not what was asked.
     */
    Turn respond(Story story, String previous, List<String> answered) {
        Turn alone = respond(story.question(), previous, answered);
        // A question that names its subject in full is answered as asked: the story is only its circumstance.
        if (story.context().isEmpty() || alone.reply().kind() == Reply.Kind.ANSWER
                && snapshot.subjectWeight(story.question()) >= NAMED_IN_FULL) {
            return alone;
        }
        // Each reading's answer is weighed by its score and by how far its entries speak of what the whole message
        // is about: a clause of the story that names 出国 must not win over the 万荣 and 海员 told before it.
        String told = story.told();
        Matcher.Told about = snapshot.told(told);
        Turn best = null;
        double bestWeight = 0;
        // Each clause with the question, nearest first, then the story read whole (when it holds more than one).
        List<String> readings = new ArrayList<>();
        story.context().forEach(c -> readings.add(story.withContext(c)));
        if (story.before() > 1) {
            readings.add(told);
        }
        this.story = true;
        this.storyQuestion = story.question();
        if (alone.reply().kind() == Reply.Kind.ANSWER) {
            best = alone;
            bestWeight = weight(alone.reply(), about);
        }
        double leader = -1;
        // The surest story reading that declines naming what the report says on its subject: told in place of a
        // decline that names nothing, should no reading answer.
        Turn named = null;
        for (String read : readings) {
            Result r = whole(read);
            if (r.reply().kind() == Reply.Kind.DECLINE && !r.reply().related().isEmpty()
                    && (named == null || r.reply().score() > named.reply().score())) {
                named = new Turn(r.reply(), remembered(r.reply(), read));
            }
            if (r.answers()) {
                double w = weight(r.reply(), about);
                if (w > bestWeight && leader < 0) {
                    leader = about.leader();
                }
                // Found through a clause of the story, an entry must be near the one the whole story speaks of
                // most: 「吕梁山护工去日本……要啥条件，年龄有没有限制」 is about the carers, not the pension's ages.
                if (w > bestWeight && w / r.reply().score() * STORY_LEAD >= leader) {
                    bestWeight = w;
                    best = new Turn(asAsked(r.reply(), story.question()), remembered(r.reply(), read));
                }
            }
        }
        this.story = false;
        // 「这个」 pointing at something the report never speaks of (「他还吃着阿托伐他汀，这个集采以后多少钱一盒」)
        // is not answered with whatever else the words fit.
        if (story.before() > 0 && FollowUps.pointsBack(story.question())
                && snapshot.knownShare(story.context().get(0)) < POINTED_KNOWN) {
            return new Turn(decline(Messages.get("decline.intro", "《" + knowledge.report().title() + "》")),
                    story.question());
        }
        // A question that names no subject, answered with an entry the story hardly speaks of, is answered about
        // something else (「那是哪年几月的事」 alone is anything with a date): the message read whole decides, as it
        // did before stories were read apart.
        if (best == null || bestWeight < STORY_SHARE * best.reply().score()
                && !snapshot.namesItsSubject(story.question())) {
            if (alone.reply().kind() == Reply.Kind.ANSWER) {
                return told(told);
            }
            Turn said = alone;
            // 「听说2021年开始心脏支架集采降价，降到多少了」: the question alone asks for its subject, which the story has
            // named; the message read whole says why it is declined, and what the report does say, instead.
            if (previous == null && followUps.read(story.question()).shape() == FollowUps.Shape.MEASURE) {
                Turn whole = told(told);
                if (whole.reply().kind() != Reply.Kind.ANSWER) {
                    said = whole;
                }
            }
            // 「……听说郑太高铁开通了，从太原到郑州坐高铁要多长时间，票多少钱」: a decline that only lists the topics
            // gives way to the story's reading that names what the report does say about the line.
            return named != null && saysNothing(said.reply()) ? named : said;
        }
        return best;
    }

    /** The message read whole, as one question. */
    private Turn told(String told) {
        Result r = whole(told);
        return new Turn(r.reply(), remembered(r.reply(), told));
    }

    /** An answer's score times how far its entries (the best of them) speak of what {@code told} is about. */
    private static double weight(Reply reply, Matcher.Told told) {
        double share = 0;
        for (String id : reply.entryIds()) {
            share = Math.max(share, told.share(id));
        }
        return reply.score() * share;
    }

    /** The answers of several entries in one reply, and that the report gives no total of them. */
    Reply total(List<String> entryIds) {
        List<Result> parts = entryIds.stream().flatMap(id -> snapshot.answer(id).stream())
                .map(r -> new Result(r, Match.Reason.NONE)).toList();
        Result combined = combine(entryIds, parts);
        return noted(combined, Messages.get("conv.total.none")).reply();
    }

    /** An answer of one entry found through the story, with the caveat the question itself earns with it. */
    private Reply asAsked(Reply reply, String question) {
        if (reply.entryIds().size() != 1) {
            return reply;
        }
        return snapshot.answer(reply.entryId(), question)
                .map(r -> new Reply(r.kind(), r.entryIds(), reply.score(), r.text(), r.suggestions(), r.related(),
                        r.figures(), reply.weighed(), r.caveat()))
                .orElse(reply);
    }

    /**
     * The reply to {@code question} in a chat whose last question was {@code previous} (null when none) and which
     * was just answered {@code answered}.
     */
    Turn respond(String question, String previous, List<String> answered) {
        Optional<TopicSummaries.Summary> topic = TopicReplies.topic(knowledge, question);
        if (topic.isPresent()) {
            return new Turn(TopicReplies.reply(knowledge, topic.get()), question);
        }
        FollowUps.Reading reading = followUps.read(question);
        // A measure or qualifier that has a rewrite takes it: the message as written is then never read.
        Result standalone = reading.shape() == FollowUps.Shape.MEASURE || reading.shape() == FollowUps.Shape.QUALIFIER
                ? null : whole(question);
        for (FollowUps.Rewrite rewrite : followUps.rewrite(reading, question, previous)) {
            Result resolved = qualified(whole(rewrite.question()), rewrite.qualifier());
            boolean take = switch (reading.shape()) {
                case MEASURE, QUALIFIER -> true;
                // 「波立维呢」 names its own subject: take the earlier question's measure only when that answers.
                case SUBJECT -> resolved.answers() && (!standalone.answers()
                        || resolved.reply().score() >= standalone.reply().score());
                case STANDALONE -> false;
            };
            if (take) {
                Reply reply = same(resolved, answered, reading).reply();
                if (reply.kind() == Reply.Kind.ANSWER && reply.entryIds().stream().allMatch(id ->
                        FollowUps.asksAPlaceNotGiven(question, knowledge.entry(id).orElseThrow().answer()))) {
                    reply = decline(Messages.get("conv.followup.place", "《" + knowledge.report().title() + "》"));
                } else if (reading.shape() == FollowUps.Shape.QUALIFIER && FollowUps.isPlace(reading.named())
                        && reply.kind() == Reply.Kind.ANSWER && !answered.isEmpty()
                        && reply.entryIds().equals(answered)) {
                    // 「农村的呢」 answered word for word as the question before: the report does not split it.
                    reply = decline(Messages.get("conv.followup.split", "《" + knowledge.report().title() + "》",
                            reading.named()) + Messages.get("conv.followup.same"));
                }
                return new Turn(reply, remembered(reply, rewrite.question()));
            }
        }
        if (reading.shape() == FollowUps.Shape.MEASURE && previous == null) {
            // 「花了多少钱」 with nothing before it names no subject: any figure would be a guess, and a bare "no such
            // figure" would not tell the citizen what to add.
            return new Turn(decline(Messages.get("conv.followup.subject")), question);
        }
        if (standalone == null) {
            standalone = whole(question);
        }
        // A follow-up that found nothing leaves the chat on the question before it, so the next one still can.
        if (previous != null && reading.shape() != FollowUps.Shape.STANDALONE
                && standalone.reply().kind() == Reply.Kind.DECLINE) {
            return new Turn(standalone.reply(), previous);
        }
        return new Turn(standalone.reply(), remembered(standalone.reply(), question));
    }

    /**
     * What the next follow-up is read against: an answer of one entry by that entry's standard question, which names
     * its subject in full (「标准会调整吗」 answered is 「残疾人补贴标准会调整吗」); anything else as asked.
     */
    private String remembered(Reply reply, String asked) {
        if (reply.kind() == Reply.Kind.ANSWER && reply.entryIds().size() == 1) {
            return knowledge.entry(reply.entryId()).map(Entry::standardQuestion).orElse(asked);
        }
        return asked;
    }

    /**
     * 「在哪」 after an answer is about the same thing: when the engine offers a choice holding the entry just
     * answered, that entry is meant.
     */
    private Result same(Result resolved, List<String> answered, FollowUps.Reading reading) {
        if (reading.shape() != FollowUps.Shape.MEASURE || resolved.reply().kind() != Reply.Kind.SUGGEST) {
            return resolved;
        }
        return resolved.reply().suggestions().stream()
                .filter(s -> answered.contains(s.entryId()))
                .findFirst()
                .flatMap(s -> snapshot.answer(s.entryId()))
                .map(r -> new Result(r, Match.Reason.NONE))
                .orElse(resolved);
    }

    /** A whole message: one question, or several asked together. */
    private Result whole(String text) {
        List<String> clauses = TwoParts.clauses(text);
        Result one = single(text);
        // A message asking a procedure anywhere (「婚检去哪做，要带啥材料」) is declined whole: answering the other
        // part would read as an answer to what was really asked. Its clauses are then never read.
        if (clauses.size() < 2 || one.reason() == Match.Reason.OUT_OF_SCOPE) {
            return one;
        }
        List<String> asked = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        String previous = null;
        // The last clause read as going on about the one before: matched only when it could change the reply.
        String last = null;
        for (int i = 0; i < clauses.size(); i++) {
            String clause = clauses.get(i);
            boolean end = i == clauses.size() - 1;
            String meant = clause;
            // Read as written only when no rewrite stands in for it.
            Result result = previous == null ? single(clause) : null;
            if (previous != null) {
                FollowUps.Reading reading = followUps.read(clause);
                List<FollowUps.Rewrite> rewrites = followUps.rewrite(reading, clause, previous);
                if (!rewrites.isEmpty()) {
                    meant = rewrites.get(0).question();
                    if (end && settled(one, asked, results, List.of(meant))) {
                        return one;
                    }
                    result = single(meant);
                } else {
                    // A later clause usually goes on about the earlier one's subject (「…，完成了多少」): read it so
                    // when that reading is the surer one.
                    String on = followUps.continued(clause, previous);
                    if (end && settled(one, asked, results, on == null ? List.of(clause) : List.of(clause, on))) {
                        return one;
                    }
                    result = single(clause);
                    if (end) {
                        last = on;
                    } else {
                        Result continued = goesOn(on, result);
                        if (continued != null) {
                            meant = on;
                            result = continued;
                        }
                    }
                }
            }
            asked.add(clause);
            results.add(result);
            previous = meant;
        }
        Result reply = parts(one, asked, results);
        if (last != null && !(reply == one
                && settled(one, asked, results.subList(0, results.size() - 1), List.of(last)))) {
            Result continued = goesOn(last, results.get(results.size() - 1));
            if (continued != null) {
                results.set(results.size() - 1, continued);
                reply = parts(one, asked, results);
            }
        }
        return reply;
    }

    /**
     * A clause read as going on about the subject of the one before ({@code on}), when that reading answers and
     * more surely than the clause as written ({@code result}); null otherwise.
     */
    private Result goesOn(String on, Result result) {
        if (on == null) {
            return null;
        }
        // Taken only over a weaker answer: a reading of one question (no split) whose ceiling is not above the
        // clause's own answer is never matched.
        if (result.answers() && !matched.containsKey(key(on)) && TwoParts.splits(on).isEmpty()
                && ceiling(on, Set.of()) <= result.reply().score()) {
            return null;
        }
        Result continued = single(on);
        return continued.answers() && (!result.answers() || continued.reply().score() > result.reply().score())
                ? continued : null;
    }

    /** The reply to a message of several clauses read as {@code results}: its parts, or the whole reading. */
    private Result parts(Result one, List<String> asked, List<Result> results) {
        Set<String> answered = new LinkedHashSet<>();
        results.stream().filter(Result::answers).forEach(r -> answered.addAll(r.reply().entryIds()));
        // A part declined for a reason says what is missing; a part the report does not cover at all
        // (「…，失业率多少」) is still a question of its own once it has words of its own, and must be said to be
        // unanswered rather than dropped — when the part answered is sure enough to stand alone.
        boolean reasoned = results.stream().anyMatch(Result::declinesForAReason)
                || results.stream().filter(Result::answers).allMatch(r -> r.reply().score() >= SURE)
                && IntStream.range(0, results.size()).anyMatch(i -> ownQuestionDeclined(asked, results, i));
        // Against a whole reading the engine is sure of, every part must be as sure to stand on its own.
        boolean sure = !one.answers() || results.stream().filter(Result::answers)
                .allMatch(r -> r.reply().score() >= SURE);
        if (sure && (answered.size() >= 2 || answered.size() == 1 && reasoned)) {
            return combine(asked, results);
        }
        return one;
    }

    private static boolean ownQuestionDeclined(List<String> asked, List<Result> results, int i) {
        return results.get(i).reply().kind() == Reply.Kind.DECLINE
                && FollowUps.fold(asked.get(i)).length() >= OWN_WORDS;
    }

    /**
     * Whether the whole reading is the reply however the last clause comes out, read as any of {@code texts}, after
     * the clauses before it came out as {@code before}: it is then never matched. So it is when a part before is
     * answered less surely than a whole the engine answers; or when nothing before is answered, declined for a
     * reason or declined with words of its own, and the last clause cannot be split (no 和), so that it answers one
     * entry at most.
     */
    private boolean settled(Result one, List<String> asked, List<Result> before, List<String> texts) {
        if (one.answers() && before.stream().anyMatch(r -> r.answers() && r.reply().score() < SURE)) {
            return true;
        }
        return texts.stream().allMatch(t -> TwoParts.splits(t).isEmpty())
                && before.stream().noneMatch(r -> r.answers() || r.declinesForAReason())
                && IntStream.range(0, before.size()).noneMatch(i -> ownQuestionDeclined(asked, before, i));
    }

    /**
     * One clause: one question, or two things joined by 和 and asked for each or in all. Asked in all
     * (「城乡低保一共多少人」), every part is given with its figure and the reply says the report gives no total: the
     * bot never adds figures up. A question naming neither of two sibling figures (「低保有多少人」: the report gives
     * the city's and the countryside's) gets both in one reply, in place of a choice between them.
     */
    private Result single(String text) {
        boolean total = TwoParts.asksForTotal(text);
        if (total || TwoParts.asksForEach(text)) {
            Result list = listed(text, total);
            if (list != null) {
                return list;
            }
        }
        Result r = parts(text, total);
        if (r.answers() && r.reply().entryIds().size() >= 2 && total) {
            return noted(r, Messages.get("conv.total.none"));
        }
        if (r.reply().kind() == Reply.Kind.SUGGEST && r.reply().suggestions().size() == 2 && !r.reply().caveated()) {
            Result both = bothSides(text, r);
            if (both != null) {
                return both;
            }
        }
        return r;
    }

    /**
     * Three or more things asked in all or each (「孤儿、事实无人抚养儿童、残疾儿童总共多少」): every one the report
     * answers, with a line for each it does not, and no total; null when the message lists fewer, or the report
     * answers fewer than two of them.
     */
    private Result listed(String text, boolean total) {
        List<String> asked = TwoParts.listed(text);
        if (asked.isEmpty()) {
            return null;
        }
        List<Result> results = asked.stream().map(this::single).toList();
        if (results.stream().filter(Result::answers).count() < 2) {
            return null;
        }
        Result all = combine(asked, results);
        return total ? noted(all, Messages.get("conv.total.none")) : all;
    }

    /**
     * Both sides of a question that names neither (城市 or 农村, 线上 or 线下), when the choice offered for it is
     * exactly those two sides, each answered plainly; null when it is not.
     */
    private Result bothSides(String text, Result choice) {
        List<String> offered = suggested(choice.reply());
        for (TwoParts.Split sides : TwoParts.sides(text)) {
            Result a = match(sides.parts().get(0));
            Result b = match(sides.parts().get(1));
            if (a.answers() && b.answers() && a.reply().entryIds().size() == 1 && b.reply().entryIds().size() == 1
                    && !a.reply().caveated() && !b.reply().caveated()
                    && List.of(a.reply().entryId(), b.reply().entryId()).containsAll(offered)) {
                // In the order the choice would have listed them, so 「第一个」 after it means the same entry.
                boolean swap = !a.reply().entryId().equals(offered.get(0));
                Result both = swap ? combine(List.of(sides.parts().get(1), sides.parts().get(0)), List.of(b, a))
                        : combine(sides.parts(), List.of(a, b));
                return noted(new Result(new Reply(both.reply().kind(), both.reply().entryIds(),
                        choice.reply().score(), both.reply().text(), both.reply().suggestions(),
                        both.reply().related(), both.reply().figures(), choice.reply().weighed(), null),
                        Match.Reason.NONE), Messages.get("conv.both.none", sides.names().get(0),
                        sides.names().get(1)));
            }
        }
        return null;
    }

    /** A reply with a note after it. */
    private static Result noted(Result r, String note) {
        Reply p = r.reply();
        return new Result(new Reply(p.kind(), p.entryIds(), p.score(), p.text() + "\n\n" + note, p.suggestions(),
                p.related(), p.figures(), p.weighed(), p.caveat()), r.reason());
    }

    /** {@link #single}'s reading of a clause as one question or as two parts. */
    private Result parts(String text, boolean total) {
        boolean each = TwoParts.asksForEach(text) || total && TwoParts.joins(text);
        // Asked for each, a split is taken over the whole whatever the whole scores: the whole is read only when no
        // split stands.
        Result plain = each ? null : match(text);
        Result best = null;
        double bestScore = -1;
        for (TwoParts.Split split : TwoParts.splits(text)) {
            String first = split.parts().get(0);
            String second = split.parts().get(1);
            // Not asked for each, a split stands only on two parts answering surely: a part whose ceiling rules that
            // out is never matched (most splits of a long 和 clause, 「药品和耗材集采试点推进得咋样」).
            if (!each && !matched.containsKey(key(second))
                    && !couldWin(ceiling(second, Set.of()), plain, bestScore)) {
                continue;
            }
            // The second part is often the same for every split of one 和 (all that follows it): matched first, it
            // rules out every split it cannot stand in before the first part is matched at all.
            Result b = match(second);
            if (!b.answers() && !(each && declined(b, split))
                    || !each && !couldStand(b.reply().score(), plain)
                    // An answered second part bounds the split's score (a half answered scores half of it).
                    || b.answers() && b.reply().score() <= bestScore) {
                continue;
            }
            // The first part counts only when it answers another entry than the second (and then the split scores
            // the lower of the two).
            if (!each && !matched.containsKey(key(first)) && !couldWin(Math.min(b.reply().score(), ceiling(first,
                    b.reply().entryIds().size() == 1 ? Set.copyOf(b.reply().entryIds()) : Set.of())), plain,
                    bestScore)) {
                continue;
            }
            Result a = match(first);
            if (!each && !couldStand(a.reply().score(), plain)) {
                continue;
            }
            if (each) {
                a = narrowed(a, b);
                b = narrowed(b, a);
            }
            double score;
            if (a.answers() && b.answers() && !a.reply().entryIds().equals(b.reply().entryIds())) {
                score = Math.min(a.reply().score(), b.reply().score());
            } else if (each && (a.answers() && declined(b, split) || b.answers() && declined(a, split))) {
                // Half answered is worth less than both: a full reading is preferred where there is one.
                score = 0.5 * (a.answers() ? a.reply().score() : b.reply().score());
            } else {
                continue;
            }
            if (score > bestScore) {
                bestScore = score;
                best = combine(split.parts(), List.of(a, b));
            }
        }
        // 「和」 also joins the words of one thing (城乡居民养老金, 宫颈癌和乳腺癌): split only when asked for each,
        // or when both parts are answered surely, and more surely than the whole.
        if (best != null && (each || bestScore >= SURE && (!plain.answers() || bestScore > plain.reply().score()))) {
            return best;
        }
        return plain != null ? plain : match(text);
    }

    /**
     * Whether a split none of whose parts scores above {@code score} could still be taken over the plain reading
     * when not asked for each: both parts must be sure, and surer than an answered whole (see the end of single).
     */
    private static boolean couldStand(double score, Result plain) {
        return score >= SURE && (!plain.answers() || score > plain.reply().score());
    }

    /** Whether a split scoring at most {@code score} could stand and beat the best split found so far. */
    private static boolean couldWin(double score, Result plain, double bestScore) {
        return couldStand(score, plain) && score > bestScore;
    }

    /**
     * A half offered as a choice, when the other half answers all but one of the choices, means the one left:
     * 「线上线下培训分别多少人次」 offers 线上 and 线下 for each half, and each half is the other one.
     */
    private Result narrowed(Result half, Result other) {
        // A choice that says first what the report does not state stays a choice: the plain answer would drop that.
        if (half.reply().kind() != Reply.Kind.SUGGEST || !other.answers() || half.reply().caveated()) {
            return half;
        }
        List<String> left = suggested(half.reply()).stream().filter(id -> !other.reply().entryIds().contains(id))
                .toList();
        if (left.size() != 1 || left.size() == half.reply().suggestions().size()) {
            return half;
        }
        return snapshot.answer(left.get(0))
                .map(r -> new Result(new Reply(r.kind(), r.entryIds(), half.reply().score(), r.text(),
                        r.suggestions(), r.related(), r.figures(), half.reply().weighed()), Match.Reason.NONE))
                .orElse(half);
    }

    /**
     * A half the reply can only say something about: declined for a reason, offered as a choice (the reply names the
     * choices), or any half surely asked (城乡) the report does not answer.
     */
    private static boolean declined(Result half, TwoParts.Split split) {
        return half.declinesForAReason() || split.pair() && !half.answers()
                || half.reply().kind() == Reply.Kind.SUGGEST;
    }

    /** The texts this message was matched as (each once), in no order: what it cost, for tests and diagnostics. */
    Set<String> matchedTexts() {
        return Set.copyOf(matched.keySet());
    }

    /** The most a match of {@code text} could score an entry outside {@code except}, worked out without matching it. */
    private double ceiling(String text, Set<String> except) {
        String key = key(text);
        return ceilings.computeIfAbsent(new Bound(key, except), b -> snapshot.ceiling(text, except, () -> {
            if (!key.equals(lastText)) {
                lastText = key;
                lastReading = story ? snapshot.readStory(text, storyQuestion) : snapshot.read(text);
            }
            return lastReading;
        }, !story));
    }

    /** A text as the maps of this message know it: read as part of a story, it is weighed apart. */
    private String key(String text) {
        return story ? STORY + text : text;
    }

    private Result match(String text) {
        return matched.computeIfAbsent(key(text), k -> {
            String t = text;
            // The cached reply with the engine's reason, matched once; a story's reading is weighed apart.
            Snapshot.Verdict v = story ? snapshot.storyVerdict(t, k.equals(lastText) ? lastReading
                    : snapshot.readStory(t, storyQuestion))
                    : k.equals(lastText) ? snapshot.verdict(t, lastReading) : snapshot.verdict(t);
            Reply r = v.reply();
            Result result = new Result(r, v.reason());
            // A city question answered with a countryside figure (or the reverse) is a wrong figure, however alike
            // the words: the answer must speak of the place asked.
            if (r.kind() == Reply.Kind.ANSWER && r.entryIds().size() == 1) {
                Entry e = knowledge.entry(r.entryId()).orElseThrow();
                Optional<String> place = FollowUps.placeContradicted(t, e.answer() + String.join("", e.questions()));
                if (place.isPresent()) {
                    return qualified(result, place.get());
                }
            }
            return result;
        });
    }

    /** Every answered part with its figures and citation, in the order asked; then what could not be answered. */
    private Result combine(List<String> asked, List<Result> results) {
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> figures = new LinkedHashSet<>();
        Set<Reply.Suggestion> related = new LinkedHashSet<>();
        double score = 1;
        for (int i = 0; i < results.size(); i++) {
            Reply r = results.get(i).reply();
            if (r.kind() == Reply.Kind.ANSWER) {
                if (ids.containsAll(r.entryIds())) {
                    continue;
                }
                ids.addAll(r.entryIds().stream().filter(id -> !ids.contains(id)).toList());
                texts.add(r.text());
                figures.addAll(r.figures());
                related.addAll(r.related());
                score = Math.min(score, r.score());
            }
        }
        for (int i = 0; i < results.size(); i++) {
            Reply r = results.get(i).reply();
            // A part offered as a choice whose entries the other parts answer is answered
            // (「城乡低保一共多少人，分别多少」).
            if (r.kind() == Reply.Kind.DECLINE || r.kind() == Reply.Kind.SUGGEST && !ids.containsAll(suggested(r))) {
                notes.add(Messages.get("conv.part.missing", asked.get(i), why(results.get(i))));
            }
        }
        StringBuilder text = new StringBuilder(String.join("\n\n", texts));
        if (!notes.isEmpty()) {
            text.append("\n\n").append(String.join("\n", notes)).append('\n').append(Messages.get("decline.hotline"));
        }
        List<Reply.Suggestion> rest = related.stream().filter(s -> !ids.contains(s.entryId())).toList();
        // Each part's text already says its caveat first; the reply as a whole is caveated when any part is.
        String caveat = results.stream().map(r -> r.reply().caveat()).filter(c -> c != null).findFirst()
                .orElse(null);
        return new Result(new Reply(Reply.Kind.ANSWER, ids, score, text.toString(), List.of(), rest,
                List.copyOf(figures), List.of(), caveat), Match.Reason.NONE);
    }

    private static List<String> suggested(Reply r) {
        return r.suggestions().stream().map(Reply.Suggestion::entryId).toList();
    }

    /** Why a part is not answered, in one sentence. */
    private String why(Result r) {
        String name = "《" + knowledge.report().title() + "》";
        if (r.reply().kind() == Reply.Kind.SUGGEST && r.reason() == Match.Reason.NONE) {
            return Messages.get("conv.part.unclear", String.join(Messages.get("conv.part.or"), r.reply().suggestions()
                    .stream().map(q -> "「" + q.question() + "」").toList()));
        }
        return switch (r.reason()) {
            case OTHER_YEAR -> Messages.get("conv.part.year", name, String.valueOf(knowledge.report().year()));
            case LATER -> Messages.get("trust.decline.later", name, String.valueOf(knowledge.report().year()));
            case FIGURE_NOT_STATED -> Messages.get("conv.part.figure", name);
            case OUT_OF_SCOPE -> Messages.get("conv.part.scope", name, knowledge.report().province());
            case OTHER_SUBJECT -> Messages.get("conv.part.subject", name);
            case NONE, NOT_COVERED -> Messages.get("conv.part.none", name);
        };
    }

    /**
     * A follow-up that brought in a place or a time (「农村的呢」, 「以前呢」) is answered only by an entry that speaks
     * of it; an entry that does not split its figure that way would give the whole figure as the part.
     */
    private Result qualified(Result r, String qualifier) {
        if (qualifier.isEmpty() || !r.answers()) {
            return r;
        }
        if (r.reply().entryIds().stream().allMatch(id -> speaksOf(id, qualifier))) {
            return r;
        }
        String why = Messages.get("conv.followup.split", "《" + knowledge.report().title() + "》", qualifier);
        // Another entry the engine weighed may give the figure for that place or time under another name
        // (农村劳动力转移就业 beside 城镇新增就业): offer it, never answer with it.
        List<Reply.Suggestion> near = r.reply().weighed().stream()
                .filter(w -> w.score() >= NEAR && !r.reply().entryIds().contains(w.entryId())
                        && speaksOf(w.entryId(), qualifier))
                .flatMap(w -> knowledge.entry(w.entryId()).stream())
                .map(e -> new Reply.Suggestion(e.id(), e.standardQuestion()))
                .toList();
        if (near.isEmpty()) {
            return new Result(decline(why), Match.Reason.FIGURE_NOT_STATED);
        }
        StringBuilder text = new StringBuilder(why).append('\n').append(Messages.get("conv.followup.near"));
        for (int i = 0; i < near.size(); i++) {
            text.append('\n').append(Messages.get("suggest.item", String.valueOf(i + 1), near.get(i).question()));
        }
        text.append('\n').append(Messages.get("suggest.pick"));
        return new Result(new Reply(Reply.Kind.SUGGEST, List.of(), r.reply().score(), text.toString(), near, List.of(),
                List.of(), r.reply().weighed()), Match.Reason.FIGURE_NOT_STATED);
    }

    private boolean speaksOf(String entryId, String qualifier) {
        Entry e = knowledge.entry(entryId).orElseThrow();
        return FollowUps.speaksOf(qualifier, e.answer() + String.join("", e.questions()));
    }

    /** A decline with no reason of its own and nothing named: only that the report does not answer it. */
    private boolean saysNothing(Reply reply) {
        return reply.kind() == Reply.Kind.DECLINE && reply.related().isEmpty()
                && (reply.text().startsWith(Messages.get("decline.intro", "《" + knowledge.report().title() + "》"))
                || reply.text().startsWith(Messages.get("conv.followup.subject")));
    }

    private Reply decline(String why) {
        String topics = String.join(Messages.get("topic.separator"), knowledge.topics().stream().map(Topic::label)
                .toList());
        return new Reply(Reply.Kind.DECLINE, List.of(), 0, why + "\n" + Messages.get("decline.topics", topics) + "\n"
                + Messages.get("decline.hotline"), List.of(), List.of(), List.of(), List.of());
    }
}
