package minsheng.telegram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import minsheng.answer.Conversations;
import minsheng.answer.ShippedSnapshot;
import minsheng.answer.Snapshot;
import minsheng.eval.Benchmark;

/**
 * Prints what one inline query costs the engine: {@link InlineResults#answer} (the engine's reading through
 * {@link Conversations#alone}, the articles and their HTML) per query, for the questions of eval/dev.tsv as asked
 * and for the stages of typing them, without the reply cache (every query new) and with it; then the engine alone,
 * the empty query (the topics), and the round trip through the real client and a {@link FakeBotApi} on loopback.
 * Not a test: timings are printed, never asserted. Run after {@code mvn -B verify} (which compiles the test classes):
 * {@code java -cp target/minsheng-bot.jar:target/test-classes minsheng.telegram.InlineBench [rounds]}.
 */
public final class InlineBench {

    private InlineBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length == 0 ? 5 : Integer.parseInt(args[0]);
        System.out.printf("cores %d, load average before: %s%n", Runtime.getRuntime().availableProcessors(), load());
        List<String> questions = Benchmark.questions(Path.of("eval", "dev.tsv"));
        List<String> typing = new ArrayList<>();
        for (String q : questions) {
            // Telegram sends a query at each pause in typing: every other character, as a fast typist's pauses.
            for (int end = 2; end < q.length(); end += 2) {
                typing.add(q.substring(0, end));
            }
            typing.add(q);
        }
        Snapshot shipped = ShippedSnapshot.get();
        Snapshot uncached = shipped.withoutReplyCache();
        InlineResults fresh = results(uncached);
        InlineResults cached = results(shipped);
        Conversations engine = new Conversations(() -> uncached);

        // Warm-up: the JIT compiles the engine's paths before anything is timed.
        time(questions, fresh::answer, 3);
        print("questions as asked, no reply cache", time(questions, fresh::answer, rounds));
        print("typing stages, no reply cache", time(typing, fresh::answer, rounds));
        print("engine alone (Conversations.alone), no reply cache", time(questions, engine::alone, rounds));
        time(questions, cached::answer, 1);
        print("questions as asked, reply cache warm", time(questions, cached::answer, rounds));
        print("empty query (the topics)", time(List.of(""), cached::answer, 200 * rounds));
        roundTrip(questions.subList(0, Math.min(200, questions.size())));
        System.out.printf("load average after: %s%n", load());
    }

    private static InlineResults results(Snapshot snapshot) {
        return new InlineResults(FakeBotApi.BOT_USERNAME, new Conversations(() -> snapshot), () -> snapshot,
                new Renderer());
    }

    /** Nanoseconds each query took, every query {@code rounds} times. */
    private static long[] time(List<String> queries, Function<String, ?> answer, int rounds) {
        long[] took = new long[queries.size() * rounds];
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : queries) {
                long t0 = System.nanoTime();
                answer.apply(q);
                took[i++] = System.nanoTime() - t0;
            }
        }
        return took;
    }

    private static void print(String what, long[] took) {
        long[] sorted = took.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000.0;
        System.out.printf(Locale.ROOT, "%-52s %6d queries: mean %7.1f µs, p50 %7.1f, p90 %7.1f, p99 %7.1f, max %8.1f%n",
                what, sorted.length, mean, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                sorted[sorted.length - 1] / 1000.0);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    /** Each query sent as an inline_query update and timed until the fake has the bot's answerInlineQuery. */
    private static void roundTrip(List<String> queries) throws Exception {
        try (Harness h = new Harness().start()) {
            h.api.inlineQuery(1, "心脏支架");
            h.api.awaitInlineAnswers(1, Duration.ofSeconds(30));
            long[] took = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long t0 = System.nanoTime();
                h.api.inlineQuery(1, queries.get(i));
                h.api.awaitInlineAnswers(i + 2, Duration.ofSeconds(30));
                took[i] = System.nanoTime() - t0;
            }
            print("round trip, loopback fake Bot API (one at a time)", took);
            // The same for chat messages, for comparison: what the polling and sending around the engine cost.
            for (int i = 0; i < queries.size(); i++) {
                long t0 = System.nanoTime();
                // A person each, so neither the flood guard nor a chat's pace is what is timed.
                h.api.text(1000 + i, queries.get(i));
                h.api.awaitSent(1000 + i, 1, Duration.ofSeconds(30));
                took[i] = System.nanoTime() - t0;
            }
            print("chat message round trip, same fake (one at a time)", took);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
