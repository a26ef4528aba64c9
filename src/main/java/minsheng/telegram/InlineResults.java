package minsheng.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import minsheng.answer.Conversations;
import minsheng.answer.Messages;
import minsheng.answer.Reply;
import minsheng.answer.Snapshot;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.Topic;
import minsheng.knowledge.TopicSummaries;

/**
 * Inline mode's results: what 「@bot 问题」 typed in any chat offers to send there. Each query is read by the engine
 * as a chat message is ({@link Conversations#alone}), standing alone. An answer is one article (title: the standard
 * question; description: the clause holding its figure; message: the cited answer in the same HTML as in chat,
 * caveat kept); a choice becomes its best entry's answer and up to two close alternatives; a question the report
 * does not answer gets one article that says so with the 12345 hotline, and no figure; an empty query (or one that
 * asks nothing, such as 「你好」) lists the topics. Every message carries a link back to the bot. Thread-safe.
 */
final class InlineResults {

    /**
     * How long Telegram may serve a query's results from its cache, to anyone: they depend only on the text and the
     * knowledge, so a reload shows within a minute, while a question many type at once is answered once.
     */
    static final int CACHE_SECONDS = 60;
    /** Close alternatives after the best answer, when the engine would have offered a choice. */
    static final int MAX_ALTERNATIVES = 2;
    /** Telegram takes at most 50 results; ids are 1–64 bytes. */
    static final int MAX_RESULTS = 50;
    static final int MAX_ID_BYTES = 64;
    /** Entries linked under a topic or a decline: more would bury the message under its buttons. */
    private static final int MAX_LINKS = 4;
    /** Telegram shows two lines or so of a description; the rest is never seen. */
    private static final int MAX_DESCRIPTION = 100;

