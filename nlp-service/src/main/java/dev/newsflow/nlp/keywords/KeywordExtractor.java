package dev.newsflow.nlp.keywords;

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
 * within a sentence; 0.85 damping, 20 iterations. Names the article's entities give ({@link #extract(String, Collection)})
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
        Map<String, Map<String, Integer>> graph = new LinkedHashMap<>();
        for (List<String> words : sentences) {
            for (int i = 0; i < words.size(); i++) {
                graph.computeIfAbsent(words.get(i), k -> new HashMap<>());
                for (int j = i + 1; j < Math.min(words.size(), i + WINDOW); j++) {
                    String a = words.get(i);
                    String b = words.get(j);
                    if (!a.equals(b)) {
                        graph.get(a).merge(b, 1, Integer::sum);
                        graph.computeIfAbsent(b, k -> new HashMap<>()).merge(a, 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, Double> rank = textRank(graph);
        for (String name : names) {
            if (name.length() >= 2 && !rank.containsKey(name)) {
                int occurrences = count(text, name);
                if (occurrences > 1) {
                    rank.put(name, (1 - DAMPING) + DAMPING * 0.5 * occurrences);
                }
            }
        }
        double max = rank.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        return rank.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new Keyword(e.getKey(), Math.round(e.getValue() / max * 1000) / 1000.0))
                .toList();
    }

    private static Map<String, Double> textRank(Map<String, Map<String, Integer>> graph) {
        Map<String, Double> score = new HashMap<>();
        Map<String, Integer> outWeight = new HashMap<>();
        graph.forEach((k, v) -> {
            score.put(k, 1.0);
            outWeight.put(k, v.values().stream().mapToInt(Integer::intValue).sum());
        });
        for (int it = 0; it < ITERATIONS; it++) {
            Map<String, Double> next = new HashMap<>();
            for (Map.Entry<String, Map<String, Integer>> e : graph.entrySet()) {
                double sum = 0;
                for (Map.Entry<String, Integer> in : e.getValue().entrySet()) {
                    int out = outWeight.get(in.getKey());
                    if (out > 0) {
                        sum += in.getValue() / (double) out * score.get(in.getKey());
                    }
                }
                next.put(e.getKey(), (1 - DAMPING) + DAMPING * sum);
            }
            score.putAll(next);
        }
        return score;
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
