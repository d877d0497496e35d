package dev.newsflow.nlp.figures;

import dev.newsflow.events.FigureKind;
import java.math.BigDecimal;
import java.util.List;

/**
 * Finds the quantities of a text in one left-to-right pass: a number (Arabic or Chinese, with magnitude), its
 * qualifiers and its unit. Numbers without a unit, ordinals (第七), years and dates (2022年, 8月9日), durations
 * (2年, 3个月), phone numbers, codes (PM2.5, 90后) and numerals inside names and idioms are skipped.
 */
final class QuantityScanner {

    private static final BigDecimal TEN = BigDecimal.TEN;

    /** Idioms and slogans whose numerals are not quantities. */
    private static final String[] IDIOMS = {
            "千家万户", "千方百计", "万无一失", "千军万马", "百花齐放", "百家争鸣", "万众一心", "三个代表", "四个全面",
            "两个维护", "两个确立", "四个意识", "四个自信", "五位一体", "万人空巷", "千千万万", "十全十美", "三番五次",
            "四面八方", "五湖四海", "三天两头", "七上八下", "两个一百年", "三个务必", "两个结合", "千头万绪", "万里长城",
            "千里", "万家灯火", "万家团圆", "万家欢乐", "百年", "千年", "万年"};

    /** Prefix qualifiers, longest first. */
    private static final String[] PREFIX_QUALIFIERS = {
            "超过了", "突破了", "大约", "将近", "接近", "超过", "不足", "不到", "至少", "突破", "逾", "约", "近", "超", "上"};
    private static final String[] SUFFIX_QUALIFIERS = {"以上", "左右", "以内", "以下", "开外"};

    private QuantityScanner() {
    }

    static void scan(String text, List<Candidate> out) {
        Numerals.Number num = new Numerals.Number();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Numerals.isAsciiDigit(c)) {
                i = arabic(text, i, num, out, false);
            } else if (c == '百' && text.startsWith("百分之", i)) {
                i = percentInWords(text, i, num, out);
            } else if (Numerals.startsChinese(c)) {
                i = chinese(text, i, num, out);
            } else {
                i++;
            }
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int skipCode(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Numerals.isAsciiDigit(c) || isAsciiLetter(c) || c == '.' || c == '-' || c == '_' || c == ':') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static int arabic(String text, int i, Numerals.Number num, List<Candidate> out, boolean listMember) {
        int n = text.length();
        char prev = i > 0 ? text.charAt(i - 1) : ' ';
        if (isAsciiLetter(prev) || prev == '.' || prev == '_'
                || (!listMember && prev == '-' && i > 1 && Numerals.isAsciiDigit(text.charAt(i - 2)))) {
            return skipCode(text, i);
        }
        if (!Numerals.parseArabic(text, i, num)) {
            return i + 1;
        }
        int end = num.end;
        if (prev == '第' || prev == '届' || text.startsWith("附图", Math.max(0, i - 3))
                || text.startsWith("附图", Math.max(0, i - 2))) {
            return end; // ordinals, 八届五次会议, (附图片1张)
        }
        int digitsEnd = i;
        while (digitsEnd < n && Numerals.isAsciiDigit(text.charAt(digitsEnd))) {
            digitsEnd++;
        }
        int intDigits = digitsEnd - i;
        boolean plainInteger = !num.magnitude && (digitsEnd >= n || (text.charAt(digitsEnd) != '.'
                && text.charAt(digitsEnd) != ','));
        if (text.charAt(i) == '0' && intDigits > 1) {
            return skipCode(text, i); // 0416-..., 00后
        }
        if (plainInteger && intDigits >= 7) {
            return skipCode(text, i); // phone numbers, long codes
        }
        if (end < n) {
            char next = text.charAt(end);
            if (!num.magnitude && next == ':' && end + 1 < n && Numerals.isAsciiDigit(text.charAt(end + 1))) {
                return ratio(text, i, num, out);
            }
            if (next == '-' && end + 1 < n && Numerals.isAsciiDigit(text.charAt(end + 1)) && !isRangeStart(num)) {
                return skipCode(text, i);
            }
            if (isAsciiLetter(next) && !text.startsWith("TEU", end)) {
                return skipCode(text, i);
            }
        }
        return tail(text, i, num, out);
    }

