package minsheng.knowledge;

/**
 * One thing wrong with the knowledge, located as precisely as it can be: file, line and column when known, the
 * entry (its id, or {@code #n} when it has none) and the field.
 */
public record Problem(String file, int line, int column, String entry, String field, String message) {

    static Problem inFile(String file, String field, String message) {
        return new Problem(file, 0, 0, null, field, message);
    }

    static Problem atLine(String file, int line, String field, String message) {
        return new Problem(file, line, 0, null, field, message);
    }

    /** Reads like a compiler message: {@code employment.json:40: entry employment.urban-new-jobs: figures: …}. */
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
            s.append("entry ").append(entry).append(": ");
        }
        if (field != null) {
            s.append(field).append(": ");
        }
        return s.append(message).toString();
    }
}
