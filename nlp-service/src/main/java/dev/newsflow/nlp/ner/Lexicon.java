package dev.newsflow.nlp.ner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of names, each with a mask of entity types (bit t for type t of {@link NerLabels}), matched by rolling
 * 64-bit hashes of the characters so that matching allocates nothing. Immutable once built, so thread-safe to read.
 */
public final class Lexicon {

    private static final int PREFIX = 1 << 8;
    private static final int TYPES = 0xFF;

    private final LongIntMap table;
    private final Map<String, Integer> words;

    private Lexicon(Map<String, Integer> words) {
        this.words = Collections.unmodifiableMap(words);
        this.table = new LongIntMap(words.size() * 3);
        for (Map.Entry<String, Integer> e : words.entrySet()) {
            String w = e.getKey();
            long h = SEED;
            for (int i = 0; i < w.length(); i++) {
                h = step(h, w.charAt(i));
                int old = table.get(h);
                int v = old < 0 ? 0 : old;
                if (i == w.length() - 1) {
                    v |= e.getValue();
                } else {
                    v |= PREFIX;
                }
                table.put(h, v);
            }
        }
    }

    static final long SEED = 0x2545F4914F6CDD1DL;

    static long step(long h, char c) {
        long x = (h ^ c) * 0x9E3779B97F4A7C15L;
        x = Long.rotateLeft(x, 29) + 0x632BE59BD9B4E019L;
        return x == 0 ? 1 : x;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Integer> words() {
        return words;
    }

    public int size() {
        return words.size();
    }

    /** The type mask of {@code word}, 0 when absent. */
    public int typesOf(String word) {
        Integer t = words.get(word);
        return t == null ? 0 : t;
    }

    /** The type mask of {@code text[from, to)}, 0 when it is not a word; allocates nothing. */
    public int typesOf(char[] text, int from, int to) {
        long h = SEED;
        for (int j = from; j < to; j++) {
            h = step(h, text[j]);
        }
        int v = table.get(h);
        return v < 0 ? 0 : v & TYPES;
    }

    public interface Match {
        void accept(int start, int end, int typeMask);
    }

    /** Calls {@code match} for every occurrence of every word in {@code text[from, to)}, shortest first per start. */
    public void matches(char[] text, int from, int to, Match match) {
        for (int i = from; i < to; i++) {
            long h = SEED;
            for (int j = i; j < to; j++) {
                h = step(h, text[j]);
                int v = table.get(h);
                if (v < 0) {
                    break;
                }
                if ((v & TYPES) != 0) {
                    match.accept(i, j + 1, v & TYPES);
                }
                if ((v & PREFIX) == 0) {
                    break;
                }
            }
        }
    }

    /** Non-overlapping longest matches, left to right. */
    public List<int[]> longestMatches(char[] text) {
        List<int[]> found = new ArrayList<>();
        int i = 0;
        while (i < text.length) {
            long h = SEED;
            int bestEnd = -1;
            int bestTypes = 0;
            for (int j = i; j < text.length; j++) {
                h = step(h, text[j]);
                int v = table.get(h);
                if (v < 0) {
                    break;
                }
                if ((v & TYPES) != 0) {
                    bestEnd = j + 1;
                    bestTypes = v & TYPES;
                }
                if ((v & PREFIX) == 0) {
                    break;
                }
            }
            if (bestEnd > 0) {
                found.add(new int[] {i, bestEnd, bestTypes});
                i = bestEnd;
            } else {
                i++;
            }
        }
        return found;
    }

    public static final class Builder {
        private final Map<String, Integer> words = new LinkedHashMap<>();

        public Builder add(String word, int typeMask) {
            if (!word.isEmpty() && typeMask != 0) {
                words.merge(word, typeMask, (a, b) -> a | b);
            }
            return this;
        }

        public Builder addAll(Map<String, Integer> other) {
            other.forEach(this::add);
            return this;
        }

        public Lexicon build() {
            return new Lexicon(new LinkedHashMap<>(words));
        }
    }
}
