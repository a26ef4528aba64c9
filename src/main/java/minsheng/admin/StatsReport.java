package minsheng.admin;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import minsheng.answer.Messages;
import minsheng.answer.Snapshot;
import minsheng.journal.Journal;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /stats}: the chart of the last 30 days as a picture, and the text summary as its caption — since the bot
 * started, since the last load, the 30 days drawn (with what each colour and each numbered topic is), the knowledge
 * version. Plain answers and answers behind a caveat are counted apart everywhere; days are days in the admins' zone.
 */
final class StatsReport {

    static final int TOP_ENTRIES = 5;
    static final int TOP_TOPICS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(StatsReport.class);

    private final Journal journal;
    private final Reloader reloader;
    private final Supplier<Snapshot> snapshot;
    private final Clock clock;
    private final Instant started;

    StatsReport(Journal journal, Reloader reloader, Supplier<Snapshot> snapshot, Clock clock, Instant started) {
        this.journal = journal;
        this.reloader = reloader;
        this.snapshot = snapshot;
        this.clock = clock;
        this.started = started;
    }

    /** What the picture shows: a day per bar, and the most answered topics, most first. */
    record Drawn(List<StatsChart.Day> days, Map<Topic, Integer> topics) {}

    Response report() {
        ZoneId zone = clock.getZone();
        KnowledgeVersion v = reloader.version();
        StringBuilder s = new StringBuilder();
        Drawn drawn = null;
        try {
            s.append(block(Messages.get("admin.stats.since.start", Texts.time(started, zone)),
                    journal.stats(started, TOP_ENTRIES)));
            s.append("\n\n").append(block(Messages.get("admin.stats.since.reload", Texts.time(v.loadedAt(), zone)),
                    journal.stats(v.loadedAt(), TOP_ENTRIES)));
            Instant since = firstDay().atStartOfDay(zone).toInstant();
            drawn = drawn(journal.rows(since, Review.SCANNED), journal.votes(since));
            s.append("\n\n").append(block(Messages.get("admin.stats.recent", String.valueOf(days())),
                    journal.stats(since, 0)));
            s.append('\n').append(legend(drawn));
        } catch (SQLException e) {
            s.append(Messages.get("admin.journal.unavailable"));
        }
        s.append("\n\n").append(Messages.get("admin.stats.version", String.valueOf(v.entries()),
                Texts.time(v.loadedAt(), zone), v.contentHash(), zone.getId()));
        if (drawn == null) {
            return Response.text(s.toString());
        }
        try {
            byte[] png = StatsChart.png(drawn.days(), List.copyOf(drawn.topics().values()));
            return new Response(s.toString(), List.of(), new Response.Attachment(true, "stats.png", png));
        } catch (IOException | RuntimeException | Error e) {
            // A JVM without any font (or without AWT's native parts) cannot draw: the numbers still go out.
            LOG.error("stats: the chart could not be drawn ({}); sending the text alone", e.toString());
            return Response.text(s + "\n" + Messages.get("admin.stats.nochart"));
        }
    }

    private static int days() {
        return (int) AdminDesk.RECENT.toDays();
    }

    /** The first of the days drawn: 30 days ending today, in the admins' zone. */
    private LocalDate firstDay() {
        return LocalDate.now(clock).minusDays(days() - 1);
    }

    /** Questions per day by how they were answered, each day's share of helpful votes, the top topics. */
    Drawn drawn(List<Journal.Row> rows, List<Journal.Vote> votes) {
        ZoneId zone = clock.getZone();
        LocalDate first = firstDay();
        int[][] counts = new int[days()][4];
        int[][] votesByDay = new int[days()][2];
        KnowledgeBase knowledge = snapshot.get().knowledge();
        Map<Topic, Integer> topics = new EnumMap<>(Topic.class);
        for (Journal.Row r : rows) {
            int day = (int) (LocalDate.ofInstant(r.at(), zone).toEpochDay() - first.toEpochDay());
            if (day < 0 || day >= days()) {
                continue;
            }
            switch (r.outcome()) {
                case ANSWER -> counts[day][r.caveated() ? 1 : 0]++;
                case SUGGEST -> counts[day][2]++;
                case DECLINE -> counts[day][3]++;
                default -> { }
            }
            if (r.outcome() == Journal.Outcome.ANSWER || r.outcome() == Journal.Outcome.PICKED) {
                r.entries().forEach(id -> knowledge.entry(id).ifPresent(e -> topics.merge(e.topic(), 1,
                        Integer::sum)));
            }
        }
        for (Journal.Vote vote : votes) {
            int day = (int) (LocalDate.ofInstant(vote.at(), zone).toEpochDay() - first.toEpochDay());
            if (day >= 0 && day < days()) {
                votesByDay[day][vote.helpful() ? 0 : 1]++;
            }
        }
        List<StatsChart.Day> list = new ArrayList<>();
        for (int d = 0; d < days(); d++) {
            int cast = votesByDay[d][0] + votesByDay[d][1];
            list.add(new StatsChart.Day(first.plusDays(d), counts[d][0], counts[d][1], counts[d][2], counts[d][3],
                    cast == 0 ? null : (double) votesByDay[d][0] / cast));
        }
        Map<Topic, Integer> top = new LinkedHashMap<>();
        topics.entrySet().stream()
                .sorted(Map.Entry.<Topic, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_TOPICS).forEach(e -> top.put(e.getKey(), e.getValue()));
        return new Drawn(list, top);
    }

    /** What the colours are, and which topic each numbered bar is. */
    private static String legend(Drawn drawn) {
        List<String> named = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Topic, Integer> t : drawn.topics().entrySet()) {
            named.add(Messages.get("admin.stats.topic", String.valueOf(++i), t.getKey().label(),
                    String.valueOf(t.getValue())));
        }
        return Messages.get("admin.stats.legend", drawn.days().get(0).date().toString(),
                drawn.days().get(drawn.days().size() - 1).date().toString()) + (named.isEmpty() ? ""
                : "\n" + Messages.get("admin.stats.topics", String.join("；", named)));
    }

    private static String block(String since, Journal.Stats st) {
        StringBuilder s = new StringBuilder(Messages.get("admin.stats.block", since, String.valueOf(st.questions()),
                share(st.answered(), st.questions()), share(st.caveated(), st.questions()),
                share(st.suggested(), st.questions()), share(st.declined(), st.questions()),
                String.valueOf(st.helpful()), String.valueOf(st.unhelpful())));
        s.append('\n').append(Messages.get("admin.stats.inline", String.valueOf(st.inline())));
        if (!st.topEntries().isEmpty()) {
            List<String> top = new ArrayList<>();
            for (Journal.Count c : st.topEntries()) {
                top.add(c.entryId() + " ×" + c.count());
            }
            s.append('\n').append(Messages.get("admin.stats.top", String.join("、", top)));
        }
        return s.toString();
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "0" : part + "（" + Math.round(100.0 * part / whole) + "%）";
    }
}
