package minsheng.answer;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The one place every channel reads the answering snapshot from. A reload publishes a whole new snapshot with
 * {@link #swap}; a question already being answered keeps the snapshot it started with. Thread-safe.
 */
public final class CurrentSnapshot implements Supplier<Snapshot> {

    private final AtomicReference<Snapshot> current;

    public CurrentSnapshot(Snapshot first) {
        this.current = new AtomicReference<>(first);
    }

    @Override
    public Snapshot get() {
        return current.get();
    }

    /** Publishes {@code next} and returns the snapshot it replaced. */
    public Snapshot swap(Snapshot next) {
        return current.getAndSet(next);
    }
}
