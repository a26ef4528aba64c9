package minsheng.app;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import minsheng.admin.AdminDesk;
import minsheng.admin.Admins;
import minsheng.admin.Feedback;
import minsheng.admin.Reloader;
import minsheng.admin.Response;
import minsheng.admin.Watcher;
import minsheng.answer.Conversations;
import minsheng.answer.CurrentSnapshot;
import minsheng.answer.Messages;
import minsheng.answer.Snapshot;
import minsheng.journal.Journal;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.telegram.AnsweredUpdates;
import minsheng.telegram.Button;
import minsheng.telegram.Hooks;
import minsheng.telegram.TelegramApi;
import minsheng.telegram.TelegramBot;
import minsheng.telegram.Tuning;
import picocli.CommandLine;

/**
 * The composition root: builds the command line and, once a command has its settings, what it works with. Nothing
 * else in the program calls {@code new} on a collaborator it could be handed instead; the commands own their
 * arguments, their help and their exit statuses.
 */
public final class Main {

    private final Map<String, String> env;
    private final Console console;
    private final Consumer<String> logging;

    /** {@code logging} sets up the log at a level once the settings are read (see {@link Logging}). */
    Main(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Consumer<String> logging) {
        this.env = env;
        this.console = new Console(in, out, err);
        this.logging = logging;
    }

    public static void main(String[] args) {
        // Java 17 prints with the platform charset, which may not be UTF-8; citizens' text always is.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // The log (slf4j-simple) writes to System.err: make it UTF-8 too.
        System.setErr(err);
        System.exit(new Main(System.getenv(), System.in, out, err, Logging::configure).run(args));
    }