    private static final Pattern CLAUSE = Pattern.compile("[，。；：！？,;:!?]");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}年");

    /** The results for one query, and the reply they were made from (null for an empty query, which asks nothing). */
    record Answer(String query, Reply reply, List<TelegramApi.Article> articles) {
        Answer {
            articles = List.copyOf(articles);
        }
    }

    private final String botUsername;
    private final Conversations conversations;
    private final Supplier<Snapshot> snapshot;
    private final Renderer renderer;

    /** @param botUsername the bot's username, for the links back to it (null: no links) */
    InlineResults(String botUsername, Conversations conversations, Supplier<Snapshot> snapshot, Renderer renderer) {
        this.botUsername = botUsername;
        this.conversations = conversations;
        this.snapshot = snapshot;
        this.renderer = renderer;
    }

    Answer answer(String query) {
        String q = query == null ? "" : query.strip();
        KnowledgeBase knowledge = snapshot.get().knowledge();
        if (q.isEmpty()) {
            return new Answer(q, null, topics(knowledge));
        }
        Reply reply = conversations.alone(q);
        List<TelegramApi.Article> articles = switch (reply.kind()) {
            case ANSWER -> answered(knowledge, q, reply);
            case SUGGEST -> choice(knowledge, q, reply);
            case DECLINE -> List.of(declined(knowledge, reply));
            // A greeting, a lone number or 「？？？」 asks nothing worth sending to a chat: browse the topics instead.
            case SMALLTALK -> topics(knowledge);
        };
        return new Answer(q, reply, articles);
    }

    /**
     * The inline query a share button fills in for an answer, so the same answer comes up in the chat picked: the
     * entry's standard question; for a topic's summary its word; for an answer of several entries their standard
     * questions together when the engine reads them back as the same answer, else the first.
     */
    Optional<String> shareQuery(Reply reply) {
        KnowledgeBase knowledge = snapshot.get().knowledge();
        List<Entry> entries = entries(knowledge, reply.entryIds());
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Optional<TopicSummaries.Summary> topic = topicOf(knowledge, reply);
        if (topic.isPresent()) {
            return Optional.of(topic.get().words().get(0));
        }
        String first = entries.get(0).standardQuestion();
        if (entries.size() > 1) {
            String all = String.join("，", entries.stream().map(Entry::standardQuestion).toList());
            if (all.length() <= Button.MAX_QUERY_CHARS && new HashSet<>(conversations.alone(all).entryIds())
                    .equals(new HashSet<>(reply.entryIds()))) {
                return Optional.of(all);
            }
        }
        return first.length() <= Button.MAX_QUERY_CHARS ? Optional.of(first) : Optional.empty();
    }

    // ---- the kinds of results ----

    private List<TelegramApi.Article> answered(KnowledgeBase knowledge, String query, Reply reply) {
        List<Entry> entries = entries(knowledge, reply.entryIds());
        List<String> html = renderer.html(reply.text(), reply.figures());
        if (html.size() == 1 && !entries.isEmpty()) {
            String title = topicOf(knowledge, reply).map(TopicSummaries.Summary::label)
                    .orElseGet(() -> String.join("；", entries.stream().map(Entry::standardQuestion).toList()));
            return List.of(article(id("a0", entries.get(0).id()), title, headlines(entries), html.get(0),
                    List.of(List.of(more(entries.get(0).id())))));
        }
        // Too long for one message (several parts asked at once): each entry's own answer, as many as are offered.
        return answers(knowledge, query, reply.entryIds());
    }

    private List<TelegramApi.Article> choice(KnowledgeBase knowledge, String query, Reply reply) {
        return answers(knowledge, query, reply.suggestions().stream().map(Reply.Suggestion::entryId).toList());
    }

    /** Each entry's answer as the query earns it (its caveat kept), best first, at most one and the alternatives. */
    private List<TelegramApi.Article> answers(KnowledgeBase knowledge, String query, List<String> ids) {
        List<TelegramApi.Article> out = new ArrayList<>();
        for (String id : ids) {
            Optional<Entry> entry = knowledge.entry(id);
            Optional<Reply> answer = snapshot.get().answer(id, query);
            if (entry.isEmpty() || answer.isEmpty()) {
                continue;
            }
            List<String> html = renderer.html(answer.get().text(), answer.get().figures());
            if (html.size() == 1) {
                out.add(article(id("a" + out.size(), id), entry.get().standardQuestion(), headline(entry.get()),
                        html.get(0), List.of(List.of(more(id)))));
            }
            if (out.size() == 1 + MAX_ALTERNATIVES) {
                break;
            }
        }
        return out;
    }

    /** One article saying the report does not answer it, why and the hotline, linking what it does say nearby. */
    private TelegramApi.Article declined(KnowledgeBase knowledge, Reply reply) {
        List<List<Button>> links = new ArrayList<>();
        entries(knowledge, reply.related().stream().map(Reply.Suggestion::entryId).toList()).stream()
                .limit(MAX_LINKS).forEach(e -> links.add(List.of(link(e.standardQuestion(), e.id()))));
        links.add(List.of(more(null)));
        String said = reply.text().lines().findFirst().orElse("");
        return article("d0", Messages.get("telegram.inline.decline.title"), said,
                renderer.html(reply.text()).get(0), links);
    }

    /** One article a topic, each the topic's summary as a bare topic word gets it in chat, or its questions. */
    private List<TelegramApi.Article> topics(KnowledgeBase knowledge) {
        List<TelegramApi.Article> out = new ArrayList<>();
        List<TopicSummaries.Summary> summaries = knowledge.topicSummaries().summaries();
        for (TopicSummaries.Summary s : summaries.subList(0, Math.min(MAX_RESULTS, summaries.size()))) {
            String id = "t" + out.size();
            Reply summary = s.listed() ? null : conversations.alone(s.words().get(0));
            List<String> html = summary == null || summary.kind() != Reply.Kind.ANSWER ? List.of()
                    : renderer.html(summary.text(), summary.figures());
            if (html.size() == 1) {
                List<List<Button>> links = new ArrayList<>();
                entries(knowledge, s.details()).stream().limit(MAX_LINKS)
                        .forEach(e -> links.add(List.of(link(e.standardQuestion(), e.id()))));
                links.add(List.of(more(null)));
                out.add(article(id, s.label(), headlines(entries(knowledge, s.headline())),
                        html.get(0), links));
            } else {
                listed(knowledge, id, s.label(), s.listed() ? s.details() : s.headline()).ifPresent(out::add);
            }
        }
        if (summaries.isEmpty()) {
            // Knowledge without topics.txt: its topics, each with its questions.
            for (Topic t : knowledge.topics()) {
                listed(knowledge, "t" + out.size(), t.label(), knowledge.entries().stream().filter(e -> e.topic() == t)
                        .map(Entry::id).toList()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** A topic offered as its questions, each a link that opens its answer in the bot. */
    private Optional<TelegramApi.Article> listed(KnowledgeBase knowledge, String id, String label, List<String> ids) {
        List<Entry> entries = entries(knowledge, ids);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(Messages.get("telegram.inline.topic.list", label));
        List<List<Button>> links = new ArrayList<>();
        for (Entry e : entries) {
            text.append('\n').append(Messages.get("telegram.inline.topic.item", e.standardQuestion()));
            if (links.size() < MAX_LINKS) {
                links.add(List.of(link(e.standardQuestion(), e.id())));
            }
        }
        links.add(List.of(more(null)));
        List<String> html = renderer.html(text.toString());
        return Optional.of(article(id, label, String.join("、", entries.stream().map(Entry::standardQuestion)
                .toList()), html.get(0), links));
    }

    // ---- pieces ----

    private TelegramApi.Article article(String id, String title, String description, String html,
            List<List<Button>> buttons) {
        List<List<Button>> rows = botUsername == null ? List.of() : buttons;
        return new TelegramApi.Article(id, title, shorten(description), html, rows);
    }

    /** A result id: its kind and place, then the entry, ASCII and at most 64 bytes. */
    static String id(String kind, String entryId) {
        String id = kind + ":" + entryId;
        while (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            id = id.substring(0, id.length() - 1);
        }
        return id;
    }

    /** The button under every sent result: back to the bot, at the entry when there is one. */
    private Button more(String entryId) {
        return Button.link(Messages.get("telegram.inline.more"), deepLink(entryId));
    }

    private Button link(String label, String entryId) {
        return Button.link(label, deepLink(entryId));
    }

    private String deepLink(String entryId) {
        String bot = "https://t.me/" + botUsername;
        return entryId == null ? bot : DeepLinks.payload(entryId).map(p -> bot + "?start=" + p).orElse(bot);
    }

    /**
     * The topic whose summary a reply is (a bare topic word was asked), found by its headline entries in order;
     * empty for any other reply.
     */
    private static Optional<TopicSummaries.Summary> topicOf(KnowledgeBase knowledge, Reply reply) {
        if (reply.entryIds().size() < 2) {
            return Optional.empty();
        }
        return knowledge.topicSummaries().summaries().stream()
                .filter(s -> !s.listed() && s.headline().equals(reply.entryIds())).findFirst();
    }

    private static List<Entry> entries(KnowledgeBase knowledge, List<String> ids) {
        return ids.stream().flatMap(id -> knowledge.entry(id).stream()).toList();
    }

    private static String headlines(List<Entry> entries) {
        return String.join("；", entries.stream().map(InlineResults::headline).toList());
    }

    /**
     * The clause of an answer that holds its first figure (a year alone says only when): 「均价从1.3万元左右降到了
     * 700余元」, what a result shows under its title. The first clause when no figure stands in one.
     */
    static String headline(Entry e) {
        String[] clauses = CLAUSE.split(e.answer());
        for (String clause : clauses) {
            if (e.figures().stream().anyMatch(f -> !YEAR.matcher(f).matches() && clause.contains(f))) {
                return clause.strip();
            }
        }
        return clauses.length == 0 ? "" : clauses[0].strip();
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_DESCRIPTION) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(MAX_DESCRIPTION - 1)) ? MAX_DESCRIPTION - 2
                : MAX_DESCRIPTION - 1;
        return text.substring(0, end) + "…";
    }
}
