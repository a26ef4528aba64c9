package minsheng.telegram;

import java.time.Duration;

/**
 * Prints how long the built jar takes, against a {@link FakeBotApi}, to start polling, to send its first reply, and
 * to exit after SIGTERM. Not a test (timings are printed, never asserted). Run after packaging:
 * {@code java -cp target/minsheng-bot.jar:target/test-classes minsheng.telegram.StartStopBench [runs]}.
 */
public final class StartStopBench {

    private StartStopBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length == 0 ? 3 : Integer.parseInt(args[0]);
        for (int run = 1; run <= runs; run++) {
            try (FakeBotApi fake = new FakeBotApi()) {
                fake.text(42, "心脏支架现在多少钱");
                ProcessBuilder pb = new ProcessBuilder("java", "-jar", "target/minsheng-bot.jar");
                pb.environment().put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
                pb.environment().put("TELEGRAM_API_URL", fake.url().toString());
                pb.environment().put("LOG_LEVEL", "warn");
                // A journal of its own: each fake numbers its updates from 1, which a kept journal has answered.
                pb.environment().put("DATA_DIR", java.nio.file.Files.createTempDirectory("minsheng-bench").toString());
                pb.inheritIO();
                long t0 = System.nanoTime();
                Process p = pb.start();
                fake.awaitCalls("getUpdates", 1, Duration.ofSeconds(120));
                long polling = System.nanoTime() - t0;
                fake.awaitSent(42, 1, Duration.ofSeconds(120));
                long replied = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                p.destroy();
                int status = p.waitFor();
                long stopped = System.nanoTime() - t1;
                System.out.printf("run %d: polling after %d ms, first reply after %d ms, SIGTERM to exit %d ms"
                        + " (status %d)%n", run, polling / 1_000_000, replied / 1_000_000, stopped / 1_000_000, status);
            }
        }
    }
}
