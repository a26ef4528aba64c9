package minsheng.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The article the knowledge is held to lives outside the repository ({@code ../shared}). A fresh clone may not
 * have it: outside CI the tests that need it are skipped with a loud notice naming the file; in CI ({@code .ci/run}
 * sets {@code CI=true}) they fail, so a missing article never passes unnoticed.
 */
public final class SharedArticle {

    /** Where the article is; {@code -Dminsheng.article=…} points elsewhere (to try a clone without it). */
    public static final Path PATH = Path.of(System.getProperty("minsheng.article",
            "../shared/seed/shanxi-minsheng-2020.txt"));

    private SharedArticle() {
    }

    /** The article's path, or the test is skipped (outside CI) or fails (in CI) when it is missing. */
    public static Path require() {
        if (Files.isRegularFile(PATH)) {
            return PATH;
        }
        String notice = "the article " + PATH.toAbsolutePath().normalize() + " is missing;";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(notice + " CI must have it (checked because CI=true)");
        }
        System.err.println("*** SKIPPED: " + notice + " tests that hold the knowledge to the article did not run."
                + " Put the article there (or run in CI, where it is required). ***");
        Assumptions.abort(notice + " skipped outside CI");
        return PATH;
    }
}
