package dev.newsflow.nlp.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * The character n-gram part of the emission scores, regrouped for speed: the weights of every template over the
 * same n-gram (character c at offset -3..+3, bigram ab at -3..+2, trigram abc at -2..0, the skip pair a_b) are
 * stored side by side, so one hash lookup per n-gram of the text replaces one lookup per template and position.
 * Same scores as looking the templates up one by one (up to float rounding). Immutable.
 */
final class NgramScorer {

    private static final int L = NerLabels.COUNT;

    /** template id -> slot in its group, -1 when the template is not an n-gram template handled here. */
    private static final int[] UNI = new int[256];
    private static final int[] BI = new int[256];
    private static final int[] TRI = new int[256];
    private static final int SKIP_TEMPLATE = 11;
    static final boolean[] HANDLED = new boolean[256];

    static {
        java.util.Arrays.fill(UNI, -1);
        java.util.Arrays.fill(BI, -1);
        java.util.Arrays.fill(TRI, -1);
        int[] uni = {40, 1, 2, 3, 4, 5, 41};        // char at i-3 .. i+3
        int[] bi = {42, 6, 7, 8, 9, 43};            // pair starting at i-3 .. i+2
        int[] tri = {44, 10, 45};                   // triple starting at i-2 .. i
        for (int s = 0; s < uni.length; s++) {
            UNI[uni[s]] = s;
            HANDLED[uni[s]] = true;
        }
        for (int s = 0; s < bi.length; s++) {
            BI[bi[s]] = s;
            HANDLED[bi[s]] = true;
        }
        for (int s = 0; s < tri.length; s++) {
            TRI[tri[s]] = s;
            HANDLED[tri[s]] = true;
        }
        HANDLED[SKIP_TEMPLATE] = true;
    }

    /** One group: n-gram payload -> entry; entry -> mask of slots present and where its rows start in the pool. */
    private static final class Group {
        final LongIntMap entries;
        final int[] mask;
        final int[] start;
        final float[] pool;

        Group(LongIntMap entries, int[] mask, int[] start, float[] pool) {
            this.entries = entries;
            this.mask = mask;
            this.start = start;
            this.pool = pool;
        }
    }

    private final int[] charEntry = new int[65536];
    private final Group uni;
    private final Group bi;
    private final Group tri;
    private final Group skip;

    NgramScorer(LongIntMap index, float[] weights) {
        List<long[]> u = new ArrayList<>();
        List<long[]> b = new ArrayList<>();
        List<long[]> t = new ArrayList<>();
        List<long[]> k = new ArrayList<>();
        index.forEach((key, row) -> {
            int template = (int) (key >>> 56);
            long payload = key & ((1L << 56) - 1);
            if (template < 256 && UNI[template] >= 0) {
                u.add(new long[] {payload, UNI[template], row});
            } else if (BI[template] >= 0) {
                b.add(new long[] {payload, BI[template], row});
            } else if (TRI[template] >= 0) {
                t.add(new long[] {payload, TRI[template], row});
            } else if (template == SKIP_TEMPLATE) {
                k.add(new long[] {payload, 0, row});
            }
        });
        uni = group(u, weights);
        bi = group(b, weights);
        tri = group(t, weights);
        skip = group(k, weights);
        java.util.Arrays.fill(charEntry, -1);
        uni.entries.forEach((payload, entry) -> charEntry[(int) payload] = entry);
    }

    private static Group group(List<long[]> features, float[] weights) {
        features.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        LongIntMap entries = new LongIntMap(Math.max(16, features.size()));
        int count = 0;
        for (int i = 0; i < features.size(); i++) {
            if (i == 0 || features.get(i)[0] != features.get(i - 1)[0]) {
                count++;
            }
        }
        int[] mask = new int[count];
        int[] start = new int[count];
        float[] pool = new float[features.size() * L];
        int e = -1;
        for (int i = 0; i < features.size(); i++) {
            long[] f = features.get(i);
            if (i == 0 || f[0] != features.get(i - 1)[0]) {
                e++;
                entries.put(f[0] == 0 ? Long.MIN_VALUE : f[0], e);
                start[e] = i * L;
            }
            mask[e] |= 1 << f[1];
            System.arraycopy(weights, (int) f[2] * L, pool, i * L, L);
        }
        return new Group(entries, mask, start, pool);
    }

    private static int get(Group g, long payload) {
        return g.entries.get(payload == 0 ? Long.MIN_VALUE : payload);
    }

    private static char at(char[] c, int i) {
        return i < 0 ? NerFeatures.BOS : i >= c.length ? NerFeatures.EOS : c[i];
    }

    /** Adds the n-gram template scores of every position of {@code c} to {@code emit} (n * L). */
    void score(char[] c, float[] emit) {
        int n = c.length;
        float[] pool = uni.pool;
        for (int j = -3; j < n + 3; j++) {
            int e = charEntry[at(c, j)];
            if (e >= 0) {
                add(pool, uni.start[e], uni.mask[e], 7, j + 3, n, emit);
            }
        }
        pool = bi.pool;
        for (int j = -3; j < n + 2; j++) {
            int e = get(bi, ((long) at(c, j) << 16) | at(c, j + 1));
            if (e >= 0) {
                add(pool, bi.start[e], bi.mask[e], 6, j + 3, n, emit);
            }
        }
        pool = tri.pool;
        for (int j = -2; j < n; j++) {
            int e = get(tri, ((long) at(c, j) << 32) | ((long) at(c, j + 1) << 16) | at(c, j + 2));
            if (e >= 0) {
                add(pool, tri.start[e], tri.mask[e], 3, j + 2, n, emit);
            }
        }
        pool = skip.pool;
        for (int i = 0; i < n; i++) {
            int e = get(skip, ((long) at(c, i - 1) << 16) | at(c, i + 1));
            if (e >= 0) {
                int p = skip.start[e];
                int base = i * L;
                for (int y = 0; y < L; y++) {
                    emit[base + y] += pool[p + y];
                }
            }
        }
    }

    /** Slot s of an n-gram starting at j scores position j - (s - first) = top - s, with top = j + first. */
    private static void add(float[] pool, int p, int mask, int slots, int top, int n, float[] emit) {
        for (int s = 0; s < slots; s++) {
            if ((mask & (1 << s)) == 0) {
                continue;
            }
            int i = top - s;
            if (i >= 0 && i < n) {
                int base = i * L;
                for (int y = 0; y < L; y++) {
                    emit[base + y] += pool[p + y];
                }
            }
            p += L;
        }
    }
}
