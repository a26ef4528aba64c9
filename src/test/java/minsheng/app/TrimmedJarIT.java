package minsheng.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runnable jar as it ships — sqlite-jdbc's native libraries for five platforms only, ICU without the data the
 * bot never loads (see the shade filters in pom.xml) — says exactly what the full class path says: every eval set,
 * and {@code ask --json} over every question of the sets, run by {@code java -jar target/minsheng-bot.jar} in a
 * process of its own and by {@link Main} in this JVM, compared byte for byte. An integration test: it runs after
 * the package phase has built the jar.
 */
class TrimmedJarIT {

    private static final Path JAR = Path.of("target", "minsheng-bot.jar");
    /** The issue's bound: at most 35 MB (it was 46 MB with every platform and all of ICU's data). */
    private static final long MAX_BYTES = 35_000_000;
    /** Beyond the shipped pinyin table (ICU's own transliterator), traditional, full-width: ICU's data at work. */
    private static final List<String> ICU_AT_WORK = List.of("𠀀𪚥低保是什么", "心臟支架現在多少錢", "ＡＢＣ农村低保多少人");

    @TempDir
    Path data;

    private record Output(int status, String out, String err) {}

    static Stream<Path> evalSets() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("eval"))) {
            return files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("evalSets")
    void evalOnTheJarPrintsWhatTheFullClassPathPrints(Path set) throws Exception {
        Output jar = jar("", "eval", set.toString());
        Output here = here("", "eval", set.toString());
        assertEquals(0, here.status(), here.err());
        assertEquals(here, jar);
    }

    @Test
    void askJsonOnTheJarAnswersEveryQuestionOfTheSetsAsTheFullClassPathDoes() throws Exception {
        Set<String> questions = new TreeSet<>(ICU_AT_WORK);
        for (Path set : evalSets().toList()) {
            for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
                String[] columns = line.split("\t");
                if (!line.startsWith("#") && columns.length >= 2 && !columns[1].isBlank()) {
                    questions.add(columns[1]);
                }
            }
        }
        assertTrue(questions.size() > 1000, "the sets hold over a thousand questions: " + questions.size());
        String stdin = String.join("\n", questions) + "\n";
        Output jar = jar(stdin, "ask", "--json");
        Output here = here(stdin, "ask", "--json");
        assertEquals(0, here.status(), here.err());
        assertEquals(questions.size(), here.out().lines().count());
        assertEquals(here, jar);
    }

    @Test
    void theJarOpensItsSqliteJournalOnThisMachine() throws Exception {
        Output chat = jar("农村低保有多少人\n", "chat");
        assertEquals(0, chat.status(), chat.err());
        assertTrue(chat.out().contains("99.2万人"), chat.out());
        assertEquals("", chat.err(), "no journal error");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("minsheng.db"));
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT question FROM questions")) {
            assertTrue(r.next(), "the jar's process recorded the question");
            assertEquals("农村低保有多少人", r.getString(1));
        }
    }

    @Test
    void theJarIsAtMost35MegabytesAndKeepsSqliteForFivePlatforms() throws Exception {
        assertTrue(Files.size(JAR) <= MAX_BYTES, JAR + " is " + Files.size(JAR) + " bytes");
        Set<String> platforms = new TreeSet<>();
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("org/sqlite/native/") && !n.endsWith("/"))
                    .forEach(n -> platforms.add(n.substring("org/sqlite/native/".length(), n.lastIndexOf('/'))));
            assertTrue(zip.getEntry("com/ibm/icu/impl/data/icudt74b/translit/root.res") != null,
                    "ICU's transliterator rules stay");
        }
        assertEquals(Set.of("Linux/aarch64", "Linux/x86_64", "Mac/aarch64", "Mac/x86_64", "Windows/x86_64"), platforms);
    }

    @Test
    void theJarPrintsTheVersionItWasBuiltAs() throws Exception {
        Output version = jar("", "--version");
        assertEquals(0, version.status(), version.err());
        assertTrue(version.out().matches("minsheng-bot \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), version.out());
    }

    /** {@code java -jar target/minsheng-bot.jar ARGS}, its own process, with the settings {@link #here} uses. */
    private Output jar(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(name -> name.startsWith("TELEGRAM_") || name.equals("ADMIN_IDS")
                || name.equals("LOG_LEVEL") || name.equals("WATCH_KNOWLEDGE") || name.endsWith("_THRESHOLD")
                || name.startsWith("AMBIGUITY_"));
        pb.environment().putAll(settings());
        Path out = data.resolve("out.txt");
        Path err = data.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = pb.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the jar's process did not end");
        return new Output(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The same command in this JVM, on the full class path. */
    private Output here(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main(settings(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                level -> { }).run(args);
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Map<String, String> settings() {
        return Map.of("KNOWLEDGE_DIR", Path.of("knowledge").toAbsolutePath().toString(), "DATA_DIR", data.toString(),
                "LOG_LEVEL", "warn");
    }
}
