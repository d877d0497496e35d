package dev.newsflow.nlp.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.ArticleEnriched.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FigureExtractorConcurrencyTest {

    @Test
    void oneSharedExtractorGivesTheSameResultsOnManyThreadsAsOnOne() throws Exception {
        FigureExtractor shared = new FigureExtractor();
        List<String> texts = new ArrayList<>();
        FigureEvaluation.loadFixtures(FigureEvaluation.DEV).forEach(a -> texts.add(a.text()));
        FigureEvaluation.loadFixtures(FigureEvaluation.HELD_OUT).forEach(a -> texts.add(a.text()));
        List<List<Figure>> expected = new ArrayList<>();
        for (String t : texts) {
            expected.add(shared.extract(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread;
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int k = 0; k < texts.size(); k++) {
                            int i = (k + offset) % texts.size();
                            if (!shared.extract(texts.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
