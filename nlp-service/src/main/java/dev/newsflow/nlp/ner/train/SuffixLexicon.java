package dev.newsflow.nlp.ner.train;

import dev.newsflow.events.EntityType;
import dev.newsflow.nlp.ner.Lexicon;
import dev.newsflow.nlp.ner.NerCorpus.Sentence;
import dev.newsflow.nlp.ner.NerLabels;
import dev.newsflow.nlp.ner.NerSpan;
import dev.newsflow.nlp.ner.NerText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Location and organisation suffixes (last one or two characters of the training names) that end a name of that
 * type at least 30% of the times they occur and at least 10 times: bit 1 LOCATION, bit 2 ORGANIZATION.
 */
final class SuffixLexicon {

    private SuffixLexicon() {
    }

    static Lexicon build(List<Sentence> train) {
        Map<String, int[]> ends = new HashMap<>();
        char[][] texts = new char[train.size()][];
        for (int s = 0; s < train.size(); s++) {
            char[] t = NerText.normalize(train.get(s).text());
            texts[s] = t;
            for (NerSpan span : train.get(s).spans()) {
                if (span.type() == EntityType.PERSON) {
                    continue;
                }
                int t2 = NerLabels.typeIndex(span.type()) - 1;
                int len = span.end() - span.start();
                for (int k = 1; k <= 2 && k < len; k++) {
                    String suffix = new String(t, span.end() - k, k);
                    ends.computeIfAbsent(suffix, x -> new int[3])[t2]++;
                }
            }
        }
        Lexicon.Builder candidates = Lexicon.builder();
        ends.forEach((w, c) -> {
            if (c[0] >= 10 || c[1] >= 10) {
                candidates.add(w, 1);
            }
        });
        Lexicon cand = candidates.build();
        for (char[] t : texts) {
            cand.matches(t, 0, t.length, (start, end, mask) -> ends.get(new String(t, start, end - start))[2]++);
        }
        Lexicon.Builder b = Lexicon.builder();
        ends.forEach((w, c) -> {
            int mask = 0;
            for (int t = 0; t < 2; t++) {
                if (c[t] >= 10 && c[2] > 0 && c[t] * 10 >= c[2] * 3) {
                    mask |= 1 << (t + 1);
                }
            }
            if (mask != 0) {
                b.add(w, mask);
            }
        });
        return b.build();
    }
}
