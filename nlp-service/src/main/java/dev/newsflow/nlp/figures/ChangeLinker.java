package dev.newsflow.nlp.figures;

import dev.newsflow.events.FigureKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the changes (同比增长124.83%, 下降2.5%, 提高3.6个百分点, 增加1800万公斤) and links a relative change to
 * the figure it qualifies: "金额6.43亿元,同比增长124.83%" gives the 6.43亿元 figure the change UP 124.83
 * YEAR_ON_YEAR and the percentage is not a figure of its own. A relative change with nothing to link to (规模以上
 * 工业增加值同比增长8.4%) stays a PERCENT or PERCENTAGE_POINT figure carrying its own change. Absolute changes
 * (比上年增加47家) are figures carrying a change without percent or points.
 */
final class ChangeLinker {

    static final String YEAR_ON_YEAR = "YEAR_ON_YEAR";
    static final String PERIOD_ON_PERIOD = "PERIOD_ON_PERIOD";
    static final String ANNUAL_AVERAGE = "ANNUAL_AVERAGE";
    static final String UNSPECIFIED = "UNSPECIFIED";

    private static final String[] UP = {
            "增长", "增加", "提高", "提升", "上升", "上涨", "攀升", "扩大", "增幅", "增速", "涨幅", "净增", "多增", "递增", "增",
            "升", "涨"};
    private static final String[] DOWN = {
            "下降", "减少", "降低", "回落", "下滑", "下跌", "缩小", "收窄", "减幅", "降幅", "缩减", "萎缩", "下调", "递减", "减",
            "降", "跌"};
    /** Comparatives that are changes only after a basis (比去年同期高出0.5元), not in 比全省平均水平高1.2个百分点. */
    private static final String[] MORE = {"高出", "多出", "多", "高"};
    private static final String[] LESS = {"低出", "少", "低"};
    /** Words allowed between a verb and its amount: 增长了, 增幅达, 增速为. */
    private static final String[] BRIDGES = {"达到", "了", "达", "为", "约为"};
    private static final String[] BASES_YOY = {
            "同比", "比上年", "较上年", "比去年", "较去年", "上年同期", "去年同期", "同期相比"};
    private static final String[] BASES_POP = {"环比", "比上月", "较上月", "比上季度", "较上季度", "比上季", "较上季"};

    /** What may stand between a figure and the change that qualifies it: punctuation, basis words, 分别. */
    private static final Pattern FILLER = Pattern.compile(
            "同比|环比|按可比口径|按可比价格?计算|分别|年均|了|同期相比|[与和]?(?:比|较)?(?:上年末|上年|去年|上月|上季度|上季|年初|上届)"
                    + "(?:同期)?(?:相比)?|[,，\\s]");
    private static final String SENTENCE_ENDS = "。;；!！?？\n";

    private ChangeLinker() {
    }

    static void link(String text, List<Candidate> figures) {
        int count = figures.size();
        for (int k = 0; k < count; k++) {
            Candidate c = figures.get(k);
            Verb verb = verbBefore(text, c.start);
            if (verb == null) {
                continue;
            }
            String basis = basis(text, verb.start, k > 0 ? figures.get(k - 1).end : 0);
            if (verb.comparative && UNSPECIFIED.equals(basis)) {
                continue;
            }
            if (verb.level) {
                c.direction = verb.direction;
                c.basis = basis;
                continue;
            }
            if (!isRelative(c)) {
                c.direction = verb.direction;
                c.basis = basis;
                continue;
            }
            // a chain of amounts: 分别增长5.1%、7.6%和2.8%
            int last = k;
            while (last + 1 < count && isRelative(figures.get(last + 1))
                    && figures.get(last + 1).kind == c.kind
                    && isListGap(text, figures.get(last).end, figures.get(last + 1).start)) {
                last++;
            }
            int amounts = last - k + 1;
            int phraseStart = verb.start;
            boolean linked = false;
            if (k - amounts >= 0) {
                boolean ok = true;
                for (int t = k - amounts; t < k; t++) {
                    Candidate target = figures.get(t);
                    if (target.changeAmount || target.dropped || target.direction != null
                            || target.kind == FigureKind.RATIO) {
                        ok = false;
                        break;
                    }
                }
                Candidate lastTarget = figures.get(k - 1);
                Candidate firstTarget = figures.get(k - amounts);
                if (ok && onlyFiller(text, lastTarget.end, phraseStart)
                        && noSentenceEnd(text, firstTarget.end, phraseStart)
                        && (amounts == 1 || text.startsWith("分别", verb.start - 2)
                        || text.lastIndexOf("分别", verb.start) >= lastTarget.end)) {
                    for (int a = 0; a < amounts; a++) {
                        attach(figures.get(k - amounts + a), figures.get(k + a), verb.direction, basis);
                    }
                    linked = true;
                }
            }
            for (int a = 0; a < amounts; a++) {
                Candidate amount = figures.get(k + a);
                amount.changeAmount = true;
                amount.verbStart = phraseStart;
                if (!linked) {
                    amount.direction = verb.direction;
                    amount.basis = basis;
                    setAmount(amount, amount);
                }
            }
            k = last;
        }
    }

