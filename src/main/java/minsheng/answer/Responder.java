package minsheng.answer;

import java.util.ArrayList;
import java.util.List;
import minsheng.knowledge.Citation;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.Report;
import minsheng.knowledge.Topic;
import minsheng.match.Caveat;
import minsheng.match.Match;

/** Turns the engine's verdict into the words the bot sends. */
final class Responder {

    private final KnowledgeBase knowledge;
    private final String reportName;
    private final String reportYear;
    private final String reportProvince;
    /** What every decline ends with: the topics the bot knows and the hotline (the knowledge never changes). */
    private final String declineEnd;

    Responder(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
        Report report = knowledge.report();
        this.reportName = "《" + report.title() + "》";
        this.reportYear = String.valueOf(report.year());
        this.reportProvince = report.province();
        String topics = String.join(Messages.get("topic.separator"),
                knowledge.topics().stream().map(Topic::label).toList());
        this.declineEnd = "\n" + Messages.get("decline.topics", topics) + "\n" + Messages.get("decline.hotline");
    }

    /** How many of the engine's candidates a reply keeps for the record. */
    private static final int WEIGHED_KEPT = 3;

    Reply reply(Match match) {
        Reply reply = switch (match.outcome()) {
            case ANSWER -> match.caveat() == null ? answer(match.offered().get(0).entry(), match.score())
                    : caveated(match.offered().get(0).entry(), match.score(), match.caveat());
            case SUGGEST -> suggest(match);
            case DECLINE -> match.offered().isEmpty() ? decline(match.reason(), match.score())
                    : said(match.reason(), match.score(), match.offered());
        };
        return reply.weighing(match.ranked().stream().limit(WEIGHED_KEPT)
                .map(c -> new Reply.Weighed(c.entry().id(), c.score())).toList());
    }

    Reply answer(Entry entry, double score) {
        Citation c = entry.citation();
        String citation = Messages.get("answer.citation", c.report().publisher(), c.report().title(),
                c.section().title(), c.paragraphList());
        List<Reply.Suggestion> related = entry.related().stream()
                .flatMap(id -> knowledge.entry(id).stream())
                .map(r -> new Reply.Suggestion(r.id(), r.standardQuestion()))
                .toList();
        return new Reply(Reply.Kind.ANSWER, List.of(entry.id()), score, entry.answer() + "\n\n" + citation,
                List.of(), related, entry.figures(), List.of());
    }

    /** An answer that opens by naming its time (「据2020年的报道，」, 「2020年，」): its lead need not say it again. */
    private static final java.util.regex.Pattern DATED = java.util.regex.Pattern.compile("^(据)?\\d{4}年");

    /**
     * The answer behind a plain sentence saying what the report does not state that the question asks for. The
     * time the report describes is said once: in the lead, unless the answer opens with it.
     */
    Reply caveated(Entry entry, double score, Caveat caveat) {
        Reply plain = answer(entry, score);
        boolean dated = DATED.matcher(entry.answer()).find();
        String lead = caveat.kind() == Caveat.Kind.NOW
                ? Messages.get(dated ? "trust.caveat.now.dated" : "trust.caveat.now", caveat.period())
                : lead(caveat) + (dated || caveat.kind() == Caveat.Kind.PREMISE ? ""
                        : Messages.get("trust.caveat.period", caveat.period()));
        return new Reply(Reply.Kind.ANSWER, plain.entryIds(), score, lead + "\n" + plain.text(),
                List.of(), plain.related(), plain.figures(), List.of(), caveat.kind().label());
    }

