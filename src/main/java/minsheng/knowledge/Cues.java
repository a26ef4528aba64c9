package minsheng.knowledge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words the engine watches for in a question to tell what it asks of an entry: the places of the province, a
 * time after the report or the present day, a raise, a rank, a comparison, a wider place, and the words that ask
 * rather than name a subject. Read from {@code cues.txt}: one kind a line, written {@code 名称: 词, 词, …} (a kind may
 * take several lines; {@code #} starts a comment), so an admin adds a county or a way of asking without a code change.
 * The order of the words matters where one begins another: the first found at a place is taken.
 */
public record Cues(Map<Kind, List<String>> words) {

    public static final String FILE_NAME = "cues.txt";

    /** No cue words at all: what a knowledge folder without {@code cues.txt} watches for. */
    public static final Cues NONE = new Cues(Map.of());

    /** The kinds of cue, each with the name it is written with in {@code cues.txt}. */
    public enum Kind {
        /** The province's cities, counties and districts: a narrower place than a province-wide figure. */
        PLACE("地名"),
        /** A time after the report (明年, 今后): nothing in it speaks to that. */
        LATER("以后"),
        /** The present (今年, 现在, 最新): answered with the report's own time said first. */
        NOW("现在"),
        /** How much something rose (涨了多少). */
        RAISE("涨幅"),
        /** A rank (排第几). */
        RANK("排名"),
        /** A comparison (比去年, 哪个多). */
        COMPARISON("比较"),
        /** A comparison with the country or another province, which the report never makes. */
        ELSEWHERE("和外地比"),
        /** A comparison with the year before, which a raise answers. */
        BEFORE("和以前比"),
        /** A wider place than a one-county entry's (全省, 全国). */
        WIDER("更大范围"),
        /** Words that ask, say when or where, or carry the question along, and name no subject (多少钱, 每月, 给). */
        NOT_SUBJECT("不是主题");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Optional<Kind> byLabel(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** Characters a cue word may not hold: they would be read as pattern syntax. */
    private static final String SYNTAX = "\\^$.|?*+()[]{}";

    public Cues {
        Map<Kind, List<String>> copy = new EnumMap<>(Kind.class);
        words.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        words = Map.copyOf(copy);
    }

    /** The words of one kind, in the file's order; empty when the file names none. */
    public List<String> of(Kind kind) {
        return words.getOrDefault(kind, List.of());
    }

    /** Parses {@code cues.txt}, adding a problem for every line it cannot read. */
    static Cues parse(String text, List<Problem> problems) {
        Map<Kind, List<String>> words = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = Vocabulary.withoutComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = indexOfColon(line);
            if (colon < 0) {
                problems.add(Problem.atLine(FILE_NAME, lineNo, null, "problem.cues.line", Kind.PLACE.label()));
                continue;
            }
            String label = line.substring(0, colon).strip();
            Kind kind = Kind.byLabel(label).orElse(null);
            if (kind == null) {
                List<String> labels = java.util.Arrays.stream(Kind.values()).map(Kind::label).toList();
                problems.add(KnowledgeReader.suggesting(Problem.atLine(FILE_NAME, lineNo, null, "problem.cues.kind",
                        label, String.join("、", labels)), label, labels));
                continue;
            }
            List<String> list = words.computeIfAbsent(kind, k -> new ArrayList<>());
            for (String raw : line.substring(colon + 1).split("[,，、]", -1)) {
                String word = raw.strip();
                if (word.isEmpty()) {
                    problems.add(Problem.atLine(FILE_NAME, lineNo, null, "problem.cues.empty"));
                } else if (word.chars().anyMatch(c -> SYNTAX.indexOf(c) >= 0 || Character.isSurrogate((char) c)
                        || Character.isWhitespace(c))) {
                    problems.add(Problem.atLine(FILE_NAME, lineNo, null, "problem.cues.plain", word, SYNTAX));
                } else if (list.contains(word)) {
                    problems.add(Problem.atLine(FILE_NAME, lineNo, null, "problem.cues.twice", word, kind.label()));
                } else {
                    list.add(word);
                }
            }
        }
        return new Cues(words);
    }

    private static int indexOfColon(String line) {
        int ascii = line.indexOf(':');
        int wide = line.indexOf('：');
        return ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
    }
}
