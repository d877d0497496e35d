package dev.newsflow.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentRecognitionTest {

    @Test
    void manyThreadsGiveTheSameSpansAsOne() throws Exception {
        EntityRecognizer recognizer = EntityRecognizers.load();
        List<String> texts = NerCorpus.read(java.nio.file.Path.of("src/test/resources/ner/news-fixtures.jsonl"))
                .stream().map(NerCorpus.Sentence::text).toList();
        List<List<NerSpan>> expected = texts.stream().map(recognizer::recognize).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<List<NerSpan>>>> futures = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                final int shift = t;
                futures.add(pool.submit(() -> {
                    List<List<NerSpan>> got = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            int k = (i + shift) % texts.size();
                            List<NerSpan> spans = recognizer.recognize(texts.get(k));
                            if (round == 2) {
                                got.add(spans);
                            }
                        }
                    }
                    // undo the rotation
                    List<List<NerSpan>> ordered = new ArrayList<>(got);
                    for (int i = 0; i < texts.size(); i++) {
                        ordered.set((i + shift) % texts.size(), got.get(i));
                    }
                    return ordered;
                }));
            }
            for (Future<List<List<NerSpan>>> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.stream().mapToInt(List::size).sum()).isGreaterThan(50);
    }
}
