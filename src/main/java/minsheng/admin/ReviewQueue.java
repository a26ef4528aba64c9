package minsheng.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import minsheng.answer.Snapshot;
import minsheng.journal.Journal;

/**
 * What deserves an admin's second look among the replies of a period, worked out from the journal alone: answers
 * given behind a caveat, answers voted not helpful, choices nobody picked, and the pick that followed a choice.
 * Replies are grouped by the question as the engine reads it (the same key {@code /unanswered} groups by); a pick is
 * grouped with the question whose choice it picked from. An admin's marks take a group out: FINE until it is asked
 * again after the next load of the knowledge, NEEDS while it is on the list to fix, TAUGHT for what was asked before.
 * Immutable once built; what it lists is decided here and nowhere else.
 */
final class ReviewQueue {

    /** Why a reply is worth a second look. */
    enum Reason { UNHELPFUL, CAVEAT, PICK, UNPICKED }

    /**
     * One group: its replies (oldest first), the reply whose question names it (for a pick, the choice's question),
     * and how many replies each reason has.
     */
    record Item(String key, List<Journal.Row> rows, Journal.Row asked, Map<Reason, Integer> reasons) {
        Item {
            rows = List.copyOf(rows);
            reasons = Map.copyOf(reasons);
        }

        int count() {
            return rows.size();
        }

        Journal.Row newest() {
            return rows.get(rows.size() - 1);
        }
    }

    /** An open NEEDS mark: its group and what was asked of it since it was marked. */
    record Needed(Journal.Marked mark, List<Journal.Row> since) {}

    private static final Pattern NOT_WORD = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    private final List<Item> open;
    private final List<Item> handled;
    private final Map<String, Integer> unplacedUnhelpful;
    private final List<Needed> needed;

    private ReviewQueue(List<Item> open, List<Item> handled, Map<String, Integer> unplacedUnhelpful,
            List<Needed> needed) {
        this.open = open;
        this.handled = handled;
        this.unplacedUnhelpful = unplacedUnhelpful;
        this.needed = needed;
    }

    /** The group a question belongs to: as the engine reads it, punctuation and spaces aside. */
    static String key(Snapshot snapshot, String question) {
        String key = NOT_WORD.matcher(snapshot.normalized(question)).replaceAll("");
        // A question of punctuation alone still forms a group of its own: nothing asked is left out.
        return key.isEmpty() ? question.strip() : key;
    }

    /**
     * The queue over {@code rows} (oldest first) and the votes cast on them; {@code marks} are the admins' marks in
     * force, {@code loads} every load of the knowledge.
     */
    static ReviewQueue build(List<Journal.Row> rows, List<Journal.Vote> votes, List<Journal.Marked> marks,
            List<Instant> loads, Function<String, String> keyOf) {
        Map<Long, Journal.Row> choiceOf = choicesPicked(rows);
        Set<Long> pickedChoices = new HashSet<>();
        choiceOf.values().forEach(r -> pickedChoices.add(r.id()));
        Set<Long> unhelpful = new HashSet<>();
        Map<String, Integer> unplaced = new java.util.TreeMap<>();
        Set<Long> known = new HashSet<>();
        rows.forEach(r -> known.add(r.id()));
        for (Journal.Vote v : votes) {
            if (v.helpful()) {
                continue;
            }
            if (v.question() != null && known.contains(v.question())) {
                unhelpful.add(v.question());
            } else if (v.question() == null) {
                unplaced.merge(v.entry(), 1, Integer::sum);
            }
        }
        Map<String, List<Journal.Row>> byKey = new LinkedHashMap<>();
        Map<String, Journal.Row> askedByKey = new HashMap<>();
        Map<String, Map<Reason, Integer>> reasonsByKey = new HashMap<>();
        for (Journal.Row r : rows) {
            List<Reason> reasons = reasons(r, unhelpful, pickedChoices);
            if (reasons.isEmpty()) {
                continue;
            }
            Journal.Row asked = r.outcome() == Journal.Outcome.PICKED ? choiceOf.getOrDefault(r.id(), r) : r;
            String key = keyOf.apply(asked.question());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            askedByKey.put(key, asked);
            Map<Reason, Integer> counts = reasonsByKey.computeIfAbsent(key, k -> new EnumMap<>(Reason.class));
            reasons.forEach(reason -> counts.merge(reason, 1, Integer::sum));
        }
        Map<String, Journal.Marked> latestMark = new HashMap<>();
        Set<Long> closed = new HashSet<>();
        for (Journal.Marked m : marks) {
            latestMark.put(m.key(), m);
            if (m.closes() != null) {
                closed.add(m.closes());
            }
        }
        List<Item> open = new ArrayList<>();
        List<Item> handled = new ArrayList<>();
        byKey.forEach((key, group) -> {
            Journal.Marked mark = latestMark.get(key);
            Instant after = mark == null ? Instant.MIN : shownAfter(mark, loads);
            List<Journal.Row> shown = group.stream().filter(r -> r.at().isAfter(after)).toList();
            List<Journal.Row> hidden = group.stream().filter(r -> !r.at().isAfter(after)).toList();
            if (!shown.isEmpty()) {
                open.add(item(key, shown, askedByKey.get(key), unhelpful, pickedChoices));
            }
            if (!hidden.isEmpty()) {
                handled.add(item(key, hidden, askedByKey.get(key), unhelpful, pickedChoices));
            }
        });
        Comparator<Item> order = Comparator.comparingInt(Item::count).reversed()
                .thenComparing(Comparator.comparingLong((Item i) -> i.newest().id()).reversed());
        open.sort(order);
        List<Needed> needed = new ArrayList<>();
        for (Journal.Marked m : marks) {
            if (m.mark() == Journal.Mark.NEEDS && !closed.contains(m.id()) && latestMark.get(m.key()) == m) {
                needed.add(new Needed(m, byKey.getOrDefault(m.key(), List.of()).stream()
                        .filter(r -> r.at().isAfter(m.at())).toList()));
            }
        }
        return new ReviewQueue(List.copyOf(open), List.copyOf(handled), Map.copyOf(unplaced), List.copyOf(needed));
    }

