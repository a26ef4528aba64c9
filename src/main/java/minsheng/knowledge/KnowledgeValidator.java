package minsheng.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minsheng.knowledge.KnowledgeReader.CitationJson;
import minsheng.knowledge.KnowledgeReader.EntryJson;
import minsheng.knowledge.KnowledgeReader.FileJson;
import minsheng.knowledge.KnowledgeReader.RawEntry;
import minsheng.knowledge.KnowledgeReader.ScopeJson;
import minsheng.knowledge.KnowledgeReader.SectionJson;
import minsheng.knowledge.KnowledgeReader.SourceJson;

/**
 * Checks what the read values mean, entry by entry and across files, and turns them into {@link Entry} values.
 * Every rule adds a {@link Problem} and goes on, so an admin sees all mistakes in one pass.
 */
final class KnowledgeValidator {

    static final int MIN_QUESTIONS = 4;
    static final int MAX_SENTENCES = 4;
    /** Telegram's limit for one message, less room for the citation line a reply adds. */
    static final int MAX_ANSWER_LENGTH = 4096 - 256;
    /** The government service hotline answers may point to; a phone number, not a figure of the report. */
    static final String HOTLINE = "12345";
    /** Ids travel in Telegram button data (64 bytes at most), so they stay short and ASCII. */
    static final int MAX_ID_LENGTH = 48;

    private static final Pattern ID = Pattern.compile("[a-z]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d\\d(?!\\d)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?]+");
    private static final Pattern NOT_WORD = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    private final List<Problem> problems;
    private final List<Entry> entries = new ArrayList<>();
    /** Every id seen, sound or not, with the file it was first used in. */
    private final Map<String, String> idFiles = new HashMap<>();
    /** Every answer read, sound or not: what the article's figures are held to, so one broken entry is one problem. */
    private final List<String> answers = new ArrayList<>();
    private final Map<String, Entry> questionOwner = new HashMap<>();
    /** Related ids are checked once all files are read; remembered with where they were written. */
    private final List<Pending> pendingRelated = new ArrayList<>();

    private record Pending(String file, int line, String entry, String related) {}

    KnowledgeValidator(List<Problem> problems) {
        this.problems = problems;
    }

    void add(String file, FileJson json) {
        Report report = report(file, json.source());
        if (json.entries() == null) {
            if (problems.stream().noneMatch(p -> p.file().equals(file) && "entries".equals(p.field()))) {
                problems.add(Problem.inField(file, "entries", "problem.entries.missing"));
            }
            return;
        }
        if (json.entries().isEmpty()) {
            problems.add(Problem.inField(file, "entries", "problem.entries.empty"));
        }
        for (RawEntry raw : json.entries()) {
            if (raw.answer() != null) {
                answers.add(raw.answer());
            }
            if (raw.json() != null) {
                entry(file, raw, report);
            } else if (!raw.label().startsWith("#")) {
                // Unreadable, but its id is known: other entries may still point at it.
                idFiles.putIfAbsent(raw.label(), file);
            }
        }
    }

    /** Every entry id seen, sound or not. */
    Set<String> ids() {
        return Set.copyOf(idFiles.keySet());
    }

    /** Every answer read, sound or not. */
    List<String> answers() {
        return List.copyOf(answers);
    }

    /** The entries whose own fields are sound, in file order; {@code related} ids are held to {@code references}. */
    List<Entry> finish(References references) {
        for (Pending p : pendingRelated) {
            if (references.wrong(p.related())) {
                problems.add(Problem.at(p.file(), p.line(), 0, p.entry(), "related", "problem.id.unknown",
                        p.related()));
            }
        }
        return List.copyOf(entries);
    }

