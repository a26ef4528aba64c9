package minsheng.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import minsheng.knowledge.Citation;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.TopicSummaries;

/**
 * The reply to a bare topic word (「救助」): the topic's headline figures in one short reply, each with where in the
 * report it stands, and its details as buttons; or, for a topic too broad to sum up, a numbered choice.
 */
final class TopicReplies {

    /** Words around a topic word that ask nothing more: 「说说救助方面的情况」 is still the topic word. */
    private static final Pattern AROUND = Pattern.compile(
            "^(请问|我想问一下|我想问问|我想问|想问一下|想问下|想问问|想问|问一下|问下|问问|我想了解一下|我想了解|"
            + "想了解一下|想了解|了解一下|了解|我想知道|想知道|关于|说说|讲讲|介绍一下|介绍|查一下|查查|看看|我要问|我要查)+|"
            + "(方面的情况|方面|的情况|情况|政策|相关|的事情|的事|问题|怎么样|咋样|呢|吧|啊|的)+$");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[。！？!?])");

    private TopicReplies() {
    }

    /** The topic a message names by itself, if it is nothing but a topic word. */
    static Optional<TopicSummaries.Summary> topic(KnowledgeBase knowledge, String message) {
        String word = AROUND.matcher(FollowUps.fold(message)).replaceAll("");
        return word.isEmpty() ? Optional.empty() : knowledge.topicSummaries().byWord(word);
    }

    static Reply reply(KnowledgeBase knowledge, TopicSummaries.Summary topic) {
        List<Reply.Suggestion> details = topic.details().stream()
                .flatMap(id -> knowledge.entry(id).stream())
                .map(e -> new Reply.Suggestion(e.id(), e.standardQuestion()))
                .toList();
        if (topic.listed()) {
            StringBuilder text = new StringBuilder(Messages.get("conv.topic.list", topic.label()));
            for (int i = 0; i < details.size(); i++) {
                text.append('\n').append(Messages.get("suggest.item", String.valueOf(i + 1), details.get(i).question()));
            }
            text.append('\n').append(Messages.get("suggest.pick"));
            return new Reply(Reply.Kind.SUGGEST, List.of(), 1.0, text.toString(), details, List.of(), List.of(),
                    List.of());
        }
        StringBuilder text = new StringBuilder(Messages.get("conv.topic.intro", topic.label()));
        List<String> ids = new ArrayList<>();
        Set<String> figures = new LinkedHashSet<>();
        Citation last = null;
        for (String id : topic.headline()) {
            Entry e = knowledge.entry(id).orElseThrow();
            String said = headline(e);
            Citation c = e.citation();
            // The section is named once for a run of figures from it.
            text.append('\n').append(last != null && last.section().equals(c.section())
                    ? Messages.get("conv.topic.item.same", said, c.paragraphList())
                    : Messages.get("conv.topic.item", said, c.section().title(), c.paragraphList()));
            e.figures().stream().filter(said::contains).forEach(figures::add);
            ids.add(id);
            last = c;
        }
        if (last != null) {
            text.append('\n').append(Messages.get("conv.topic.source", last.report().publisher(), last.report().title()));
        }
        return new Reply(Reply.Kind.ANSWER, ids, 1.0, text.toString(), List.of(), details, List.copyOf(figures),
                List.of());
    }

    /** The sentences of an answer that hold its figures: the short form of it; the first sentence when none does. */
    private static String headline(Entry e) {
        StringBuilder out = new StringBuilder();
        String[] sentences = SENTENCE.split(e.answer());
        for (String s : sentences) {
            if (e.figures().stream().anyMatch(f -> s.contains(f) && !f.matches("\\d{4}年"))) {
                out.append(s.strip());
            }
        }
        return out.length() > 0 ? out.toString() : sentences[0].strip();
    }
}
