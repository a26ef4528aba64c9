package minsheng.admin;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import minsheng.answer.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WATCH_KNOWLEDGE=true}: reloads when a file in the knowledge folder changes, with the same checks as
 * {@code /reload}, and tells the admins what happened. Waits until the folder has been quiet for a moment, so an
 * editor's several writes make one reload. A change the bot made itself (an upload, a learned question) is already
 * loaded and says nothing.
 */
public final class Watcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);

    private final Reloader reloader;
    private final Consumer<String> tellAdmins;
    private final Duration quiet;
    private final WatchService service;
    private final Thread thread;

    private Watcher(Reloader reloader, Consumer<String> tellAdmins, Duration quiet) throws IOException {
        this.reloader = reloader;
        this.tellAdmins = tellAdmins;
        this.quiet = quiet;
        this.service = FileSystems.getDefault().newWatchService();
        reloader.knowledgeDir().register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::run, "knowledge-watch");
        thread.setDaemon(true);
    }

    /** Starts watching; {@code tellAdmins} sends one message to every admin. */
    public static Watcher start(Reloader reloader, Consumer<String> tellAdmins, Duration quiet) throws IOException {
        Watcher w = new Watcher(reloader, tellAdmins, quiet);
        w.thread.start();
        LOG.info("watch: reloading on changes in {}", reloader.knowledgeDir());
        return w;
    }

    private void run() {
        boolean pending = false;
        try {
            while (true) {
                WatchKey key = pending ? service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) : service.take();
                if (key == null) {
                    pending = false;
                    settle();
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    Object context = event.context();
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW || (context instanceof Path p
                            && KnowledgeFolder.isFolderFile(p.getFileName().toString()))) {
                        pending = true;
                    }
                }
                if (!key.reset()) {
                    LOG.error("watch: {} can no longer be watched; changes need /reload", reloader.knowledgeDir());
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: the bot is stopping.
        }
    }

    /** The folder is quiet: reload if what is on disk differs from what is served. */
    private void settle() {
        if (!reloader.changedOnDisk()) {
            return;
        }
        Reloader.Outcome outcome = reloader.reload();
        if (outcome instanceof Reloader.Reloaded r && r.sameContent()) {
            return;
        }
        String text = Messages.get("admin.watch.heading") + "\n" + Texts.describe(outcome);
        try {
            tellAdmins.accept(text);
        } catch (RuntimeException e) {
            LOG.warn("watch: could not tell the admins ({})", e.toString());
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.warn("watch: closing failed ({})", e.getMessage());
        }
        thread.interrupt();
    }
}
