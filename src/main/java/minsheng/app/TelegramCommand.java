package minsheng.app;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import minsheng.admin.Watcher;
import minsheng.telegram.TelegramBot;
import picocli.CommandLine.Command;

/** Serves Telegram until the process is told to stop (SIGTERM, Ctrl-C) or its thread is interrupted. */
@Command(name = "telegram", description = {"The Telegram bot: long polling; needs TELEGRAM_BOT_TOKEN.",
        "Serves until SIGTERM or Ctrl-C, then stops within 5 s and exits 0. The token comes from @BotFather (see "
                + "README.md, Setting up Telegram)."})
final class TelegramCommand implements Callable<Integer> {

    /** Builds the bot for the settings (Main's Telegram wiring) and has {@code server} serve it. */
    interface Wiring {
        int run(Config config, Server server) throws IOException;
    }

    /** Serves a bot until it is told to stop, then closes it and the watcher; returns the exit status. */
    interface Server {
        int serve(TelegramBot bot, WatcherStart watch) throws IOException;
    }

    /** Starts the knowledge watcher once the bot is built, or gives null when the operator wants none. */
    interface WatcherStart {
        Watcher start() throws IOException;
    }

    private final Settings settings;
    private final Wiring wiring;

    TelegramCommand(Settings settings, Wiring wiring) {
        this.settings = settings;
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws IOException {
        Config config = settings.config();
        if (!config.hasToken()) {
            throw new ExitException(ExitException.USAGE, "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather"
                    + " and set its token (see README.md, Setting up Telegram)");
        }
        return wiring.run(config, TelegramCommand::serve);
    }

    private static int serve(TelegramBot bot, WatcherStart watch) throws IOException {
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
            throw new ExitException(ExitException.FAILED, e.getMessage());
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
}
