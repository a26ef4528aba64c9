package minsheng.knowledge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.Map;

/**
 * Says in plain words what is wrong where the parser stopped reading a knowledge file, and where to mend it: a
 * missing comma is placed after the item it should follow, a stray quote at the quote. Only the kind of mistake is
 * taken from the parser's exception (its type, a fixed phrase of its message, its offset and open brackets); what
 * the admin reads comes from the bundle and the file's own text, never the library's.
 */
final class JsonMistake {

    /** Punctuation a Chinese input method types where JSON needs its ASCII twin. */
    private static final Map<Character, Character> FULL_WIDTH = Map.of('，', ',', '：', ':', '“', '"', '”', '"',
            '｛', '{', '｝', '}', '【', '[', '】', ']', '［', '[', '］', ']');

    private final String file;
    private final String text;

    private JsonMistake(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** The one problem a parse failure in {@code text} (the file's whole content) amounts to. */
    static Problem describe(String file, String text, JsonProcessingException e) {
        long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
        JsonMistake m = new JsonMistake(file, text);
        if (offset < 0) {
            return m.at(text.length(), "problem.json.unknown");
        }
        return m.describe((int) Math.min(offset, text.length()), e);
    }

    private Problem describe(int at, JsonProcessingException e) {
        String said = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        JsonStreamContext open = e.getProcessor() instanceof JsonParser p ? p.getParsingContext() : null;
        if (e instanceof JsonEOFException || text.substring(at).isBlank()) {
            int end = text.stripTrailing().length();
            if (e instanceof JsonEOFException eof && (eof.getTokenBeingDecoded() == JsonToken.VALUE_STRING
                    || eof.getTokenBeingDecoded() == JsonToken.FIELD_NAME)) {
                return at(end, "problem.json.end.text");
            }
            return at(end, "problem.json.end", closers(open));
        }
        char c = text.charAt(at);
        int prev = previousSign(at);
        if (Character.isISOControl(c)) {
            // Outside quotes a line break or tab is only space, so the parser is inside a text.
            return c == '\n' || c == '\r' ? at(at, "problem.json.string.open") : at(at, "problem.json.string.control");
        }
        if (said.startsWith("Unrecognized token")) {
            int start = at;
            while (start > 0 && !endsBareWord(text.charAt(start - 1))) {
                start--;
            }
            return open == null || open.inRoot() ? at(start, "problem.json.after")
                    : at(start, "problem.json.bare", text.substring(start, at));
        }
        if (FULL_WIDTH.containsKey(c)) {
            return at(at, "problem.json.fullwidth", c, FULL_WIDTH.get(c));
        }
        if (said.startsWith("Duplicate field")) {
            int start = prev > 0 && text.charAt(prev) == '"' ? text.lastIndexOf('"', prev - 1) : -1;
            return start < 0 ? at(at, "problem.json.unexpected", c)
                    : at(start, "problem.json.duplicate", text.substring(start + 1, prev));
        }
        if (said.startsWith("Unexpected close marker")) {
            return open == null || open.inRoot() ? at(at, "problem.json.after")
                    : at(at, "problem.json.close", c, closers(open).charAt(0));
        }
        if (said.startsWith("Unrecognized character escape")) {
            return at(at - 1, "problem.json.escape", c);
        }
        if (said.startsWith("Invalid numeric value")) {
            return at(at, "problem.json.number");
        }
        if ((c == '}' || c == ']') && prev >= 0 && text.charAt(prev) == ',') {
            return at(prev, "problem.json.trailing", c);
        }
        if (said.contains("was expecting comma")) {
            if (startsValue(c)) {
                return at(prev + 1, "problem.json.comma", line(at), column(at));
            }
            return prev >= 0 && text.charAt(prev) == '"' ? at(prev, "problem.json.quote")
                    : at(at, "problem.json.unexpected", c);
        }
        if (said.contains("was expecting a colon")) {
            return at(prev + 1, "problem.json.colon");
        }
        if (c == '\'') {
            return at(at, "problem.json.single");
        }
        if (said.contains("was expecting double-quote to start field name")) {
            return at(at, "problem.json.name");
        }
        if (said.contains("expected a valid value") || said.contains("expected a value")) {
            if (c == ',' || c == '}' || c == ']') {
                return at(at, "problem.json.value");
            }
            int end = at;
            while (end < text.length() && !endsBareWord(text.charAt(end))) {
                end++;
            }
            return at(at, "problem.json.bare", text.substring(at, end));
        }
        return at(at, "problem.json.unexpected", c);
    }

    private Problem at(int offset, String key, Object... args) {
        return Problem.at(file, line(offset), column(offset), null, null, key, args);
    }

    /** The brackets still open where the file ends, innermost first: what it takes to close them. */
    private static String closers(JsonStreamContext open) {
        StringBuilder s = new StringBuilder();
        for (JsonStreamContext c = open; c != null && !c.inRoot(); c = c.getParent()) {
            s.append(c.inArray() ? ']' : '}');
        }
        return s.isEmpty() ? "}" : s.toString();
    }

    /** The offset of the last character before {@code at} that is not space, or -1. */
    private int previousSign(int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    private static boolean startsValue(char c) {
        return c == '"' || c == '{' || c == '[' || c == '-' || Character.isDigit(c) || c == 't' || c == 'f'
                || c == 'n';
    }

    private static boolean endsBareWord(char c) {
        return Character.isWhitespace(c) || "{}[],:\"".indexOf(c) >= 0;
    }

    /** Lines counted as the parser counts them: \n, \r\n and a lone \r each end one. */
    private int line(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** Characters, not bytes, from the start of the line, from 1: a Chinese character is one column. */
    private int column(int offset) {
        int start = offset;
        while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
            start--;
        }
        return offset - start + 1;
    }
}
