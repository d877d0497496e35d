package dev.newsflow.nlp.ner.train;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Character clusters from unlabelled text: each frequent character is described by its left and right neighbours
 * (positive PMI over the most frequent context characters), randomly projected to a few dimensions, and k-means
 * clustered twice, finely and coarsely. Result: byte[2 * 65536], fine cluster (1..FINE) of char c at [c], coarse
 * cluster (1..COARSE) at [65536 + c]; 0 for characters too rare to place.
 */
final class CharClusters {

    static final int FINE = 250;
    static final int COARSE = 40;
    private static final int MIN_COUNT = 5;
    private static final int CONTEXTS = 1500;
    private static final int DIMS = 96;

    private CharClusters() {
    }

    static byte[] compute(List<char[]> texts, long seed) {
        int[] freq = new int[65536];
        for (char[] t : texts) {
            for (char ch : t) {
                freq[ch]++;
            }
        }
        Integer[] byFreq = new Integer[65536];
        for (int i = 0; i < byFreq.length; i++) {
            byFreq[i] = i;
        }
        Arrays.sort(byFreq, (a, b) -> Integer.compare(freq[b], freq[a]));
        int[] contextId = new int[65536];
        Arrays.fill(contextId, -1);
        for (int i = 0; i < CONTEXTS && freq[byFreq[i]] > 0; i++) {
            contextId[byFreq[i]] = i;
        }
        int[] vocabId = new int[65536];
        Arrays.fill(vocabId, -1);
        int v = 0;
        for (int i = 0; i < 65536 && freq[byFreq[i]] >= MIN_COUNT; i++) {
            vocabId[byFreq[i]] = v++;
        }
        int vocab = v;
        // co-occurrence counts: dims [0, CONTEXTS] left neighbour (CONTEXTS = boundary/other), then right
        int width = 2 * (CONTEXTS + 1);
        float[] counts = new float[vocab * width];
        for (char[] t : texts) {
            for (int i = 0; i < t.length; i++) {
                int w = vocabId[t[i]];
                if (w < 0) {
                    continue;
                }
                int left = i == 0 ? CONTEXTS : contextId[t[i - 1]] < 0 ? CONTEXTS : contextId[t[i - 1]];
                int right = i == t.length - 1 ? CONTEXTS : contextId[t[i + 1]] < 0 ? CONTEXTS : contextId[t[i + 1]];
                counts[w * width + left]++;
                counts[w * width + CONTEXTS + 1 + right]++;
            }
        }
        // positive PMI
        double[] colSum = new double[width];
        double[] rowSum = new double[vocab];
        double total = 0;
        for (int w = 0; w < vocab; w++) {
            for (int d = 0; d < width; d++) {
                float x = counts[w * width + d];
                colSum[d] += x;
                rowSum[w] += x;
                total += x;
            }
        }
        Random random = new Random(seed);
        float[] projection = new float[width * DIMS];
        for (int i = 0; i < projection.length; i++) {
            projection[i] = (float) random.nextGaussian();
        }
        float[] vec = new float[vocab * DIMS];
        for (int w = 0; w < vocab; w++) {
            for (int d = 0; d < width; d++) {
                float x = counts[w * width + d];
                if (x == 0) {
                    continue;
                }
                double pmi = Math.log(x * total / (rowSum[w] * Math.pow(colSum[d], 0.75) * Math.pow(total, 0.25)));
                if (pmi <= 0) {
                    continue;
                }
                for (int k = 0; k < DIMS; k++) {
                    vec[w * DIMS + k] += (float) pmi * projection[d * DIMS + k];
                }
            }
            normalise(vec, w * DIMS);
        }
        int[] fine = kmeans(vec, vocab, FINE, random);
        int[] coarse = kmeans(vec, vocab, COARSE, random);
        byte[] out = new byte[2 * 65536];
        for (int ch = 0; ch < 65536; ch++) {
            int w = vocabId[ch];
            if (w >= 0) {
                out[ch] = (byte) (1 + fine[w]);
                out[65536 + ch] = (byte) (1 + coarse[w]);
            }
        }
        NerTrainer.log("character clusters: %d characters in %d / %d clusters", vocab, FINE, COARSE);
        return out;
    }

    private static void normalise(float[] v, int from) {
        double s = 0;
        for (int k = 0; k < DIMS; k++) {
            s += v[from + k] * v[from + k];
        }
        float inv = s == 0 ? 0 : (float) (1 / Math.sqrt(s));
        for (int k = 0; k < DIMS; k++) {
            v[from + k] *= inv;
        }
    }

    /** Spherical k-means: assignments of the {@code n} unit vectors to {@code k} clusters. */
    private static int[] kmeans(float[] vec, int n, int k, Random random) {
        k = Math.min(k, n);
        float[] centre = new float[k * DIMS];
        for (int c = 0; c < k; c++) {
            int pick = random.nextInt(n);
            System.arraycopy(vec, pick * DIMS, centre, c * DIMS, DIMS);
        }
        int[] assign = new int[n];
        for (int it = 0; it < 25; it++) {
            boolean changed = false;
            for (int w = 0; w < n; w++) {
                int best = 0;
                float bestDot = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    float dot = 0;
                    for (int d = 0; d < DIMS; d++) {
                        dot += vec[w * DIMS + d] * centre[c * DIMS + d];
                    }
                    if (dot > bestDot) {
                        bestDot = dot;
                        best = c;
                    }
                }
                if (assign[w] != best) {
                    assign[w] = best;
                    changed = true;
                }
            }
            Arrays.fill(centre, 0);
            int[] size = new int[k];
            for (int w = 0; w < n; w++) {
                size[assign[w]]++;
                for (int d = 0; d < DIMS; d++) {
                    centre[assign[w] * DIMS + d] += vec[w * DIMS + d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (size[c] == 0) {
                    System.arraycopy(vec, random.nextInt(n) * DIMS, centre, c * DIMS, DIMS);
                }
                normalise(centre, c * DIMS);
            }
            if (!changed && it > 0) {
                break;
            }
        }
        return assign;
    }
}
