package minsheng.knowledge;

import java.util.List;

/**
 * One answer of the knowledge base with the ways citizens ask for it. The first question is the standard one,
 * shown when the bot offers this entry as a suggestion.
 */
public record Entry(
        String id,
        Topic topic,
        List<String> questions,
        String answer,
        List<String> figures,
        Citation citation,
        List<String> related,
        List<String> keywords,
        String file) {

    public Entry {
        questions = List.copyOf(questions);
        figures = List.copyOf(figures);
        related = List.copyOf(related);
        keywords = List.copyOf(keywords);
    }

    /** This entry with more ways of asking, as learned from citizens (learned.tsv). */
    Entry withMoreQuestions(List<String> more) {
        List<String> all = new java.util.ArrayList<>(questions);
        all.addAll(more);
        return new Entry(id, topic, all, answer, figures, citation, related, keywords, file);
    }

    public String standardQuestion() {
        return questions.get(0);
    }
}
