package dev.newsflow.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our own annotated regional-news fixtures (written for this project, not from any benchmark). */
class NewsFixturesTest {

    static final double FLOOR = 0.85;

    @Test
    void entityF1OnOwnNewsFixturesStaysAboveTheMeasuredFloor() {
        List<NerCorpus.Sentence> sentences = NerCorpus.read(Path.of("src/test/resources/ner/news-fixtures.jsonl"));
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(20);
        EvalNerCommand.Result result = EvalNerCommand.evaluate(EntityRecognizers.load(), sentences);
        System.out.println("news fixtures:\n" + result.scores().report());
        assertThat(result.scores().f1()).isGreaterThanOrEqualTo(FLOOR);
    }
}