    private static boolean isRelative(Candidate c) {
        return c.kind == FigureKind.PERCENT || c.kind == FigureKind.PERCENTAGE_POINT
                || c.kind == FigureKind.RATIO && "倍".equals(c.unit);
    }

    private static void attach(Candidate target, Candidate amount, String direction, String basis) {
        target.direction = direction;
        target.basis = basis;
        setAmount(target, amount);
        amount.dropped = true;
    }

    private static void setAmount(Candidate target, Candidate amount) {
        if (amount.kind == FigureKind.PERCENTAGE_POINT) {
            target.changePoints = amount.value;
        } else if (amount.kind == FigureKind.PERCENT) {
            target.changePercent = amount.value;
        } else {
            target.changePercent = amount.value.multiply(BigDecimal.valueOf(100));
        }
    }

    private static boolean isListGap(String text, int from, int to) {
        if (to - from < 1 || to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if ("、和及与,，".indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyFiller(String text, int from, int to) {
        if (from > to) {
            return false;
        }
        if (from == to) {
            return true;
        }
        if (to - from > 16) {
            return false;
        }
        return FILLER.matcher(text.substring(from, to)).replaceAll("").isEmpty();
    }

    private static boolean noSentenceEnd(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private record Verb(int start, String direction, boolean level, boolean comparative) {
    }

    /** The change verb right before a figure: 增长(了|达|为)?X, or 提高到/降至 X (a new level). */
    private static Verb verbBefore(String text, int figureStart) {
        int at = figureStart;
        boolean level = false;
        if (at > 1 && text.charAt(at - 1) == '了' && (text.charAt(at - 2) == '到' || text.charAt(at - 2) == '至')) {
            level = true;
            at -= 2;
        } else if (at > 0 && (text.charAt(at - 1) == '到' || text.charAt(at - 1) == '至')) {
            level = true;
            at--;
        } else {
            for (String bridge : BRIDGES) {
                if (text.startsWith(bridge, at - bridge.length()) && at - bridge.length() >= 0) {
                    at -= bridge.length();
                    break;
                }
            }
        }
        Verb v = verbEndingAt(text, at, UP, "UP", level);
        if (v == null) {
            v = verbEndingAt(text, at, DOWN, "DOWN", level);
        }
        if (v == null && !level) {
            v = comparativeEndingAt(text, at, MORE, "UP");
            if (v == null) {
                v = comparativeEndingAt(text, at, LESS, "DOWN");
            }
        }
        return v;
    }

    private static Verb verbEndingAt(String text, int at, String[] verbs, String direction, boolean level) {
        for (String verb : verbs) {
            int start = at - verb.length();
            if (start >= 0 && text.startsWith(verb, start)) {
                if (verb.length() == 1) {
                    char before = start > 0 ? text.charAt(start - 1) : ' ';
                    if (before == '新' || QuantityScanner.isHan(before) && !isBasisEnd(text, start) && !level) {
                        return null; // 新增; a lone 增/降 must follow a basis word (同比增5%)
                    }
                }
                return new Verb(start, direction, level, false);
            }
        }
        return null;
    }

    private static Verb comparativeEndingAt(String text, int at, String[] words, String direction) {
        for (String w : words) {
            int start = at - w.length();
            if (start >= 0 && text.startsWith(w, start)) {
                return new Verb(start, direction, false, true);
            }
        }
        return null;
    }

    private static boolean isBasisEnd(String text, int at) {
        return text.startsWith("同比", at - 2) || text.startsWith("环比", at - 2) || text.startsWith("上年", at - 2)
                || text.startsWith("去年", at - 2) || text.startsWith("同期", at - 2) || text.startsWith("分别", at - 2);
    }

    /** The basis in the 12 characters before the verb (not crossing the previous figure). */
    private static String basis(String text, int verbStart, int floor) {
        int from = Math.max(Math.max(0, verbStart - 12), floor);
        for (int i = verbStart - 1; i >= from; i--) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                from = i + 1;
                break;
            }
        }
        for (int i = from; i < verbStart; i++) {
            for (String b : BASES_POP) {
                if (text.startsWith(b, i)) {
                    return PERIOD_ON_PERIOD;
                }
            }
        }
        for (int i = from; i < verbStart; i++) {
            for (String b : BASES_YOY) {
                if (text.startsWith(b, i)) {
                    return YEAR_ON_YEAR;
                }
            }
            if (text.startsWith("年均", i)) {
                return ANNUAL_AVERAGE;
            }
        }
        return UNSPECIFIED;
    }
}
