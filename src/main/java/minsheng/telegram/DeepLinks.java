package minsheng.telegram;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deep links {@code t.me/<bot>?start=<payload>} that open one answer. A payload may only hold {@code A-Za-z0-9_-}
 * and at most 64 characters; entry ids are lower-case words joined by dots and hyphens (at most 48 characters) and
 * never hold '_', so a dot becomes '_' and the mapping goes both ways.
 */
final class DeepLinks {

    private static final Pattern PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private DeepLinks() {
    }

    /** The payload that opens an entry, or empty when its id cannot be carried in one. */
    static Optional<String> payload(String entryId) {
        String p = entryId.replace('.', '_');
        return PAYLOAD.matcher(p).matches() && !entryId.contains("_") ? Optional.of(p) : Optional.empty();
    }

    /** The entry id a payload names, or empty when it is not a payload this bot makes. */
    static Optional<String> entryId(String payload) {
        return payload != null && PAYLOAD.matcher(payload).matches()
                ? Optional.of(payload.replace('_', '.')) : Optional.empty();
    }
}