    private Report report(String file, SourceJson s) {
        if (s == null) {
            if (problems.stream().noneMatch(p -> p.file().equals(file) && p.field() != null
                    && p.field().startsWith("source"))) {
                problems.add(Problem.inField(file, "source", "problem.source.missing"));
            }
            return null;
        }
        boolean ok = required(file, null, "source.publisher", s.publisher())
                & required(file, null, "source.province", s.province())
                & required(file, null, "source.title", s.title());
        if (s.year() == null) {
            problems.add(Problem.inField(file, "source.year", "problem.source.year"));
            ok = false;
        }
        List<Report.Section> sections = new ArrayList<>();
        if (s.sections() == null || s.sections().isEmpty()) {
            problems.add(Problem.inField(file, "source.sections", "problem.source.sections"));
            ok = false;
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < s.sections().size(); i++) {
                SectionJson sj = s.sections().get(i);
                String field = "source.sections[" + (i + 1) + "]";
                if (sj == null) {
                    problems.add(Problem.inField(file, field, "problem.section.null"));
                    ok = false;
                    continue;
                }
                boolean sectionOk = required(file, null, field + ".id", sj.id())
                        & required(file, null, field + ".title", sj.title());
                List<Integer> range = sj.paragraphs();
                if (range == null || range.size() != 2 || range.contains(null)
                        || range.get(0) < 1 || range.get(0) > range.get(1)) {
                    problems.add(Problem.inField(file, field + ".paragraphs", "problem.section.range"));
                    sectionOk = false;
                }
                if (sj.id() != null && !ids.add(sj.id())) {
                    problems.add(Problem.inField(file, field + ".id", "problem.twice", sj.id()));
                    sectionOk = false;
                }
                if (sectionOk) {
                    sections.add(new Report.Section(sj.id().strip(), sj.title().strip(), range.get(0), range.get(1)));
                } else {
                    ok = false;
                }
            }
        }
        return ok ? new Report(s.publisher().strip(), s.province().strip(), s.year(), s.title().strip(), sections)
                : null;
    }

    private void entry(String file, RawEntry raw, Report report) {
        EntryJson e = raw.json();
        String label = raw.label();
        int line = raw.line();
        int before = problems.size();

        String id = e.id() == null ? null : e.id().strip();
        if (id == null || id.isEmpty()) {
            add(file, line, label, "id", "problem.id.missing");
        } else if (!ID.matcher(id).matches()) {
            add(file, line, label, "id", "problem.id.form", id);
        } else if (id.length() > MAX_ID_LENGTH) {
            add(file, line, label, "id", "problem.id.length", id.length(), MAX_ID_LENGTH);
        } else {
            String first = idFiles.putIfAbsent(id, file);
            if (first != null) {
                add(file, line, label, "id", "problem.id.used", id, first);
            }
        }

        Topic topic = null;
        if (e.topic() == null || e.topic().isBlank()) {
            add(file, line, label, "topic", "problem.topic.missing", String.join("、", Topic.labels()));
        } else {
            topic = Topic.byLabel(e.topic().strip()).orElse(null);
            if (topic == null) {
                add(file, line, label, "topic", "problem.topic.unknown", e.topic(), String.join("、", Topic.labels()));
            }
        }

        List<String> questions = texts(file, line, label, "questions", e.questions(), true);
        if (e.questions() != null && questions.size() < MIN_QUESTIONS) {
            add(file, line, label, "questions", "problem.questions.few", questions.size(), MIN_QUESTIONS);
        }

        String answer = e.answer() == null ? "" : e.answer().strip();
        if (answer.isEmpty()) {
            add(file, line, label, "answer", "problem.empty.or.missing");
        } else {
            if (answer.length() > MAX_ANSWER_LENGTH) {
                add(file, line, label, "answer", "problem.answer.long", answer.length(), MAX_ANSWER_LENGTH);
            }
            int sentences = sentences(answer);
            if (sentences > MAX_SENTENCES) {
                add(file, line, label, "answer", "problem.answer.sentences", sentences, MAX_SENTENCES);
            }
            for (Problem.Says problem : AnswerTime.problems(answer)) {
                problems.add(new Problem(file, line, 0, label, "answer", List.of(problem)));
            }
        }

        List<String> figures;
        if (e.figures() == null) {
            add(file, line, label, "figures", "problem.figures.missing");
            figures = List.of();
        } else {
            figures = texts(file, line, label, "figures", e.figures(), false);
            for (String figure : figures) {
                if (!answer.isEmpty() && !answer.contains(figure)) {
                    add(file, line, label, "figures", "problem.figure.answer", figure);
                }
            }
            if (!answer.isEmpty()) {
                // The report's own year is the time every answer states (「据2020年的报道」), and 12345 is where an
                // answer sends what the report leaves out: neither is a figure of the report to list.
                List<String> covering = new ArrayList<>(figures);
                covering.add(HOTLINE);
                if (report != null) {
                    covering.add(report.year() + "年");
                }
                for (String number : uncoveredNumbers(answer, covering)) {
                    add(file, line, label, "answer", "problem.answer.number", number);
                }
            }
        }

        Citation citation = citation(file, line, label, e.source(), report);
        List<String> related = texts(file, line, label, "related", e.related(), false);
        for (String r : related) {
            if (r.equals(id)) {
                add(file, line, label, "related", "problem.related.self");
            } else {
                pendingRelated.add(new Pending(file, line, label, r));
            }
        }
        List<String> keywords = texts(file, line, label, "keywords", e.keywords(), false);
        Scope scope = scope(file, raw.scopeLine(), label, e.scope());
        if (scope != null && e.answer() != null) {
            for (int i = 0; i < scope.lacks().size(); i++) {
                if (Stated.in(e.answer(), scope.lacks().get(i))) {
                    add(file, raw.scopeLine(), label, "scope.lacks[" + (i + 1) + "]", "problem.lacks.answered",
                            scope.lacks().get(i));
                }
            }
        }
        if (scope != null && e.figures() != null && figures.isEmpty()) {
            for (Scope.Gives kind : scope.gives()) {
                if (kind.isFigure()) {
                    add(file, raw.scopeLine(), label, "scope.gives", "problem.gives.figure", kind.label());
                    break;
                }
            }
        }

        if (problems.size() > before || report == null) {
            return;
        }
        Entry entry = new Entry(id, topic, questions, answer, figures, citation, related, keywords, file, scope);
        for (String q : questions) {
            Entry owner = questionOwner.putIfAbsent(questionKey(q), entry);
            if (owner != null) {
                if (owner == entry) {
                    add(file, line, label, "questions", "problem.question.again", q);
                } else {
                    add(file, line, label, "questions", "problem.question.other", q, owner.id(), owner.file());
                }
            }
        }
        entries.add(entry);
    }

    /** The declaration of what the answer does and does not state; null (with problems added) when unsound. */
    private Scope scope(String file, int line, String label, ScopeJson s) {
        if (s == null) {
            add(file, line, label, "scope", "problem.scope.missing");
            return null;
        }
        int before = problems.size();
        if (s.place() == null || s.place().isBlank()) {
            add(file, line, label, "scope.place", "problem.scope.place");
        }
        if (s.period() == null || s.period().isBlank()) {
            add(file, line, label, "scope.period", "problem.scope.period");
        } else if (!YEAR.matcher(s.period()).find()) {
            add(file, line, label, "scope.period", "problem.scope.period.year", s.period());
        }
        Set<Scope.Gives> gives = EnumSet.noneOf(Scope.Gives.class);
        if (s.gives() == null || s.gives().isEmpty()) {
            add(file, line, label, "scope.gives", "problem.scope.gives", String.join(", ", Scope.Gives.labels()));
        } else {
            for (int i = 0; i < s.gives().size(); i++) {
                String g = s.gives().get(i);
                String field = "scope.gives[" + (i + 1) + "]";
                if (g == null || g.isBlank()) {
                    add(file, line, label, field, "problem.empty");
                    continue;
                }
                Scope.Gives kind = Scope.Gives.byLabel(g.strip()).orElse(null);
                if (kind == null) {
                    problems.add(KnowledgeReader.suggesting(Problem.at(file, line, 0, label, field,
                            "problem.gives.unknown", g), g.strip(), Scope.Gives.labels())
                            .and("problem.gives.known", String.join(", ", Scope.Gives.labels())));
                } else if (!gives.add(kind)) {
                    add(file, line, label, field, "problem.twice", g);
                }
            }
        }
        List<String> lacks = texts(file, line, label, "scope.lacks", s.lacks(), false);
        if (problems.size() > before) {
            return null;
        }
        return new Scope(s.place().strip(), s.period().strip(), gives, lacks);
    }

    private Citation citation(String file, int line, String label, CitationJson c, Report report) {
        if (c == null) {
            add(file, line, label, "source", "problem.citation.missing");
            return null;
        }
        if (c.section() == null || c.section().isBlank()) {
            add(file, line, label, "source.section", "problem.missing");
            return null;
        }
        if (report == null) {
            return null;
        }
        Report.Section section = report.section(c.section().strip()).orElse(null);
        if (section == null) {
            add(file, line, label, "source.section", "problem.citation.section", c.section(),
                    String.join(", ", report.sections().stream().map(Report.Section::id).toList()));
            return null;
        }
        if (c.paragraphs() == null || c.paragraphs().isEmpty() || c.paragraphs().contains(null)) {
            add(file, line, label, "source.paragraphs", "problem.citation.paragraphs");
            return null;
        }
        boolean ok = true;
        for (int paragraph : c.paragraphs()) {
            if (!section.covers(paragraph)) {
                add(file, line, label, "source.paragraphs", "problem.citation.outside", paragraph, section.id(),
                        section.firstParagraph(), section.lastParagraph());
                ok = false;
            }
        }
        return ok ? new Citation(report, section, c.paragraphs()) : null;
    }

    /** Non-blank, stripped items of a text list; reports blank items and, when asked, repeats. */
    private List<String> texts(String file, int line, String label, String field, List<String> values,
                               boolean required) {
        if (values == null) {
            if (required) {
                add(file, line, label, field, "problem.missing");
            }
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank()) {
                add(file, line, label, field + "[" + (i + 1) + "]", "problem.empty");
            } else {
                out.add(v.strip());
            }
        }
        return out;
    }

    private boolean required(String file, String label, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.at(file, 0, 0, label, field, "problem.empty.or.missing"));
            return false;
        }
        return true;
    }

    private void add(String file, int line, String label, String field, String key, Object... args) {
        problems.add(Problem.at(file, line, 0, label, field, key, args));
    }

    static int sentences(String text) {
        int count = 0;
        for (String part : SENTENCE_END.split(text)) {
            if (!part.isBlank()) {
                count++;
            }
        }
        return count;
    }

    /** Numbers in the answer that no listed figure covers, so no figure slips in unverified. */
    static List<String> uncoveredNumbers(String answer, List<String> figures) {
        boolean[] covered = new boolean[answer.length()];
        for (String f : figures) {
            for (int at = answer.indexOf(f); at >= 0; at = answer.indexOf(f, at + 1)) {
                java.util.Arrays.fill(covered, at, at + f.length(), true);
            }
        }
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(answer);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (!covered[i]) {
                    out.add(m.group());
                    break;
                }
            }
        }
        return out;
    }

    /** Two questions are the same when they differ only in width, case, spacing or punctuation. */
    static String questionKey(String question) {
        String folded = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(folded).replaceAll("");
    }
}
