package minsheng.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import minsheng.answer.CurrentSnapshot;
import minsheng.answer.Snapshot;
import minsheng.knowledge.Entry;
import minsheng.knowledge.KnowledgeBase;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.knowledge.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the knowledge without a restart: reads the whole folder, runs every check {@code check} runs (without the
 * article), and only when clean builds a new snapshot and swaps it in; otherwise the last good snapshot keeps
 * serving. A file change (an upload, a learned question) is first validated in a staged copy of the folder and saved
 * only when the folder would be clean with it. One reload at a time; questions keep being answered meanwhile, each
 * from the one snapshot it started with.
 */
public final class Reloader {

    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

    /** What a reload did. */
    public sealed interface Outcome {
        KnowledgeVersion version();
    }

    /**
     * Swapped in. Ids in file order; {@code sameContent}: the files are byte for byte those already served. A change
     * to the vocabulary files alone changes no entry but is new content.
     */
    public record Reloaded(List<String> added, List<String> removed, List<String> changed, boolean sameContent,
            KnowledgeVersion version, Optional<Path> backup) implements Outcome {

        public boolean entriesUnchanged() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /** Refused: the problems, and the version still serving. */
    public record Refused(List<Problem> problems, KnowledgeVersion version) implements Outcome {}

    private final KnowledgeFolder folder;
    private final Function<KnowledgeBase, Snapshot> build;
    private final CurrentSnapshot current;
    private final Clock clock;
    private final Consumer<KnowledgeVersion> loaded;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile KnowledgeVersion version;

    /**
     * {@code current} holds the snapshot built at start from {@code knowledgeDir}; {@code loaded} is told of that
     * load and of every reload that swaps in new knowledge (the journal keeps them: a question an admin marked fine
     * is listed again only when asked after the next one). The clock's zone names the backups.
     */
    public Reloader(Path knowledgeDir, Path dataDir, Function<KnowledgeBase, Snapshot> build, CurrentSnapshot current,
            Clock clock, Consumer<KnowledgeVersion> loaded) {
        this.folder = new KnowledgeFolder(knowledgeDir, dataDir, clock);
        this.build = build;
        this.current = current;
        this.clock = clock;
        this.loaded = loaded;
        this.version = new KnowledgeVersion(current.get().knowledge().entries().size(), clock.instant(), hashOrNone());
        loaded.accept(version);
    }

    public KnowledgeVersion version() {
        return version;
    }

    public Path knowledgeDir() {
        return folder.dir();
    }

    /** Re-reads the folder; swaps in the new snapshot only when clean. */
    public Outcome reload() {
        lock.lock();
        try {
            return reloadLocked(Optional.empty());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces (or adds) one knowledge file: validates the folder as it would be with it, and only when clean saves
     * it (the old one backed up) and reloads. Nothing is written when the checks fail.
     */
    public Outcome replace(String name, byte[] content) {
        lock.lock();
        try {
            Path stage;
            try {
                stage = folder.stage(name, content);
            } catch (IOException e) {
                return refusedBy(name, "problem.upload.stage", e);
            }
            try {
                KnowledgeLoader.load(stage);
            } catch (KnowledgeException e) {
                LOG.info("reload: {} refused, {} problem(s)", name, e.problems().size());
                return new Refused(e.problems(), version);
            } finally {
                KnowledgeFolder.delete(stage);
            }
            Optional<Path> backup;
            try {
                backup = folder.save(name, content);
            } catch (IOException e) {
                return refusedBy(name, "problem.upload.save", e);
            }
            LOG.info("reload: {} saved{}", name, backup.map(b -> ", previous kept as " + b).orElse(""));
            return reloadLocked(backup);
        } finally {
            lock.unlock();
        }
    }

    /** The current content of a knowledge file, empty when it does not exist. */
    public byte[] read(String name) throws IOException {
        lock.lock();
        try {
            return folder.read(name);
        } finally {
            lock.unlock();
        }
    }

    /** The same as {@link #replace}, computing the new content from the old under the reload lock. */
    public Outcome edit(String name, Function<byte[], byte[]> change) {
        lock.lock();
        try {
            byte[] old;
            try {
                old = folder.read(name);
            } catch (IOException e) {
                return refusedBy(name, "problem.file.unreadable", e);
            }
            return replace(name, change.apply(old));
        } finally {
            lock.unlock();
        }
    }

    /** True when the files differ from what is being served (the watcher reloads only then). */
    boolean changedOnDisk() {
        return !hashOrNone().equals(version.contentHash());
    }

    private Outcome reloadLocked(Optional<Path> backup) {
        String hash = hashOrNone();
        KnowledgeBase next;
        try {
            next = KnowledgeLoader.load(folder.dir());
        } catch (KnowledgeException e) {
            LOG.info("reload: refused, {} problem(s); the previous knowledge keeps serving", e.problems().size());
            return new Refused(e.problems(), version);
        }
        Snapshot snapshot = build.apply(next);
        Snapshot previous = current.swap(snapshot);
        Map<String, Entry> before = byId(previous.knowledge());
        Map<String, Entry> after = byId(next);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        after.forEach((id, e) -> {
            Entry old = before.get(id);
            if (old == null) {
                added.add(id);
            } else if (!old.equals(e)) {
                changed.add(id);
            }
        });
        List<String> removed = before.keySet().stream().filter(id -> !after.containsKey(id)).toList();
        boolean sameContent = hash.equals(version.contentHash());
        version = new KnowledgeVersion(next.entries().size(), clock.instant(), hash);
        loaded.accept(version);
        LOG.info("reload: {} entries ({} added, {} removed, {} changed), content {}", version.entries(),
                added.size(), removed.size(), changed.size(), hash);
        return new Reloaded(added, removed, changed, sameContent, version, backup);
    }

    /** The admin reads what failed in plain words; the system's own reason goes to the log. */
    private Refused refusedBy(String name, String key, IOException e) {
        LOG.warn("reload: {} refused, {} ({})", name, key, e.toString());
        return new Refused(List.of(Problem.inFile(name, key)), version);
    }

    private static Map<String, Entry> byId(KnowledgeBase knowledge) {
        return knowledge.entries().stream().collect(Collectors.toMap(Entry::id, e -> e, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    private String hashOrNone() {
        try {
            return folder.contentHash();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    Instant now() {
        return clock.instant();
    }
}
