package dev.newsflow.nlp.ner;

import java.util.Arrays;

/**
 * Feature keys of one character position: character n-grams in a window of ±2, character classes, and
 * lexicon features (for each lexicon and entity type, the role and length of the longest name covering the
 * character). Keys are 64-bit: template id in the top byte.
 */
public final class NerFeatures {

    public static final int MAX_PER_POSITION = 28 + 4 * NerLabels.TYPES;
    static final char BOS = '\u0002';
    static final char EOS = '\u0003';

    private NerFeatures() {
    }

    private static long key(int template, long payload) {
        return ((long) template << 56) | payload;
    }

    private static char at(char[] c, int i) {
        return i < 0 ? BOS : i >= c.length ? EOS : c[i];
    }

    static int charClass(char ch) {
        if (ch >= '0' && ch <= '9') {
            return 1;
        }
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
            return 2;
        }
        if (ch >= '\u4e00' && ch <= '\u9fff') {
            return 3;
        }
        if (ch == BOS || ch == EOS) {
            return 4;
        }
        if (Character.isWhitespace(ch)) {
            return 5;
        }
        if ("零〇一二三四五六七八九十百千万亿两".indexOf(ch) >= 0) {
            return 6;
        }
        return 7;
    }

    /**
     * Lexicon annotation of a sentence: for lexicon l and type t, lex[(i * lexicons + l) * TYPES + t] holds
     * 1 + (role << 3 | length bucket) of the longest name of type t covering position i, 0 when none.
     */
    public static byte[] annotate(char[] text, Lexicon... lexicons) {
        int n = text.length;
        int per = lexicons.length * NerLabels.TYPES;
        byte[] lex = new byte[n * per];
        if (n == 0) {
            return lex;
        }
        byte[] bestLen = new byte[n * per];
        for (int l = 0; l < lexicons.length; l++) {
            if (lexicons[l] == null) {
                continue;
            }
            final int li = l;
            lexicons[l].matches(text, 0, n, (start, end, mask) -> {
                int len = end - start;
                for (int t = 0; t < NerLabels.TYPES; t++) {
                    if ((mask & (1 << t)) == 0) {
                        continue;
                    }
                    for (int i = start; i < end; i++) {
                        int slot = (i * lexicons.length + li) * NerLabels.TYPES + t;
                        if (len > bestLen[slot]) {
                            bestLen[slot] = (byte) Math.min(len, 120);
                            int role = len == 1 ? NerLabels.S : i == start ? NerLabels.B : i == end - 1 ? NerLabels.E : NerLabels.I;
                            int bucket = Math.min(len, 7);
                            lex[slot] = (byte) (1 + ((role << 3) | bucket));
                        }
                    }
                }
            });
        }
        return lex;
    }

    /** Fills {@code out} with the feature keys of position {@code i} and returns how many. */
    /** Feature set 1 adds a wider window: characters at ±3, bigrams at ±2..3, trigrams left and right. */
    public static final int WIDE = 1;
    /** Feature set 2: distance to the next location / organisation suffix (省, 市, 银行, 委员会...) in the clause. */
    public static final int SUFFIX = 2;
    static final int NO_SUFFIX = 11;

    /**
     * For each position i and t in {0 = LOCATION, 1 = ORGANIZATION}: dist[2 * i + t] = distance from i to the last
     * character of the nearest suffix of that type starting at or after i in the same clause (no punctuation in
     * between), capped; NO_SUFFIX when none within 10.
     */
    public static byte[] suffixDistances(char[] text, Lexicon suffixes) {
        int n = text.length;
        byte[] dist = new byte[2 * n];
        java.util.Arrays.fill(dist, (byte) NO_SUFFIX);
        if (suffixes == null || n == 0) {
            return dist;
        }
        int[] clause = new int[n];
        int id = 0;
        for (int i = 0; i < n; i++) {
            int cls = charClass(text[i]);
            if (cls == 5 || cls == 7) {
                id++;
            }
            clause[i] = id;
        }
        suffixes.matches(text, 0, n, (start, end, mask) -> {
            for (int t = 0; t < 2; t++) {
                if ((mask & (1 << (t + 1))) == 0) {
                    continue;
                }
                for (int i = start; i >= 0 && i >= start - 10; i--) {
                    if (clause[i] != clause[end - 1]) {
                        break;
                    }
                    int d = end - 1 - i;
                    if (d < dist[2 * i + t]) {
                        dist[2 * i + t] = (byte) d;
                    }
                }
            }
        });
        return dist;
    }

    public static int extract(char[] c, byte[] lex, int lexicons, byte[] nameStats, int featureSet,
                              byte[] suffixDist, int i, long[] out) {
        char m2 = at(c, i - 2);
        char m1 = at(c, i - 1);
        char c0 = at(c, i);
        char p1 = at(c, i + 1);
        char p2 = at(c, i + 2);
        int k = 0;
        out[k++] = key(1, m2);
        out[k++] = key(2, m1);
        out[k++] = key(3, c0);
        out[k++] = key(4, p1);
        out[k++] = key(5, p2);
        out[k++] = key(6, ((long) m2 << 16) | m1);
        out[k++] = key(7, ((long) m1 << 16) | c0);
        out[k++] = key(8, ((long) c0 << 16) | p1);
        out[k++] = key(9, ((long) p1 << 16) | p2);
        out[k++] = key(10, ((long) m1 << 32) | ((long) c0 << 16) | p1);
        out[k++] = key(11, ((long) m1 << 16) | p1);
        out[k++] = key(12, (charClass(m1) << 8) | (charClass(c0) << 4) | charClass(p1));
        out[k++] = key(13, 1);
        if (suffixDist != null) {
            int dl = suffixDist[2 * i];
            int dorg = suffixDist[2 * i + 1];
            out[k++] = key(50, dl);
            out[k++] = key(51, dorg);
            out[k++] = key(52, ((long) Math.min(dl, 6) << 16) | c0);
            out[k++] = key(53, ((long) Math.min(dorg, 8) << 16) | c0);
        }
        if ((featureSet & WIDE) != 0) {
            char m3 = at(c, i - 3);
            char p3 = at(c, i + 3);
            out[k++] = key(40, m3);
            out[k++] = key(41, p3);
            out[k++] = key(42, ((long) m3 << 16) | m2);
            out[k++] = key(43, ((long) p2 << 16) | p3);
            out[k++] = key(44, ((long) m2 << 32) | ((long) m1 << 16) | c0);
            out[k++] = key(45, ((long) c0 << 32) | ((long) p1 << 16) | p2);
        }
        if (nameStats != null) {
            int sm2 = surname(nameStats, m2);
            int sm1 = surname(nameStats, m1);
            int s0 = surname(nameStats, c0);
            int sp1 = surname(nameStats, p1);
            int gm1 = given(nameStats, m1);
            int g0 = given(nameStats, c0);
            int gp1 = given(nameStats, p1);
            int gp2 = given(nameStats, p2);
            out[k++] = key(14, (s0 << 8) | (gp1 << 4) | gp2);
            out[k++] = key(15, (sm1 << 8) | (g0 << 4) | gp1);
            out[k++] = key(16, (sm2 << 8) | (gm1 << 4) | g0);
            out[k++] = key(17, (gm1 << 8) | (g0 << 4) | sp1);
        }
        if (lex != null) {
            int per = lexicons * NerLabels.TYPES;
            int base = i * per;
            for (int s = 0; s < per; s++) {
                int v = lex[base + s];
                if (v != 0) {
                    out[k++] = key(20 + s, v);
                }
            }
        }
        return k;
    }

    private static int surname(byte[] stats, char ch) {
        return (stats[ch] >> 4) & 0xF;
    }

    private static int given(byte[] stats, char ch) {
        return stats[ch] & 0xF;
    }

    /**
     * Per character: high nibble the bucket of how often it starts a person name, low nibble how often it is
     * inside one (0 = too rare to tell; 1..4 = below 5%, 20%, 50%, and above).
     */
    public static byte[] nameStats(int[] total, int[] first, int[] inside) {
        byte[] stats = new byte[65536];
        for (int ch = 0; ch < stats.length; ch++) {
            if (total[ch] >= 3) {
                stats[ch] = (byte) ((bucket(first[ch], total[ch]) << 4) | bucket(inside[ch], total[ch]));
            }
        }
        return stats;
    }

    private static int bucket(int count, int total) {
        double r = (double) count / total;
        return r < 0.05 ? 1 : r < 0.2 ? 2 : r < 0.5 ? 3 : 4;
    }

    static long[] scratch() {
        long[] a = new long[MAX_PER_POSITION];
        Arrays.fill(a, 0);
        return a;
    }
}
