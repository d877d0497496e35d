package dev.newsflow.nlp.ner;

import java.util.Arrays;
import java.util.List;

/**
 * Feature keys of one character position: character n-grams in a window of ±2, character classes, and
 * lexicon features (for each lexicon and entity type, the role and length of the longest name covering the
 * character). Keys are 64-bit: template id in the top byte.
 */
public final class NerFeatures {

    public static final int MAX_PER_POSITION = 44 + 4 * 4 * NerLabels.TYPES;
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

    /** Feature set 4: character clusters (fine and coarse) from the unlabelled text of the training files. */
    public static final int CLUSTERS = 4;
    /** Feature set 8: the word covering the character in a forward maximum match over the word lexicon. */
    public static final int SEGMENT = 8;
    private static final long M48 = (1L << 48) - 1;
    /** Feature set 32: the word covering the character in a backward maximum match too. */
    public static final int BACKWARD = 32;
    /** Feature set 16: a second pass over the labels of a first-pass model (stacking). */
    public static final int STACK = 16;
    /** Feature set 64: every match of the word and name lexicons starting or ending at the character, by length and type. */
    public static final int BOUNDS = 64;
    /** Feature set 128 (with 64): the matches ending just before the character and starting just after it. */
    public static final int NEIGHBOUR_BOUNDS = 128;

    /** What feature extraction needs of one sentence beyond its characters; built once per sentence. */
    public record Context(char[] text, byte[] lex, int lexicons, byte[] suffixDist, byte[] clusters, int[] seg,
                          int[] segEnd, long[] wordHash, byte[] backward, int[] first, byte[] repeats, int[] bounds) {

        /**
         * The same sentence with the labels of a first-pass model (feature set 16): the labels themselves, and
         * for every other occurrence in the text of a string the first pass called a name, its type and role.
         */
        public Context withFirst(int[] labels) {
            byte[] rep = new byte[text.length];
            List<NerSpan> spans = NerLabels.decode(labels, labels.length);
            for (NerSpan s : spans) {
                int len = s.end() - s.start();
                if (len < 2) {
                    continue;
                }
                int type = NerLabels.typeIndex(s.type());
                for (int from = 0; from + len <= text.length; from++) {
                    if (from == s.start() || !Arrays.equals(text, from, from + len, text, s.start(), s.end())) {
                        continue;
                    }
                    boolean same = labels[from] == labels[s.start()] && labels[from + len - 1] == labels[s.end() - 1];
                    for (int i = from; i < from + len; i++) {
                        int role = i == from ? 0 : i == from + len - 1 ? 2 : 1;
                        rep[i] = (byte) (1 + ((same ? 1 : 0) << 4 | type << 2 | role));
                    }
                }
            }
            return new Context(text, lex, lexicons, suffixDist, clusters, seg, segEnd, wordHash, backward, labels, rep, bounds);
        }
    }

    /**
     * Annotates a sentence for {@link #extract(Context, byte[], int, int, long[])}. {@code words} is the word
     * lexicon used for the maximum-match segmentation (feature set 8), {@code clusters} the per-character cluster
     * table (feature set 4); either may be null when the feature set does not use it.
     */
    public static Context context(char[] text, Lexicon[] lexicons, Lexicon suffixes, Lexicon words, byte[] clusters,
                                  int featureSet) {
        byte[] lex = annotate(text, lexicons);
        byte[] suffixDist = suffixes == null ? null : suffixDistances(text, suffixes);
        int[] seg = null;
        int[] segEnd = null;
        long[] wordHash = null;
        if ((featureSet & SEGMENT) != 0 && words != null) {
            int n = text.length;
            seg = new int[n];
            segEnd = new int[n];
            wordHash = new long[n];
            int i = 0;
            List<int[]> found = words.longestMatches(text);
            int next = 0;
            while (i < n) {
                int end = i + 1;
                if (next < found.size() && found.get(next)[0] == i) {
                    end = found.get(next)[1];
                    next++;
                }
                long h = Lexicon.SEED;
                for (int j = i; j < end; j++) {
                    h = Lexicon.step(h, text[j]);
                }
                int len = end - i;
                for (int j = i; j < end; j++) {
                    int role = len == 1 ? 3 : j == i ? 0 : j == end - 1 ? 2 : 1;
                    seg[j] = (role << 4) | Math.min(len, 7) | (i << 8);
                    segEnd[j] = end;
                    wordHash[j] = h & M48;
                }
                i = end;
            }
        }
        return new Context(text, lex, lexicons.length, suffixDist, (featureSet & CLUSTERS) != 0 ? clusters : null,
                seg, segEnd, wordHash, (featureSet & BACKWARD) != 0 && words != null ? backwardMatch(text, words) : null,
                null, null, (featureSet & BOUNDS) != 0 ? bounds(text, lexicons, words) : null);
    }

