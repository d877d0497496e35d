package dev.newsflow.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NgramScorerTest {

    private static final int L = NerLabels.COUNT;

    @Test
    void groupedNgramScoresEqualTheTemplateByTemplateSum() {
        String[] training = {"沈阳市副市长王建国带队到辽宁大学调研。", "王建国在沈阳市。", "a\u0000\u0000b"};
        LongIntMap index = new LongIntMap(1024);
        long[] buf = new long[NerFeatures.MAX_PER_POSITION];
        for (String s : training) {
            char[] c = NerText.normalize(s);
            for (int i = 0; i < c.length; i++) {
                int k = NerFeatures.extract(c, null, 0, null, NerFeatures.WIDE, null, i, buf);
                for (int f = 0; f < k; f++) {
                    if (index.get(buf[f]) < 0) {
                        index.put(buf[f], index.size());
                    }
                }
            }
        }
        float[] weights = new float[index.size() * L];
        Random random = new Random(3);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextFloat() - 0.5f;
        }
        NgramScorer scorer = new NgramScorer(index, weights);
        for (String s : new String[] {"王建国到沈阳市调研。", "辽宁大学", "王", "a\u0000\u0000b", ""}) {
            char[] c = NerText.normalize(s);
            float[] grouped = new float[c.length * L];
            scorer.score(c, grouped);
            float[] naive = new float[c.length * L];
            for (int i = 0; i < c.length; i++) {
                int k = NerFeatures.extract(c, null, 0, null, NerFeatures.WIDE, null, i, buf);
                for (int f = 0; f < k; f++) {
                    int row = index.get(buf[f]);
                    if (row >= 0 && NgramScorer.HANDLED[(int) (buf[f] >>> 56)]) {
                        for (int y = 0; y < L; y++) {
                            naive[i * L + y] += weights[row * L + y];
                        }
                    }
                }
            }
            for (int j = 0; j < naive.length; j++) {
                assertThat(grouped[j]).as("%s at %d", s, j / L).isCloseTo(naive[j], within(1e-4f));
            }
        }
    }
}