    /** 25.6:36.8:37.6 and 1:8 are ratios (value = the first term); 8:30 is a time. */
    private static int ratio(String text, int start, Numerals.Number num, List<Candidate> out) {
        BigDecimal first = num.value;
        int n = text.length();
        int terms = 1;
        int j = num.end;
        boolean allIntegers = first.scale() <= 0;
        int lastTermDigits = 0;
        while (j + 1 < n && text.charAt(j) == ':' && Numerals.isAsciiDigit(text.charAt(j + 1))) {
            int k = j + 1;
            int digits = 0;
            while (k < n && Numerals.isAsciiDigit(text.charAt(k))) {
                k++;
                digits++;
            }
            if (k + 1 < n && text.charAt(k) == '.' && Numerals.isAsciiDigit(text.charAt(k + 1))) {
                allIntegers = false;
                k++;
                while (k < n && Numerals.isAsciiDigit(text.charAt(k))) {
                    k++;
                }
            }
            lastTermDigits = digits;
            terms++;
            j = k;
        }
        boolean time = terms <= 3 && allIntegers && lastTermDigits == 2 && first.compareTo(BigDecimal.valueOf(24)) <= 0;
        if (time) {
            return j;
        }
        out.add(new Candidate(start, start, j, first, "ratio", FigureKind.RATIO, false, null));
        return j;
    }

    private static int percentInWords(String text, int i, Numerals.Number num, List<Candidate> out) {
        int at = i + 3;
        if (at >= text.length()) {
            return at;
        }
        char c = text.charAt(at);
        boolean ok = Numerals.isAsciiDigit(c) ? Numerals.parseArabic(text, at, num)
                : Numerals.startsChinese(c) && Numerals.parseChinese(text, at, num);
        if (!ok) {
            return at;
        }
        int end = num.end;
        Qualifier prefix = prefixQualifier(text, i, false);
        Qualifier suffix = suffixQualifier(text, end);
        if (suffix != null) {
            end += suffix.word.length();
        }
        Qualifier q = prefix != null ? prefix : suffix;
        int start = prefix != null ? i - prefix.word.length() : i;
        out.add(new Candidate(start, i, end, num.value, "%", FigureKind.PERCENT, q != null, q == null ? null : q.word));
        return end;
    }

    private static int chinese(String text, int i, Numerals.Number num, List<Candidate> out) {
        int n = text.length();
        char prev = i > 0 ? text.charAt(i - 1) : ' ';
        for (String idiom : IDIOMS) {
            if (text.startsWith(idiom, i)) {
                return i + idiom.length();
            }
        }
        if (!Numerals.parseChinese(text, i, num)) {
            int j = i + 1;
            while (j < n && Numerals.startsChinese(text.charAt(j))) {
                j++;
            }
            return j;
        }
        int end = num.end;
        if (num.singleDigit == 1) {
            return end; // 一个, 一名, 一批: not statistics
        }
        if (prev == '第' || prev == '届' || prev == '“' || prev == '「' || prev == '《' || prev == '‘' || prev == '初') {
            return end;
        }
        if (num.bare && (prev == '每' || prev == '数' || prev == '几' || prev == '成' || prev == '(' || prev == '（')) {
            return end;
        }
        if (!num.bare && (prev == '数' || prev == '几') && num.singleDigit < 0) {
            return end;
        }
        return tail(text, i, num, out);
    }

