package minsheng.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import minsheng.answer.Snapshot;
import minsheng.eval.ConversationEvaluation;
import minsheng.eval.ConversationSet;
import minsheng.eval.Evaluation;
import minsheng.eval.QuestionSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Measures the matching on a question set. */
@Command(name = "eval", description = {"Measure the matching on a question set (default eval/dev.tsv).",
        "Prints top-1 accuracy, decline accuracy, suggestion rate, confident wrong answers, a per-topic table and "
                + "every miss. A file of blank-line-separated dialogues (or with +, SMALLTALK or TOPIC: labels) is run "
                + "as conversations."})
final class EvalCommand implements Callable<Integer> {

    static final Path DEFAULT_SET = Path.of("eval", "dev.tsv");

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "the question set (default: eval/dev.tsv)")
    Path file = DEFAULT_SET;

    private final Settings settings;
    private final Function<Config, Snapshot> load;
    private final Console console;

    /** {@code load} loads the knowledge and builds the snapshot for the settings: Main's wiring. */
    EvalCommand(Settings settings, Function<Config, Snapshot> load, Console console) {
        this.settings = settings;
        this.load = load;
        this.console = console;
    }

    @Override
    public Integer call() {
        Snapshot snapshot = load.apply(settings.config());
        try {
            if (ConversationSet.needs(file)) {
                ConversationSet set = ConversationSet.read(file, snapshot.knowledge());
                ConversationEvaluation.run(snapshot, set).print(console.out(), file.toString(), set.conversations());
                return 0;
            }
            QuestionSet set = QuestionSet.read(file, snapshot.knowledge());
            Evaluation.run(snapshot, set).print(console.out(), file.toString());
        } catch (IOException e) {
            throw new ExitException(ExitException.FAILED,
                    "eval: cannot use the question set " + file + ":\n" + e.getMessage());
        }
        return 0;
    }
}
