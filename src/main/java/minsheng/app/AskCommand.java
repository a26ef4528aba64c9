package minsheng.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import minsheng.answer.Conversations;
import minsheng.answer.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the replies the bot would send, for a person or for a script. */
@Command(name = "ask", description = {"Print the reply to QUESTION; with no QUESTION, to each line of stdin.",
        "Each line of standard input stands alone (as from a new chat) unless --conversation is given; replies are "
                + "flushed line by line. A line that cannot be answered is reported in place, the lines after it are "
                + "still answered, and the exit status is 1."})
final class AskCommand implements Callable<Integer> {

    /** The one chat {@code ask} talks in. */
    private static final String CHAT = "ask";

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "one JSON object per reply: question, kind, answered, entryId, entryIds, "
            + "score, reply, suggestions, related, caveat (see docs/design.md)")
    boolean json;

    @Option(names = "--conversation", description = "read the lines of standard input as the turns of one "
            + "conversation: follow-ups and picks are read against the turns before")
    boolean conversation;

    @Parameters(paramLabel = "QUESTION", arity = "0..*", description = "the question; several words are one question")
    List<String> words = new ArrayList<>();

    private final Settings settings;
    private final Function<Config, Conversations> engine;
    private final JsonOutput output;
    private final Console console;

    /** {@code engine} builds the engine for the settings: Main's wiring. */
    AskCommand(Settings settings, Function<Config, Conversations> engine, JsonOutput output, Console console) {
        this.settings = settings;
        this.engine = engine;
        this.output = output;
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        if (conversation && !words.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "ask --conversation reads the turns of one conversation from standard input, one a line");
        }
        Conversations conversations = engine.apply(settings.config());
        if (!words.isEmpty()) {
            String question = String.join(" ", words);
            print(conversations.reply(CHAT, question), question);
            return 0;
        }
        BufferedReader reader = console.reader();
        int failed = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!conversation) {
                // Each line stands alone, as if from a new chat.
                conversations.forget(CHAT);
            }
            try {
                print(conversations.reply(CHAT, line), line);
            } catch (RuntimeException | JsonProcessingException e) {
                // One bad line must not lose the lines after it: report it in place and go on.
                failed++;
                console.err().println("ask: the question \"" + abbreviated(line) + "\" could not be answered: " + e);
                if (json) {
                    console.out().println(output.failure(line, e));
                }
            }
            if (!json) {
                console.out().println();
            }
            console.out().flush();
        }
        return failed == 0 ? 0 : ExitException.FAILED;
    }

    private void print(Reply reply, String question) throws JsonProcessingException {
        console.out().println(json ? output.reply(reply, question) : reply.text());
    }

    /** A question short enough to quote in a message. */
    static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
