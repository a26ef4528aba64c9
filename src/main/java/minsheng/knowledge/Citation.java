package minsheng.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** Where in the report an entry's facts come from. */
public record Citation(Report report, Report.Section section, List<Integer> paragraphs) {

    public Citation {
        paragraphs = List.copyOf(paragraphs);
    }

    /** Paragraph numbers as readers write them: "10" or "15、16". */
    public String paragraphList() {
        return paragraphs.stream().map(String::valueOf).collect(Collectors.joining("、"));
    }
}
