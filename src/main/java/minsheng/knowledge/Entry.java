package minsheng.knowledge;

import java.util.List;

/**
 * One answer of the knowledge base with the ways citizens ask for it. The first question is the standard one,
 * shown when the bot offers this entry as a suggestion. {@code scope} declares what the answer does and does not
 * state (see {@link Scope}); every entry read from a knowledge file has one.
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
        String file,
        Scope scope) {

    public Entry {
        questions = List.copyOf(questions);
        figures = List.copyOf(figures);
        related = List.copyOf(related);
        keywords = List.copyOf(keywords);
    }

    /** An entry built in code without a declared scope: the matcher then checks no place, period or kind. */
    public Entry(String id, Topic topic, List<String> questions, String answer, List<String> figures,
                 Citation citation, List<String> related, List<String> keywords, String file) {
        this(id, topic, questions, answer, figures, citation, related, keywords, file, null);
    }

    /** What the answer does and does not state; empty for an entry built without one. */
    public java.util.Optional<Scope> declared() {
        return java.util.Optional.ofNullable(scope);
    }

    /** This entry with more ways of asking, as learned from citizens (learned.tsv). */
    Entry withMoreQuestions(List<String> more) {
        List<String> all = new java.util.ArrayList<>(questions);
        all.addAll(more);
        return new Entry(id, topic, all, answer, figures, citation, related, keywords, file, scope);
    }

    public String standardQuestion() {
        return questions.get(0);
    }
}
