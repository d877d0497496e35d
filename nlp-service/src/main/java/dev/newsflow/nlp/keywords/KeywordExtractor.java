package dev.newsflow.nlp.keywords;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import dev.newsflow.events.ArticleEnriched.Keyword;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TextRank keywords over the words of a Chinese text (HanLP's dictionary segmenter, which is fast): nouns, verbs
 * and names of at least two characters that are not stopwords and contain no digit; co-occurrence window of 5
 * within a sentence; 0.85 damping, 20 iterations; each score then weighted by {@link #specificity} (a TF-IDF-like
 * penalty for words common in any news). Names the article's entities give ({@link #extract(String, Collection)})
 * are counted as single words even when the dictionary would cut them. Scores are scaled so the best keyword has 1.
 * Thread-safe.
 */
public final class KeywordExtractor {

    static final int WINDOW = 5;
    static final int ITERATIONS = 20;
    static final double DAMPING = 0.85;
    /** Generic news words that say nothing about the article. */
    private static final Set<String> NEWS_STOPWORDS = Set.of("记者", "本报", "本报讯", "报道", "目前", "今年", "去年",
            "日前", "近日", "如今", "同时", "进行", "开展", "实现", "推进", "工作", "方面", "有关", "相关", "表示", "介绍",
            "通过", "成为", "没有", "已经", "还是", "可以", "一个", "我们", "他们", "以来", "之间", "期间", "据统计");

    private final Segment segment = new DoubleArrayTrieSegment().enablePartOfSpeechTagging(true);

    public List<Keyword> extract(String text, int limit) {
        return extract(text, List.of(), limit);
    }

    /**
     * @param names entity names found in the text, kept whole as candidate keywords
     */
    public List<Keyword> extract(String text, Collection<String> names, int limit) {
        List<List<String>> sentences = new ArrayList<>();
        for (Sentences.Sentence s : Sentences.split(text)) {
            List<String> words = new ArrayList<>();
            for (Term term : segment.seg(s.text())) {
                if (isCandidate(term)) {
                    words.add(term.word);
                }
            }
            if (!words.isEmpty()) {
                sentences.add(words);
            }
        }
        // words as ints, co-occurrence weights in one map keyed by the pair
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<String> vocabulary = new ArrayList<>();
        Map<Long, Integer> pairs = new HashMap<>();
        for (List<String> words : sentences) {
            int[] w = new int[words.size()];
            for (int i = 0; i < w.length; i++) {
                String word = words.get(i);
                w[i] = ids.computeIfAbsent(word, x -> {
                    vocabulary.add(x);
                    return vocabulary.size() - 1;
                });
            }
            for (int i = 0; i < w.length; i++) {
                for (int j = i + 1; j < Math.min(w.length, i + WINDOW); j++) {
                    if (w[i] != w[j]) {
                        pairs.merge(((long) Math.min(w[i], w[j]) << 32) | Math.max(w[i], w[j]), 1, Integer::sum);
                    }
                }
            }
        }
        double[] scores = textRank(vocabulary.size(), pairs);
        Map<String, Double> rank = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            rank.put(vocabulary.get(i), scores[i]);
        }
        for (String name : names) {
            if (name.length() >= 2 && !rank.containsKey(name)) {
                int occurrences = count(text, name);
                if (occurrences > 1) {
                    rank.put(name, (1 - DAMPING) + DAMPING * 0.5 * occurrences);
                }
            }
        }
        rank.replaceAll((word, score) -> score * specificity(word));
        double max = rank.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        return rank.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new Keyword(e.getKey(), Math.round(e.getValue() / max * 1000) / 1000.0))
                .toList();
    }

    /** Weighted TextRank over an undirected graph given as pair -> weight. */
    private static double[] textRank(int n, Map<Long, Integer> pairs) {
        int[] degree = new int[n];
        double[] outWeight = new double[n];
        for (Map.Entry<Long, Integer> e : pairs.entrySet()) {
            int a = (int) (e.getKey() >>> 32);
            int b = (int) (long) e.getKey();
            degree[a]++;
            degree[b]++;
            outWeight[a] += e.getValue();
            outWeight[b] += e.getValue();
        }
        int[][] neighbours = new int[n][];
        double[][] weights = new double[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = new int[degree[i]];
            weights[i] = new double[degree[i]];
            degree[i] = 0;
        }
        for (Map.Entry<Long, Integer> e : pairs.entrySet()) {
            int a = (int) (e.getKey() >>> 32);
            int b = (int) (long) e.getKey();
            neighbours[a][degree[a]] = b;
            weights[a][degree[a]++] = e.getValue();
            neighbours[b][degree[b]] = a;
            weights[b][degree[b]++] = e.getValue();
        }
        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0);
        double[] next = new double[n];
        for (int it = 0; it < ITERATIONS; it++) {
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int k = 0; k < neighbours[i].length; k++) {
                    int j = neighbours[i][k];
                    sum += weights[i][k] / outWeight[j] * score[j];
                }
                next[i] = (1 - DAMPING) + DAMPING * sum;
            }
            double[] swap = score;
            score = next;
            next = swap;
        }
        return score;
    }

    /**
     * Down-weights words that are common everywhere (建设, 发展): ln(2 + 1000 / (1 + f)) with f the word's frequency
     * in HanLP's core dictionary (People's Daily counts), 1.0 for 建设 (f = 1745), 5.3 for 锦州市 (f = 4).
     */
    static double specificity(String word) {
        return Math.log(2 + 1000.0 / (1 + CoreDictionary.getTermFrequency(word)));
    }

    static boolean isCandidate(Term term) {
        String w = term.word;
        if (w.length() < 2 || NEWS_STOPWORDS.contains(w) || CoreStopWordDictionary.contains(w)) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isDigit(c) || !Character.isLetter(c)) {
                return false;
            }
        }
        String nature = term.nature == null ? "" : term.nature.toString();
        return nature.startsWith("n") || nature.startsWith("v") || nature.equals("gi") || nature.startsWith("g")
                || nature.equals("an") || nature.equals("nz");
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }
}
