package minsheng.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import minsheng.admin.AdminDesk;
import minsheng.admin.Admins;
import minsheng.admin.Feedback;
import minsheng.admin.Reloader;
import minsheng.admin.Response;
import minsheng.admin.Watcher;
import minsheng.answer.Conversations;
import minsheng.answer.CurrentSnapshot;
import minsheng.answer.Messages;
import minsheng.answer.Reply;
import minsheng.answer.Snapshot;
import minsheng.eval.ConversationEvaluation;
import minsheng.eval.ConversationSet;
import minsheng.eval.Benchmark;
import minsheng.eval.Evaluation;
import minsheng.eval.QuestionSet;
import minsheng.journal.Journal;
import minsheng.knowledge.Article;
import minsheng.knowledge.CheckReport;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.telegram.AnsweredUpdates;
import minsheng.telegram.Button;
import minsheng.telegram.Hooks;
import minsheng.telegram.TelegramApi;
import minsheng.telegram.TelegramBot;
import minsheng.telegram.Tuning;

/**
 * The composition root: reads the configuration, loads the knowledge, builds the snapshot and runs the command.
 * Nothing else in the program calls {@code new} on a collaborator it could be handed instead.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar minsheng-bot.jar [COMMAND]
              (none)                     the Telegram bot when TELEGRAM_BOT_TOKEN is set, else the console chat
              telegram                   the Telegram bot (long polling; needs TELEGRAM_BOT_TOKEN)
              chat                       talk to the bot in this console
              ask [--json] [QUESTION]    print the reply to QUESTION; with no QUESTION, one per line from stdin
              ask [--json] --conversation   read stdin lines as the turns of one conversation
              check [--source ARTICLE]   validate the knowledge (and its figures against ARTICLE); exit 0 when clean
              eval [FILE]                measure the matching on a question set (default eval/dev.tsv); a file with
                                         blank-line-separated dialogues is run as conversations
              bench [--questions FILE] [--seconds N]
                                         time answering in-process (default eval/dev.tsv, 5 s a phase);
                                         the last line is one JSON object of figures
              help                       this text
            settings come from the environment: TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL, ADMIN_IDS, KNOWLEDGE_DIR,
            DATA_DIR, WATCH_KNOWLEDGE, ANSWER_THRESHOLD, SUGGEST_THRESHOLD, AMBIGUITY_MARGIN, AMBIGUITY_RATIO,
            LOG_LEVEL, TIME_ZONE (see README.md)""";

    /** The one chat `ask` talks in. */
    private static final String ASK_CHAT = "ask";

    static final Path DEFAULT_EVAL_SET = Path.of("eval", "dev.tsv");

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    Main(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // Java 17 prints with the platform charset, which may not be UTF-8; citizens' text always is.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // The log (slf4j-simple) writes to System.err: make it UTF-8 too.
        System.setErr(err);
        System.exit(new Main(System.getenv(), System.in, out, err).run(args));
    }

    int run(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        Config config;
        try {
            config = Config.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            err.println("configuration: " + e.getMessage());
            return 2;
        }
        configureLogging(config.logLevel());
        try {
            return switch (command) {
                case "" -> config.hasToken() ? telegram(config) : chat(config);
                case "telegram" -> telegram(config);
                case "chat" -> chat(config);
                case "ask" -> ask(config, rest);
                case "check" -> check(config, rest);
                case "eval" -> eval(config, rest);
                case "bench" -> bench(config, rest);
                case "help", "-h", "--help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> usage("unknown command \"" + command + "\"");
            };
        } catch (Config.BadSetting e) {
            err.println("configuration: " + e.getMessage());
            return 2;
        } catch (KnowledgeException e) {
            err.println("the knowledge in " + config.knowledgeDir() + " cannot be loaded; "
                    + e.problems().size() + " problem(s):");
            e.problems().forEach(p -> err.println("  " + p));
            return 1;
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /**
     * slf4j-simple reads its settings once, when the first logger is made; nothing logs before this point. Settings
     * given with -D on the command line win.
     */
    static void configureLogging(String level) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        // The library logs each failed poll with a stack trace; TelegramApi logs the same event in one line.
        if (!level.equals("debug") && !level.equals("trace")) {
            setIfAbsent("org.slf4j.simpleLogger.log.org.telegram.telegrambots.longpolling.BotSession", "off");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Serves Telegram until the process is told to stop (SIGTERM, Ctrl-C) or this thread is interrupted. */
    private int telegram(Config config) throws KnowledgeException, IOException {
        if (!config.hasToken()) {
            err.println("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and set its token"
                    + " (see README.md, Telegram)");
            return 2;
        }
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
            return serve(bot, config.watchKnowledge()
                    ? () -> Watcher.start(reloader, text -> admins.ids().forEach(id -> bot.tell(id, text)),
                            WATCH_QUIET)
                    : () -> null);
        }
    }

    /** How long the knowledge folder must be quiet after a change before the watcher reloads. */
    static final Duration WATCH_QUIET = Duration.ofSeconds(1);

    private interface WatcherStart {
        Watcher start() throws IOException;
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

    private int serve(TelegramBot bot, WatcherStart watch) throws IOException {
        // Left to the JVM, SIGTERM and Ctrl-C would run the hook below and end the process with 143 or 130, which
        // service managers count as a failure. Caught, they stop the bot; main then returns 0 once it has stopped.
        List<Runnable> restore = List.of(stopOn("TERM", bot::close), stopOn("INT", bot::close));
        Thread shutdown = new Thread(bot::close, "tg-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        Watcher watcher = null;
        try {
            watcher = watch.start();
            bot.start();
            bot.awaitClose();
            return 0;
        } catch (TelegramBot.BadToken e) {
            err.println(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            return 0;
        } finally {
            if (watcher != null) {
                watcher.close();
            }
            bot.close();
            restore.forEach(Runnable::run);
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
    }

    /**
     * Runs {@code stop} on its own thread when the process gets the signal, instead of the JVM's exit; returns what
     * puts the JVM's own handling back (a bot run inside a longer-lived JVM, as in tests, must not keep the signal).
     * Uses {@code sun.misc.Signal} (module jdk.unsupported, kept for exactly this): the standard library has no other
     * way.
     */
    private static Runnable stopOn(String signal, Runnable stop) {
        try {
            sun.misc.Signal sig = new sun.misc.Signal(signal);
            sun.misc.SignalHandler before = sun.misc.Signal.handle(sig, s -> new Thread(stop, "tg-stop-" + signal)
                    .start());
            return () -> sun.misc.Signal.handle(sig, before);
        } catch (IllegalArgumentException e) {
            // This platform has no such signal (or the JVM keeps it): the shutdown hook still stops the bot.
            return () -> { };
        }
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

    private int chat(Config config) throws KnowledgeException, IOException {
        CurrentSnapshot current = new CurrentSnapshot(load(config));
        try (Journal journal = openJournal(config)) {
            Conversations conversations = new Conversations(current, journal, Conversations.DEFAULT_IDLE,
                    Ticker.systemTicker());
            new Chat(conversations, reader(), out).run(current.get().knowledge().report().title());
        }
        return 0;
    }

    /** The record of what citizens asked, in DATA_DIR; a folder that cannot be made stops the bot with its name. */
    private static Journal openJournal(Config config) throws IOException {
        try {
            return Journal.open(config.dataDir(), Clock.systemUTC());
        } catch (IOException e) {
            throw new IOException("DATA_DIR " + config.dataDir() + " cannot be used: " + e, e);
        }
    }

    private int ask(Config config, List<String> args) throws KnowledgeException, IOException {
        boolean json = false;
        boolean conversation = false;
        List<String> words = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--json" -> json = true;
                case "--conversation" -> conversation = true;
                default -> {
                    if (a.startsWith("--")) {
                        return usage("ask takes --json, --conversation and a question");
                    }
                    words.add(a);
                }
            }
        }
        if (conversation && !words.isEmpty()) {
            return usage("ask --conversation reads the turns of one conversation from standard input, one a line");
        }
        Conversations conversations = new Conversations(new CurrentSnapshot(load(config)));
        ObjectMapper mapper = new ObjectMapper();
        if (!words.isEmpty()) {
            print(conversations.reply(ASK_CHAT, String.join(" ", words)), String.join(" ", words), json, mapper);
            return 0;
        }
        BufferedReader reader = reader();
        int failed = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!conversation) {
                // Each line stands alone, as if from a new chat.
                conversations.forget(ASK_CHAT);
            }
            try {
                print(conversations.reply(ASK_CHAT, line), line, json, mapper);
            } catch (RuntimeException | JsonProcessingException e) {
                // One bad line must not lose the lines after it: report it in place and go on.
                failed++;
                err.println("ask: the question \"" + abbreviated(line) + "\" could not be answered: " + e);
                if (json) {
                    Map<String, Object> object = new LinkedHashMap<>();
                    object.put("question", line);
                    object.put("error", String.valueOf(e));
                    out.println(mapper.writeValueAsString(object));
                }
            }
            if (!json) {
                out.println();
            }
            out.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    private void print(Reply reply, String question, boolean json, ObjectMapper mapper)
            throws JsonProcessingException {
        if (!json) {
            out.println(reply.text());
            return;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("question", question);
        object.put("kind", kind(reply.kind()));
        object.put("answered", reply.answered());
        object.put("entryId", reply.entryId());
        object.put("entryIds", reply.entryIds());
        object.put("score", Math.round(reply.score() * 1000) / 1000.0);
        object.put("reply", reply.text());
        object.put("suggestions", suggestions(reply.suggestions()));
        object.put("related", suggestions(reply.related()));
        object.put("caveat", reply.caveat());
        out.println(mapper.writeValueAsString(object));
    }

    private static List<Map<String, String>> suggestions(List<Reply.Suggestion> list) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Reply.Suggestion s : list) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("entryId", s.entryId());
            m.put("question", s.question());
            out.add(m);
        }
        return out;
    }

    /** The kind as `ask --json` names it. */
    static String kind(Reply.Kind kind) {
        return switch (kind) {
            case ANSWER -> "answer";
            case SUGGEST -> "choice";
            case DECLINE -> "decline";
            case SMALLTALK -> "smalltalk";
        };
    }

    private int check(Config config, List<String> args) throws IOException {
        Article article = null;
        if (!args.isEmpty()) {
            if (args.size() != 2 || !args.get(0).equals("--source")) {
                return usage("check takes only --source ARTICLE");
            }
            article = Article.read(Path.of(args.get(1)));
        }
        config.requireKnowledgeDir();
        CheckReport report = KnowledgeLoader.checkReport(config.knowledgeDir(), article);
        report.lines().forEach(out::println);
        return report.clean() ? 0 : 1;
    }

    private int eval(Config config, List<String> args) throws KnowledgeException, IOException {
        if (args.size() > 1) {
            return usage("eval takes at most one question file");
        }
        Path file = args.isEmpty() ? DEFAULT_EVAL_SET : Path.of(args.get(0));
        Snapshot snapshot = load(config);
        try {
            if (ConversationSet.needs(file)) {
                ConversationSet set = ConversationSet.read(file, snapshot.knowledge());
                ConversationEvaluation.run(snapshot, set).print(out, file.toString(), set.conversations());
                return 0;
            }
            QuestionSet set = QuestionSet.read(file, snapshot.knowledge());
            Evaluation.run(snapshot, set).print(out, file.toString());
        } catch (IOException e) {
            err.println("eval: cannot use the question set " + file + ":");
            err.println(e.getMessage());
            return 1;
        }
        return 0;
    }

    private int bench(Config config, List<String> args) throws KnowledgeException, IOException {
        Path file = DEFAULT_EVAL_SET;
        double seconds = 5;
        for (int i = 0; i < args.size(); i += 2) {
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value == null || !(args.get(i).equals("--questions") || args.get(i).equals("--seconds"))) {
                return usage("bench takes --questions FILE and --seconds N");
            }
            if (args.get(i).equals("--questions")) {
                file = Path.of(value);
                continue;
            }
            try {
                seconds = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (!(seconds > 0 && seconds <= 3600)) {
                return usage("--seconds must be a number of seconds from 0 to 3600, not \"" + value + "\"");
            }
        }
        List<String> questions = Benchmark.questions(file);
        if (questions.isEmpty()) {
            return usage(file + " holds no questions");
        }
        long t0 = System.nanoTime();
        Snapshot.prepareInBackground();
        KnowledgeBase knowledge = KnowledgeLoader.load(config.knowledgeDir());
        long t1 = System.nanoTime();
        Snapshot snapshot = Snapshot.build(knowledge, config.thresholds());
        long t2 = System.nanoTime();
        // What an admin's reload pays: the same work again in a running bot.
        Snapshot.build(KnowledgeLoader.load(config.knowledgeDir()), config.thresholds());
        long reload = (System.nanoTime() - t2) / 1_000_000;
        err.println("timing " + questions.size() + " questions from " + file + ": warm-up, one thread, all cores,"
                + " cached, " + seconds + " s each");
        Benchmark.Result result;
        try {
            result = Benchmark.run(snapshot, questions, seconds, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    reload);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        out.println(new ObjectMapper().writeValueAsString(result.fields()));
        return 0;
    }

    private Snapshot load(Config config) throws KnowledgeException {
        config.requireKnowledgeDir();
        Snapshot.prepareInBackground();
        KnowledgeBase knowledge = KnowledgeLoader.load(config.knowledgeDir());
        return Snapshot.build(knowledge, config.thresholds());
    }

    private BufferedReader reader() {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** A question short enough to quote in a message. */
    static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private int usage(String problem) {
        err.println(problem);
        err.println(USAGE);
        return 2;
    }
}