    /** Qualifiers, unit, 成 and X大 after a parsed number. Returns where scanning continues. */
    private static int tail(String text, int numberStart, Numerals.Number num, List<Candidate> out) {
        int n = text.length();
        int j = num.end;
        BigDecimal value = num.value;
        String inner = null;
        long innerFactor = 1;
        if (j + 1 < n && (text.charAt(j) == '余' || text.charAt(j) == '多' || text.charAt(j) == '来')) {
            // 700多亩, 2.1万余株, 10余万人次, 10来万元: the qualifier may stand before a magnitude
            int k = j + 1;
            BigDecimal scaled = value;
            long scaledBy = 1;
            while (k < n && !num.bare && Numerals.isMagnitudeAt(text, k)) {
                scaled = scaled.multiply(BigDecimal.valueOf(Numerals.multiplier(text.charAt(k))));
                scaledBy *= Numerals.multiplier(text.charAt(k));
                k++;
            }
            Units.Unit after = k < n ? Units.match(text, k) : null;
            if (after != null && !after.rejects()) {
                inner = String.valueOf(text.charAt(j));
                value = scaled;
                innerFactor = scaledBy;
                j = k;
            }
        }
        Units.Unit unit = j < n ? Units.match(text, j) : null;
        String unitText;
        FigureKind kind;
        int end;
        if (unit == null) {
            if (j >= n) {
                return j;
            }
            char next = text.charAt(j);
            if (inner == null && !num.chinese && LIST_OR_RANGE.indexOf(next) >= 0 && j + 1 < n
                    && Numerals.isAsciiDigit(text.charAt(j + 1))) {
                return sharedUnit(text, numberStart, num, j + 1, out);
            }
            if (next == '成' && inner == null && isWholeNumberUpTo(value, 10) && !num.magnitude
                    && tenthBoundary(text, j + 1)) {
                value = value.multiply(TEN);
                unitText = "%";
                kind = FigureKind.PERCENT;
                end = j + 1;
            } else if (next == '大' && num.chinese && !num.bare && isWholeNumberUpTo(value, 10)
                    && value.intValue() >= 2) {
                String noun = bigNoun(text, j + 1);
                if (noun == null) {
                    return j;
                }
                unitText = noun;
                kind = FigureKind.COUNT;
                end = j + 1 + noun.length();
            } else {
                return j;
            }
        } else {
            if (unit.rejects()) {
                return j + unit.surface().length();
            }
            end = j + unit.surface().length();
            kind = unit.kind();
            unitText = unit.normalized();
            if ("名".equals(unitText) && numberStart > 0 && (text.charAt(numberStart - 1) == '前'
                    || text.charAt(numberStart - 1) == '后')) {
                return end; // 前五名: a rank
            }
            if (num.bare && (kind == FigureKind.MONEY || kind == FigureKind.PERCENT
                    || kind == FigureKind.PERCENTAGE_POINT || kind == FigureKind.RATIO)) {
                return end;
            }
            if (end < n) {
                char after = text.charAt(end);
                if (after == '级' || after == '型') {
                    return end; // 万吨级, 30万吨级泊位: a class, not a quantity
                }
                if (after == '子' && kind == FigureKind.COUNT && !"个".equals(unitText)) {
                    return end; // 三家子, 三台子: place names
                }
                if (after == '/' ) {
                    String denominator = Units.denominator(text, end + 1);
                    if (denominator != null) {
                        unitText = unitText + "/" + denominator;
                        end += 1 + denominator.length();
                    }
                }
            }
        }
        Qualifier suffix = suffixQualifier(text, end);
        if (suffix != null) {
            end += suffix.word.length();
        }
        Qualifier prefix = prefixQualifier(text, numberStart, num.bare);
        int start = prefix != null ? numberStart - prefix.word.length() : numberStart;
        String qualifier = prefix != null ? prefix.word : inner != null ? inner : suffix != null ? suffix.word : null;
        Candidate found = new Candidate(start, numberStart, end, value, unitText, kind, qualifier != null, qualifier);
        found.factor = num.chinese ? 1 : num.factor * innerFactor;
        out.add(found);
        return end;
    }

    /** Separators of a list or range whose last member carries the unit: 5000、3000和1000元, 300-500元. */
    private static final String LIST_OR_RANGE = "、和及与或-~～—至到";

    private static boolean isRangeStart(Numerals.Number num) {
        return num.value.compareTo(BigDecimal.valueOf(1_000_000)) < 0;
    }

