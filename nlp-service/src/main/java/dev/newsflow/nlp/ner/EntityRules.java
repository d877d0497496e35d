package dev.newsflow.nlp.ner;

import dev.newsflow.events.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What MSRA cannot teach the model: reporter bylines (记者崔治报道, 本报记者 崔治 撰, 通讯员 X) are persons.
 * Rule spans replace the model spans they overlap.
 */
final class EntityRules {

    private static final String[] BYLINE_TRIGGERS = {"记者", "通讯员", "实习生", "摄影", "编辑", "撰稿"};
    private static final String SURNAMES = loadSurnames();

    private EntityRules() {
    }

    private static String loadSurnames() {
        try (InputStream in = EntityRules.class.getResourceAsStream("/ner/surnames.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<NerSpan> apply(char[] text, List<NerSpan> spans) {
        List<NerSpan> rules = bylines(text);
        if (rules.isEmpty()) {
            return spans;
        }
        List<NerSpan> out = new ArrayList<>();
        for (NerSpan s : spans) {
            boolean overlapped = false;
            for (NerSpan r : rules) {
                if (r.start() < s.end() && s.start() < r.end()) {
                    overlapped = true;
                    break;
                }
            }
            if (!overlapped) {
                out.add(s);
            }
        }
        out.addAll(rules);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    static List<NerSpan> bylines(char[] text) {
        List<NerSpan> found = new ArrayList<>();
        for (int i = 0; i + 2 < text.length; i++) {
            for (String trigger : BYLINE_TRIGGERS) {
                if (!startsWith(text, i, trigger)) {
                    continue;
                }
                int j = i + trigger.length();
                // one or more names separated by spaces or 、 up to a terminator
                while (true) {
                    while (j < text.length && (text[j] == ' ' || text[j] == '\u3000' || text[j] == ':' || text[j] == '：'
                            || text[j] == '、')) {
                        j++;
                    }
                    int len = nameLength(text, j);
                    if (len == 0) {
                        break;
                    }
                    found.add(new NerSpan(j, j + len, EntityType.PERSON));
                    j += len;
                }
            }
        }
        return found;
    }

    /** Length (2 or 3) of a name at {@code i} that a byline terminator follows, 0 when none. */
    private static int nameLength(char[] text, int i) {
        if (i >= text.length || SURNAMES.indexOf(text[i]) < 0) {
            return 0;
        }
        for (int len = 2; len <= 3; len++) {
            int end = i + len;
            if (end > text.length) {
                return 0;
            }
            if (!isHan(text[end - 1])) {
                return 0;
            }
            if (end == text.length || terminates(text, end)) {
                return len;
            }
        }
        return 0;
    }

    private static boolean terminates(char[] text, int i) {
        char c = text[i];
        return c == ' ' || c == '\u3000' || c == '\n' || c == '\r' || c == '、' || c == ',' || c == '，' || c == ')'
                || c == '）' || startsWith(text, i, "报道") || startsWith(text, i, "摄") || startsWith(text, i, "撰")
                || startsWith(text, i, "通讯员") || startsWith(text, i, "文/") || startsWith(text, i, "发自");
    }

    private static boolean isHan(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }

    private static boolean startsWith(char[] text, int i, String s) {
        if (i + s.length() > text.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (text[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
