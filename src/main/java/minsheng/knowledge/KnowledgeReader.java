package minsheng.knowledge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one knowledge file with Jackson's streaming parser into raw records, reporting malformed JSON once, in plain
 * words at the line and column to mend ({@link JsonMistake}), and every unknown field and every value of the wrong
 * type with the line it is on (a misspelt field name is an error, never silently ignored). Checking what the values
 * mean is {@link KnowledgeValidator}'s job.
 *
 * <p>The shapes are small and fixed, so they are read field by field as they stream past rather than bound by
 * Jackson's data binding: every field keeps its own line for the admin's message, and a start does not load the
 * few hundred classes of the binding machinery.
 */
final class KnowledgeReader {

    // The shapes of the file as written; absent fields stay null so the validator can name them.
    record FileJson(SourceJson source, List<RawEntry> entries) {}

    record SourceJson(String publisher, String province, Integer year, String title, List<SectionJson> sections) {}

    record SectionJson(String id, String title, List<Integer> paragraphs) {}

    record EntryJson(String id, String topic, List<String> questions, String answer, List<String> figures,
                     CitationJson source, List<String> related, List<String> keywords, ScopeJson scope) {}

    record ScopeJson(String place, String period, List<String> gives, List<String> lacks) {}

    record CitationJson(String section, List<Integer> paragraphs) {}

    /**
     * An entry as read, with the line it starts on and the line of its {@code scope} field (its own line when it
     * has none); {@code json} is null when a value in it has the wrong type, while its answer, when read as text,
     * is kept for the article check all the same.
     */
    record RawEntry(int index, int line, String label, EntryJson json, int scopeLine, String answer) {}

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads one value of a shape; the parser stands on the value's first token, and is left on its last. */
    @FunctionalInterface
    private interface Shape<T> {
        T read(JsonParser p, Values values, String path) throws IOException;
    }

    private static final Shape<String> TEXT = (p, v, path) -> v.text(p, path);
    private static final Shape<Integer> NUMBER = (p, v, path) -> v.number(p, path);
    private static final Shape<List<String>> TEXTS = (p, v, path) -> v.list(p, path, TEXT);
    private static final Shape<List<Integer>> NUMBERS = (p, v, path) -> v.list(p, path, NUMBER);

    private static final Map<String, Shape<?>> SCOPE_FIELDS =
            fields("place", TEXT, "period", TEXT, "gives", TEXTS, "lacks", TEXTS);
    private static final Shape<ScopeJson> SCOPE = (p, v, path) -> {
        Fields f = v.object(p, path, SCOPE_FIELDS);
        return f == null ? null : new ScopeJson(f.get("place"), f.get("period"), f.get("gives"), f.get("lacks"));
    };

    private static final Map<String, Shape<?>> CITATION_FIELDS = fields("section", TEXT, "paragraphs", NUMBERS);
    private static final Shape<CitationJson> CITATION = (p, v, path) -> {
        Fields f = v.object(p, path, CITATION_FIELDS);
        return f == null ? null : new CitationJson(f.get("section"), f.get("paragraphs"));
    };

    private static final Map<String, Shape<?>> SECTION_FIELDS =
            fields("id", TEXT, "title", TEXT, "paragraphs", NUMBERS);
    private static final Shape<SectionJson> SECTION = (p, v, path) -> {
        Fields f = v.object(p, path, SECTION_FIELDS);
        return f == null ? null : new SectionJson(f.get("id"), f.get("title"), f.get("paragraphs"));
    };

    private static final Shape<List<SectionJson>> SECTIONS = (p, v, path) -> v.list(p, path, SECTION);
    private static final Map<String, Shape<?>> SOURCE_FIELDS = fields("publisher", TEXT, "province", TEXT,
            "year", NUMBER, "title", TEXT, "sections", SECTIONS);
    private static final Shape<SourceJson> SOURCE = (p, v, path) -> {
        Fields f = v.object(p, path, SOURCE_FIELDS);
        return f == null ? null : new SourceJson(f.get("publisher"), f.get("province"), f.get("year"),
                f.get("title"), f.get("sections"));
    };

    private static final Map<String, Shape<?>> ENTRY_FIELDS = fields("id", TEXT, "topic", TEXT, "questions", TEXTS,
            "answer", TEXT, "figures", TEXTS, "source", CITATION, "related", TEXTS, "keywords", TEXTS, "scope", SCOPE);

    private KnowledgeReader() {
    }

