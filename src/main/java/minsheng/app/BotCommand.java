package minsheng.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The command line: registers the commands, and gives every one of them the same {@code --help}, {@code --version},
 * list of exit statuses and settings (the attributes are inherited). With no command it runs {@code telegram} when
 * {@code TELEGRAM_BOT_TOKEN} is set, else {@code chat}.
 */
@Command(name = "java -jar minsheng-bot.jar",
        subcommands = {TelegramCommand.class, ChatCommand.class, AskCommand.class, CheckCommand.class,
                EvalCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = BotCommand.Version.class,
        usageHelpWidth = 110,
        description = {"Answers citizens' questions about Shanxi's 2020 livelihood report from a curated knowledge base.",
                "With no command: the Telegram bot when TELEGRAM_BOT_TOKEN is set, else the console chat."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:done: the work finished, the Telegram bot stopped on SIGTERM or Ctrl-C, the chat ended",
                "1:the work failed: knowledge with problems, a question set or article that cannot be read, the Bot API "
                        + "refusing the token, problems found by check, a line ask could not answer",
                "2:a bad setting (the message names it) or bad usage (the command's help follows)"},
        footerHeading = "%nSettings come from the environment (see README.md):%n",
        footer = {"  TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL, ADMIN_IDS, KNOWLEDGE_DIR, DATA_DIR, WATCH_KNOWLEDGE,",
                "  ANSWER_THRESHOLD, SUGGEST_THRESHOLD, AMBIGUITY_MARGIN, AMBIGUITY_RATIO, LOG_LEVEL, TIME_ZONE"})
final class BotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Settings settings;

    BotCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() throws Exception {
        Object command = spec.subcommands().get(settings.config().hasToken() ? "telegram" : "chat").getCommand();
        return command instanceof TelegramCommand telegram ? telegram.call() : ((ChatCommand) command).call();
    }

    /** The version the jar was built as (its manifest); a build run from class folders has none. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BotCommand.class.getPackage().getImplementationVersion();
            return new String[] {"minsheng-bot " + (version == null ? "(not run from the built jar: no version)"
                    : version)};
        }
    }
}