    /** The sentence saying what the report does not state that the question asks for. */
    private String lead(Caveat caveat) {
        String province = reportProvince;
        return switch (caveat.kind()) {
            case DETAIL -> Messages.get("trust.caveat.detail", caveat.asked());
            case PLACE -> !caveat.place().startsWith(province)
                    ? Messages.get(caveat.asked().isEmpty() ? "trust.caveat.place.example" : "trust.caveat.place.named",
                            caveat.place(), caveat.asked())
                    : caveat.asked().isEmpty() ? Messages.get("trust.caveat.place.local", caveat.place())
                    : Messages.get("trust.caveat.place.province", caveat.place(), caveat.asked());
            case TOTAL -> Messages.get("trust.caveat.total");
            case MONTHLY -> Messages.get("trust.caveat.monthly");
            case RAISE -> Messages.get("trust.caveat.raise");
            case DATE -> Messages.get("trust.caveat.date");
            case RANK -> Messages.get("trust.caveat.rank");
            case FIGURE -> Messages.get("trust.caveat.figure");
            case COMPARISON -> Messages.get("trust.caveat.comparison");
            case NOW -> Messages.get("trust.caveat.now.choice", caveat.period());
            case PREMISE -> Messages.get("trust.caveat.premise", caveat.asked());
        };
    }

    private Reply suggest(Match match) {
        List<Reply.Suggestion> suggestions = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (match.caveat() != null) {
            text.append(lead(match.caveat())).append('\n');
        }
        text.append(Messages.get("suggest.intro"));
        for (Match.Candidate c : match.offered()) {
            suggestions.add(new Reply.Suggestion(c.entry().id(), c.entry().standardQuestion()));
            text.append('\n').append(Messages.get("suggest.item", String.valueOf(suggestions.size()),
                    c.entry().standardQuestion()));
        }
        text.append('\n').append(Messages.get("suggest.pick"));
        return new Reply(Reply.Kind.SUGGEST, List.of(), match.score(), text.toString(), suggestions, List.of(), List.of(),
                List.of(), match.caveat() == null ? null : match.caveat().kind().label());
    }

    /** Says plainly what is missing, shows what the bot does know, and points to the 12345 hotline. */
    Reply decline(Match.Reason reason, double score) {
        String why = switch (reason) {
            case OTHER_YEAR -> Messages.get("decline.year", reportName, reportYear);
            case FIGURE_NOT_STATED -> Messages.get("decline.figure", reportName);
            case OUT_OF_SCOPE -> Messages.get("decline.scope", reportName, reportProvince);
            case LATER -> Messages.get("trust.decline.later", reportName, reportYear);
            case OTHER_SUBJECT -> Messages.get("decline.subject", reportName);
            case NONE, NOT_COVERED -> Messages.get("decline.intro", reportName);
        };
        return new Reply(Reply.Kind.DECLINE, List.of(), score, why + declineEnd, List.of(), List.of(), List.of(),
                List.of());
    }

    /**
     * A decline that names what the report does say about the question's subject, each entry offered to follow up
     * (buttons in Telegram), in place of the list of every topic.
     */
    private Reply said(Match.Reason reason, double score, List<Match.Candidate> said) {
        StringBuilder text = new StringBuilder(switch (reason) {
            case OTHER_SUBJECT -> Messages.get("decline.subject", reportName);
            case OTHER_YEAR -> Messages.get("decline.year", reportName, reportYear);
            default -> Messages.get("decline.figure", reportName);
        });
        text.append('\n').append(Messages.get("decline.said"));
        List<Reply.Suggestion> named = new ArrayList<>();
        for (Match.Candidate c : said) {
            named.add(new Reply.Suggestion(c.entry().id(), c.entry().standardQuestion()));
            text.append('\n').append(Messages.get("decline.said.item", c.entry().standardQuestion()));
        }
        text.append('\n').append(Messages.get("decline.hotline"));
        return new Reply(Reply.Kind.DECLINE, List.of(), score, text.toString(), List.of(), named, List.of(),
                List.of());
    }

    Reply empty() {
        return new Reply(Reply.Kind.DECLINE, List.of(), 0, Messages.get("decline.empty") + "\n"
                + Messages.get("decline.hotline"), List.of(), List.of(), List.of(), List.of());
    }
}
