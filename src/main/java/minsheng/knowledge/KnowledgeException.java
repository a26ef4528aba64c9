package minsheng.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** The knowledge could not be loaded; carries every problem found, not just the first. */
public final class KnowledgeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    KnowledgeException(List<Problem> problems) {
        super(Problem.Says.of("check.count", problems.size()).text() + "\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
