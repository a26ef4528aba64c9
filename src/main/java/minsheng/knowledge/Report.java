package minsheng.knowledge;

import java.util.List;
import java.util.Optional;

/** The published report a knowledge file is drawn from, and its sections. */
public record Report(String publisher, String province, int year, String title, List<Section> sections) {

    public Report {
        sections = List.copyOf(sections);
    }

    /** A titled part of the report covering a run of paragraphs (numbered from 1, inclusive). */
    public record Section(String id, String title, int firstParagraph, int lastParagraph) {

        boolean covers(int paragraph) {
            return paragraph >= firstParagraph && paragraph <= lastParagraph;
        }
    }

    Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
