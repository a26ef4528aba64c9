package minsheng.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Reads one knowledge file with Jackson into raw records, reporting malformed JSON with line and column and every
 * unknown field (a misspelt field name is an error, never silently ignored). Checking what the values mean is
 * {@link KnowledgeValidator}'s job.
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
     * has none); {@code json} is null when it could not be bound.
     */
    record RawEntry(int index, int line, String label, EntryJson json, int scopeLine) {

        RawEntry(int index, int line, String label, EntryJson json) {
            this(index, line, label, json, line);
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private KnowledgeReader() {
    }

    /** Reads {@code path}; problems are added to {@code problems}. Returns null when the file is unusable. */
    static FileJson read(Path path, List<Problem> problems) {
        String file = path.getFileName().toString();
        int before = problems.size();
        SourceJson source = null;
        List<RawEntry> entries = null;
        try (JsonParser p = MAPPER.createParser(path.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(Problem.atLine(file, p.currentLocation().getLineNr(), null,
                        "the file must hold one JSON object: {\"source\": {…}, \"entries\": […]}"));
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = p.currentLocation().getLineNr();
                p.nextToken();
                switch (name) {
                    case "source" ->
                            source = bind(p.readValueAsTree(), SourceJson.class, file, line, null, "source", problems);
                    case "entries" -> entries = readEntries(p, file, line, problems);
                    default -> {
                        problems.add(Problem.atLine(file, line, name,
                                "unknown field" + suggestion(name, List.of("source", "entries"))));
                        p.skipChildren();
                    }
                }
            }
            if (p.nextToken() != null) {
                JsonLocation at = p.currentLocation();
                problems.add(new Problem(file, at.getLineNr(), at.getColumnNr(), null, null,
                        "unexpected content after the end of the top-level object"));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new Problem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    null, null, "malformed JSON: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(Problem.inFile(file, null, "cannot be read: " + e.getMessage()));
            return null;
        }
        if (problems.size() > before && source == null && entries == null) {
            return null;
        }
        return new FileJson(source, entries == null ? null : withScopeLines(path, entries));
    }

    /**
     * Tree nodes keep no positions, so the line of each entry's {@code scope} field is found in the text: the first
     * line from the entry's start, before the next entry's, that names the field.
     */
    private static List<RawEntry> withScopeLines(Path path, List<RawEntry> entries) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(path, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return entries;
        }
        List<RawEntry> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RawEntry r = entries.get(i);
            int end = i + 1 < entries.size() ? entries.get(i + 1).line() : lines.size() + 1;
            int at = r.line();
            for (int n = r.line(); n < end && n <= lines.size(); n++) {
                if (lines.get(n - 1).contains("\"scope\"")) {
                    at = n;
                    break;
                }
            }
            out.add(new RawEntry(r.index(), r.line(), r.label(), r.json(), at));
        }
        return out;
    }

    private static List<RawEntry> readEntries(JsonParser p, String file, int line, List<Problem> problems)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            problems.add(Problem.atLine(file, line, "entries", "must be a list: [ {…}, {…} ]"));
            p.skipChildren();
            return null;
        }
        List<RawEntry> entries = new ArrayList<>();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            index++;
            int entryLine = p.currentLocation().getLineNr();
            JsonNode node = p.readValueAsTree();
            String id = node.path("id").isTextual() && !node.path("id").asText().isBlank()
                    ? node.path("id").asText().strip() : null;
            String label = id != null ? id : "#" + index;
            if (!node.isObject()) {
                problems.add(new Problem(file, entryLine, 0, label, null, "must be an object: {\"id\": …, …}"));
                entries.add(new RawEntry(index, entryLine, label, null));
                continue;
            }
            EntryJson json = bind(node, EntryJson.class, file, entryLine, label, null, problems);
            entries.add(new RawEntry(index, entryLine, label, json));
        }
        return entries;
    }

    /**
     * Binds a subtree, collecting every unknown field instead of stopping at the first. A value of the wrong type
     * is reported with its field path and makes the result null.
     */
    private static <T> T bind(JsonNode node, Class<T> type, String file, int line, String entry, String prefix,
                              List<Problem> problems) {
        ObjectReader reader = MAPPER.readerFor(type).withHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                                 JsonDeserializer<?> deserializer, Object bean, String name)
                    throws IOException {
                // Records are built after all their fields are read, so the parser's position no longer tells
                // where the field was; the type being built does.
                Class<?> in = bean instanceof Class<?> c ? c : bean.getClass();
                problems.add(new Problem(file, line, 0, entry, join(prefix, List.of(fieldOwner(in), name)),
                        "unknown field" + suggestion(name, deserializer.getKnownPropertyNames())));
                p.skipChildren();
                return true;
            }
        });
        try {
            return reader.readValue(node);
        } catch (JsonMappingException e) {
            problems.add(new Problem(file, line, 0, entry, fieldPath(prefix, e.getPath()), typeMessage(e)));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(file, line, 0, entry, prefix, e.getMessage()));
            return null;
        }
    }

    /** Where fields of a shape sit in the file, for messages: "" for an entry's own fields. */
    private static String fieldOwner(Class<?> type) {
        if (type == CitationJson.class) {
            return "source";
        }
        if (type == ScopeJson.class) {
            return "scope";
        }
        if (type == SectionJson.class) {
            return "sections[]";
        }
        return "";
    }

    private static String fieldPath(String prefix, List<JsonMappingException.Reference> refs) {
        List<String> names = new ArrayList<>();
        for (JsonMappingException.Reference r : refs) {
            names.add(r.getFieldName() != null ? r.getFieldName() : "[" + (r.getIndex() + 1) + "]");
        }
        String path = join(prefix, names);
        return path.isEmpty() ? null : path;
    }

    /** "source.sections[2].title" from a prefix and names; "[n]" indexes attach without a dot, "" is skipped. */
    private static String join(String prefix, List<String> names) {
        StringBuilder s = new StringBuilder(prefix == null ? "" : prefix);
        for (String name : names) {
            if (!name.isEmpty() && !name.startsWith("[") && !s.isEmpty()) {
                s.append('.');
            }
            s.append(name);
        }
        return s.toString();
    }

    private static String typeMessage(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            Class<?> t = m.getTargetType();
            String expected;
            if (Collection.class.isAssignableFrom(t)) {
                expected = "a list in [ ]";
            } else if (t == String.class) {
                expected = "text in quotes";
            } else if (t == Integer.class || t == int.class) {
                expected = "a whole number";
            } else {
                expected = "an object in { }";
            }
            return "expected " + expected;
        }
        return e.getOriginalMessage();
    }

    /** " (did you mean \"questions\"?)" when a known name is within two edits, else "". */
    static String suggestion(String name, Collection<?> known) {
        return known.stream()
                .map(Object::toString)
                .filter(k -> editDistance(name, k) <= 2)
                .min(Comparator.comparingInt(k -> editDistance(name, k)))
                .map(k -> " (did you mean \"" + k + "\"?)")
                .orElse("");
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
