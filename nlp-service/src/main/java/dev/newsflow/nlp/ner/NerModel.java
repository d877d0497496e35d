package dev.newsflow.nlp.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A linear-chain model over BIOES labels: feature weights per label, label-transition weights, and the lexicons
 * its lexicon features were trained with. Decoding is Viterbi restricted to well-formed BIOES sequences.
 * Immutable after construction: safe to share between threads.
 */
public final class NerModel {

    private static final String MAGIC = "newsflow-ner-4";
    private static final int L = NerLabels.COUNT;

    private final String version;
    private final LongIntMap index;
    private final float[] weights;
    private final float[] transitions;
    private final Lexicon[] lexicons;
    private final byte[] nameStats;
    private final int featureSet;
    private final Lexicon[] roleLexicons;
    private final Lexicon suffixes;
    private final byte[] clusters;
    private final Lexicon segmentWords;
    private final NgramScorer ngrams;
    private final NerModel first;
    /** Rows of the features with small payloads (classes, lexicon roles, labels), by template: no hashing. */
    private final int[][] dense = new int[256][];
    private static final int DENSE = 4096;

    public NerModel(String version, int featureSet, LongIntMap index, float[] weights, float[] transitions,
                    byte[] nameStats, byte[] clusters, Lexicon... lexicons) {
        this(null, version, featureSet, index, weights, transitions, nameStats, clusters, lexicons);
    }

    private NerModel(NerModel first, String version, int featureSet, LongIntMap index, float[] weights,
                     float[] transitions, byte[] nameStats, byte[] clusters, Lexicon... lexicons) {
        this.first = first;
        this.version = version;
        this.clusters = clusters;
        this.featureSet = featureSet;
        this.nameStats = nameStats;
        this.index = index;
        this.weights = weights;
        this.transitions = transitions;
        this.lexicons = lexicons;
        boolean suffix = (featureSet & NerFeatures.SUFFIX) != 0;
        this.roleLexicons = suffix ? java.util.Arrays.copyOf(lexicons, lexicons.length - 1) : lexicons;
        this.suffixes = suffix ? lexicons[lexicons.length - 1] : null;
        this.ngrams = new NgramScorer(index, weights);
        index.forEach((key, row) -> {
            int template = (int) (key >>> 56);
            long payload = key & ((1L << 56) - 1);
            if (payload < DENSE && !NgramScorer.HANDLED[template]) {
                if (dense[template] == null) {
                    dense[template] = new int[DENSE];
                    java.util.Arrays.fill(dense[template], -1);
                }
                dense[template][(int) payload] = row;
            }
        });
        this.segmentWords = (featureSet & NerFeatures.SEGMENT) != 0 && roleLexicons.length > 0
                ? roleLexicons[roleLexicons.length - 1] : null;
    }

    /** This model over the labels of {@code first} (stacking), or unchanged when null. */
    public NerModel withFirst(NerModel first) {
        return new NerModel(first, version, featureSet, index, weights, transitions, nameStats, clusters, lexicons);
    }

    /** The first-pass model whose labels this one reads, or null. */
    public NerModel first() {
        return first;
    }

    public byte[] clusters() {
        return clusters;
    }

    public String version() {
        return version;
    }

    public int features() {
        return index.size();
    }

    public LongIntMap index() {
        return index;
    }

    public float[] weights() {
        return weights;
    }

    public float[] transitions() {
        return transitions;
    }

    public int featureSet() {
        return featureSet;
    }

    public byte[] nameStats() {
        return nameStats;
    }

    /** The word lexicon (the last role lexicon) when the model was trained with one, else null. */
    public Lexicon wordLexicon() {
        return (version.contains("-words") || segmentWords != null) && roleLexicons.length > 0 ? roleLexicons[roleLexicons.length - 1] : null;
    }

    public Lexicon[] lexicons() {
        return lexicons.clone();
    }

    /** BIOES labels of already normalised text. */
    public int[] label(char[] text) {
        int n = text.length;
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        NerFeatures.Context ctx = NerFeatures.context(text, roleLexicons, suffixes, segmentWords, clusters, featureSet);
        if (first != null) {
            ctx = ctx.withFirst(first.label(text));
        }
        float[] emit = new float[n * L];
        ngrams.score(text, emit);
        long[] keys = new long[NerFeatures.MAX_PER_POSITION];
        boolean[] handled = NgramScorer.HANDLED;
        for (int i = 0; i < n; i++) {
            int k = NerFeatures.extract(ctx, nameStats, featureSet, i, keys);
            int base = i * L;
            for (int f = 0; f < k; f++) {
                int template = (int) (keys[f] >>> 56);
                if (handled[template]) {
                    continue;
                }
                long payload = keys[f] & ((1L << 56) - 1);
                int[] table = dense[template];
                int row = table != null && payload < DENSE ? table[(int) payload] : index.get(keys[f]);
                if (row >= 0) {
                    int w = row * L;
                    for (int y = 0; y < L; y++) {
                        emit[base + y] += weights[w + y];
                    }
                }
            }
        }
        viterbi(emit, n, transitions, out);
        return out;
    }

