package dev.newsflow.nlp.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.nlp.figures.FigureEvaluation.Article;
import dev.newsflow.nlp.figures.FigureEvaluation.Score;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureEvaluationTest {

    private final FigureExtractor extractor = new FigureExtractor();

    @Test
    void fixturesAreLargeEnough() {
        List<Article> dev = FigureEvaluation.loadFixtures(FigureEvaluation.DEV);
        List<Article> all = new ArrayList<>(dev);
        all.addAll(FigureEvaluation.loadFixtures(FigureEvaluation.HELD_OUT));
        all.addAll(FigureEvaluation.loadFixtures(FigureEvaluation.HELD_OUT_2));
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        assertThat(all.stream().mapToInt(a -> a.figures().size()).sum()).isGreaterThanOrEqualTo(150);
        for (Article a : all) {
            for (FigureEvaluation.Expected e : a.figures()) {
                assertThat(a.text().substring(e.start(), e.end())).isEqualTo(e.text());
            }
        }
    }

    @Test
    void precisionAndRecallOnTheFixturesAreAtLeast95Percent() {
        List<Article> all = new ArrayList<>(FigureEvaluation.loadFixtures(FigureEvaluation.DEV));
        all.addAll(FigureEvaluation.loadFixtures(FigureEvaluation.HELD_OUT));
        all.addAll(FigureEvaluation.loadFixtures(FigureEvaluation.HELD_OUT_2));
        Score score = FigureEvaluation.evaluate("all fixtures", extractor, all);
        FigureEvaluation.scoreAll(extractor).forEach(s -> System.out.println(s.summary()));
        System.out.println(score.summary());
        assertThat(score.precision()).as(String.join("\n", score.errors())).isGreaterThanOrEqualTo(0.95);
        assertThat(score.recall()).as(String.join("\n", score.errors())).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void matchingRequiresValueUnitKindAndApproximateFlag() {
        Article article = FigureEvaluation.loadFixtures(FigureEvaluation.DEV).get(0);
        Score perfect = FigureEvaluation.evaluate("dev[0]", extractor, List.of(article));
        assertThat(perfect.matched()).isPositive();
        Article shifted = new Article(article.id(), article.text(), article.figures().stream()
                .map(e -> new FigureEvaluation.Expected(e.text(), e.value().add(BigDecimal.ONE), e.unit(),
                        e.kind(), e.approximate(), e.start(), e.end(), e.change()))
                .toList());
        assertThat(FigureEvaluation.evaluate("wrong values", extractor, List.of(shifted)).matched()).isZero();
    }
}
