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

    /**
     * {@code answers}: every answer read, sound entry or not, that the article's figures are looked for in; null when
     * a file could not be read, so which figures go unstated is not known and is not told.
     */
    static void check(List<Entry> entries, List<String> answers, Article article, List<Problem> problems) {
        for (Entry e : entries) {
            boolean paragraphsOk = true;
            for (int p : e.citation().paragraphs()) {
                if (p > article.paragraphCount()) {
                    problems.add(Problem.at(e.file(), 0, 0, e.id(), "source.paragraphs", "problem.article.beyond", p,
                            article.paragraphCount()));
                    paragraphsOk = false;
                }
            }
            for (String figure : e.figures()) {
                if (!article.contains(figure)) {
                    problems.add(Problem.at(e.file(), 0, 0, e.id(), "figures", "problem.article.figure", figure,
                            article.name()));
                } else if (paragraphsOk && e.citation().paragraphs().stream()
                        .noneMatch(p -> article.paragraph(p).contains(figure))) {
                    problems.add(Problem.at(e.file(), 0, 0, e.id(), "figures", "problem.article.paragraph", figure,
                            e.citation().paragraphList(), article.paragraphsWith(figure).stream()
                                    .map(String::valueOf).collect(Collectors.joining("、"))));
                }
            }
        }
        // A detail an entry declares the report lacks, which its cited paragraph states and no answer citing that
        // paragraph gives: the report has it, and the knowledge says it does not.
        for (Entry e : entries) {
            List<String> lacks = e.declared().map(Scope::lacks).orElse(List.of());
            for (int i = 0; i < lacks.size(); i++) {
                String lack = lacks.get(i);
                List<Integer> stating = e.citation().paragraphs().stream()
                        .filter(p -> p <= article.paragraphCount() && Stated.in(article.paragraph(p), lack)).toList();
                if (!stating.isEmpty() && entries.stream().noneMatch(o -> Stated.in(o.answer(), lack)
                        && o.citation().paragraphs().stream().anyMatch(stating::contains))) {
                    problems.add(Problem.at(e.file(), 0, 0, e.id(), "scope.lacks[" + (i + 1) + "]",
                            "problem.article.lacks", lack, stating.get(0)));
                }
            }
        }
        if (answers == null) {
            return;
        }
        for (int p = 1; p <= article.paragraphCount(); p++) {
            for (String figure : article.figures(p)) {
                if (answers.stream().noneMatch(a -> a.contains(figure))) {
                    problems.add(Problem.atLine(article.name(), p, null, "problem.article.unstated", figure));
                }
            }
        }
    }
}
