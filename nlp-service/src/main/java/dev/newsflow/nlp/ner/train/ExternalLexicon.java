package dev.newsflow.nlp.ner.train;

import dev.newsflow.nlp.ner.Lexicon;
import dev.newsflow.nlp.ner.NerCorpus;
import dev.newsflow.nlp.ner.NerLabels;
import dev.newsflow.nlp.ner.NerSpan;
import dev.newsflow.nlp.ner.NerText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Names from outside the MSRA training file: entities of other annotated corpora (People's Daily 1998,
 * CLUENER) and the administrative divisions (full names, and short names without 省/市/县/区/镇/乡 for
 * provinces, cities and counties).
 */
final class ExternalLexicon {

    private ExternalLexicon() {
    }

    static Lexicon build(List<Path> corpora, Path divisions) throws IOException {
        return build(corpora, divisions, List.of(), -1, 1);
    }

    /**
     * The same, with the names of {@code foldedCorpora} (which are also trained on) added from every contiguous
     * fold but {@code excludedFold}, so that their sentences are not featurised with their own names.
     */
    static Lexicon build(List<Path> corpora, Path divisions, List<Path> foldedCorpora, int excludedFold, int folds)
            throws IOException {
        Lexicon.Builder b = Lexicon.builder();
        for (Path corpus : corpora) {
            List<NerCorpus.Sentence> sentences = NerCorpus.read(corpus);
            boolean folded = foldedCorpora.contains(corpus);
            for (int n = 0; n < sentences.size(); n++) {
                if (folded && NerTrainer.fold(n, sentences.size(), folds) == excludedFold) {
                    continue;
                }
                NerCorpus.Sentence s = sentences.get(n);
                String norm = new String(NerText.normalize(s.text()));
                for (NerSpan span : s.spans()) {
                    if (span.end() - span.start() >= 2 && span.end() - span.start() <= 20) {
                        b.add(norm.substring(span.start(), span.end()), 1 << NerLabels.typeIndex(span.type()));
                    }
                }
            }
        }
        if (divisions != null && Files.exists(divisions)) {
            int loc = 1 << NerLabels.typeIndex(dev.newsflow.events.EntityType.LOCATION);
            for (String line : Files.readAllLines(divisions, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length < 3 || f[0].equals("code")) {
                    continue;
                }
                String name = new String(NerText.normalize(f[1]));
                if (name.length() < 2) {
                    continue;
                }
                b.add(name, loc);
                String level = f[2];
                if (!level.equals("TOWN") && !level.equals("VILLAGE") && name.length() >= 3) {
                    String shortName = name.replaceFirst("(省|市|县|区|镇|乡|自治区|自治州|自治县|街道)$", "");
                    if (shortName.length() >= 2 && !shortName.equals(name)) {
                        b.add(shortName, loc);
                    }
                }
            }
        }
        return b.build();
    }
}
