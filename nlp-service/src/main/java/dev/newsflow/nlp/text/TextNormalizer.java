package dev.newsflow.nlp.text;

import com.hankcs.hanlp.dictionary.other.CharTable;

/**
 * Prepares submitted text for analysis while keeping the way back to it ({@link NormalizedText}).
 * <ul>
 *   <li>full-width ASCII forms (ＡＢＣ１２３，（）％) become half width, the ideographic space a space;</li>
 *   <li>traditional characters become simplified, one character for one (HanLP's {@code CharTable});</li>
 *   <li>OCR artefacts: the doubled 本 of 本本报 is dropped; spaces inside letter-spaced CJK (锦 州 市) are dropped;
 *       a line break between two CJK characters is dropped when the line before does not end a sentence and is
 *       not a short headline-like line (a single break always joins, a blank line only after a long line).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class TextNormalizer {

    /** A line at least this long (chars) followed by a blank line and no sentence end was cut mid-sentence. */
    static final int LONG_LINE = 20;

    public NormalizedText normalize(String text) {
        if (text == null || text.isEmpty()) {
            return NormalizedText.identity(text == null ? "" : text);
        }
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        int[] sources = new int[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '本' && i + 2 < n && text.charAt(i + 1) == '本' && text.charAt(i + 2) == '报') {
                continue;
            }
            if ((c == ' ' || c == '\u3000') && isLetterSpacedGap(text, i)) {
                continue;
            }
            if (c == '\n' || c == '\r') {
                int gapEnd = skipLineBreaks(text, i);
                if (joinsBrokenLine(text, i, gapEnd)) {
                    i = gapEnd - 1;
                    continue;
                }
            }
            out.append(convert(c));
            sources[len++] = i;
        }
        int[] trimmed = new int[len];
        System.arraycopy(sources, 0, trimmed, 0, len);
        return new NormalizedText(text, out.toString(), trimmed);
    }

    /** One character, 1:1. */
    static char convert(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        if (c == '\u3000') {
            return ' ';
        }
        if (isHan(c)) {
            char s = CharTable.convert(c);
            return isHan(s) ? s : c;
        }
        return c;
    }

    public static boolean isHan(char c) {
        return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');
    }

    private static boolean isAsciiDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '\uFF10' && c <= '\uFF19');
    }

    /** A space between two CJK characters each of which stands alone (锦 州 市). */
    private static boolean isLetterSpacedGap(String text, int i) {
        if (i == 0 || i + 1 >= text.length()) {
            return false;
        }
        char before = text.charAt(i - 1);
        char after = text.charAt(i + 1);
        if (!isHan(before) || !isHan(after)) {
            return false;
        }
        boolean beforeAlone = i - 2 < 0 || Character.isWhitespace(text.charAt(i - 2));
        boolean afterAlone = i + 2 >= text.length() || Character.isWhitespace(text.charAt(i + 2));
        return beforeAlone && afterAlone;
    }

    private static int skipLineBreaks(String text, int i) {
        int j = i;
        while (j < text.length() && (text.charAt(j) == '\n' || text.charAt(j) == '\r' || text.charAt(j) == ' '
                || text.charAt(j) == '\u3000' || text.charAt(j) == '\t')) {
            j++;
        }
        return j;
    }

    private static boolean joinsBrokenLine(String text, int gapStart, int gapEnd) {
        if (gapStart == 0 || gapEnd >= text.length()) {
            return false;
        }
        char before = text.charAt(gapStart - 1);
        char after = text.charAt(gapEnd);
        boolean beforeOk = isHan(before) || isAsciiDigit(before);
        boolean afterOk = isHan(after) || isAsciiDigit(after);
        if (!beforeOk || !afterOk || !(isHan(before) || isHan(after))) {
            return false;
        }
        int newlines = 0;
        for (int k = gapStart; k < gapEnd; k++) {
            if (text.charAt(k) == '\n') {
                newlines++;
            }
        }
        if (newlines <= 1) {
            return true;
        }
        if (newlines > 2) {
            return false;
        }
        if (isAsciiDigit(before) && "年月日号万亿元".indexOf(after) >= 0) {
            return true;
        }
        int lineStart = text.lastIndexOf('\n', gapStart - 1) + 1;
        return gapStart - lineStart >= LONG_LINE;
    }
}
