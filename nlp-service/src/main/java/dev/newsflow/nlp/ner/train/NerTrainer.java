package dev.newsflow.nlp.ner.train;

import dev.newsflow.nlp.ner.Lexicon;
import dev.newsflow.nlp.ner.LongIntMap;
import dev.newsflow.nlp.ner.NerCorpus;
import dev.newsflow.nlp.ner.NerCorpus.Sentence;
import dev.newsflow.nlp.ner.NerFeatures;
import dev.newsflow.nlp.ner.NerLabels;
import dev.newsflow.nlp.ner.NerModel;
import dev.newsflow.nlp.ner.NerSpan;
import dev.newsflow.nlp.ner.NerText;
import dev.newsflow.nlp.ner.SpanScores;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains the character-level averaged structured perceptron behind {@code PerceptronEntityRecognizer}.
 * Holds out every 20th sentence of the training file for tuning; lexicon features on the training part are
 * computed with the names of the other folds only (jackknifing), so the model does not learn to trust them blindly.
 *
 * <pre>java -Xmx8g -cp ... dev.newsflow.nlp.ner.train.NerTrainer --train msra_train.clean.jsonl --out ner.model.gz</pre>
 */
public final class NerTrainer {

    private static final int L = NerLabels.COUNT;
    /** Marks the extra corpora's own copy of a feature (bit 55: below the template byte, above every payload). */
    static final long DOMAIN = 1L << 55;

    record Options(Path train, List<Path> extraTrain, List<Path> external, Path regions, Path words, Path out, Path test, int iterations, int cutoff,
                   int folds, int devEvery, boolean lexicons, boolean splitTrainLexicon, boolean nameStats, int featureSet, float prune, long seed,
                   int stackFolds, int stackIterations, boolean joinNameLists, Path errors, int seeds) {
    }

