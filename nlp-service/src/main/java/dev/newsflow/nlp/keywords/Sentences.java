package dev.newsflow.nlp.keywords;

import java.util.ArrayList;
import java.util.List;

/** Splits text into sentences (ends: 。！？!?; and line breaks; a closing quote stays with its sentence). */
public final class Sentences {

    private Sentences() {
    }

    /** A sentence of a text: {@code [start, end)} in that text, trimmed. */
    public record Sentence(int start, int end, String text) {
    }

    public static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || c == '\r' || isTerminal(c)
                    || (c == '.' && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))));
            if (end) {
                int stop = i + 1;
                while (stop < n && isClosing(text.charAt(stop))) {
                    stop++;
                }
                add(text, start, c == '\n' || c == '\r' ? i : stop, out);
                start = stop;
                i = stop - 1;
            }
        }
        add(text, start, n, out);
        return out;
    }

    static boolean isTerminal(char c) {
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '；' || c == ';' || c == '…';
    }

    private static boolean isClosing(char c) {
        return c == '”' || c == '’' || c == '"' || c == '」' || c == '』' || c == ')' || c == '）' || c == '…';
    }

    private static void add(String text, int start, int end, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start && hasLetterOrDigit(text, start, end)) {
            out.add(new Sentence(start, end, text.substring(start, end)));
        }
    }

    private static boolean hasLetterOrDigit(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
