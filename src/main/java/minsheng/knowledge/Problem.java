package minsheng.knowledge;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One thing wrong with the knowledge, located as precisely as it can be: file, line and column when known, the
 * entry (its id, or {@code #n} when it has none) and the field as written in the file. What is wrong is a key of the
 * message bundle with its arguments, followed by any further clauses (a likely intended name, a note), so every
 * sentence an admin reads is in {@code minsheng/messages.properties}.
 */
public record Problem(String file, int line, int column, String entry, String field, List<Says> says) {

    // The knowledge package sits below minsheng.answer, whose Messages reads the same bundle: read here directly so
    // the dependency does not run upwards.
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("minsheng.messages", Locale.ROOT);

    /** One clause: a bundle key and its arguments, kept as strings so numbers are never grouped (4,201). */
    public record Says(String key, List<String> args) {

        public Says {
            args = List.copyOf(args);
        }

        static Says of(String key, Object... args) {
            return new Says(key, Arrays.stream(args).map(String::valueOf).toList());
        }

        /** The clause in words; problem texts always go through MessageFormat, so a literal { is written '{'. */
        public String text() {
            return new MessageFormat(BUNDLE.getString(key), Locale.ROOT).format(args.toArray());
        }
    }

    public Problem {
        if (says.isEmpty()) {
            throw new IllegalArgumentException("a problem says what is wrong");
        }
        says = List.copyOf(says);
    }

    static Problem at(String file, int line, int column, String entry, String field, String key, Object... args) {
        return new Problem(file, line, column, entry, field, List.of(Says.of(key, args)));
    }

    static Problem atLine(String file, int line, String field, String key, Object... args) {
        return at(file, line, 0, null, field, key, args);
    }

    /** A problem with a whole file (or folder), as the bot meets it when staging or saving an upload. */
    public static Problem inFile(String file, String key, Object... args) {
        return at(file, 0, 0, null, null, key, args);
    }

    static Problem inField(String file, String field, String key, Object... args) {
        return at(file, 0, 0, null, field, key, args);
    }

    /** The same problem with one more clause after what it says. */
    Problem and(String key, Object... args) {
        List<Says> more = new ArrayList<>(says);
        more.add(Says.of(key, args));
        return new Problem(file, line, column, entry, field, more);
    }

    /** What is wrong, in words, without the location. */
    public String message() {
        StringBuilder s = new StringBuilder();
        says.forEach(clause -> s.append(clause.text()));
        return s.toString();
    }

    /**
     * Reads like a compiler message, {@code employment.json:40: 条目 employment.urban-new-jobs: figures: …}: the
     * location before the first ": " is stable for tools, the field is spelt as in the file.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        s.append(": ");
        if (entry != null) {
            s.append(Says.of("problem.entry", entry).text()).append(": ");
        }
        if (field != null) {
            s.append(field).append(": ");
        }
        return s.append(message()).toString();
    }
}
