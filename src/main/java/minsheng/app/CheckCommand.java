package minsheng.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import minsheng.knowledge.Article;
import minsheng.knowledge.CheckReport;
import minsheng.knowledge.KnowledgeLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Validates the knowledge an admin edited, before the bot loads it. */
@Command(name = "check", description = {"Validate the knowledge, and its figures against ARTICLE.",
        "Prints every problem in KNOWLEDGE_DIR at once; exit status 0 when clean, 1 with problems."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "ARTICLE", description = "the article the knowledge is built from "
            + "(../shared/seed/…)")
    String source;

    private final Settings settings;
    private final PrintStream out;

    CheckCommand(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    @Override
    public Integer call() {
        Config config = settings.config();
        Article article = null;
        if (source != null) {
            try {
                article = Article.read(Path.of(source));
            } catch (IOException e) {
                throw new ExitException(ExitException.FAILED, e.getMessage());
            }
        }
        config.requireKnowledgeDir();
        CheckReport report = KnowledgeLoader.checkReport(config.knowledgeDir(), article);
        report.lines().forEach(out::println);
        return report.clean() ? 0 : ExitException.FAILED;
    }
}