    /**
     * A bare number in a list or range takes the unit (and the magnitude, when it has none) of the member after
     * it: 5000、3000、2000和1000元 gives four amounts, 3-5万元 gives 30000 and 50000.
     */
    private static int sharedUnit(String text, int numberStart, Numerals.Number num, int next,
                                  List<Candidate> out) {
        BigDecimal value = num.value;
        boolean magnitude = num.magnitude;
        int before = out.size();
        int resume = arabic(text, next, new Numerals.Number(), out, true);
        if (out.size() == before || out.get(before).numberStart != next) {
            return resume;
        }
        Candidate following = out.get(before);
        if (following.kind == FigureKind.RATIO && "ratio".equals(following.unit)) {
            return resume;
        }
        if (!magnitude && following.factor > 1) {
            value = value.multiply(BigDecimal.valueOf(following.factor));
        }
        Qualifier prefix = prefixQualifier(text, numberStart, false);
        int start = prefix != null ? numberStart - prefix.word.length() : numberStart;
        Candidate member = new Candidate(start, numberStart, num.end, value, following.unit, following.kind,
                prefix != null, prefix == null ? null : prefix.word);
        member.factor = magnitude ? num.factor : following.factor;
        out.add(before, member);
        return resume;
    }

    private static boolean isWholeNumberUpTo(BigDecimal v, int max) {
        return v.signum() > 0 && v.stripTrailingZeros().scale() <= 0 && v.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    /** 三成 is 30% when followed by punctuation, a qualifier or 的; not in 三成员, 七成熟. */
    private static boolean tenthBoundary(String text, int at) {
        if (at >= text.length()) {
            return true;
        }
        char c = text.charAt(at);
        if (c == '以' || c == '左' || c == '多' || c == '的' || c == '是' || c == '和' || c == '或' || c == '至'
                || c == '、') {
            return true;
        }
        return !Character.isLetterOrDigit(c);
    }

    /** The noun after 七大: a measure word (类) or two Chinese characters (产业). */
    private static String bigNoun(String text, int at) {
        int n = text.length();
        if (at >= n) {
            return null;
        }
        String one = text.substring(at, at + 1);
        if (Units.isCountWord(one)) {
            return one;
        }
        if (at + 2 <= n && isHan(text.charAt(at)) && isHan(text.charAt(at + 1))) {
            return text.substring(at, at + 2);
        }
        return null;
    }

    static boolean isHan(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }

    private record Qualifier(String word) {
    }

    private static final Qualifier[] PREFIX = toQualifiers(PREFIX_QUALIFIERS);
    private static final Qualifier[] SUFFIX = toQualifiers(SUFFIX_QUALIFIERS);

    private static Qualifier[] toQualifiers(String[] words) {
        Qualifier[] q = new Qualifier[words.length];
        for (int k = 0; k < words.length; k++) {
            q[k] = new Qualifier(words[k]);
        }
        return q;
    }

    private static Qualifier prefixQualifier(String text, int numberStart, boolean bare) {
        for (Qualifier q : PREFIX) {
            String w = q.word;
            int at = numberStart - w.length();
            if (at < 0 || !text.startsWith(w, at)) {
                continue;
            }
            char before = at > 0 ? text.charAt(at - 1) : ' ';
            switch (w) {
                case "上" -> {
                    if (!bare) {
                        continue;
                    }
                }
                case "约" -> {
                    if ("签履节制集预邀特合公条婚违守誓和大".indexOf(before) >= 0) {
                        continue;
                    }
                }
                case "近" -> {
                    if ("附最临靠亲贴就邻将接".indexOf(before) >= 0) {
                        continue;
                    }
                }
                case "超" -> {
                    if ("赶高".indexOf(before) >= 0) {
                        continue;
                    }
                }
                default -> {
                }
            }
            return q;
        }
        return null;
    }

    private static Qualifier suffixQualifier(String text, int at) {
        for (Qualifier q : SUFFIX) {
            if (text.startsWith(q.word, at)) {
                return q;
            }
        }
        return null;
    }
}