    /**
     * Every dictionary match, not only the longest: bounds[2 * i] has bit (len - 2) set when a word of the word lexicon
     * of that length (2..8) starts at i, bit (8 + len - 2) when one ends at i, bit 16 when one runs across i; bounds[2 * i
     * + 1] has bit ((l * TYPES + t) * 2) set when a name of type t in name lexicon l (the lexicons but the word lexicon,
     * at most two) starts at i, the next bit when one ends at i.
     */
    static int[] bounds(char[] text, Lexicon[] lexicons, Lexicon words) {
        int n = text.length;
        int[] b = new int[2 * n];
        if (words != null) {
            words.matches(text, 0, n, (start, end, mask) -> {
                int len = end - start;
                if (len < 2) {
                    return;
                }
                int bit = Math.min(len, 8) - 2;
                b[2 * start] |= 1 << bit;
                b[2 * (end - 1)] |= 1 << (8 + bit);
                for (int j = start + 1; j < end - 1; j++) {
                    b[2 * j] |= 1 << 16;
                }
            });
        }
        int l = 0;
        for (Lexicon lexicon : lexicons) {
            if (lexicon == null || lexicon == words || l >= 2) {
                continue;
            }
            final int li = l++;
            lexicon.matches(text, 0, n, (start, end, mask) -> {
                if (end - start < 2) {
                    return;
                }
                for (int t = 0; t < NerLabels.TYPES; t++) {
                    if ((mask & (1 << t)) != 0) {
                        int bit = (li * NerLabels.TYPES + t) * 2;
                        b[2 * start + 1] |= 1 << bit;
                        b[2 * (end - 1) + 1] |= 1 << (bit + 1);
                    }
                }
            });
        }
        return b;
    }

    /** Role and length (role << 4 | min(length, 7)) of the word covering each character, matching right to left. */
    static byte[] backwardMatch(char[] text, Lexicon words) {
        int n = text.length;
        byte[] out = new byte[n];
        int end = n;
        while (end > 0) {
            int start = end - 1;
            for (int s = Math.max(0, end - 8); s < end - 1; s++) {
                if ((words.typesOf(text, s, end) & 1) != 0) {
                    start = s;
                    break;
                }
            }
            int len = end - start;
            for (int j = start; j < end; j++) {
                int role = len == 1 ? 3 : j == start ? 0 : j == end - 1 ? 2 : 1;
                out[j] = (byte) ((role << 4) | Math.min(len, 7));
            }
            end = start;
        }
        return out;
    }

    private static int label(int[] labels, int i) {
        return i < 0 ? NerLabels.COUNT : i >= labels.length ? NerLabels.COUNT + 1 : labels[i];
    }

    private static int fine(byte[] clusters, char ch) {
        return clusters[ch] & 0xFF;
    }

    private static int coarse(byte[] clusters, char ch) {
        return clusters[65536 + ch] & 0xFF;
    }

