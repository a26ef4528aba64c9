package minsheng.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How citizens' words are read. {@code synonyms.txt}: each line one group of words for the same thing, separated
 * by commas (ASCII or Chinese); the first is the canonical term the others are read as. {@code fillers.txt}: words
 * that carry nothing in a question (请问, 一下, 呢) and are passed over. {@code out-of-scope.txt}: words that mark a
 * question the knowledge cannot answer whatever else it says (办理流程, 密码, another province), so it is declined.
 * {@code #} starts a comment in all three. {@code cues.txt}: the words the engine watches for (see {@link Cues}).
 */
public record Vocabulary(List<Group> groups, List<String> fillers, List<String> outOfScope, Cues cues) {

    public static final String SYNONYMS_FILE_NAME = "synonyms.txt";
    public static final String FILLERS_FILE_NAME = "fillers.txt";
    public static final String OUT_OF_SCOPE_FILE_NAME = "out-of-scope.txt";

    private static final Pattern SEPARATOR = Pattern.compile("[,，、]");

    public Vocabulary {
        groups = List.copyOf(groups);
        fillers = List.copyOf(fillers);
        outOfScope = List.copyOf(outOfScope);
    }

    /** A vocabulary with no cue words. */
    public Vocabulary(List<Group> groups, List<String> fillers, List<String> outOfScope) {
        this(groups, fillers, outOfScope, Cues.NONE);
    }

    /** This vocabulary with these cue words. */
    Vocabulary with(Cues other) {
        return new Vocabulary(groups, fillers, outOfScope, other);
    }

    /** A canonical term and the variants that mean the same. */
    public record Group(String canonical, List<String> variants, int line) {

        public Group {
            variants = List.copyOf(variants);
        }

        List<String> terms() {
            List<String> all = new ArrayList<>(variants);
            all.add(0, canonical);
            return all;
        }
    }

    /** Parses the synonym groups; fillers and out-of-scope words come from their files, already parsed. */
    static Vocabulary parse(String text, List<String> fillers, List<String> outOfScope, List<Problem> problems) {
        List<Group> groups = new ArrayList<>();
        Map<String, Integer> seenOnLine = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = withoutComment(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            List<String> terms = new ArrayList<>();
            int written = 0;
            for (String raw : SEPARATOR.split(line, -1)) {
                String term = raw.strip();
                if (term.isEmpty()) {
                    problems.add(Problem.atLine(SYNONYMS_FILE_NAME, lineNo, null, "problem.synonyms.empty"));
                    continue;
                }
                written++;
                Integer earlier = seenOnLine.putIfAbsent(term, lineNo);
                if (earlier != null) {
                    problems.add(earlier == lineNo
                            ? Problem.atLine(SYNONYMS_FILE_NAME, lineNo, null, "problem.synonyms.again", term)
                            : Problem.atLine(SYNONYMS_FILE_NAME, lineNo, null, "problem.synonyms.other", term, earlier));
                    continue;
                }
                terms.add(term);
            }
            if (written < 2) {
                problems.add(Problem.atLine(SYNONYMS_FILE_NAME, lineNo, null, "problem.synonyms.few"));
                continue;
            }
            if (terms.size() < 2) {
                // What is wrong with the line (a term in another group) is reported already.
                continue;
            }
            groups.add(new Group(terms.get(0), terms.subList(1, terms.size()), lineNo));
        }
        Vocabulary vocabulary = new Vocabulary(groups, fillers, outOfScope);
        for (Group g : groups) {
            for (String term : g.terms()) {
                if (fillers.contains(term)) {
                    problems.add(Problem.atLine(SYNONYMS_FILE_NAME, g.line(), null, "problem.synonyms.filler", term,
                            FILLERS_FILE_NAME));
                }
            }
        }
        return vocabulary;
    }

    /** A list of words, any number a line, separated by commas or spaces: fillers, out-of-scope words. */
    static List<String> parseWords(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            for (String word : withoutComment(line).split("[,，、\\s]+")) {
                if (!word.isBlank() && !out.contains(word.strip())) {
                    out.add(word.strip());
                }
            }
        }
        return out;
    }

    /** A line of an admin's text file without its {@code #} comment (the knowledge's text files share this rule). */
    static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash >= 0 ? line.substring(0, hash) : line;
    }
}
