package minsheng.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the bot knows: validated entries in file order, and the synonyms. Immutable. */
public final class KnowledgeBase {

    private final List<Entry> entries;
    private final Map<String, Entry> byId;
    private final Vocabulary vocabulary;
    private final TopicSummaries topicSummaries;

    KnowledgeBase(List<Entry> entries, Vocabulary vocabulary) {
        this(entries, vocabulary, TopicSummaries.NONE);
    }

    KnowledgeBase(List<Entry> entries, Vocabulary vocabulary, TopicSummaries topicSummaries) {
        this.topicSummaries = topicSummaries;
        this.entries = List.copyOf(entries);
        Map<String, Entry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.id(), e));
        this.byId = Map.copyOf(map);
        this.vocabulary = vocabulary;
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The report the knowledge is drawn from (loading refuses knowledge without entries). */
    public Report report() {
        return entries.get(0).citation().report();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** What the bot says to a bare topic word ({@code topics.txt}). */
    public TopicSummaries topicSummaries() {
        return topicSummaries;
    }

    /** The topics that have at least one entry, in the fixed topic order. */
    public List<Topic> topics() {
        return java.util.Arrays.stream(Topic.values())
                .filter(t -> entries.stream().anyMatch(e -> e.topic() == t))
                .toList();
    }
}
