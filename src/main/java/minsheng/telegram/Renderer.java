package minsheng.telegram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import minsheng.answer.Messages;

/**
 * Turns the engine's plain text into Telegram HTML: every piece of knowledge text escaped, the figures a citizen asks
 * for in bold (never inside the citation line, whose report title holds a year), the citation line in italics, and
 * text over Telegram's 4096-character limit split at line breaks, never inside a tag or an entity.
 *
 * <p>Bold marks counts, amounts, rates and dates given as answers, one span per figure. A year alone says when, not
 * what was asked («2020年城镇新增就业…», «2019年只有…»): it is bold only as part of a date (2021年1月15日) or when
 * years are all a reply gives (「郑太高铁于2020年开通」). A figure right after another (「25148名65周岁以上」) stays
 * plain, so two never read as one.
 */
final class Renderer {

    static final int LIMIT = 4096;

    private final int limit;
    private final String citationPrefix;

    Renderer() {
        this(LIMIT);
    }

    Renderer(int limit) {
        this.limit = limit;
        String pattern = Messages.get("answer.citation", "\u0000");
        this.citationPrefix = pattern.substring(0, pattern.indexOf('\u0000'));
    }

    /** The text as HTML messages, each within the limit, figures in bold. */
    List<String> html(String text, List<String> figures) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(!citationPrefix.isEmpty() && line.startsWith(citationPrefix)
                    ? "<i>" + escape(line) + "</i>" : boldFigures(line, figures));
        }
        return split(lines);
    }

    /** Plain text as escaped HTML messages, each within the limit (for text with no figures: notes, admin replies). */
    List<String> html(String text) {
        return html(text, List.of());
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The HTML as the plain text a reader would see, for resending when the server refuses the markup. */
    static String plain(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    private static final Pattern YEAR = Pattern.compile("[0-9]{4}年");
    private static final Pattern MONTH_FIRST = Pattern.compile("^[0-9]{1,2}月.*");

    /** Where a figure stands in a line. */
    private record Span(int start, int end) {}

    /** One line with its figures in bold, as the class says; longer figures win where two overlap. */
    private static String boldFigures(String line, List<String> figures) {
        List<String> longestFirst = figures.stream().filter(f -> !f.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        boolean[] taken = new boolean[line.length()];
        List<Span> found = new ArrayList<>();
        for (String figure : longestFirst) {
            for (int at = line.indexOf(figure); at >= 0; at = line.indexOf(figure, at + 1)) {
                int end = at + figure.length();
                boolean free = true;
                for (int i = at; i < end; i++) {
                    free &= !taken[i];
                }
                if (free) {
                    Arrays.fill(taken, at, end, true);
                    found.add(new Span(at, end));
                }
            }
        }
        found.sort(Comparator.comparingInt(Span::start));
        boolean onlyYears = !longestFirst.isEmpty() && longestFirst.stream().allMatch(f -> YEAR.matcher(f).matches());
        List<Span> bold = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            Span span = found.get(k);
            if (YEAR.matcher(line.substring(span.start(), span.end())).matches() && !onlyYears) {
                Span next = k + 1 < found.size() ? found.get(k + 1) : null;
                if (next == null || next.start() != span.end()
                        || !MONTH_FIRST.matcher(line.substring(next.start(), next.end())).matches()) {
                    continue;
                }
                span = new Span(span.start(), next.end()); // a date: its year and its month and day
                k++;
            }
            if (!bold.isEmpty() && bold.get(bold.size() - 1).end() == span.start()) {
                continue;
            }
            bold.add(span);
        }
        StringBuilder b = new StringBuilder();
        int from = 0;
        for (Span span : bold) {
            b.append(escape(line.substring(from, span.start()))).append("<b>")
                    .append(escape(line.substring(span.start(), span.end()))).append("</b>");
            from = span.end();
        }
        return b.append(escape(line.substring(from))).toString();
    }

    /** Lines into messages within the limit; a line alone over the limit is cut outside tags and entities. */
    private List<String> split(List<String> lines) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            List<String> pieces = line.length() <= limit ? List.of(line) : cut(line);
            for (String piece : pieces) {
                int needed = current.length() == 0 ? piece.length() : current.length() + 1 + piece.length();
                if (needed > limit && current.length() > 0) {
                    messages.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(piece);
            }
        }
        if (!current.toString().isBlank()) {
            messages.add(current.toString());
        }
        // Trailing blank lines make no message of their own.
        return messages.stream().map(m -> m.strip()).filter(m -> !m.isEmpty()).toList();
    }

    /** A too-long line without its bold marks, cut at the limit but never inside an entity or a surrogate pair. */
    private List<String> cut(String line) {
        String flat = escape(plain(line));
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (flat.length() - start > limit) {
            int end = start + limit;
            int amp = flat.lastIndexOf('&', end - 1);
            if (amp >= start && flat.indexOf(';', amp) >= end) {
                end = amp;
            }
            if (Character.isLowSurrogate(flat.charAt(end))) {
                end--;
            }
            pieces.add(flat.substring(start, end));
            start = end;
        }
        pieces.add(flat.substring(start));
        return pieces;
    }
}
