package dev.newsflow.nlp.ner;

import java.util.Arrays;

/**
 * Feature keys of one character position: character n-grams in a window of ±2, character classes, and
 * lexicon features (for each lexicon and entity type, the role and length of the longest name covering the
 * character). Keys are 64-bit: template id in the top byte.
 */
public final class NerFeatures {

    public static final int MAX_PER_POSITION = 13 + 4 * NerLabels.TYPES;
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
    public static int extract(char[] c, byte[] lex, int lexicons, int i, long[] out) {
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

    static long[] scratch() {
        long[] a = new long[MAX_PER_POSITION];
        Arrays.fill(a, 0);
        return a;
    }
}