    public static int extract(Context ctx, byte[] nameStats, int featureSet, int i, long[] out) {
        char[] c = ctx.text();
        int k = extract(c, ctx.lex(), ctx.lexicons(), nameStats, featureSet, ctx.suffixDist(), i, out);
        byte[] cl = ctx.clusters();
        if (cl != null) {
            int fm2 = fine(cl, at(c, i - 2));
            int fm1 = fine(cl, at(c, i - 1));
            int f0 = fine(cl, at(c, i));
            int fp1 = fine(cl, at(c, i + 1));
            int fp2 = fine(cl, at(c, i + 2));
            out[k++] = key(70, fm2);
            out[k++] = key(71, fm1);
            out[k++] = key(72, f0);
            out[k++] = key(73, fp1);
            out[k++] = key(74, fp2);
            out[k++] = key(75, (fm1 << 8) | f0);
            out[k++] = key(76, (f0 << 8) | fp1);
            out[k++] = key(77, (coarse(cl, at(c, i - 1)) << 16) | (coarse(cl, at(c, i)) << 8) | coarse(cl, at(c, i + 1)));
        }
        int[] bounds = ctx.bounds();
        if (bounds != null) {
            int wb = bounds[2 * i];
            int nb = bounds[2 * i + 1];
            out[k++] = key(87, wb);
            if (nb != 0) {
                out[k++] = key(88, nb);
                out[k++] = key(89, ((long) nb << 16) | c[i]);
            }
            if ((featureSet & NEIGHBOUR_BOUNDS) != 0) {
                int wl = i > 0 ? (bounds[2 * i - 2] >> 8) & 0xFF : 0x100;
                int wr = i + 1 < c.length ? bounds[2 * i + 2] & 0xFF : 0x100;
                out[k++] = key(60, ((long) wl << 20) | ((long) wr << 10) | (wb & 0xFFFF) >> 8);
                int nl = i > 0 ? bounds[2 * i - 1] & 0xAAA : 0x1000;
                int nr = i + 1 < c.length ? bounds[2 * i + 3] & 0x555 : 0x1000;
                if ((nl | nr) != 0) {
                    out[k++] = key(61, ((long) nl << 16) | nr);
                }
            }
        }
        int[] seg = ctx.seg();
        byte[] bw = ctx.backward();
        if (bw != null) {
            int b = bw[i];
            out[k++] = key(85, b);
            if (seg != null) {
                out[k++] = key(86, (b << 8) | (seg[i] & 0xFF));
            }
        }
        int[] first = ctx.first();
        if (first != null) {
            int lm2 = label(first, i - 2);
            int lm1 = label(first, i - 1);
            int l0 = label(first, i);
            int lp1 = label(first, i + 1);
            int lp2 = label(first, i + 2);
            out[k++] = key(90, lm2);
            out[k++] = key(91, lm1);
            out[k++] = key(92, l0);
            out[k++] = key(93, lp1);
            out[k++] = key(94, lp2);
            out[k++] = key(95, (lm1 << 8) | l0);
            out[k++] = key(96, (l0 << 8) | lp1);
            out[k++] = key(97, ((long) l0 << 16) | c[i]);
            int r = ctx.repeats()[i];
            if (r != 0) {
                out[k++] = key(98, r);
                out[k++] = key(99, (r << 8) | l0);
            }
        }
        if (seg != null) {
            int info = seg[i] & 0xFF;
            int role = info >> 4;
            int start = seg[i] >>> 8;
            int end = ctx.segEnd()[i];
            out[k++] = key(80, info);
            out[k++] = key(81, ((long) role << 16) | c[i]);
            if ((info & 0xF) >= 2) {
                out[k++] = key(82, (ctx.wordHash()[i] << 2) & M48 | role);
            }
            if (role == 0 || role == 3) {
                out[k++] = key(83, start == 0 ? 1 : ctx.wordHash()[start - 1]);
            }
            if ((role == 2 || role == 3)) {
                out[k++] = key(84, end >= c.length ? 1 : ctx.wordHash()[end]);
            }
        }
        return k;
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
