package dev.newsflow.nlp.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsflow.events.ArticleEnriched.Change;
import dev.newsflow.events.ArticleEnriched.Figure;
import dev.newsflow.events.FigureKind;
import dev.newsflow.nlp.figures.FigureEvaluation.Article;
import dev.newsflow.nlp.figures.FigureEvaluation.Score;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real OCR'd page in ../shared (skipped when ../shared is absent). */
class FigureSamplePageTest {

    private final FigureExtractor extractor = new FigureExtractor();

    private Article page() {
        Optional<Article> page = FigureEvaluation.loadSamplePage();
        assumeTrue(page.isPresent(), "../shared/samples/jinzhou-daily-page.txt is not there");
        return page.get();
    }

    @Test
    void findsTheGuaranteedLoansWithTheirYearOnYearChange() {
        List<Figure> figures = extractor.extract(page().text());
        Figure loans = figures.stream().filter(f -> f.text().equals("6.43亿元")).findFirst().orElseThrow();
        assertThat(loans.value()).isEqualByComparingTo("643000000");
        assertThat(loans.unit()).isEqualTo("CNY");
        assertThat(loans.kind()).isEqualTo(FigureKind.MONEY);
        assertThat(loans.subject()).isEqualTo("担保贷款");
        assertThat(loans.change()).isEqualTo(new Change("UP", new BigDecimal("124.83"), null, "YEAR_ON_YEAR"));
        assertThat(figures).noneMatch(f -> f.text().contains("124.83"));
    }

    @Test
    void precisionAndRecallOnThePageAreAtLeast95Percent() {
        Score score = FigureEvaluation.evaluate("jinzhou sample page", extractor, List.of(page()));
        System.out.println(score.summary());
        assertThat(score.precision()).as(String.join("\n", score.errors())).isGreaterThanOrEqualTo(0.95);
        assertThat(score.recall()).as(String.join("\n", score.errors())).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void ordinalsYearsAndNamesOnThePageAreNotFigures() {
        List<Figure> figures = extractor.extract(page().text());
        assertThat(figures).extracting(Figure::text)
                .noneMatch(t -> t.contains("2022") || t.contains("一二三") || t.contains("九届") || t.contains("七年")
                        || t.contains("90") || t.contains("一书记"));
    }
}
