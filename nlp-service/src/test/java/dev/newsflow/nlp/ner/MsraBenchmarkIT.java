package dev.newsflow.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The published figure: MSRA test (never trained or tuned on). Skipped when ../shared is absent. */
class MsraBenchmarkIT {

    static final double F1_FLOOR = 0.86;
    static final double SPEED_FLOOR = 150_000;

    @Test
    void msraTestF1AndSpeedStayAtTheMeasuredLevel() {
        Path shared = SharedData.shared();
        Path file = shared == null ? null : shared.resolve("datasets/benchmark/msra_test.jsonl");
        assumeTrue(file != null && Files.exists(file), "../shared absent");
        EvalNerCommand.Result r = EvalNerCommand.evaluate(EntityRecognizers.load(), NerCorpus.read(file));
        System.out.println("msra_test:\n" + r.scores().report() + "\nspeed " + Math.round(r.charsPerSecond()) + " chars/s");
        assertThat(r.scores().f1()).isGreaterThanOrEqualTo(F1_FLOOR);
        assertThat(r.charsPerSecond()).isGreaterThanOrEqualTo(SPEED_FLOOR);
    }
}
