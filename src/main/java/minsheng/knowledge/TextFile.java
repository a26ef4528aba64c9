package minsheng.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the UTF-8 text files admins edit (vocabulary, question sets), saying where a file is not UTF-8 instead of
 * the JDK's bare "Input length = 1".
 */
public final class TextFile {

    private TextFile() {
    }

    /** A file that is not valid UTF-8, with the line (from 1) of the first bad byte. */
    public static final class NotUtf8Exception extends IOException {

        private final int line;

        NotUtf8Exception(Path file, int line, int value) {
            super(file + ":" + line + ": is not UTF-8 text (byte 0x"
                    + String.format("%02X", value & 0xFF) + "); save the file as UTF-8");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The whole text; a missing file, a folder or bytes that are not UTF-8 give a message naming the file. */
    public static String read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a folder, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        return decode(file, bytes);
    }

    /**
     * The whole text of a knowledge file, or null with the reason added to {@code problems} in the admin's words (the
     * line of a byte that is not UTF-8; a file the server cannot read).
     */
    static String read(Path file, List<Problem> problems) {
        String name = file.getFileName().toString();
        try {
            return read(file);
        } catch (NotUtf8Exception e) {
            problems.add(Problem.atLine(name, e.line(), null, "problem.file.encoding"));
        } catch (IOException e) {
            problems.add(Problem.inFile(name, "problem.file.unreadable"));
        }
        return null;
    }

    static String decode(Path file, byte[] bytes) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8Exception(file, line, bytes[bad]);
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        // A byte-order mark some editors write is not part of the text.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
