package minsheng.admin;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import minsheng.answer.Messages;
import minsheng.journal.Journal;

/**
 * The questions of a period as CSV (RFC 4180) for a spreadsheet program: UTF-8 with a byte-order mark, so Excel opens
 * Chinese correctly; one row per reply with its time in the admins' zone, the question as stored (personal numbers
 * masked), the outcome, the entries, the caveat and the votes tied to it. The chat a question came from is never
 * written, not even as its hash.
 */
final class Export {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Export() {
    }

    /** The CSV of {@code rows} (oldest first), with a header line. */
    static byte[] csv(List<Journal.Row> rows, List<Journal.Vote> votes, ZoneId zone) {
        Map<Long, TreeSet<Boolean>> votesByRow = new HashMap<>();
        for (Journal.Vote v : votes) {
            if (v.question() != null) {
                votesByRow.computeIfAbsent(v.question(), k -> new TreeSet<>()).add(v.helpful());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, List.of(Messages.get("admin.export.column.time"), Messages.get("admin.export.column.question"),
                Messages.get("admin.export.column.outcome"), Messages.get("admin.export.column.entry"),
                Messages.get("admin.export.column.caveat"), Messages.get("admin.export.column.vote")));
        DateTimeFormatter time = TIME.withZone(zone);
        for (Journal.Row r : rows) {
            TreeSet<Boolean> voted = votesByRow.getOrDefault(r.id(), new TreeSet<>());
            // Helpful first, then not helpful, when the person voted differently on the entries of one answer.
            String vote = String.join(" ", voted.descendingSet().stream()
                    .map(h -> Messages.get(h ? "admin.export.vote.helpful" : "admin.export.vote.unhelpful")).toList());
            line(out, List.of(time.format(r.at()), r.question(), outcome(r), String.join(" ", r.entries()),
                    r.caveat() == null ? "" : Review.caveat(r.caveat()), vote));
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(text, 0, bytes, BOM.length, text.length);
        return bytes;
    }

    /** The outcome in words: plain and caveated answers apart. */
    static String outcome(Journal.Row r) {
        String name = r.outcome() == Journal.Outcome.ANSWER && r.caveated() ? "CAVEATED" : r.outcome().name();
        return Messages.get("admin.outcome." + name);
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        // RFC 4180: lines end with CRLF.
        out.append("\r\n");
    }

    /**
     * One field, quoted when it holds a comma, a quote or a line break (quotes doubled). A citizen's text that a
     * spreadsheet would run as a formula (=, +, -, @ first) is kept as text by a leading apostrophe.
     */
    static String field(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
