package minsheng.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The source article as plain text, one paragraph per line, numbered from 1. */
public final class Article {

    // A figure as the article writes it: a number and the character right after it ("1.3万", "17所", "72.66%").
    private static final Pattern FIGURE = Pattern.compile("\\d+(?:\\.\\d+)?[^\\s\\p{P}\\d]?%?");

    private final String name;
    private final List<String> paragraphs;

    Article(String name, List<String> paragraphs) {
        this.name = name;
        this.paragraphs = List.copyOf(paragraphs);
    }

    public static Article read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "the article to check against is not there");
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        return new Article(path.getFileName().toString(), List.of(text.split("\\R", -1)));
    }

    String name() {
        return name;
    }

    int paragraphCount() {
        return paragraphs.size();
    }

    String paragraph(int number) {
        return paragraphs.get(number - 1);
    }

    boolean contains(String text) {
        return paragraphs.stream().anyMatch(p -> p.contains(text));
    }

    /** Paragraph numbers that contain {@code text}. */
    List<Integer> paragraphsWith(String text) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).contains(text)) {
                out.add(i + 1);
            }
        }
        return out;
    }

    /** Every figure the paragraph states, each with its unit character, in order of appearance. */
    Set<String> figures(int number) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = FIGURE.matcher(paragraph(number));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
