package minsheng.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.stream.Collectors;
import minsheng.answer.Conversations;
import minsheng.answer.Messages;
import minsheng.answer.Reply;

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

    /**
     * The reply to one line: a picked suggestion, or a new question. Related questions, buttons in Telegram, are
     * listed under the answer here. A failure is said, and the chat goes on.
     */
    String respond(String line) {
        Reply reply;
        try {
            reply = conversations.reply(CHAT, line);
        } catch (RuntimeException e) {
            LOG.error("console reply failed for a message of {} characters", line.length(), e);
            return Messages.get("trust.error");
        }
        if (reply.related().isEmpty()) {
            return reply.text();
        }
        String related = reply.related().stream().map(s -> "「" + s.question() + "」")
                .collect(Collectors.joining(Messages.get("topic.separator")));
        return reply.text() + "\n" + Messages.get("conv.console.related", related);
    }
}