    private static Item item(String key, List<Journal.Row> rows, Journal.Row asked, Set<Long> unhelpful,
            Set<Long> pickedChoices) {
        Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
        rows.forEach(r -> reasons(r, unhelpful, pickedChoices).forEach(reason -> counts.merge(reason, 1,
                Integer::sum)));
        return new Item(key, rows, asked, counts);
    }

    /** Why a reply deserves a look, most telling first; empty for a plain answer nobody voted down, and small talk. */
    static List<Reason> reasons(Journal.Row r, Set<Long> unhelpful, Set<Long> pickedChoices) {
        List<Reason> reasons = new ArrayList<>();
        if (unhelpful.contains(r.id())) {
            reasons.add(Reason.UNHELPFUL);
        }
        if (r.caveated()) {
            reasons.add(Reason.CAVEAT);
        }
        if (r.outcome() == Journal.Outcome.PICKED) {
            reasons.add(Reason.PICK);
        }
        if (r.outcome() == Journal.Outcome.SUGGEST && !pickedChoices.contains(r.id())) {
            reasons.add(Reason.UNPICKED);
        }
        return reasons;
    }

    /**
     * For each pick, the reply it picked from: the chat's latest choice (or answer of several entries) before it.
     * Small talk between the two leaves the choice open, as the conversation does.
     */
    static Map<Long, Journal.Row> choicesPicked(List<Journal.Row> rows) {
        Map<String, Journal.Row> lastOffer = new HashMap<>();
        Map<Long, Journal.Row> choiceOf = new HashMap<>();
        for (Journal.Row r : rows) {
            switch (r.outcome()) {
                case PICKED -> {
                    Journal.Row offer = lastOffer.get(r.chat());
                    if (offer != null) {
                        choiceOf.put(r.id(), offer);
                    }
                }
                case SUGGEST, ANSWER -> lastOffer.put(r.chat(), r);
                case DECLINE -> lastOffer.remove(r.chat());
                case SMALLTALK -> { }
            }
        }
        return choiceOf;
    }

    /** Replies after this time show again: after the next load following a FINE mark, after a TAUGHT mark; never while NEEDS. */
    private static Instant shownAfter(Journal.Marked mark, List<Instant> loads) {
        return switch (mark.mark()) {
            case NEEDS -> Instant.MAX;
            case TAUGHT -> mark.at();
            case FINE -> loads.stream().filter(l -> l.isAfter(mark.at())).findFirst().orElse(Instant.MAX);
        };
    }

    /** The groups to look at, most asked first, then newest. */
    List<Item> open() {
        return open;
    }

    /** The replies an admin's mark has taken out of the list, by group. */
    List<Item> handled() {
        return handled;
    }

    /** Votes "not helpful" that name no question (pressed in a group under another's question), by entry. */
    Map<String, Integer> unplacedUnhelpful() {
        return unplacedUnhelpful;
    }

    /** The open NEEDS marks, oldest first. */
    List<Needed> needed() {
        return needed;
    }

    /** The open group with this key, if it is listed. */
    Optional<Item> openItem(String key) {
        return open.stream().filter(i -> i.key().equals(key)).findFirst();
    }
}
