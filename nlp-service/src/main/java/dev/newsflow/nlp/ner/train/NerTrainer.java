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

    record Options(Path train, List<Path> external, Path regions, Path words, Path out, Path test, int iterations, int cutoff,
                   int folds, int devEvery, boolean lexicons, boolean splitTrainLexicon, boolean nameStats, int featureSet, float prune, long seed) {
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

        // features of the training part
        int[][] rows = new int[train.size()][];
        int[][] offsets = new int[train.size()][];
        int[][] gold = new int[train.size()][];
        LongIntMap counts = new LongIntMap(1 << 22);
        long[][] keysPerSentence = new long[train.size()][];
        long[] buf = new long[NerFeatures.MAX_PER_POSITION];
        for (int s = 0; s < train.size(); s++) {
            Sentence sentence = train.get(s);
            char[] text = NerText.normalize(sentence.text());
            Lexicon[] lex = o.lexicons() ? o.splitTrainLexicon()
                    ? lexiconsFor(foldPairs[fold(s, train.size(), o.folds())], external, words)
                    : lexiconsFor(foldLexicons[fold(s, train.size(), o.folds())], external, words) : new Lexicon[0];
            byte[] ann = NerFeatures.annotate(text, lex);
            byte[] suffixDist = suffixes == null ? null : NerFeatures.suffixDistances(text, suffixes);
            int[] off = new int[text.length + 1];
            long[] keys = new long[text.length * NerFeatures.MAX_PER_POSITION];
            int k = 0;
            for (int i = 0; i < text.length; i++) {
                off[i] = k;
                int m = NerFeatures.extract(text, ann, lex.length, nameStats, o.featureSet(), suffixDist, i, buf);
                for (int j = 0; j < m; j++) {
                    keys[k++] = buf[j];
                    counts.add(buf[j], 1);
                }
            }
            off[text.length] = k;
            keysPerSentence[s] = java.util.Arrays.copyOf(keys, k);
            offsets[s] = off;
            int[] labels = new int[text.length];
            NerLabels.encode(sentence.spans(), labels);
            gold[s] = labels;
        }
        LongIntMap index = new LongIntMap(counts.size());
        int[] next = {0};
        counts.forEach((key, count) -> {
            if (count >= o.cutoff()) {
                index.put(key, next[0]++);
            }
        });
        counts = null;
        log("features: %d (cutoff %d)", index.size(), o.cutoff());
        for (int s = 0; s < train.size(); s++) {
            long[] keys = keysPerSentence[s];
            int[] r = new int[keys.length];
            for (int j = 0; j < keys.length; j++) {
                r[j] = index.get(keys[j]);
            }
            rows[s] = r;
            keysPerSentence[s] = null;
        }

        int features = index.size();
        float[] w = new float[features * L];
        float[] acc = new float[features * L];
        float[] tw = new float[(L + 1) * L];
        float[] tacc = new float[(L + 1) * L];
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(o.seed());
        long c = 1;
        Lexicon[] inference = !o.lexicons() ? new Lexicon[0]
                : o.splitTrainLexicon() ? lexiconsFor(fullPair, external, words)
                : lexiconsFor(fullTrainLexicon, external, words);
        if (suffixes != null) {
            inference = java.util.Arrays.copyOf(inference, inference.length + 1);
            inference[inference.length - 1] = suffixes;
        }
        NerModel averaged = null;
        for (int it = 1; it <= o.iterations(); it++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            int mistakes = 0;
            for (int s : order) {
                int n = gold[s].length;
                if (n == 0) {
                    continue;
                }
                float[] emit = new float[n * L];
                int[] r = rows[s];
                int[] off = offsets[s];
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
                int[] pred = new int[n];
                NerModel.viterbi(emit, n, tw, pred);
                int[] g = gold[s];
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
            averaged = average(index, w, acc, tw, tacc, c, o.featureSet(), nameStats, inference, "it" + it);
            log("iteration %d: %d sentences wrong; held-out %s", it, mistakes,
                    dev.isEmpty() ? "none" : score(averaged, dev).summary());
        }
        NerModel pruned = o.prune() > 0 ? prune(averaged, index, o.prune()) : averaged;
        String version = "newsflow-ner-perceptron-" + LocalDate.now() + "-it" + o.iterations()
                + (o.lexicons() ? "-lex" : "") + (o.words() != null ? "-words" : "") + (o.nameStats() ? "-names" : "") + ((o.featureSet() & NerFeatures.WIDE) != 0 ? "-wide" : "");
        NerModel finalModel = new NerModel(version, o.featureSet(), pruned.index(), pruned.weights(), pruned.transitions(),
                nameStats, inference);
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
        if (o.test() != null) {
            System.out.println("test " + o.test() + ":");
            System.out.println(score(reloaded, NerCorpus.read(o.test())).report());
        }
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

    static NerModel average(LongIntMap index, float[] w, float[] acc, float[] tw, float[] tacc, long c,
                            int featureSet, byte[] nameStats, Lexicon[] lexicons, String version) {
        float[] avg = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            avg[i] = w[i] - acc[i] / c;
        }
        float[] tavg = new float[tw.length];
        for (int i = 0; i < tw.length; i++) {
            tavg[i] = tw[i] - tacc[i] / c;
        }
        return new NerModel(version, featureSet, index, avg, tavg, nameStats, lexicons);
    }

    /** Drops features whose largest absolute weight is below {@code threshold}. */
    static NerModel prune(NerModel model, LongIntMap index, float threshold) {
        float[] w = model.weights();
        LongIntMap kept = new LongIntMap(index.size());
        List<long[]> keep = new ArrayList<>();
        index.forEach((key, row) -> {
            float max = 0;
            for (int y = 0; y < L; y++) {
                max = Math.max(max, Math.abs(w[row * L + y]));
            }
            if (max >= threshold) {
                keep.add(new long[] {key, row});
            }
        });
        float[] nw = new float[keep.size() * L];
        for (int i = 0; i < keep.size(); i++) {
            kept.put(keep.get(i)[0], i);
            System.arraycopy(w, (int) keep.get(i)[1] * L, nw, i * L, L);
        }
        return new NerModel(model.version(), model.featureSet(), kept, nw, model.transitions(), model.nameStats(), model.lexicons());
    }

    static SpanScores score(NerModel model, List<Sentence> sentences) {
        SpanScores scores = new SpanScores();
        for (Sentence s : sentences) {
            int[] labels = model.label(NerText.normalize(s.text()));
            scores.add(s.spans(), NerLabels.decode(labels, labels.length));
        }
        return scores;
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
            if (k.equals("no-lexicons") || k.equals("no-name-stats") || k.equals("split-train-lexicon")) {
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
        return new Options(Path.of(m.getOrDefault("train", "../../shared/datasets/train/msra_train.clean.jsonl")),
                external,
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
                Long.parseLong(m.getOrDefault("seed", "7")));
    }
}
