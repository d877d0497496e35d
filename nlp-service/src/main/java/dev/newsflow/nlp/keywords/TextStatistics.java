package dev.newsflow.nlp.keywords;

import dev.newsflow.events.ArticleEnriched.TextStats;
import dev.newsflow.nlp.text.TextNormalizer;

/**
 * Counts over the text as submitted: {@code characters} = Unicode code points that are not whitespace;
 * {@code chineseCharacters} = Han ideographs; {@code sentences} as {@link Sentences} splits the normalised text;
 * {@code paragraphs} = blocks of non-blank lines separated by blank lines (a single line break also separates
 * paragraphs when the text has no blank line at all); reading time at 400 Chinese characters a minute plus
 * 200 words a minute for other text, rounded up to whole seconds.
 */
public final class TextStatistics {

    static final int CHINESE_CHARS_PER_MINUTE = 400;
    static final int WORDS_PER_MINUTE = 200;

    public TextStats compute(String original, String normalized) {
        int characters = 0;
        int chinese = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || cp == '\u3000') {
                inWord = false;
                continue;
            }
            characters++;
            boolean han = cp <= 0xFFFF ? TextNormalizer.isHan((char) cp)
                    : Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (han) {
                chinese++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        int sentences = Sentences.split(normalized).size();
        int paragraphs = paragraphs(original);
        double minutes = chinese / (double) CHINESE_CHARS_PER_MINUTE + words / (double) WORDS_PER_MINUTE;
        int seconds = (int) Math.ceil(minutes * 60 - 1e-9);
        return new TextStats(characters, chinese, sentences, paragraphs, seconds);
    }

    static int paragraphs(String text) {
        String[] lines = text.split("\\R", -1);
        boolean hasBlank = false;
        for (String line : lines) {
            if (line.isBlank()) {
                hasBlank = true;
                break;
            }
        }
        int count = 0;
        boolean inParagraph = false;
        for (String line : lines) {
            if (line.isBlank()) {
                inParagraph = false;
            } else if (!inParagraph || !hasBlank) {
                count++;
                inParagraph = true;
            }
        }
        return count;
    }
}
