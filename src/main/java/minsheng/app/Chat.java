package minsheng.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import minsheng.answer.Conversations;
import minsheng.answer.Messages;

/**
 * The console conversation: one message per line, the bot's reply below it. The console is one chat, with the
 * same short memory a Telegram chat has (a number picks an offered choice).
 */
final class Chat {

    private static final String CHAT = "console";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Chat.class);

    private final Conversations conversations;
    private final BufferedReader in;
    private final PrintStream out;

    Chat(Conversations conversations, BufferedReader in, PrintStream out) {
        this.conversations = conversations;
        this.in = in;
        this.out = out;
    }

    void run(String reportTitle) throws IOException {
        out.println(Messages.get("chat.welcome", "《" + reportTitle + "》"));
        while (true) {
            out.print(Messages.get("chat.prompt"));
            out.flush();
            String line = in.readLine();
            if (line == null || line.strip().equals("/quit") || line.strip().equals("/exit")) {
                out.println();
                out.println(Messages.get("chat.bye"));
                return;
            }
            out.println(respond(line.strip()));
            out.println();
        }
    }

    /** The reply to one line: a picked suggestion, or a new question; a failure is said, and the chat goes on. */
    String respond(String line) {
        try {
            return conversations.reply(CHAT, line).text();
        } catch (RuntimeException e) {
            LOG.error("console reply failed for a message of {} characters", line.length(), e);
            return Messages.get("trust.error");
        }
    }
}