    /**
     * A shape's fields by name, each with how its value is read, in the order written here: a misspelt name is
     * matched against them in that order, so the suggestion never depends on a hash order.
     */
    private static Map<String, Shape<?>> fields(Object... nameThenShape) {
        Map<String, Shape<?>> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameThenShape.length; i += 2) {
            fields.put((String) nameThenShape[i], (Shape<?>) nameThenShape[i + 1]);
        }
        return Collections.unmodifiableMap(fields);
    }

    /** Reads {@code path}; problems are added to {@code problems}. Returns null when the file is unusable. */
    static FileJson read(Path path, List<Problem> problems) {
        // Read as text first: a file that is not UTF-8 is told with its line, and columns count characters.
        String text = TextFile.read(path, problems);
        return text == null ? null : read(path.getFileName().toString(), text, problems);
    }

    /** Reads the text of the knowledge file named {@code file}, as {@link #read(Path, List)} does. */
    static FileJson read(String file, String text, List<Problem> problems) {
        int before = problems.size();
        SourceJson source = null;
        List<RawEntry> entries = null;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(Problem.atLine(file, p.currentLocation().getLineNr(), null, "problem.json.object"));
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = p.currentLocation().getLineNr();
                p.nextToken();
                switch (name) {
                    case "source" -> {
                        Values values = new Values();
                        SourceJson read = SOURCE.read(p, values, "source");
                        values.report(file, null, problems);
                        source = values.wrongType ? null : read;
                    }
                    case "entries" -> entries = readEntries(p, file, line, problems);
                    default -> {
                        problems.add(new Problem(file, line, 0, null, name,
                                unknownField(name, List.of("source", "entries"))));
                        p.skipChildren();
                    }
                }
            }
            if (p.nextToken() != null) {
                JsonLocation at = p.currentLocation();
                problems.add(Problem.at(file, at.getLineNr(), at.getColumnNr(), null, null, "problem.json.after"));
            }
        } catch (JsonProcessingException e) {
            problems.add(JsonMistake.describe(file, text, e));
            return null;
        } catch (IOException e) {
            // Parsing a string in memory reads nothing from disk; kept apart from a mistake in the text all the same.
            problems.add(Problem.inFile(file, "problem.file.unreadable"));
            return null;
        }
        if (problems.size() > before && source == null && entries == null) {
            return null;
        }
        return new FileJson(source, entries);
    }

    private static List<RawEntry> readEntries(JsonParser p, String file, int line, List<Problem> problems)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            problems.add(Problem.atLine(file, line, "entries", "problem.entries.list"));
            p.skipChildren();
            return null;
        }
        List<RawEntry> entries = new ArrayList<>();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            index++;
            int entryLine = p.currentLocation().getLineNr();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                problems.add(Problem.at(file, entryLine, 0, "#" + index, null, "problem.entry.object"));
                p.skipChildren();
                entries.add(new RawEntry(index, entryLine, "#" + index, null, entryLine, null));
                continue;
            }
            Values values = new Values();
            Fields f = values.object(p, "", ENTRY_FIELDS);
            String id = f.get("id");
            String label = id != null && !id.isBlank() ? id.strip() : "#" + index;
            // The entry's problems are told once its id, which may come last, is known.
            values.report(file, label, problems);
            EntryJson json = values.wrongType ? null
                    : new EntryJson(id, f.get("topic"), f.get("questions"), f.get("answer"), f.get("figures"),
                            f.get("source"), f.get("related"), f.get("keywords"), f.get("scope"));
            entries.add(new RawEntry(index, entryLine, label, json, f.lines.getOrDefault("scope", entryLine),
                    f.get("answer")));
        }
        return entries;
    }

    /** The fields of one object as read, and the line each one is on. */
    private static final class Fields {
        private final Map<String, Object> values = new HashMap<>();
        private final Map<String, Integer> lines = new HashMap<>();

        @SuppressWarnings("unchecked")
        <T> T get(String name) {
            return (T) values.get(name);
        }
    }

    /** A problem met while reading a shape, told once the shape (and so the entry's id) is read. */
    private record Found(int line, String field, List<Problem.Says> says) {}

    /**
     * Reads values by their shape, noting every unknown field and every value of the wrong type, with its line,
     * and going on after it. A value of the wrong type makes the whole shape unusable, so nothing is guessed
     * from it.
     */
    private static final class Values {
        private final List<Found> found = new ArrayList<>();
        private boolean wrongType;

        String text(JsonParser p, String path) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_STRING -> p.getText();
                case VALUE_NULL -> null;
                default -> wrong(p, path, "problem.value.text");
            };
        }

        Integer number(JsonParser p, String path) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            return wrong(p, path, "problem.value.number");
        }

        <T> List<T> list(JsonParser p, String path, Shape<T> element) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return wrong(p, path, "problem.value.list");
            }
            List<T> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(element.read(p, this, path + "[" + (out.size() + 1) + "]"));
            }
            return out;
        }

        /** The object's known fields in {@code shape}; null for a JSON null or a value that is not an object. */
        Fields object(JsonParser p, String path, Map<String, Shape<?>> shape) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return wrong(p, path, "problem.value.object");
            }
            Fields fields = new Fields();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                String at = path.isEmpty() ? name : path + "." + name;
                p.nextToken();
                Shape<?> value = shape.get(name);
                if (value == null) {
                    found.add(new Found(line, at, unknownField(name, shape.keySet())));
                    p.skipChildren();
                    continue;
                }
                fields.lines.put(name, line);
                fields.values.put(name, value.read(p, this, at));
            }
            return fields;
        }

        private <T> T wrong(JsonParser p, String path, String expected) throws IOException {
            found.add(new Found(p.currentTokenLocation().getLineNr(), path.isEmpty() ? null : path,
                    List.of(Problem.Says.of(expected))));
            wrongType = true;
            p.skipChildren();
            return null;
        }

        void report(String file, String entry, List<Problem> problems) {
            for (Found f : found) {
                problems.add(new Problem(file, f.line(), 0, entry, f.field(), f.says()));
            }
        }
    }

    /** The known name within two edits of {@code name} (the closest, the first written on a tie), if any. */
    private static Optional<String> suggestion(String name, Collection<?> known) {
        return known.stream()
                .map(Object::toString)
                .filter(k -> editDistance(name, k) <= 2)
                .min(Comparator.comparingInt(k -> editDistance(name, k)));
    }

    /** "Unknown field", and the name it likely meant when one is close. */
    private static List<Problem.Says> unknownField(String name, Collection<?> known) {
        Problem.Says unknown = Problem.Says.of("problem.field.unknown");
        return suggestion(name, known).map(k -> List.of(unknown, Problem.Says.of("problem.suggest", k)))
                .orElse(List.of(unknown));
    }

    /** The problem, followed by the name it likely meant when one is close. */
    static Problem suggesting(Problem problem, String name, Collection<?> known) {
        return suggestion(name, known).map(k -> problem.and("problem.suggest", k)).orElse(problem);
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
