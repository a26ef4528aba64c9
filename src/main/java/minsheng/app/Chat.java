package minsheng.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;
import minsheng.answer.Messages;
import minsheng.answer.Reply;
import minsheng.answer.Snapshot;

/**
 * The console conversation: one question per line, the bot's reply below it. When the bot offered a choice, a
 * line holding just its number picks it.
 */
final class Chat {

    private final Supplier<Snapshot> snapshot;
    private final BufferedReader in;
    private final PrintStream out;
    private List<Reply.Suggestion> offered = List.of();

    Chat(Supplier<Snapshot> snapshot, BufferedReader in, PrintStream out) {
        this.snapshot = snapshot;
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

    /** The reply to one line: a picked suggestion, or a new question. */
    String respond(String line) {
        Integer pick = number(line);
        if (pick != null) {
            if (offered.isEmpty()) {
                return Messages.get("chat.pick.none");
            }
            if (pick < 1 || pick > offered.size()) {
                return Messages.get("chat.pick.range", String.valueOf(offered.size()));
            }
            String id = offered.get(pick - 1).entryId();
            offered = List.of();
            return snapshot.get().answer(id).map(Reply::text)
                    .orElseGet(() -> snapshot.get().reply(line).text());
        }
        Reply reply = snapshot.get().reply(line);
        offered = reply.suggestions();
        return reply.text();
    }

    private static Integer number(String line) {
        String s = line.replace('．', '.').replaceAll("[.。、)）]$", "");
        if (s.length() == 1 && Character.isDigit(s.charAt(0))) {
            return Character.digit(s.charAt(0), 10);
        }
        return null;
    }
}
