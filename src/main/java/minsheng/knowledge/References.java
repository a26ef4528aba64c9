package minsheng.knowledge;

import java.util.Set;

/**
 * The entry ids other places may point at ({@code related}, {@code topics.txt}, {@code learned.tsv}): every id read,
 * sound or not. When a knowledge file could not be read, its ids are unknown, so a reference to an id not seen may
 * well be right: it is counted, and said once with the file that could not be read, instead of told as a mistake.
 */
final class References {

    private final Set<String> ids;
    private final boolean complete;
    private int unchecked;

    References(Set<String> ids, boolean complete) {
        this.ids = Set.copyOf(ids);
        this.complete = complete;
    }

    Set<String> ids() {
        return ids;
    }

    /** Whether pointing at {@code id} is a mistake to report: it names no entry, and every file was read. */
    boolean wrong(String id) {
        if (ids.contains(id)) {
            return false;
        }
        if (!complete) {
            unchecked++;
        }
        return complete;
    }

    /** References to ids not seen that were left unreported because a file could not be read. */
    int unchecked() {
        return unchecked;
    }
}