    private NerTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Options o = parse(args);
        long t0 = System.nanoTime();
        List<Sentence> all = NerCorpus.read(o.train());
        List<Sentence> train = new ArrayList<>();
        List<Sentence> dev = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            // a contiguous block at the end: neighbouring sentences share names, so an interleaved split flatters
            (o.devEvery() > 0 && i >= all.size() - all.size() / o.devEvery() ? dev : train).add(all.get(i));
        }
        log("read %d sentences: %d train, %d held out", all.size(), train.size(), dev.size());
        if (o.joinNameLists()) {
            int before = train.size();
            train = withJoinedNameLists(train);
            log("name lists: %d training sentences added with the 、 between adjacent person names removed",
                    train.size() - before);
        }

        Lexicon[] foldLexicons = new Lexicon[o.folds()];
        TrainLexicons.Pair[] foldPairs = new TrainLexicons.Pair[o.folds()];
        TrainLexicons.Pair fullPair = null;
        Lexicon fullTrainLexicon = null;
        Lexicon external = null;
        Lexicon words = null;
        if (o.lexicons()) {
            Lexicon.Builder full = Lexicon.builder();
            Lexicon.Builder[] folds = new Lexicon.Builder[o.folds()];
            for (int f = 0; f < folds.length; f++) {
                folds[f] = Lexicon.builder();
            }
            for (int s = 0; s < train.size(); s++) {
                Sentence sentence = train.get(s);
                String norm = new String(NerText.normalize(sentence.text()));
                for (NerSpan span : sentence.spans()) {
                    if (span.end() - span.start() < 2) {
                        continue;
                    }
                    String name = norm.substring(span.start(), span.end());
                    int mask = 1 << NerLabels.typeIndex(span.type());
                    full.add(name, mask);
                    for (int f = 0; f < folds.length; f++) {
                        if (f != fold(s, train.size(), folds.length)) {
                            folds[f].add(name, mask);
                        }
                    }
                }
            }
            fullTrainLexicon = full.build();
            for (int f = 0; f < folds.length; f++) {
                foldLexicons[f] = folds[f].build();
            }
            if (o.splitTrainLexicon()) {
                TrainLexicons tl = new TrainLexicons(train, o.folds());
                for (int f = 0; f < o.folds(); f++) {
                    foldPairs[f] = tl.without(f);
                }
                fullPair = tl.without(-1);
                log("training names: %d reliable, %d ambiguous", fullPair.reliable().size(), fullPair.ambiguous().size());
            }
            external = ExternalLexicon.build(o.external(), o.regions());
            words = o.words() == null ? null : WordLexicon.build(o.words());
            log("lexicons: training names %d, external names %d, words %d", fullTrainLexicon.size(), external.size(),
                    words == null ? 0 : words.size());
        }

        byte[] nameStats = o.nameStats() ? NameStatistics.compute(train, o.external()) : null;
        Lexicon suffixes = (o.featureSet() & NerFeatures.SUFFIX) != 0 ? SuffixLexicon.build(train) : null;
        if (suffixes != null) {
            log("suffixes: %d", suffixes.size());
        }
        byte[] clusters = null;
        if ((o.featureSet() & NerFeatures.CLUSTERS) != 0) {
            List<char[]> texts = new ArrayList<>();
            for (Sentence s : train) {
                texts.add(NerText.normalize(s.text()));
            }
            for (Path p : o.external()) {
                for (Sentence s : NerCorpus.read(p)) {
                    texts.add(NerText.normalize(s.text()));
                }
            }
            clusters = CharClusters.compute(texts, o.seed());
        }

        // features of the training part, then of the extra corpora (PD 1998...) with a domain copy of every feature
        List<Sentence> extra = new ArrayList<>();
        for (Path p : o.extraTrain()) {
            extra.addAll(NerCorpus.read(p));
        }
        int total = train.size() + extra.size();
        Lexicon[] extraExternal = new Lexicon[o.folds()];
        if (!extra.isEmpty() && o.lexicons()) {
            for (int f = 0; f < o.folds(); f++) {
                extraExternal[f] = ExternalLexicon.build(o.external(), o.regions(), o.extraTrain(), f, o.folds());
            }
            log("extra training sentences: %d (external names jackknifed over %d folds)", extra.size(), o.folds());
        }
        final Lexicon fullTrain = fullTrainLexicon;
        final TrainLexicons.Pair full = fullPair;
        final Lexicon ext = external;
        final Lexicon wordLex = words;
        final byte[] clusterTable = clusters;
        Sentence[] sentences = new Sentence[total];
        Lexicon[][] sentenceLexicons = new Lexicon[total][];
        for (int s = 0; s < total; s++) {
            boolean isExtra = s >= train.size();
            sentences[s] = isExtra ? extra.get(s - train.size()) : train.get(s);
            if (!o.lexicons()) {
                sentenceLexicons[s] = new Lexicon[0];
            } else if (isExtra) {
                int f = fold(s - train.size(), extra.size(), o.folds());
                sentenceLexicons[s] = o.splitTrainLexicon() ? lexiconsFor(full, extraExternal[f], wordLex)
                        : lexiconsFor(fullTrain, extraExternal[f], wordLex);
            } else {
                sentenceLexicons[s] = o.splitTrainLexicon()
                        ? lexiconsFor(foldPairs[fold(s, train.size(), o.folds())], ext, wordLex)
                        : lexiconsFor(foldLexicons[fold(s, train.size(), o.folds())], ext, wordLex);
            }
        }
        int firstSet = o.featureSet() & ~NerFeatures.STACK;
        Featurized f1 = featurize(sentences, train.size(), s -> NerFeatures.context(NerText.normalize(sentences[s].text()),
                sentenceLexicons[s], suffixes, wordLex, clusterTable, firstSet), firstSet, nameStats, o.cutoff());

        Lexicon[] inference = !o.lexicons() ? new Lexicon[0]
                : o.splitTrainLexicon() ? lexiconsFor(fullPair, external, words)
                : lexiconsFor(fullTrainLexicon, external, words);
        if (suffixes != null) {
            inference = java.util.Arrays.copyOf(inference, inference.length + 1);
            inference[inference.length - 1] = suffixes;
        }
        final Lexicon[] inferenceLexicons = inference;
        boolean stack = (o.featureSet() & NerFeatures.STACK) != 0;
        int[][] firstLabels = null;
        if (stack) {
            firstLabels = new int[total][];
            for (int k = 0; k < o.stackFolds(); k++) {
                boolean[] include = new boolean[total];
                for (int s = 0; s < total; s++) {
                    include[s] = stackFold(s, total, o.stackFolds()) != k;
                }
                float[][] wt = perceptron(f1, include, o.stackIterations(), o.seed() + k, null);
                SpanScores fold = new SpanScores();
                for (int s = 0; s < total; s++) {
                    if (!include[s]) {
                        firstLabels[s] = decode(f1, s, wt[0], wt[1]);
                        fold.add(sentences[s].spans(), NerLabels.decode(firstLabels[s], firstLabels[s].length));
                    }
                }
                log("stacking fold %d: first pass on the left-out sentences %s", k, fold.summary());
            }
        }
        boolean[] everything = new boolean[total];
        java.util.Arrays.fill(everything, true);
        NerModel[] averaged = new NerModel[1];
        float[][] w1 = perceptron(f1, everything, stack ? o.stackIterations() : o.iterations(), o.seed(), (it, wt) -> {
            averaged[0] = new NerModel("it" + it, firstSet, f1.index(), wt[0], wt[1], nameStats, clusterTable, inferenceLexicons);
            return dev.isEmpty() ? "none" : score(averaged[0], dev).summary();
        });
        if (o.seeds() > 1 && !stack) {
            // an ensemble folded into one weight vector: the mean of perceptrons trained on different shuffles
            for (int k = 1; k < o.seeds(); k++) {
                float[][] wk = perceptron(f1, everything, o.iterations(), o.seed() + 1000L * k, null);
                for (int j = 0; j < 2; j++) {
                    for (int i = 0; i < w1[j].length; i++) {
                        w1[j][i] += wk[j][i];
                    }
                }
                log("seed %d of %d trained", k + 1, o.seeds());
            }
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < w1[j].length; i++) {
                    w1[j][i] /= o.seeds();
                }
            }
            averaged[0] = new NerModel("mean", firstSet, f1.index(), w1[0], w1[1], nameStats, clusterTable, inferenceLexicons);
            log("mean of %d seeds: held-out %s", o.seeds(), dev.isEmpty() ? "none" : score(averaged[0], dev).summary());
        }
        if (!dev.isEmpty() && !stack) {
            for (float p : new float[] {0.25f, 0.5f, 1f}) {
                NerModel pruned = prune(averaged[0], f1.index(), p);
                log("prune %.2f: %d features, held-out %s", p, pruned.features(), score(pruned, dev).summary());
            }
        }
        NerModel first = prune(averaged[0], f1.index(), o.prune());
        NerModel result = first;
        if (stack) {
            final int[][] labels1 = firstLabels;
            f1.release();
            Featurized f2 = featurize(sentences, train.size(), s -> NerFeatures.context(NerText.normalize(sentences[s].text()),
                    sentenceLexicons[s], suffixes, wordLex, clusterTable, o.featureSet()).withFirst(labels1[s]),
                    o.featureSet(), nameStats, o.cutoff());
            float[][] w2 = perceptron(f2, everything, o.iterations(), o.seed(), (it, wt) -> {
                averaged[0] = new NerModel("it" + it, o.featureSet(), f2.index(), wt[0], wt[1], nameStats, clusterTable,
                        inferenceLexicons).withFirst(first);
                return dev.isEmpty() ? "none" : score(averaged[0], dev).summary();
            });
            result = prune(averaged[0], f2.index(), o.prune()).withFirst(first);
        }
        String version = "newsflow-ner-perceptron-" + LocalDate.now() + "-it" + o.iterations()
                + (o.lexicons() ? "-lex" : "") + (o.words() != null ? "-words" : "") + (o.nameStats() ? "-names" : "") + ((o.featureSet() & NerFeatures.WIDE) != 0 ? "-wide" : "")
                + ((o.featureSet() & NerFeatures.CLUSTERS) != 0 ? "-clusters" : "") + ((o.featureSet() & NerFeatures.SEGMENT) != 0 ? "-seg" : "")
                + (stack ? "-stacked" : "") + (o.seeds() > 1 ? "-mean" + o.seeds() : "");
        NerModel finalModel = new NerModel(version, o.featureSet(), result.index(), result.weights(), result.transitions(),
                nameStats, clusters, inference).withFirst(stack ? first : null);
        Files.createDirectories(o.out().toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(o.out())) {
            finalModel.save(out);
        }
        NerModel reloaded;
        try (InputStream in = Files.newInputStream(o.out())) {
            reloaded = NerModel.load(in);
        }
        log("saved %s: %d features, %.1f MB, trained in %.0f s", o.out(), reloaded.features(),
                Files.size(o.out()) / 1e6, (System.nanoTime() - t0) / 1e9);
        System.out.println("held-out (last " + dev.size() + " sentences of the training file):");
        System.out.println(score(reloaded, dev).report());
        if (o.errors() != null) {
            writeErrors(reloaded, dev, o.errors());
        }
        if (o.test() != null) {
            System.out.println("test " + o.test() + ":");
            System.out.println(score(reloaded, NerCorpus.read(o.test())).report());
        }
    }

    /** Contiguous folds for stacking: a left-out fold's names are as unseen as a test document's. */
    static int stackFold(int sentence, int sentences, int folds) {
        return fold(sentence, sentences, folds);
    }

    /** Feature rows of every sentence: rows[s][offsets[s][i] .. offsets[s][i + 1]) are the rows of position i. */
    static final class Featurized {
        private LongIntMap index;
        final int[][] rows;
        final int[][] offsets;
        final int[][] gold;
        final boolean[] extra;

        Featurized(LongIntMap index, int[][] rows, int[][] offsets, int[][] gold, boolean[] extra) {
            this.index = index;
            this.rows = rows;
            this.offsets = offsets;
            this.gold = gold;
            this.extra = extra;
        }

        LongIntMap index() {
            return index;
        }

        void release() {
            java.util.Arrays.fill(rows, null);
        }
    }

    interface Progress {
        String afterIteration(int iteration, float[][] averaged);
    }

    /** Sentences from {@code firstExtra} on belong to the extra corpora and get a domain copy of every feature. */
    static Featurized featurize(Sentence[] sentences, int firstExtra, java.util.function.IntFunction<NerFeatures.Context> contexts,
                                int featureSet, byte[] nameStats, int cutoff) {
        int total = sentences.length;
        int[][] rows = new int[total][];
        int[][] offsets = new int[total][];
        int[][] gold = new int[total][];
        boolean[] extra = new boolean[total];
        LongIntMap counts = new LongIntMap(1 << 22);
        long[][] keysPerSentence = new long[total][];
        long[] buf = new long[NerFeatures.MAX_PER_POSITION];
        for (int s = 0; s < total; s++) {
            boolean isExtra = s >= firstExtra;
            extra[s] = isExtra;
            NerFeatures.Context ctx = contexts.apply(s);
            char[] text = ctx.text();
            int[] off = new int[text.length + 1];
            long[] keys = new long[text.length * NerFeatures.MAX_PER_POSITION * (isExtra ? 2 : 1)];
            int k = 0;
            for (int i = 0; i < text.length; i++) {
                off[i] = k;
                int m = NerFeatures.extract(ctx, nameStats, featureSet, i, buf);
                for (int j = 0; j < m; j++) {
                    keys[k++] = buf[j];
                    counts.add(buf[j], 1);
                    if (isExtra) {
                        long d = buf[j] ^ DOMAIN;
                        keys[k++] = d;
                        counts.add(d, 1);
                    }
                }
            }
            off[text.length] = k;
            keysPerSentence[s] = java.util.Arrays.copyOf(keys, k);
            offsets[s] = off;
            int[] labels = new int[text.length];
            NerLabels.encode(sentences[s].spans(), labels);
            gold[s] = labels;
        }
        LongIntMap index = new LongIntMap(counts.size());
        int[] next = {0};
        counts.forEach((key, count) -> {
            if (count >= cutoff) {
                index.put(key, next[0]++);
            }
        });
        log("features: %d (cutoff %d)", index.size(), cutoff);
        for (int s = 0; s < total; s++) {
            long[] keys = keysPerSentence[s];
            int[] r = new int[keys.length];
            for (int j = 0; j < keys.length; j++) {
                r[j] = index.get(keys[j]);
            }
            rows[s] = r;
            keysPerSentence[s] = null;
        }
        return new Featurized(index, rows, offsets, gold, extra);
    }

    private static float[] emissions(Featurized f, int s, float[] w) {
        int n = f.gold[s].length;
        float[] emit = new float[n * L];
        int[] r = f.rows[s];
        int[] off = f.offsets[s];
        for (int i = 0; i < n; i++) {
            for (int j = off[i]; j < off[i + 1]; j++) {
                int row = r[j];
                if (row >= 0) {
                    int base = row * L;
                    for (int y = 0; y < L; y++) {
                        emit[i * L + y] += w[base + y];
                    }
                }
            }
        }
        return emit;
    }

    static int[] decode(Featurized f, int s, float[] w, float[] tw) {
        int n = f.gold[s].length;
        int[] pred = new int[n];
        if (n > 0) {
            NerModel.viterbi(emissions(f, s, w), n, tw, pred);
        }
        return pred;
    }

    /** Averaged structured perceptron over the included sentences; returns {weights, transitions}, averaged. */
    static float[][] perceptron(Featurized f, boolean[] include, int iterations, long seed, Progress progress) {
        int total = f.gold.length;
        int features = f.index().size();
        float[] w = new float[features * L];
        float[] acc = new float[features * L];
        float[] tw = new float[(L + 1) * L];
        float[] tacc = new float[(L + 1) * L];
        int included = 0;
        for (boolean b : include) {
            included += b ? 1 : 0;
        }
        int[] order = new int[included];
        for (int i = 0, j = 0; i < total; i++) {
            if (include[i]) {
                order[j++] = i;
            }
        }
        Random random = new Random(seed);
        long c = 1;
        float[][] result = null;
        for (int it = 1; it <= iterations; it++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            int mistakes = 0;
            for (int s : order) {
                int n = f.gold[s].length;
                if (n == 0) {
                    continue;
                }
                int[] pred = new int[n];
                NerModel.viterbi(emissions(f, s, w), n, tw, pred);
                int[] g = f.gold[s];
                int[] r = f.rows[s];
                int[] off = f.offsets[s];
                boolean wrong = false;
                for (int i = 0; i < n; i++) {
                    int gp = i == 0 ? L : g[i - 1];
                    int pp = i == 0 ? L : pred[i - 1];
                    if (g[i] != pred[i]) {
                        wrong = true;
                        for (int j = off[i]; j < off[i + 1]; j++) {
                            int row = r[j];
                            if (row >= 0) {
                                int base = row * L;
                                w[base + g[i]] += 1;
                                acc[base + g[i]] += c;
                                w[base + pred[i]] -= 1;
                                acc[base + pred[i]] -= c;
                            }
                        }
                    }
                    if (g[i] != pred[i] || gp != pp) {
                        tw[gp * L + g[i]] += 1;
                        tacc[gp * L + g[i]] += c;
                        tw[pp * L + pred[i]] -= 1;
                        tacc[pp * L + pred[i]] -= c;
                    }
                }
                if (wrong) {
                    mistakes++;
                }
                c++;
            }
            if (progress != null || it == iterations) {
                float[] avg = new float[w.length];
                for (int i = 0; i < w.length; i++) {
                    avg[i] = w[i] - acc[i] / c;
                }
                float[] tavg = new float[tw.length];
                for (int i = 0; i < tw.length; i++) {
                    tavg[i] = tw[i] - tacc[i] / c;
                }
                result = new float[][] {avg, tavg};
                if (progress != null) {
                    log("iteration %d: %d sentences wrong; held-out %s", it, mistakes, progress.afterIteration(it, result));
                }
            }
        }
        return result;
    }

    /**
     * Each sentence, followed (when it has one) by a copy in which the 、 between adjacent person names is removed:
     * MSRA's training lists are separated (李鹏、乔石), while news text, and a third of MSRA test persons, come in
     * unseparated lists that the model otherwise never sees. The copy stays next to its original, in the same fold.
     */
    static List<Sentence> withJoinedNameLists(List<Sentence> sentences) {
        List<Sentence> out = new ArrayList<>(sentences.size() + sentences.size() / 20);
        for (Sentence s : sentences) {
            out.add(s);
            Sentence joined = joinNameList(s);
            if (joined != null) {
                out.add(joined);
            }
        }
        return out;
    }

    static Sentence joinNameList(Sentence s) {
        String t = s.text();
        List<NerSpan> spans = s.spans();
        boolean[] drop = new boolean[t.length()];
        int count = 0;
        for (int k = 0; k + 1 < spans.size(); k++) {
            NerSpan a = spans.get(k);
            NerSpan b = spans.get(k + 1);
            if (a.type() == dev.newsflow.events.EntityType.PERSON && b.type() == dev.newsflow.events.EntityType.PERSON
                    && b.start() == a.end() + 1 && t.charAt(a.end()) == '、') {
                drop[a.end()] = true;
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        int[] shift = new int[t.length() + 1];
        StringBuilder sb = new StringBuilder(t.length());
        int removed = 0;
        for (int i = 0; i < t.length(); i++) {
            shift[i] = removed;
            if (drop[i]) {
                removed++;
            } else {
                sb.append(t.charAt(i));
            }
        }
        shift[t.length()] = removed;
        List<NerSpan> moved = new ArrayList<>(spans.size());
        for (NerSpan span : spans) {
            moved.add(new NerSpan(span.start() - shift[span.start()], span.end() - shift[span.end()], span.type()));
        }
        return new Sentence(sb.toString(), List.copyOf(moved));
    }

    /** Contiguous folds: the names of a document stay in one fold, as a test document's names are unseen. */
    static int fold(int sentence, int sentences, int folds) {
        return (int) ((long) sentence * folds / sentences);
    }

    static Lexicon[] lexiconsFor(Lexicon train, Lexicon external, Lexicon words) {
        return words == null ? new Lexicon[] {train, external} : new Lexicon[] {train, external, words};
    }

    static Lexicon[] lexiconsFor(TrainLexicons.Pair train, Lexicon external, Lexicon words) {
        return words == null ? new Lexicon[] {train.reliable(), train.ambiguous(), external}
                : new Lexicon[] {train.reliable(), train.ambiguous(), external, words};
    }

    /** Drops features whose largest absolute weight is below {@code threshold}. */
    static NerModel prune(NerModel model, LongIntMap index, float threshold) {
        float[] w = model.weights();
        LongIntMap kept = new LongIntMap(index.size());
        List<long[]> keep = new ArrayList<>();
        index.forEach((key, row) -> {
            if ((key & DOMAIN) != 0) {
                return;
            }
            float max = 0;
            for (int y = 0; y < L; y++) {
                max = Math.max(max, Math.abs(w[row * L + y]));
            }
            if (max >= threshold && max > 0) {
                keep.add(new long[] {key, row});
            }
        });
        float[] nw = new float[keep.size() * L];
        for (int i = 0; i < keep.size(); i++) {
            kept.put(keep.get(i)[0], i);
            System.arraycopy(w, (int) keep.get(i)[1] * L, nw, i * L, L);
        }
        return new NerModel(model.version(), model.featureSet(), kept, nw, model.transitions(), model.nameStats(),
                model.clusters(), model.lexicons()).withFirst(model.first());
    }

    static SpanScores score(NerModel model, List<Sentence> sentences) {
        SpanScores scores = new SpanScores();
        for (Sentence s : sentences) {
            int[] labels = model.label(NerText.normalize(s.text()));
            scores.add(s.spans(), NerLabels.decode(labels, labels.length));
        }
        return scores;
    }

    /** The held-out sentences the model gets wrong: text, then the missed (-) and the spurious (+) spans. */
    public static void writeErrors(NerModel model, List<Sentence> sentences, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Sentence s : sentences) {
            char[] text = NerText.normalize(s.text());
            int[] labels = model.label(text);
            List<NerSpan> predicted = NerLabels.decode(labels, labels.length);
            List<NerSpan> missed = new ArrayList<>(s.spans());
            missed.removeAll(predicted);
            List<NerSpan> spurious = new ArrayList<>(predicted);
            spurious.removeAll(s.spans());
            if (missed.isEmpty() && spurious.isEmpty()) {
                continue;
            }
            sb.append(s.text()).append('\n');
            for (NerSpan m : missed) {
                sb.append("  - ").append(m.type()).append(' ').append(s.text(), m.start(), m.end()).append('\n');
            }
            for (NerSpan m : spurious) {
                sb.append("  + ").append(m.type()).append(' ').append(s.text(), m.start(), m.end()).append('\n');
            }
        }
        Files.writeString(file, sb.toString());
    }

    static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }

    static Options parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String k = args[i].substring(2);
            if (k.equals("no-lexicons") || k.equals("no-name-stats") || k.equals("split-train-lexicon")
                    || k.equals("join-name-lists")) {
                m.put(k, "true");
            } else {
                m.put(k, args[++i]);
            }
        }
        List<Path> external = new ArrayList<>();
        if (!m.getOrDefault("external", "").isBlank()) {
            for (String p : m.get("external").split(",")) {
                external.add(Path.of(p));
            }
        }
        List<Path> extraTrain = new ArrayList<>();
        if (!m.getOrDefault("extra-train", "").isBlank()) {
            for (String p : m.get("extra-train").split(",")) {
                extraTrain.add(Path.of(p));
            }
        }
        return new Options(Path.of(m.getOrDefault("train", "../../shared/datasets/train/msra_train.clean.jsonl")),
                extraTrain, external,
                m.containsKey("regions") ? Path.of(m.get("regions")) : null,
                m.containsKey("words") ? Path.of(m.get("words")) : null,
                Path.of(m.getOrDefault("out", "target/ner/ner-model.bin.gz")),
                m.containsKey("test") ? Path.of(m.get("test")) : null,
                Integer.parseInt(m.getOrDefault("iterations", "10")),
                Integer.parseInt(m.getOrDefault("cutoff", "1")),
                Integer.parseInt(m.getOrDefault("folds", "10")),
                Integer.parseInt(m.getOrDefault("dev-every", "20")),
                !m.containsKey("no-lexicons"),
                m.containsKey("split-train-lexicon"),
                !m.containsKey("no-name-stats"),
                Integer.parseInt(m.getOrDefault("feature-set", "0")),
                Float.parseFloat(m.getOrDefault("prune", "0")),
                Long.parseLong(m.getOrDefault("seed", "7")),
                Integer.parseInt(m.getOrDefault("stack-folds", "4")),
                Integer.parseInt(m.getOrDefault("stack-iterations", "10")),
                m.containsKey("join-name-lists"),
                m.containsKey("errors") ? Path.of(m.get("errors")) : null,
                Integer.parseInt(m.getOrDefault("seeds", "1")));
    }
}
