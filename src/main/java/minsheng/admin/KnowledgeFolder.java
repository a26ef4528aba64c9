package minsheng.admin;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import minsheng.answer.Messages;
import minsheng.journal.DataFolder;
import minsheng.knowledge.Cues;
import minsheng.knowledge.LearnedQuestions;
import minsheng.knowledge.TopicSummaries;
import minsheng.knowledge.Vocabulary;

/**
 * The knowledge folder as files: which names belong in it, a hash of its content, a staged copy to validate a
 * change in, and saving a file with the previous version kept as a timestamped backup under {@code DATA_DIR/backups}.
 */
final class KnowledgeFolder {

    /** Largest file an admin may send. */
    static final int MAX_UPLOAD_BYTES = 1024 * 1024;
    /** The folder's text files besides the knowledge files: vocabulary, topic summaries, learned questions. */
    static final Set<String> TEXT_FILES = Set.of(Vocabulary.SYNONYMS_FILE_NAME, Vocabulary.FILLERS_FILE_NAME,
            Vocabulary.OUT_OF_SCOPE_FILE_NAME, TopicSummaries.FILE_NAME, LearnedQuestions.FILE_NAME, Cues.FILE_NAME);
    /** Telegram lets a bot download files up to this size; it refuses getFile for larger ones. */
    static final long TELEGRAM_DOWNLOAD_LIMIT = 20L * 1024 * 1024;
    /** A knowledge file's name; the extension in any case, as phones and some systems write it (.JSON). */
    private static final Pattern JSON_NAME = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,63})\\.(?i:json)");

    private final Path dir;
    private final Path dataDir;
    private final Clock clock;

    KnowledgeFolder(Path dir, Path dataDir, Clock clock) {
        this.dir = dir;
        this.dataDir = dataDir;
        this.clock = clock;
    }

    Path dir() {
        return dir;
    }

    /** Why an upload of this name and size is refused, or empty when it may be validated. */
    static Optional<String> refusal(String name, long size) {
        if (name == null || name.isBlank()) {
            return Optional.of(Messages.get("admin.upload.noname"));
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.startsWith(".")
                || name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Messages.get("admin.upload.escape", name));
        }
        if (savedAs(name).isEmpty()) {
            return Optional.of(Messages.get("admin.upload.name", name));
        }
        if (size > MAX_UPLOAD_BYTES) {
            return Optional.of(Messages.get(size > TELEGRAM_DOWNLOAD_LIMIT ? "admin.upload.size.telegram"
                    : "admin.upload.size", name, bytes(size), bytes(MAX_UPLOAD_BYTES)));
        }
        return Optional.empty();
    }

    /**
     * The name a sent file is saved under: its own, except that the extension of a knowledge file is written in lower
     * case ({@code Intro.JSON} → {@code Intro.json}: the loader reads {@code *.json} only) and the fixed text files
     * take their own spelling ({@code SYNONYMS.TXT}); empty for a name that is neither.
     */
    static Optional<String> savedAs(String name) {
        java.util.regex.Matcher json = JSON_NAME.matcher(name);
        if (json.matches()) {
            return Optional.of(json.group(1) + ".json");
        }
        return TEXT_FILES.stream().filter(f -> f.equalsIgnoreCase(name)).findFirst();
    }

    /** A size in bytes as admins read it: exact, digits grouped (1,048,586). */
    static String bytes(long size) {
        return String.format(java.util.Locale.ROOT, "%,d", size);
    }

    /** The bytes as text, or empty when they are not UTF-8. */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Every file of the folder (not hidden ones such as an upload being written): the ones the loader reads today and
     * any it learns to read later, so the hash and a staged copy never miss one.
     */
    List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).filter(p -> isFolderFile(p.getFileName().toString()))
                    .sorted().toList();
        }
    }

    /** A file that belongs to the knowledge folder's content: anything not hidden and not an editor's leftover. */
    static boolean isFolderFile(String name) {
        return !name.startsWith(".") && !name.endsWith("~") && !name.endsWith(".swp") && !name.endsWith(".tmp");
    }

    /** SHA-256 over every knowledge file's name and bytes, in name order; the first 12 hex digits. */
    String contentHash() throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        for (Path f : files()) {
            digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(f));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 6);
    }

    /** A copy of the folder with {@code name} replaced by {@code content}, to validate before anything is saved. */
    Path stage(String name, byte[] content) throws IOException {
        Path staging = DataFolder.folder(dataDir.resolve("staging"));
        Path stage = Files.createTempDirectory(staging, "knowledge-");
        for (Path f : files()) {
            Files.copy(f, stage.resolve(f.getFileName()));
        }
        Files.write(stage.resolve(name), content);
        return stage;
    }

    static void delete(Path stage) {
        try (Stream<Path> walk = Files.walk(stage)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover staging copy is harmless; the next start or stage does not depend on it.
        }
    }

    /** Saves {@code content} as {@code name}, keeping the old file as a backup; returns the backup, if any. */
    Optional<Path> save(String name, byte[] content) throws IOException {
        Path target = dir.resolve(name);
        Optional<Path> backup = Optional.empty();
        if (Files.exists(target)) {
            Path backups = DataFolder.folder(dataDir.resolve("backups"));
            // In the admins' time zone, with its offset, so the name reads as the time they made the change.
            Path copy = backups.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSSxx")
                    .withZone(clock.getZone()).format(clock.instant()) + "-" + name);
            // Made owner-only before the old content goes in (a copy would take the knowledge file's permissions).
            Files.write(DataFolder.file(copy), Files.readAllBytes(target));
            backup = Optional.of(copy);
        }
        // Written beside and moved over, so a reader (or the watcher) never sees half a file.
        Path tmp = dir.resolve("." + name + ".uploading");
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return backup;
    }

    byte[] read(String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
    }
}
