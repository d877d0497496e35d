package dev.newsflow.nlp.keywords;

import dev.newsflow.events.ArticleEnriched.Keyword;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An extractive summary: the two or three sentences (three when the text has at least eight) that end like sentences and carry the most
 * keyword weight per character, with a bonus for the lead sentence, joined in text order, without the dateline that opens a lead (本报讯 记者X报道). Sentences shorter than
 * 12 characters (headlines cut from their sentence, bylines) are not taken. Thread-safe.
 */
public final class Summarizer {

    static final int MIN_SENTENCE = 12;
    static final int MAX_SENTENCE = 200;
    /** News agency datelines and reporter credits that open a lead: 本报讯 记者崔治报道, 新华社北京8月9日电. */
    private static final Pattern DATELINE = Pattern.compile(
            "^(?:本报讯|本报[^,。]{0,12}电|[^,。]{0,6}社[^,。]{0,12}电)[\\s　]*(?:[(（]?记者[^,。\\s]{1,12}(?:报道)?[)）]?[\\s　]*)?");

    public String summarize(String text, List<Keyword> keywords) {
        List<Sentences.Sentence> all = Sentences.split(text).stream()
                .filter(s -> s.text().codePointCount(0, s.text().length()) >= MIN_SENTENCE)
                .toList();
        // headlines, captions and credits have no sentence end: take finished sentences when there are any
        List<Sentences.Sentence> finished = all.stream().filter(s -> endsSentence(s.text())).toList();
        List<Sentences.Sentence> sentences = finished.isEmpty() ? all : finished;
        if (sentences.isEmpty()) {
            return "";
        }
        int want = sentences.size() >= 8 ? 3 : Math.min(2, sentences.size());
        record Scored(int index, Sentences.Sentence sentence, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentences.Sentence s = sentences.get(i);
            double weight = 0;
            for (Keyword k : keywords) {
                if (s.text().contains(k.text())) {
                    weight += k.score();
                }
            }
            double lengthPenalty = Math.sqrt(Math.max(s.text().length(), 40));
            double score = weight / lengthPenalty + (i == 0 ? 0.5 : 0) + (s.text().length() > MAX_SENTENCE ? -0.5 : 0);
            scored.add(new Scored(i, s, score));
        }
        return scored.stream()
                .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::index))
                .limit(want)
                .sorted(Comparator.comparingInt(Scored::index))
                .map(s -> DATELINE.matcher(s.sentence().text()).replaceFirst(""))
                .reduce((a, b) -> join(a, b))
                .orElse("");
    }

    private static boolean endsSentence(String s) {
        int i = s.length() - 1;
        while (i > 0 && "”’\"」』)）".indexOf(s.charAt(i)) >= 0) {
            i--;
        }
        char c = s.charAt(i);
        return Sentences.isTerminal(c) || c == '.';
    }

    private static String join(String a, String b) {
        char last = a.charAt(a.length() - 1);
        return last > 0x7F ? a + b : a + " " + b;
    }
}
