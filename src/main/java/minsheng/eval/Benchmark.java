package minsheng.eval;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import minsheng.answer.Conversations;
import minsheng.answer.Snapshot;
import minsheng.knowledge.TextFile;

/**
 * Measures what a citizen's question costs in-process: after a warm-up, questions go round and round through
 * {@link Snapshot#explain} (normalizing, searching, weighing, wording the reply — never the reply cache) on one
 * thread with each one timed, then on every core at once; the cached path ({@link Snapshot#reply}, a repeated
 * question) is timed beside it, and so is the whole conversation layer a new message goes through
 * ({@link Conversations#reply}, with no reply cache). Figures, never assertions: the caller prints them.
 */
public final class Benchmark {

    /** Timings of one path: how many per second, and the spread per question. */
    public record Timings(long questions, double perSecond, double p50Micros, double p90Micros, double p99Micros,
                          double maxMicros) {}

    public record Result(int questions, int cores, Timings uncached, double perSecondAllCores, Timings cached,
                         Timings conversation, double heapUsedMiBAfterGc, long loadMillis, long indexMillis,
                         long reloadMillis) {

        /** The figures under their names, units in the names, in the order docs/measurements.md lists them. */
        public Map<String, Object> fields() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("questionsPerSecondOneThread", Math.round(uncached.perSecond()));
            out.put("questionsPerSecondAllCores", Math.round(perSecondAllCores));
            out.put("p50Micros", round(uncached.p50Micros()));
            out.put("p90Micros", round(uncached.p90Micros()));
            out.put("p99Micros", round(uncached.p99Micros()));
            out.put("maxMicros", round(uncached.maxMicros()));
            out.put("heapUsedMiBAfterGc", round(heapUsedMiBAfterGc));
            out.put("loadMillis", loadMillis);
            out.put("indexMillis", indexMillis);
            out.put("questions", questions);
            out.put("cores", cores);
            // Loading and indexing again in the running process, as an admin's reload does.
            out.put("reloadMillis", reloadMillis);
            // The reply cache, beside the real cost: what a repeated question (「低保」) costs.
            out.put("cachedQuestionsPerSecondOneThread", Math.round(cached.perSecond()));
            out.put("cachedP50Micros", round(cached.p50Micros()));
            out.put("cachedP99Micros", round(cached.p99Micros()));
            // The whole way a citizen's new message goes (small talk, topic words, follow-ups, several parts, the
            // match and its wording) through Conversations, with no reply cache.
            out.put("conversationQuestionsPerSecondOneThread", Math.round(conversation.perSecond()));
            out.put("conversationP50Micros", round(conversation.p50Micros()));
            out.put("conversationP99Micros", round(conversation.p99Micros()));
            return out;
        }

        private static double round(double v) {
            return Math.round(v * 100) / 100.0;
        }
    }

    private Benchmark() {
    }

    /**
     * The questions of a question set (the text after the tab; a line without a tab is a question of its own),
     * comment and blank lines skipped. Expected answers are not needed to time answering. A file that cannot be read
     * gives a message naming it and what is wrong.
     */
    public static List<String> questions(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : TextFile.read(file).lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String q = line.substring(line.indexOf('\t') + 1).strip();
            if (!q.isEmpty()) {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * Runs every phase for {@code seconds} (the warm-up included) and returns the figures; {@code loadMillis},
     * {@code indexMillis} and {@code reloadMillis} are what the caller measured building {@code snapshot}, and
     * building it again.
     */
    public static Result run(Snapshot snapshot, List<String> questions, double seconds, long loadMillis,
                             long indexMillis, long reloadMillis) throws InterruptedException {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no questions to time");
        }
        long nanos = (long) (seconds * 1e9);
        // Warm-up: the JIT compiles the hot paths before anything is timed.
        untimed(q -> snapshot.explain(q), questions, nanos);
        Timings uncached = timed(q -> snapshot.explain(q), questions, nanos);
        int cores = Runtime.getRuntime().availableProcessors();
        double allCores = parallel(snapshot, questions, nanos, cores);
        // Every question asked once already fills the cache; from then on each is a repeat.
        questions.forEach(snapshot::reply);
        Timings cached = timed(snapshot::reply, questions, nanos);
        // Each question in a chat of its own, as a citizen's first message; nothing cached.
        Snapshot uncachedSnapshot = snapshot.withoutReplyCache();
        Conversations conversations = new Conversations(() -> uncachedSnapshot);
        Consumer<String> converse = q -> {
            conversations.forget("bench");
            conversations.reply("bench", q);
        };
        untimed(converse, questions, nanos);
        Timings conversation = timed(converse, questions, nanos);
        return new Result(questions.size(), cores, uncached, allCores, cached, conversation, heapAfterGc(),
                loadMillis, indexMillis, reloadMillis);
    }

    private static void untimed(Consumer<String> ask, List<String> questions, long nanos) {
        long end = System.nanoTime() + nanos;
        for (int i = 0; System.nanoTime() < end || i < questions.size(); i++) {
            ask.accept(questions.get(i % questions.size()));
        }
    }

    /** At most this many timings are kept (a uniform sample of them all), so a long run fits a small heap. */
    private static final int KEPT = 1 << 18;

    private static Timings timed(Consumer<String> ask, List<String> questions, long nanos) {
        long[] kept = new long[KEPT];
        long n = 0;
        long max = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        long now = start;
        // At least one round over the set, so every question counts once.
        while (now < end || n < questions.size()) {
            ask.accept(questions.get((int) (n % questions.size())));
            long after = System.nanoTime();
            long took = after - now;
            now = after;
            max = Math.max(max, took);
            if (n < KEPT) {
                kept[(int) n] = took;
            } else {
                long slot = ThreadLocalRandom.current().nextLong(n + 1); // reservoir sampling
                if (slot < KEPT) {
                    kept[(int) slot] = took;
                }
            }
            n++;
        }
        long[] sorted = Arrays.copyOf(kept, (int) Math.min(n, KEPT));
        Arrays.sort(sorted);
        return new Timings(n, n / ((now - start) / 1e9), micros(sorted, 0.50), micros(sorted, 0.90),
                micros(sorted, 0.99), max / 1e3);
    }

    /** Questions answered per second with one thread per core, each going round the set from its own place. */
    private static double parallel(Snapshot snapshot, List<String> questions, long nanos, int threads)
            throws InterruptedException {
        AtomicLong answered = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int offset = t * questions.size() / threads;
            Thread worker = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long count = 0;
                for (int i = offset; System.nanoTime() < window[1]; i++) {
                    snapshot.explain(questions.get(i % questions.size()));
                    count++;
                }
                answered.addAndGet(count);
            }, "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + nanos;
        go.countDown(); // the latch publishes window[] to the workers
        for (Thread w : workers) {
            w.join();
        }
        return answered.get() / ((System.nanoTime() - window[0]) / 1e9);
    }

    private static double micros(long[] sorted, double quantile) {
        int i = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e3;
    }

    /** Heap in use once the garbage collector has run: what the snapshot and the engine hold. */
    private static double heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
