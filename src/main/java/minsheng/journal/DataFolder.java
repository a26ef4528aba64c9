package minsheng.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What the bot writes under {@code DATA_DIR} — the journal and its WAL, the salt, knowledge backups, staging copies —
 * holds what citizens asked, so it is made readable by the bot's own user only: folders 0700, files 0600, set when
 * each is created (not after, when another user could already have opened it). On a file system without POSIX
 * permissions the folder's own protection is all there is.
 */
public final class DataFolder {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {
    }

    /** The folder, made with its missing parents, owner only, when it does not exist yet; returns it. */
    public static Path folder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            folder(parent);
        }
        make(dir, FOLDER, Files::createDirectory);
        return dir;
    }

    /** A new empty file, owner only; an existing one is left as it is. Returns it. */
    public static Path file(Path file) throws IOException {
        make(file, FILE, Files::createFile);
        return file;
    }

    /** {@code Files.createDirectory} or {@code Files.createFile}. */
    @FunctionalInterface
    private interface Maker {
        Path make(Path path, FileAttribute<?>... attributes) throws IOException;
    }

    private static void make(Path path, Set<PosixFilePermission> permissions, Maker maker) throws IOException {
        try {
            try {
                maker.make(path, PosixFilePermissions.asFileAttribute(permissions));
            } catch (UnsupportedOperationException e) {
                maker.make(path); // no POSIX permissions here
            }
        } catch (FileAlreadyExistsException e) {
            // already there (or made meanwhile by another thread or process): it was made owner-only then
        }
    }

    /** Takes every permission but the owner's from an existing file (one written by an older release). */
    static void restrict(Path file) {
        try {
            if (Files.exists(file) && !Files.getPosixFilePermissions(file).equals(FILE)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not ours to change, or no POSIX permissions here: the folder's protection stands.
        }
    }
}
