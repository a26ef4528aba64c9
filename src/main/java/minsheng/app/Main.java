package minsheng.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minsheng.answer.Conversations;
import minsheng.answer.CurrentSnapshot;
import minsheng.answer.Reply;
import minsheng.answer.Snapshot;
import minsheng.eval.ConversationEvaluation;
import minsheng.eval.ConversationSet;
import minsheng.eval.Evaluation;
import minsheng.eval.QuestionSet;
import minsheng.knowledge.Article;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.knowledge.Problem;

/**
 * The composition root: reads the configuration, loads the knowledge, builds the snapshot and runs the command.
 * Nothing else in the program calls {@code new} on a collaborator it could be handed instead.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar minsheng-bot.jar [COMMAND]
              (none)                     the console chat (the Telegram channel is not in this build yet)
              chat                       talk to the bot in this console
              ask [--json] [QUESTION]    print the reply to QUESTION; with no QUESTION, one per line from stdin
              ask [--json] --conversation   read stdin lines as the turns of one conversation
              check [--source ARTICLE]   validate the knowledge (and its figures against ARTICLE); exit 0 when clean
              eval [FILE]                measure the matching on a question set (default eval/dev.tsv); a file with
                                         blank-line-separated dialogues is run as conversations
              help                       this text
            settings come from the environment: TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL, ADMIN_IDS, KNOWLEDGE_DIR,
            DATA_DIR, ANSWER_THRESHOLD, SUGGEST_THRESHOLD, AMBIGUITY_MARGIN, AMBIGUITY_RATIO (see README.md)""";

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
        try {
            return switch (command) {
                case "" -> config.hasToken() ? telegram() : chat(config);
                case "chat" -> chat(config);
                case "ask" -> ask(config, rest);
                case "check" -> check(config, rest);
                case "eval" -> eval(config, rest);
                case "help", "-h", "--help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> usage("unknown command \"" + command + "\"");
            };
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

    private int telegram() {
        err.println("TELEGRAM_BOT_TOKEN is set, but this build has no Telegram channel yet."
                + " Unset it to talk to the bot in the console (java -jar target/minsheng-bot.jar chat).");
        return 2;
    }

    private int chat(Config config) throws KnowledgeException, IOException {
        CurrentSnapshot current = new CurrentSnapshot(load(config));
        new Chat(new Conversations(current), reader(), out).run(current.get().knowledge().report().title());
        return 0;
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
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!conversation) {
                // Each line stands alone, as if from a new chat.
                conversations.forget(ASK_CHAT);
            }
            print(conversations.reply(ASK_CHAT, line), line, json, mapper);
            if (!json) {
                out.println();
            }
            out.flush();
        }
        return 0;
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
        List<Problem> problems = KnowledgeLoader.check(config.knowledgeDir(), article);
        if (problems.isEmpty()) {
            out.println("knowledge in " + config.knowledgeDir() + " is clean"
                    + (article == null ? "" : "; every figure stands in " + args.get(1) + " and every figure of it"
                    + " is stated in an answer"));
            return 0;
        }
        problems.forEach(p -> out.println(p));
        out.println(problems.size() + " problem(s)");
        return 1;
    }

    private int eval(Config config, List<String> args) throws KnowledgeException, IOException {
        if (args.size() > 1) {
            return usage("eval takes at most one question file");
        }
        Path file = args.isEmpty() ? DEFAULT_EVAL_SET : Path.of(args.get(0));
        Snapshot snapshot = load(config);
        if (ConversationSet.needs(file)) {
            ConversationSet set = ConversationSet.read(file, snapshot.knowledge());
            ConversationEvaluation.run(snapshot, set).print(out, file.toString(), set.conversations());
            return 0;
        }
        QuestionSet set = QuestionSet.read(file, snapshot.knowledge());
        Evaluation.run(snapshot, set).print(out, file.toString());
        return 0;
    }

    private Snapshot load(Config config) throws KnowledgeException {
        KnowledgeBase knowledge = KnowledgeLoader.load(config.knowledgeDir());
        return Snapshot.build(knowledge, config.thresholds());
    }

    private BufferedReader reader() {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private int usage(String problem) {
        err.println(problem);
        err.println(USAGE);
        return 2;
    }
}
