package dev.newsflow.nlp.ner.train;

import dev.newsflow.nlp.ner.Lexicon;
import dev.newsflow.nlp.ner.NerText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Words of the People's Daily 1998 segmented corpus ({@code word/tag} in PKU98 format), in three classes that
 * stand in for word-boundary and part-of-speech features at the cost of a hash lookup: bit 0 any word, bit 1
 * verbs and function words, bit 2 common nouns. Words seen once are left out.
 */
final class WordLexicon {

    private WordLexicon() {
    }

    static Lexicon build(Path pku98) throws IOException {
        Map<String, int[]> counts = new HashMap<>();
        for (String line : Files.readAllLines(pku98, StandardCharsets.UTF_8)) {
            for (String token : line.split("\\s+")) {
                String t = token.startsWith("[") ? token.substring(1) : token;
                int bracket = t.indexOf("]");
                if (bracket >= 0) {
                    t = t.substring(0, bracket);
                }
                int slash = t.lastIndexOf('/');
                if (slash <= 0) {
                    continue;
                }
                String word = new String(NerText.normalize(t.substring(0, slash)));
                String tag = t.substring(slash + 1);
                if (word.length() < 2 || word.length() > 8 || tag.isEmpty()) {
                    continue;
                }
                int mask = 1;
                char c = Character.toLowerCase(tag.charAt(0));
                if ("vpcdurfmtq".indexOf(c) >= 0 && !tag.equals("vn")) {
                    mask |= 2;
                } else if (tag.equals("n") || tag.equals("vn") || tag.equals("j") || tag.equals("s") || tag.equals("nz")) {
                    mask |= 4;
                }
                int[] v = counts.computeIfAbsent(word, k -> new int[2]);
                v[0]++;
                v[1] |= mask;
            }
        }
        Lexicon.Builder b = Lexicon.builder();
        counts.forEach((w, v) -> {
            if (v[0] >= 2) {
                b.add(w, v[1]);
            }
        });
        return b.build();
    }
}
