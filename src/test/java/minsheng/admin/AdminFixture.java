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
    /**
     * Every read a millisecond after the one before, from now, in the bot's default zone (as Main sets it): what
     * happens one after another in a test is never at the same instant, so "after the next reload" is never a tie.
     */
    static final class TickingClock extends Clock {
        private final java.util.concurrent.atomic.AtomicLong millis =
                new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("the fixture's clock keeps the admins' zone");
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis.incrementAndGet());
        }
    }

    final Clock clock = new TickingClock();

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
        this.journal = Journal.open(data, clock);
        this.reloader = new Reloader(knowledge, data, kb -> Snapshot.build(kb, Thresholds.defaults()), current,
                clock, v -> journal.loaded(v.loadedAt(), v.contentHash()));
        this.desk = new AdminDesk(new Admins(Set.of(ADMIN)), reloader, journal, current, clock);
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
