package dev.newsflow.ingest.page;

/**
 * Character-level cues: sentence-final punctuation, clause punctuation, and a matching form of a line in which
 * full-width ASCII is half-width and the traditional forms of the marker words (報訊記攝…) are simplified, one
 * character for one character so that indices stay valid.
 */
final class Typography {

    private static final String TERMINAL = "。.．!！?？…;；:：";
    private static final String CLOSERS = "”\"'’」』)）】》〉";
    private static final String CLAUSE = ",，;；";
    private static final String CONTINUATION_START = "、，,。．；;：:）)》」』”’!！?？…%";
    private static final String TRADITIONAL = "報訊記攝員圖實習華電導讀編輯責並為這個們來時會說發區縣鄉鎮產業經濟";
    private static final String SIMPLIFIED = "报讯记摄员图实习华电导读编辑责并为这个们来时会说发区县乡镇产业经济";

    private Typography() {
    }

    /** The line as matched by the patterns: same length, half-width ASCII, simplified marker characters. */
    static String matchForm(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E' && c != '\uFF0C' && c != '\uFF1B' && c != '\uFF1A'
                    && c != '\uFF01' && c != '\uFF1F' && c != '\uFF08' && c != '\uFF09') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                c = ' ';
            } else {
                int t = TRADITIONAL.indexOf(c);
                if (t >= 0) {
                    c = SIMPLIFIED.charAt(t);
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Whether the text ends a sentence (closing quotes and brackets after the punctuation are skipped). */
    static boolean endsSentence(String s) {
        int i = s.length() - 1;
        while (i >= 0 && (CLOSERS.indexOf(s.charAt(i)) >= 0 || Character.isWhitespace(s.charAt(i)))) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        if (i < s.length() - 1 && (s.charAt(s.length() - 1) == '）' || s.charAt(s.length() - 1) == ')')) {
            // "（完）" and similar end an article; a parenthesis closing mid-sentence does not end it
            return TERMINAL.indexOf(s.charAt(i)) >= 0 || s.endsWith("完）") || s.endsWith("完)");
        }
        return TERMINAL.indexOf(s.charAt(i)) >= 0;
    }

    static boolean endsWithStrongStop(String s) {
        int i = s.length() - 1;
        while (i >= 0 && CLOSERS.indexOf(s.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && "。．!！?？…".indexOf(s.charAt(i)) >= 0;
    }

    static int clauseMarks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (CLAUSE.indexOf(s.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }

    /** Sentence stops strictly inside the text (not counting the end and its closing quotes). */
    static int innerStops(String s) {
        int end = s.length() - 1;
        while (end >= 0 && (CLOSERS.indexOf(s.charAt(end)) >= 0 || "。．!！?？…".indexOf(s.charAt(end)) >= 0)) {
            end--;
        }
        int n = 0;
        for (int i = 0; i <= end; i++) {
            if ("。!！?？".indexOf(s.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }

    static boolean startsLikeContinuation(String s) {
        return !s.isEmpty() && CONTINUATION_START.indexOf(s.charAt(0)) >= 0;
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static int hanCount(String s) {
        return (int) s.codePoints().filter(Typography::isHan).count();
    }

    /** Joins a paragraph broken by the layout: no space between CJK, one between Latin words. */
    static String join(String head, String tail) {
        if (head.isEmpty()) {
            return tail;
        }
        char a = head.charAt(head.length() - 1);
        char b = tail.isEmpty() ? ' ' : tail.charAt(0);
        boolean latin = Character.isLetter(a) && a < 0x2E80 && Character.isLetter(b) && b < 0x2E80;
        return latin ? head + " " + tail : head + tail;
    }
}
