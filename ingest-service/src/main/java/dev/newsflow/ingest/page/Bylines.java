package dev.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Leads (本报讯 记者崔治报道 …) and credit lines (本本报记者 崔治 撰, 张益闻 本报记者 崔治, 文/张三 图/李四),
 * matched on {@link Typography#matchForm} so that traditional characters and full-width forms work too.
 * The OCR's doubled 本 (本本报记者) is tolerated.
 */
final class Bylines {

    /** 本报讯, 本报锦州8月9日讯, 新华社北京8月9日电, 本报记者 X 报道 opening a paragraph. */
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*[【\\[]?(本+报讯|本+报[^\\s，,。:：]{1,16}?讯|新华社[^\\s，,。:：]{0,16}?电|中新社[^\\s，,。:：]{0,16}?电|[^\\s，,。:：]{2,6}网讯)[】\\]]?");
    private static final String ROLE =
            "(?:本+报)?(?:特约|见习|实习|首席)?(?:记者|通讯员|摄影记者|摄影|实习生|撰稿)|文\\s*[/／:：]|图\\s*[/／:：]|摄影\\s*[/／:：]";
    private static final Pattern ROLE_PREFIX = Pattern.compile("^(" + ROLE + ")");
    private static final Pattern NAME = Pattern.compile("^[\\p{IsHan}·•]{2,4}$");
    private static final Pattern PHOTO_SUFFIX = Pattern.compile("(摄|摄影|图)$");
    private static final Pattern TEXT_SUFFIX = Pattern.compile("(撰|撰文|报道|文)$");

    private Bylines() {
    }

    /** Names credited on a line, by role. */
    record Credit(List<String> reporters, List<String> photographers, boolean explicitPhoto) {

        List<String> all() {
            List<String> all = new ArrayList<>(reporters);
            photographers.stream().filter(p -> !all.contains(p)).forEach(all::add);
            return all;
        }
    }

    /** A lead: the dateline, the reporters named right after it, and where the story text starts. */
    record Lead(String dateline, List<String> reporters, int bodyStart) {
    }

    /** The lead of a paragraph starting with a dateline, or null. */
    static Lead lead(String line) {
        String m = Typography.matchForm(line);
        Matcher d = DATELINE.matcher(m);
        if (!d.find()) {
            return null;
        }
        String dateline = line.substring(d.start(1), d.end(1)).replaceFirst("^本+", "本");
        int pos = d.end();
        while (pos < m.length() && m.charAt(pos) == ' ') {
            pos++;
        }
        List<String> reporters = new ArrayList<>();
        if (pos < m.length() && (m.charAt(pos) == '（' || m.charAt(pos) == '(')) {
            int close = indexOfAny(m, pos + 1, Math.min(m.length(), pos + 40), "）)");
            if (close > 0) {
                String clause = m.substring(pos + 1, close);
                List<String> names = namesOfClause(clause);
                if (!names.isEmpty()) {
                    reporters.addAll(names);
                    pos = close + 1;
                }
            }
        } else if (pos < m.length() && ROLE_PREFIX.matcher(m.substring(pos)).find()) {
            int end = m.indexOf("报道", pos);
            if (end > pos && end - pos <= 30) {
                reporters.addAll(namesOfClause(m.substring(pos, end)));
                pos = end + 2;
            } else {
                // 记者 崔治 近日…: role and names as space-separated tokens
                int p = pos;
                int lastGood = -1;
                List<String> names = new ArrayList<>();
                while (p < m.length() && p - pos < 30) {
                    int space = m.indexOf(' ', p);
                    if (space < 0) {
                        break;
                    }
                    String token = m.substring(p, space);
                    List<String> tokenNames = namesOfClause(token);
                    if (!isCreditToken(token)) {
                        break;
                    }
                    names.addAll(tokenNames);
                    lastGood = space;
                    p = space + 1;
                    while (p < m.length() && m.charAt(p) == ' ') {
                        p++;
                    }
                }
                if (lastGood > 0 && !names.isEmpty()) {
                    reporters.addAll(names);
                    pos = lastGood;
                }
            }
        }
        while (pos < m.length() && (m.charAt(pos) == ' ' || m.charAt(pos) == ',' || m.charAt(pos) == '，'
                || m.charAt(pos) == ':' || m.charAt(pos) == '：')) {
            pos++;
        }
        return new Lead(dateline, reporters, pos);
    }

    private static final Pattern COMMENTATOR = Pattern.compile("^(本+报|新华社|人民日报)?(特约)?评论员$");
    private static final Pattern TRAILING_CREDIT = Pattern.compile("^(.*[。！？!?…”’])\\s*[（(]([^（）()]{2,24})[）)]$");

    /** The credit of a line made only of roles and names, or null when the line is anything else. */
    static Credit credit(String line) {
        String m = Typography.matchForm(line).strip();
        if (COMMENTATOR.matcher(m.replace(" ", "")).matches()) {
            return new Credit(List.of(line.strip().replace(" ", "").replaceFirst("^本+", "本")), List.of(), false);
        }
        if (m.isEmpty() || m.length() > 40 || Typography.endsWithStrongStop(m) || m.matches(".*[，,;；。“”\"].*")) {
            return null;
        }
        String[] tokens = m.replace('、', ' ').replaceAll("([\\p{IsHan}])\\s*[/／]\\s*(摄影|摄|撰文|撰|文|图)$", "$1 $2")
                .split("\\s+");
        boolean role = false;
        boolean photoAll = false;
        List<String> reporters = new ArrayList<>();
        List<String> photographers = new ArrayList<>();
        boolean photoNext = false;
        for (String raw : tokens) {
            String token = raw;
            boolean photo = false;
            Matcher r = ROLE_PREFIX.matcher(token);
            if (r.find()) {
                role = true;
                String roleText = r.group(1);
                photo = roleText.startsWith("图") || roleText.contains("摄");
                photoNext = photo;
                token = token.substring(r.end()).strip();
            }
            if (token.equals("摄") || token.equals("摄影") || token.equals("图")) {
                role = true;
                photoAll = true;
                continue;
            }
            if (token.equals("撰") || token.equals("撰文") || token.equals("报道") || token.equals("文")) {
                role = true;
                continue;
            }
            if (token.isEmpty()) {
                continue;
            }
            Matcher ps = PHOTO_SUFFIX.matcher(token);
            if (ps.find() && token.length() - ps.group(1).length() >= 2) {
                token = token.substring(0, ps.start());
                role = true;
                photo = true;
            } else {
                Matcher ts = TEXT_SUFFIX.matcher(token);
                if (ts.find() && token.length() - ts.group(1).length() >= 2 && role) {
                    token = token.substring(0, ts.start());
                }
            }
            if (!NAME.matcher(token).matches()) {
                return null;
            }
            if (photo || photoNext) {
                photographers.add(token);
            } else {
                reporters.add(token);
            }
        }
        if (!role || (reporters.isEmpty() && photographers.isEmpty())) {
            return null;
        }
        if (photoAll) {
            photographers.addAll(0, reporters);
            reporters.clear();
        }
        return new Credit(reporters, photographers, photoAll || !photographers.isEmpty());
    }

    /**
     * A credit in brackets closing a paragraph, 《…作用。(高明)》 or 《…。（记者 张三）》: the names and the paragraph
     * without it, or null.
     */
    static Map.Entry<String, List<String>> trailingCredit(String paragraph) {
        Matcher m = TRAILING_CREDIT.matcher(paragraph.strip());
        if (!m.matches()) {
            return null;
        }
        String clause = Typography.matchForm(m.group(2));
        List<String> names = namesOfClause(clause);
        String rest = clause.replaceAll("(本+报)?(特约|见习|实习)?(记者|通讯员|摄影|实习生)|[\\s、,，/]", "");
        int nameChars = names.stream().mapToInt(String::length).sum();
        if (names.isEmpty() || rest.length() != nameChars) {
            return null;
        }
        return Map.entry(m.group(1), names);
    }

    private static boolean isCreditToken(String token) {
        String t = ROLE_PREFIX.matcher(token).replaceFirst("");
        return t.isEmpty() || NAME.matcher(t).matches();
    }

    private static List<String> namesOfClause(String clause) {
        List<String> names = new ArrayList<>();
        for (String part : clause.split("[\\s、,，/／]+")) {
            String t = part;
            Matcher r;
            while ((r = ROLE_PREFIX.matcher(t)).find() && r.end() > 0) {
                t = t.substring(r.end()).strip();
            }
            t = t.replaceFirst("(报道|摄|撰)$", "");
            if (NAME.matcher(t).matches()) {
                names.add(t);
            }
        }
        return names;
    }

    private static int indexOfAny(String s, int from, int to, String chars) {
        for (int i = from; i < to; i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
