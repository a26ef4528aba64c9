package minsheng.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import com.github.benmanes.caffeine.cache.Ticker;
import minsheng.knowledge.ShippedKnowledge;
import minsheng.answer.Conversations;
import minsheng.answer.CurrentSnapshot;
import minsheng.answer.Snapshot;
import minsheng.journal.Journal;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;

/** A bot's admin side over a copy of the shipped knowledge, wired as Main wires it, without a channel. */
final class AdminFixture implements AutoCloseable {

    static final long ADMIN = 1001L;
    static final long CITIZEN = 2002L;
    /** Admins' times in the bot's default zone, as Main sets it. */
    static final Clock CLOCK = Clock.system(java.time.ZoneId.of("Asia/Shanghai"));

    final Path knowledge;
    final Path data;
    final CurrentSnapshot current;
    final Journal journal;
    final Reloader reloader;
    final AdminDesk desk;
    final Conversations conversations;

    AdminFixture(Path root) throws Exception {
        this.knowledge = root.resolve("knowledge");
        this.data = root.resolve("data");
        if (!Files.exists(knowledge)) {
            ShippedKnowledge.copyTo(knowledge);
        }
        this.current = new CurrentSnapshot(Snapshot.build(KnowledgeLoader.load(knowledge), Thresholds.defaults()));
        this.journal = Journal.open(data, Clock.systemUTC());
        this.reloader = new Reloader(knowledge, data, kb -> Snapshot.build(kb, Thresholds.defaults()), current,
                CLOCK, v -> journal.loaded(v.loadedAt(), v.contentHash()));
        this.desk = new AdminDesk(new Admins(Set.of(ADMIN)), reloader, journal, current, CLOCK);
        this.conversations = new Conversations(current, journal, Duration.ofMinutes(30), Ticker.systemTicker());
    }

    void edit(String file, String from, String to) throws IOException {
        Path p = knowledge.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer holds " + from);
        }
        Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        journal.close();
    }
}
