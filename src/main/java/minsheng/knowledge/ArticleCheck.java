package minsheng.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Holds the knowledge to the article it cites: every figure appears verbatim in the paragraphs an entry names, and
 * every figure of the article is stated in some answer.
 */
final class ArticleCheck {

    private ArticleCheck() {
    }

    static void check(List<Entry> entries, Article article, List<Problem> problems) {
        for (Entry e : entries) {
            boolean paragraphsOk = true;
            for (int p : e.citation().paragraphs()) {
                if (p > article.paragraphCount()) {
                    problems.add(new Problem(e.file(), 0, 0, e.id(), "source.paragraphs",
                            p + " is beyond the article, which has " + article.paragraphCount() + " paragraphs"));
                    paragraphsOk = false;
                }
            }
            for (String figure : e.figures()) {
                if (!article.contains(figure)) {
                    problems.add(new Problem(e.file(), 0, 0, e.id(), "figures",
                            "\"" + figure + "\" is not in the article " + article.name()));
                } else if (paragraphsOk && e.citation().paragraphs().stream()
                        .noneMatch(p -> article.paragraph(p).contains(figure))) {
                    problems.add(new Problem(e.file(), 0, 0, e.id(), "figures",
                            "\"" + figure + "\" is not in paragraph " + e.citation().paragraphList()
                                    + " (the article has it in paragraph "
                                    + article.paragraphsWith(figure).stream().map(String::valueOf)
                                            .collect(Collectors.joining("、")) + ")"));
                }
            }
        }
        for (int p = 1; p <= article.paragraphCount(); p++) {
            for (String figure : article.figures(p)) {
                if (entries.stream().noneMatch(e -> e.answer().contains(figure))) {
                    problems.add(new Problem(article.name(), p, 0, null, null,
                            "the figure \"" + figure + "\" is stated in no answer"));
                }
            }
        }
    }
}
