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
 * A place followed directly by an organisation suffix (锦州市 + 铁工养路设备有限公司, 凌海市 + 公安局) is one
 * organisation. Rule spans replace the model spans they overlap. And within one text, a "person" whose name begins an
 * organisation name found elsewhere in the text (陆海新 beside 陆海新运输有限公司) is the organisation's
 * name element, not a person.
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

    /** {@code words}: the model's word lexicon (bit 1 = verbs and function words), or null. */
    static List<NerSpan> apply(char[] text, List<NerSpan> spans, Lexicon words) {
        spans = placesWithOrganisationSuffixes(text, spans, words);
        spans = organisationsWithTheirFirstCharacter(text, spans, words);
        spans = withoutLeadingFunctionCharacters(text, spans, words);
        spans = dropPersonsThatBeginOrganisations(text, spans);
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

    private static final String[] ORG_SUFFIXES = {"股份有限公司", "有限责任公司", "有限公司", "集团", "委员会", "协会",
        "管理局", "公安局", "局", "研究院", "研究所", "大学", "学院", "医院", "银行", "法院", "检察院", "合作社"};
    private static final String STOP = "的在和与及是由了等为从向对将把被到或也都又而并、,，.。;；:：!！?？()（）\"“”'‘’《》 \u3000\n\r";
    private static final int MAX_MIDDLE = 10;

    /** A LOCATION span followed, within MAX_MIDDLE plain characters, by an organisation suffix becomes one ORG. */
    static List<NerSpan> placesWithOrganisationSuffixes(char[] text, List<NerSpan> spans, Lexicon words) {
        List<NerSpan> out = null;
        for (int k = 0; k < spans.size(); k++) {
            NerSpan loc = spans.get(k);
            if (loc.type() != EntityType.LOCATION) {
                continue;
            }
            int end = suffixEnd(text, loc.end(), words);
            if (end < 0 || hasVerb(text, loc.end(), end, words)) {
                continue;
            }
            boolean taken = false;
            for (NerSpan s : spans) {
                if (s != loc && s.type() != EntityType.LOCATION && s.start() < end && loc.start() < s.end()) {
                    taken = true;
                }
            }
            if (taken) {
                continue;
            }
            NerSpan org = new NerSpan(loc.start(), end, EntityType.ORGANIZATION);
            if (out == null) {
                out = new ArrayList<>(spans);
            }
            out.removeIf(s -> s.start() < org.end() && org.start() < s.end());
            out.add(org);
        }
        if (out == null) {
            return spans;
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static boolean hasVerb(char[] text, int from, int to, Lexicon words) {
        if (words == null) {
            return false;
        }
        boolean[] verb = {false};
        words.matches(text, from, to, (start, end, mask) -> {
            if ((mask & 2) != 0 && end <= to) {
                verb[0] = true;
            }
        });
        return verb[0];
    }

    /**
     * End of the first organisation suffix after {@code from} reached through plain Han characters, or -1; -1 too when
     * a one-character suffix ends a word of the lexicon (全局, 政局, 当局 are no bureaus).
     */
    private static int suffixEnd(char[] text, int from, Lexicon words) {
        for (int j = from; j < text.length && j <= from + MAX_MIDDLE; j++) {
            char c = text[j];
            if (!isHan(c) || STOP.indexOf(c) >= 0) {
                return -1;
            }
            for (String suffix : ORG_SUFFIXES) {
                if (startsWith(text, j, suffix)) {
                    int end = j + suffix.length();
                    if ((suffix.equals("局") && j == from) || (suffix.equals("大学") && end < text.length && text[end] == '生')
                            || (suffix.length() == 1 && words != null && "分总省市县区".indexOf(text[j - 1]) < 0
                                    && (words.typesOf(text, j - 1, end) & 1) != 0)) {
                        return -1;
                    }
                    return end;
                }
            }
        }
        return -1;
    }

    private static final String[] COMPANY_SUFFIXES = {"公司", "集团", "商行", "合作社", "工厂", "厂", "商场", "中心"};

    /**
     * An organisation whose name the model cut after its first character (组建|陆|海新运输有限公司: the model reads
     * 陆 as the object of 组建 or a surname) gets it back: when the span holds a company suffix and the Han character
     * before it is left out of every span, is no function word, and starts no word of the lexicon with the characters
     * before it. Either another organisation of the text shows the longer name (北镇市陆海新运输有限公司), and the
     * span grows over every character the two share, or the character stands alone between a word of the lexicon
     * (or a boundary) and the span, and the span grows by that one character.
     */
    static List<NerSpan> organisationsWithTheirFirstCharacter(char[] text, List<NerSpan> spans, Lexicon words) {
        List<NerSpan> out = null;
        for (int k = 0; k < spans.size(); k++) {
            NerSpan org = spans.get(k);
            if (org.type() != EntityType.ORGANIZATION || org.end() - org.start() < 4 || !hasCompanySuffix(text, org)) {
                continue;
            }
            int from = org.start();
            int limit = k > 0 ? spans.get(k - 1).end() : 0;
            int start = sharedWithLongerOrganisation(text, spans, org, limit);
            if (start == from && from - 1 >= limit && orphan(text, from - 1, words)) {
                start = from - 1;
            }
            if (start < from) {
                if (out == null) {
                    out = new ArrayList<>(spans);
                }
                out.set(k, new NerSpan(start, org.end(), EntityType.ORGANIZATION));
            }
        }
        return out == null ? spans : out;
    }

    private static boolean hasCompanySuffix(char[] text, NerSpan span) {
        for (int i = span.start() + 2; i < span.end(); i++) {
            for (String suffix : COMPANY_SUFFIXES) {
                if (i + suffix.length() <= span.end() && startsWith(text, i, suffix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Where the span would start if it took the characters that another organisation of the text has before the
     * span's first four or more characters.
     */
    private static int sharedWithLongerOrganisation(char[] text, List<NerSpan> spans, NerSpan org, int limit) {
        int len = org.end() - org.start();
        int best = org.start();
        for (NerSpan other : spans) {
            if (other == org || other.type() != EntityType.ORGANIZATION) {
                continue;
            }
            for (int at = other.start() + 1; at + 4 <= other.end(); at++) {
                int m = Math.min(len, other.end() - at);
                if (!java.util.Arrays.equals(text, at, at + m, text, org.start(), org.start() + m)) {
                    continue;
                }
                int d = 0;
                while (at - d - 1 >= other.start() && org.start() - d - 1 >= limit
                        && text[at - d - 1] == text[org.start() - d - 1] && usable(text[org.start() - d - 1])) {
                    d++;
                }
                best = Math.min(best, org.start() - d);
            }
        }
        return best;
    }

    private static boolean usable(char c) {
        return isHan(c) && STOP.indexOf(c) < 0 && FUNCTION_CHARS.indexOf(c) < 0;
    }

    private static final String FUNCTION_CHARS = "了着过给跟同向往对诉经于被让使以按据就自从至到所其该本此这那各每之我你他她它们有无不没很更最再还已也但请叫派邀找去来进入";

    /** A usable character that is no part of a lexicon word running over it from the left, preceded by a boundary or a word end. */
    private static boolean orphan(char[] text, int i, Lexicon words) {
        if (!usable(text[i]) || words == null) {
            return false;
        }
        for (int s = Math.max(0, i - 7); s < i; s++) {
            if ((words.typesOf(text, s, i + 1) & 1) != 0 || (words.typesOf(text, s, i + 2) & 1) != 0) {
                return false;
            }
        }
        if (i == 0 || !isHan(text[i - 1]) || STOP.indexOf(text[i - 1]) >= 0) {
            return true;
        }
        for (int s = Math.max(0, i - 7); s < i - 1; s++) {
            if ((words.typesOf(text, s, i) & 1) != 0) {
                return true;
            }
        }
        return false;
    }

    private static final String LEADING = "经跟向对在和与由被把将从给让诉据按以为于至到自同及是了等或也都又而并";

    /**
     * A place or organisation the model began one character early, on a preposition or conjunction (经|法院,
     * 跟|人大常委会, 诉|南县), loses it: when the character and the next make no word of the lexicon and the rest
     * begins one (法院, 人大, 南县).
     */
    static List<NerSpan> withoutLeadingFunctionCharacters(char[] text, List<NerSpan> spans, Lexicon words) {
        if (words == null) {
            return spans;
        }
        List<NerSpan> out = null;
        for (int k = 0; k < spans.size(); k++) {
            NerSpan s = spans.get(k);
            int from = s.start();
            if (s.type() == EntityType.PERSON || s.end() - from < 3 || LEADING.indexOf(text[from]) < 0
                    || (words.typesOf(text, from, from + 2) & 1) != 0 || !beginsWord(text, from + 1, s.end(), words)) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(spans);
            }
            out.set(k, new NerSpan(from + 1, s.end(), s.type()));
        }
        return out == null ? spans : out;
    }

    private static boolean beginsWord(char[] text, int from, int to, Lexicon words) {
        for (int end = from + 2; end <= to; end++) {
            if ((words.typesOf(text, from, end) & 1) != 0) {
                return true;
            }
        }
        return false;
    }

    static List<NerSpan> dropPersonsThatBeginOrganisations(char[] text, List<NerSpan> spans) {
        List<String> organisations = new ArrayList<>();
        for (NerSpan s : spans) {
            if (s.type() == EntityType.ORGANIZATION) {
                organisations.add(new String(text, s.start(), s.end() - s.start()));
            }
        }
        if (organisations.isEmpty()) {
            return spans;
        }
        List<NerSpan> out = new ArrayList<>(spans.size());
        String whole = null;
        for (NerSpan s : spans) {
            if (s.type() == EntityType.PERSON) {
                String name = new String(text, s.start(), s.end() - s.start());
                if (organisations.stream().anyMatch(o -> o.length() > name.length() + 1 && o.startsWith(name))) {
                    continue;
                }
                if (whole == null) {
                    whole = new String(text);
                }
                if (name.length() >= 2 && occursInsideAnOrganisation(whole, name, spans)) {
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    /** Whether some occurrence of {@code name} in the text overlaps an organisation span (海新运输有限公司 for 陆海新). */
    private static boolean occursInsideAnOrganisation(String text, String name, List<NerSpan> spans) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            for (NerSpan o : spans) {
                if (o.type() == EntityType.ORGANIZATION && o.start() < at + name.length() && at < o.end()) {
                    return true;
                }
            }
        }
        return false;
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
