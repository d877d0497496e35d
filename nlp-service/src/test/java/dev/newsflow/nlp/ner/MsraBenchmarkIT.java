package dev.newsflow.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The published figure: MSRA test (never trained or tuned on). Skipped when ../shared is absent. */
class MsraBenchmarkIT {

    static final double F1_FLOOR = 0.90;
    /** Of HanLP's default segmenter with name/place/organisation recognition, measured in the same run. */
    static final double SPEED_RATIO_FLOOR = 0.5;

    @Test
    void msraTestF1AndSpeedStayAtTheMeasuredLevel() {
        Path shared = SharedData.shared();
        Path file = shared == null ? null : shared.resolve("datasets/benchmark/msra_test.jsonl");
        assumeTrue(file != null && Files.exists(file), "../shared absent");
        var sentences = NerCorpus.read(file);
        EvalNerCommand.Result r = EvalNerCommand.evaluate(EntityRecognizers.load(), sentences);
        EvalNerCommand.Result hanlp = EvalNerCommand.evaluate(new HanlpEntityRecognizer(), sentences);
        System.out.println("msra_test:\n" + r.scores().report() + "\nspeed " + Math.round(r.charsPerSecond())
                + " chars/s wall clock, " + Math.round(r.charsPerCpuSecond()) + " chars per CPU-second; HanLP "
                + hanlp.scores().summary() + ", " + Math.round(hanlp.charsPerCpuSecond()) + " chars per CPU-second");
        assertThat(r.scores().f1()).isGreaterThanOrEqualTo(F1_FLOOR);
        assertThat(r.scores().f1()).isGreaterThan(hanlp.scores().f1() + 0.2);
        // CPU time, not wall clock, and relative to HanLP on the same machine: the build machine is shared
        assertThat(r.charsPerCpuSecond()).isGreaterThanOrEqualTo(SPEED_RATIO_FLOOR * hanlp.charsPerCpuSecond());
    }
}
