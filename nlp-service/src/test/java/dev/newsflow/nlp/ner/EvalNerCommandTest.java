package dev.newsflow.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalNerCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = EvalNerCommand.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void printsPrecisionRecallAndF1PerTypeAndSpeed() throws Exception {
        Path file = dir.resolve("small.jsonl");
        Files.writeString(file, """
                {"text": "上海市市长陈明在复旦大学讲话。", "entities": [{"start": 0, "end": 3, "type": "LOC"}, {"start": 5, "end": 7, "type": "PER"}, {"start": 8, "end": 12, "type": "ORG"}]}
                {"text": "今天天气很好。", "entities": []}
                """, StandardCharsets.UTF_8);
        Run r = run(file.toString(), "--baseline");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("PERSON", "LOCATION", "ORGANIZATION", "OVERALL", "chars/s")
                .contains("newsflow-ner-perceptron").contains("hanlp-portable-1.8.6-hmm")
                .contains("(gold 3, ");
    }

    @Test
    void scoresAPerfectPredictionAsOne() {
        SpanScores s = new SpanScores();
        var gold = java.util.List.of(new NerSpan(0, 2, dev.newsflow.events.EntityType.PERSON));
        s.add(gold, gold);
        assertThat(s.f1()).isEqualTo(1.0);
        s.add(gold, java.util.List.of(new NerSpan(0, 3, dev.newsflow.events.EntityType.PERSON)));
        assertThat(s.f1()).isEqualTo(0.5);
    }

    @Test
    void rejectsAMissingFileAndBadArguments() {
        assertThat(run(dir.resolve("nope.jsonl").toString()).code()).isEqualTo(2);
        assertThat(run().err()).contains("FILE.jsonl");
        assertThat(run("--frobnicate").code()).isEqualTo(2);
        assertThat(run("--help").out()).contains("usage: newsflow eval-ner");
    }

    @Test
    void rejectsMalformedLinesNamingTheLine() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"text\": \"abc\", \"entities\": [{\"start\": 1, \"end\": 9, \"type\": \"PER\"}]}\n");
        Run r = run(file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.jsonl:1");
    }
}
