package dev.newsflow.nlp.ner.train;

import dev.newsflow.nlp.ner.Lexicon;
import dev.newsflow.nlp.ner.NerCorpus.Sentence;
import dev.newsflow.nlp.ner.NerLabels;
import dev.newsflow.nlp.ner.NerSpan;
import dev.newsflow.nlp.ner.NerText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of the training part, jackknifed over contiguous folds, and split by how reliably the string is a name:
 * "reliable" when at least half of its occurrences in the training text are annotated as a name, "ambiguous"
 * otherwise (中央 is sometimes ORG, mostly not).
 */
final class TrainLexicons {

    /** reliable, ambiguous for one fold (or for the whole training part). */
    record Pair(Lexicon reliable, Lexicon ambiguous) {
    }

    private final Map<String, int[]> entity = new HashMap<>();
    private final Map<String, int[]> occurrences = new HashMap<>();
    private final Map<String, Integer> types = new HashMap<>();
    private final int folds;

    TrainLexicons(List<Sentence> train, int folds) {
        this.folds = folds;
        char[][] texts = new char[train.size()][];
        Lexicon.Builder all = Lexicon.builder();
        for (int s = 0; s < train.size(); s++) {
            texts[s] = NerText.normalize(train.get(s).text());
            int f = NerTrainer.fold(s, train.size(), folds);
            for (NerSpan span : train.get(s).spans()) {
                if (span.end() - span.start() < 2) {
                    continue;
                }
                String name = new String(texts[s], span.start(), span.end() - span.start());
                int mask = 1 << NerLabels.typeIndex(span.type());
                types.merge(name, mask, (a, b) -> a | b);
                entity.computeIfAbsent(name, k -> new int[folds])[f]++;
                all.add(name, mask);
            }
        }
        Lexicon matcher = all.build();
        for (int s = 0; s < texts.length; s++) {
            final int f = NerTrainer.fold(s, train.size(), folds);
            final char[] t = texts[s];
            matcher.matches(t, 0, t.length, (start, end, mask) ->
                    occurrences.computeIfAbsent(new String(t, start, end - start), k -> new int[folds])[f]++);
        }
    }

    /** Lexicons from every fold except {@code excluded} (-1: all folds). */
    Pair without(int excluded) {
        Lexicon.Builder reliable = Lexicon.builder();
        Lexicon.Builder ambiguous = Lexicon.builder();
        entity.forEach((name, counts) -> {
            int e = 0;
            int o = 0;
            int[] occ = occurrences.get(name);
            for (int f = 0; f < folds; f++) {
                if (f != excluded) {
                    e += counts[f];
                    o += occ == null ? 0 : occ[f];
                }
            }
            if (e == 0) {
                return;
            }
            (2 * e >= Math.max(o, e) ? reliable : ambiguous).add(name, types.get(name));
        });
        return new Pair(reliable.build(), ambiguous.build());
    }
}