    int run(String[] args) {
        Settings settings = new Settings(env, logging);
        JsonOutput json = new JsonOutput();
        Object[] commands = {
            new TelegramCommand(settings, this::telegram),
            new ChatCommand(settings, this::chat),
            new AskCommand(settings, config -> new Conversations(new CurrentSnapshot(load(config))), json, console),
            new CheckCommand(settings, console.out()),
            new EvalCommand(settings, this::load, console),
            new BenchCommand(settings, json, console),
        };
        Failures failures = new Failures(console.err());
        CommandLine cli = new CommandLine(new BotCommand(settings), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                for (Object command : commands) {
                    if (type.isInstance(command)) {
                        return type.cast(command);
                    }
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        PrintWriter out = new PrintWriter(console.out(), true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(console.err(), true, StandardCharsets.UTF_8);
        int status = cli.setOut(out).setErr(err)
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                // A question may start with '@': it is not the name of a file of arguments.
                .setExpandAtFiles(false)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures)
                .execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** Loads the knowledge and builds the engine's snapshot of it; knowledge with problems ends the command (exit 1). */
    private Snapshot load(Config config) {
        config.requireKnowledgeDir();
        Snapshot.prepareInBackground();
        try {
            KnowledgeBase knowledge = KnowledgeLoader.load(config.knowledgeDir());
            return Snapshot.build(knowledge, config.thresholds());
        } catch (KnowledgeException e) {
            throw ExitException.knowledge(config.knowledgeDir(), e);
        }
    }

    /** The record of what citizens asked, in DATA_DIR; a folder that cannot be used is a bad setting. */
    private static Journal openJournal(Config config) {
        try {
            return Journal.open(config.dataDir(), Clock.systemUTC());
        } catch (IOException e) {
            throw config.unusableDataDir(e);
        }
    }

    /** The console chat: one chat, recorded in the journal as a Telegram chat is. */
    private void chat(Config config) throws IOException {
        CurrentSnapshot current = new CurrentSnapshot(load(config));
        try (Journal journal = openJournal(config)) {
            Conversations conversations = new Conversations(current, journal, Conversations.DEFAULT_IDLE,
                    Ticker.systemTicker());
            new Chat(conversations, console.reader(), console.out()).run(current.get().knowledge().report().title());
        }
    }

    // ==== The Telegram bot's wiring: everything it is built from, in this one place. Admin features add theirs here.

    /** How long the knowledge folder must be quiet after a change before the watcher reloads. */
    static final Duration WATCH_QUIET = Duration.ofSeconds(1);

    /** Builds the Telegram bot and has {@code server} serve it until the process is told to stop. */
    private int telegram(Config config, TelegramCommand.Server server) throws IOException {
        CurrentSnapshot current = new CurrentSnapshot(load(config));
        // The admins' zone: every time they are shown, every day counted and every backup's name.
        Clock clock = Clock.system(config.timeZone());
        try (Journal journal = openJournal(config)) {
            Conversations conversations = new Conversations(current, journal, Conversations.DEFAULT_IDLE,
                    Ticker.systemTicker());
            Admins admins = new Admins(config.adminIds());
            Reloader reloader = new Reloader(config.knowledgeDir(), config.dataDir(),
                    knowledge -> Snapshot.build(knowledge, config.thresholds()), current, clock,
                    v -> journal.loaded(v.loadedAt(), v.contentHash()));
            AdminDesk desk = new AdminDesk(admins, reloader, journal, current, clock);
            TelegramBot bot = new TelegramBot(new TelegramApi(config.token(), config.apiUrl(), Tuning.DEFAULTS),
                    conversations, current, hooks(admins, desk, new Feedback(journal, current)),
                    answeredUpdates(journal), Tuning.DEFAULTS, Ticker.systemTicker());
            return server.serve(bot, config.watchKnowledge()
                    ? () -> Watcher.start(reloader, text -> admins.ids().forEach(id -> bot.tell(id, text)),
                            WATCH_QUIET)
                    : () -> null);
        }
    }

    /** The updates answered, kept in the journal so a restart does not answer one Telegram delivers again. */
    private static AnsweredUpdates answeredUpdates(Journal journal) {
        return new AnsweredUpdates() {
            @Override
            public boolean contains(long botId, int updateId) {
                return journal.wasAnswered(botId, updateId);
            }

            @Override
            public void add(long botId, int updateId) {
                journal.answered(botId, updateId);
            }
        };
    }

    /**
     * What the admin features add to the Telegram channel: /review, /unanswered, /stats, /export, /reload (never in
     * the menu; to anyone but an admin, unknown commands), knowledge files sent as documents, their buttons, and the
     * helpful / not-helpful buttons under every answer.
     */
    private static Hooks hooks(Admins admins, AdminDesk desk, Feedback feedback) {
        Hooks hooks = new Hooks();
        hooks.admins(new Hooks.Gate() {
            @Override
            public boolean admits(long userId) {
                return admins.isAdmin(userId);
            }

            @Override
            public void refused(Hooks.Request r, String what) {
                desk.refuse(r.userId(), what);
            }
        }, AdminDesk.help());
        for (String name : AdminDesk.COMMANDS) {
            hooks.adminCommand(name, r -> privately(admins, r, () -> desk.command(r.userId(), name, r.argument())));
        }
        hooks.documents(new Hooks.DocumentHandler() {
            @Override
            public boolean accepts(Hooks.Request r) {
                // Only admins send files; a citizen's is never downloaded.
                return admins.isAdmin(r.userId());
            }

            @Override
            public Optional<Hooks.Response> check(Hooks.Request r, String fileName, long declaredSize) {
                if (r.group()) {
                    return Optional.of(channel(Response.text(Messages.get("admin.private"))));
                }
                return desk.refusesUpload(r.userId(), fileName, declaredSize).map(Main::channel);
            }

            @Override
            public long maxBytes() {
                return AdminDesk.MAX_UPLOAD_BYTES;
            }

            @Override
            public Hooks.Response handle(Hooks.Request r, String fileName, byte[] bytes) {
                return privately(admins, r, () -> desk.document(r.userId(), fileName, bytes));
            }
        });
        hooks.adminCallbacks(AdminDesk.CALLBACK_PREFIX, r -> privately(admins, r, () -> desk.callback(r.userId(),
                r.argument())));
        // A vote is one person's, wherever they press: named as their private chat is, "tg:<user id>". It is
        // acknowledged on the button only, never in the chat.
        hooks.notices(Feedback.CALLBACK_PREFIX, r -> feedback.vote("tg:" + r.userId(), r.argument()));
        hooks.answerButtons(reply -> Feedback.buttons(reply).stream()
                .map(b -> new Button(b.label(), b.data())).toList());
        return hooks;
    }

    /**
     * Admin work stays in the admin's private chat: what citizens asked is not shown to a group. Anyone else is
     * refused (and logged) by the desk wherever they ask.
     */
    private static Hooks.Response privately(Admins admins, Hooks.Request r,
            java.util.function.Supplier<Response> work) {
        return channel(r.group() && admins.isAdmin(r.userId()) ? Response.text(Messages.get("admin.private"))
                : work.get());
    }

    /** An admin response as the Telegram channel sends it. */
    private static Hooks.Response channel(Response response) {
        Response.Attachment a = response.attachment();
        return new Hooks.Response(response.text(), response.buttons().stream()
                .map(row -> row.stream().map(b -> new Button(b.label(), b.data())).toList()).toList(),
                a == null ? null : new Hooks.Attachment(a.picture(), a.fileName(), a.bytes()));
    }

    // ==== End of the Telegram wiring.
}
