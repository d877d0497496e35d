package dev.newsflow.nlp.ner.train;

import dev.newsflow.nlp.ner.NerCorpus;
import dev.newsflow.nlp.ner.NerFeatures;
import dev.newsflow.nlp.ner.NerText;
import dev.newsflow.nlp.ner.NerSpan;
import dev.newsflow.events.EntityType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Surname and given-name character statistics from the person names of the training corpora. */
final class NameStatistics {

    private NameStatistics() {
    }

    static byte[] compute(List<NerCorpus.Sentence> train, List<Path> external) {
        int[] total = new int[65536];
        int[] first = new int[65536];
        int[] inside = new int[65536];
        List<List<NerCorpus.Sentence>> corpora = new ArrayList<>();
        corpora.add(train);
        for (Path p : external) {
            corpora.add(NerCorpus.read(p));
        }
        for (List<NerCorpus.Sentence> corpus : corpora) {
            for (NerCorpus.Sentence s : corpus) {
                char[] c = NerText.normalize(s.text());
                for (char ch : c) {
                    total[ch]++;
                }
                for (NerSpan span : s.spans()) {
                    int len = span.end() - span.start();
                    if (span.type() != EntityType.PERSON || len < 2 || len > 3) {
                        continue;
                    }
                    first[c[span.start()]]++;
                    for (int i = span.start() + 1; i < span.end(); i++) {
                        inside[c[i]]++;
                    }
                }
            }
        }
        return NerFeatures.nameStats(total, first, inside);
    }
}
