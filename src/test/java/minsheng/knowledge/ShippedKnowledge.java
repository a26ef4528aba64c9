package minsheng.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shipped knowledge folder, copied for a test that edits, reloads or uploads knowledge without touching it. */
public final class ShippedKnowledge {

    private ShippedKnowledge() {
    }

    /** Copies every file of {@code knowledge/} into {@code dir} (made if missing) and returns {@code dir}. */
    public static Path copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Path.of("knowledge"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }
}
