package minsheng.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import minsheng.answer.Snapshot;
import minsheng.eval.Benchmark;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Times loading and answering in this process; the figures of docs/measurements.md come from. */
@Command(name = "bench", description = {"Time loading and answering in this process.",
        "Phases of N seconds each over a question set: warm-up, one thread, all cores, cached, in conversation. The "
                + "last line is one JSON object of figures."})
final class BenchCommand implements Callable<Integer> {

    /** The longest phase allowed: an hour. */
    private static final double MAX_SECONDS = 3600;

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", paramLabel = "FILE", description = "the question set (default: eval/dev.tsv)")
    Path questions = EvalCommand.DEFAULT_SET;

    private double seconds = 5;

    private final Settings settings;
    private final JsonOutput output;
    private final Console console;

    BenchCommand(Settings settings, JsonOutput output, Console console) {
        this.settings = settings;
        this.output = output;
        this.console = console;
    }

    @Option(names = "--seconds", paramLabel = "N", description = "how long each phase runs: more than 0, at most "
            + "3600 (default: 5)")
    void seconds(String value) {
        double s;
        try {
            s = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (!(s > 0 && s <= MAX_SECONDS)) {
            throw new ParameterException(spec.commandLine(), "--seconds must be a number of seconds more than 0 and"
                    + " at most 3600, such as 0.5 or 10; not \"" + value + "\"");
        }
        seconds = s;
    }

    @Override
    public Integer call() throws IOException {
        Config config = settings.config();
        config.requireKnowledgeDir();
        List<String> list;
        try {
            list = Benchmark.questions(questions);
        } catch (IOException e) {
            throw new ExitException(ExitException.FAILED,
                    "bench: cannot use the question set " + questions + ":\n" + e.getMessage());
        }
        if (list.isEmpty()) {
            throw new ParameterException(spec.commandLine(), questions + " holds no questions");
        }
        long t0 = System.nanoTime();
        Snapshot.prepareInBackground();
        KnowledgeBase knowledge = load(config);
        long t1 = System.nanoTime();
        Snapshot snapshot = Snapshot.build(knowledge, config.thresholds());
        long t2 = System.nanoTime();
        // What an admin's reload pays: the same work again in a running bot.
        Snapshot.build(load(config), config.thresholds());
        long reload = (System.nanoTime() - t2) / 1_000_000;
        console.err().println("timing " + list.size() + " questions from " + questions + ": warm-up, one thread, all"
                + " cores, cached, " + seconds + " s each");
        Benchmark.Result result;
        try {
            result = Benchmark.run(snapshot, list, seconds, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, reload);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitException.FAILED;
        }
        console.out().println(output.line(result.fields()));
        return 0;
    }

    private static KnowledgeBase load(Config config) {
        try {
            return KnowledgeLoader.load(config.knowledgeDir());
        } catch (KnowledgeException e) {
            throw ExitException.knowledge(config.knowledgeDir(), e);
        }
    }
}
