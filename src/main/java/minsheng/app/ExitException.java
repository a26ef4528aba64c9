package minsheng.app;

import java.nio.file.Path;
import java.util.stream.Collectors;
import minsheng.knowledge.KnowledgeException;

/**
 * Ends a command with a message for the operator and one of the exit statuses every command's help lists:
 * {@link #FAILED} when the work failed, {@link #USAGE} for a bad setting or bad usage. The message says it all, so
 * there is no stack trace.
 */
final class ExitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The work failed: knowledge problems, a question set or article that cannot be read, a refused token. */
    static final int FAILED = 1;
    /** A bad setting, named in the message, or bad usage, followed by the command's help. */
    static final int USAGE = 2;

    private final int status;

    ExitException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** A setting that is wrong, named with what is wrong with it. */
    static ExitException badSetting(String problem) {
        return new ExitException(USAGE, "configuration: " + problem);
    }

    /** Knowledge that cannot be loaded, with every problem found. */
    static ExitException knowledge(Path dir, KnowledgeException e) {
        return new ExitException(FAILED, "the knowledge in " + dir + " cannot be loaded; " + e.problems().size()
                + " problem(s):\n" + e.problems().stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    }

    int status() {
        return status;
    }
}