    /** Best well-formed label sequence; transitions[(prev) * L + cur], prev == L is the start. */
    public static void viterbi(float[] emit, int n, float[] transitions, int[] out) {
        float[] score = new float[n * L];
        int[] back = new int[n * L];
        float neg = Float.NEGATIVE_INFINITY;
        for (int y = 0; y < L; y++) {
            score[y] = NerLabels.ALLOWED[L][y] ? emit[y] + transitions[L * L + y] : neg;
        }
        for (int i = 1; i < n; i++) {
            int cur = i * L;
            int prev = cur - L;
            for (int y = 0; y < L; y++) {
                float best = neg;
                int arg = 0;
                for (int p = 0; p < L; p++) {
                    if (!NerLabels.ALLOWED[p][y]) {
                        continue;
                    }
                    float s = score[prev + p] + transitions[p * L + y];
                    if (s > best) {
                        best = s;
                        arg = p;
                    }
                }
                score[cur + y] = best + emit[cur + y];
                back[cur + y] = arg;
            }
        }
        float best = neg;
        int arg = 0;
        int last = (n - 1) * L;
        for (int y = 0; y < L; y++) {
            if (NerLabels.ALLOWED_LAST[y] && score[last + y] > best) {
                best = score[last + y];
                arg = y;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            out[i] = arg;
            arg = back[i * L + arg];
        }
    }

    public void save(OutputStream target) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(target, 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeUTF(version);
            out.writeInt(featureSet);
            out.writeInt(lexicons.length);
            for (Lexicon lexicon : lexicons) {
                out.writeInt(lexicon.size());
                for (var e : lexicon.words().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeByte(e.getValue());
                }
            }
            out.writeBoolean(nameStats != null);
            if (nameStats != null) {
                out.write(nameStats);
            }
            out.writeBoolean(clusters != null);
            if (clusters != null) {
                out.write(clusters);
            }
            out.writeInt(transitions.length);
            for (float t : transitions) {
                out.writeFloat(t);
            }
            out.writeBoolean(first != null);
            if (first != null) {
                java.io.ByteArrayOutputStream nested = new java.io.ByteArrayOutputStream();
                first.save(nested);
                out.writeInt(nested.size());
                nested.writeTo(out);
            }
            float max = 0;
            for (float w : weights) {
                max = Math.max(max, Math.abs(w));
            }
            float scale = max == 0 ? 1 : max / Short.MAX_VALUE;
            out.writeFloat(scale);
            out.writeInt(index.size());
            List<long[]> rows = new ArrayList<>();
            index.forEach((key, row) -> rows.add(new long[] {key, row}));
            rows.sort((a, b) -> Long.compare(a[0], b[0]));
            long previous = 0;
            for (long[] r : rows) {
                out.writeLong(r[0] - previous);
                previous = r[0];
                int base = (int) r[1] * L;
                int mask = 0;
                for (int y = 0; y < L; y++) {
                    if (Math.round(weights[base + y] / scale) != 0) {
                        mask |= 1 << y;
                    }
                }
                out.writeShort(mask);
                for (int y = 0; y < L; y++) {
                    if ((mask & (1 << y)) != 0) {
                        out.writeShort((short) Math.round(weights[base + y] / scale));
                    }
                }
            }
        }
    }

    public static NerModel load(InputStream source) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(source, 1 << 16))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic) && !"newsflow-ner-3".equals(magic) && !"newsflow-ner-2".equals(magic)) {
                throw new IOException("not a newsflow NER model");
            }
            String version = in.readUTF();
            int featureSet = "newsflow-ner-2".equals(magic) ? 0 : in.readInt();
            Lexicon[] lexicons = new Lexicon[in.readInt()];
            for (int l = 0; l < lexicons.length; l++) {
                Lexicon.Builder b = Lexicon.builder();
                int size = in.readInt();
                for (int i = 0; i < size; i++) {
                    String w = in.readUTF();
                    b.add(w, in.readByte());
                }
                lexicons[l] = b.build();
            }
            byte[] nameStats = null;
            if (in.readBoolean()) {
                nameStats = new byte[65536];
                in.readFully(nameStats);
            }
            byte[] clusters = null;
            if (MAGIC.equals(magic) && in.readBoolean()) {
                clusters = new byte[2 * 65536];
                in.readFully(clusters);
            }
            float[] transitions = new float[in.readInt()];
            for (int i = 0; i < transitions.length; i++) {
                transitions[i] = in.readFloat();
            }
            NerModel first = null;
            if (MAGIC.equals(magic) && in.readBoolean()) {
                byte[] nested = new byte[in.readInt()];
                in.readFully(nested);
                first = load(new java.io.ByteArrayInputStream(nested));
            }
            float scale = in.readFloat();
            int n = in.readInt();
            LongIntMap index = new LongIntMap(n);
            float[] weights = new float[n * L];
            long key = 0;
            for (int row = 0; row < n; row++) {
                key += in.readLong();
                index.put(key, row);
                int mask = in.readShort() & 0xFFFF;
                for (int y = 0; y < L; y++) {
                    if ((mask & (1 << y)) != 0) {
                        weights[row * L + y] = in.readShort() * scale;
                    }
                }
            }
            return new NerModel(version, featureSet, index, weights, transitions, nameStats, clusters, lexicons).withFirst(first);
        }
    }
}
