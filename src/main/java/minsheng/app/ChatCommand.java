package minsheng.app;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The console chat, until /quit, /exit or the end of input. */
@Command(name = "chat", description = {"Talk to the bot in this console.",
        "One message per line, with follow-ups, topic words and small talk; a number picks an offered choice; /quit, "
                + "/exit or the end of input leaves. What is asked is recorded in DATA_DIR, as in Telegram."})
final class ChatCommand implements Callable<Integer> {

    /** Builds the console chat for the settings (Main's wiring) and runs it to the end of the conversation. */
    interface Wiring {
        void run(Config config) throws IOException;
    }

    private final Settings settings;
    private final Wiring wiring;

    ChatCommand(Settings settings, Wiring wiring) {
        this.settings = settings;
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws IOException {
        wiring.run(settings.config());
        return 0;
    }
}
