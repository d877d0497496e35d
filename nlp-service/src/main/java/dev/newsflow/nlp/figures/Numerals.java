package dev.newsflow.nlp.figures;

import java.math.BigDecimal;

/** Arabic and Chinese numerals with their magnitudes (6.43亿, 三万, 一万二千, 二百八十, 千). Stateless. */
final class Numerals {

    private Numerals() {
    }

    /** The result of a parse: value, end (exclusive), and what it looked like. */
    static final class Number {
        BigDecimal value;
        int end;
        /** Chinese numerals only (三万, 百), not Arabic digits. */
        boolean chinese;
        /** A bare magnitude without a digit before it (千亩, 百户, 万人). */
        boolean bare;
        /** Has a magnitude character (万, 亿, 千...) applied. */
        boolean magnitude;
        /** The plain digit-value of a single Chinese digit (三 -> 3), else -1. */
        int singleDigit;
        /** The product of the magnitudes applied to an Arabic number (万 -> 10000), 1 when none. */
        long factor = 1;
    }

    static int cnDigit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    static long multiplier(char c) {
        return switch (c) {
            case '十' -> 10L;
            case '百' -> 100L;
            case '千' -> 1_000L;
            case '万' -> 10_000L;
            case '亿' -> 100_000_000L;
            default -> 0L;
        };
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean startsChinese(char c) {
        return cnDigit(c) >= 0 || multiplier(c) > 0;
    }

    /** A magnitude character at {@code i} that really is one (not the 千 of 千瓦 or the 百 of 百分点). */
    static boolean isMagnitudeAt(String text, int i) {
        char c = text.charAt(i);
        if (multiplier(c) == 0) {
            return false;
        }
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        if (c == '千') {
            return next != '瓦' && next != '克' && next != '米' && next != '伏' && next != '卡' && next != '帕'
                    && next != '焦';
        }
        if (c == '百') {
            return next != '分';
        }
        return true;
    }

    /** Parses Arabic digits (with , grouping and a decimal part) and any magnitude after them. */
    static boolean parseArabic(String text, int start, Number out) {
        int n = text.length();
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (isAsciiDigit(c)) {
                i++;
            } else if (c == ',' && i > start && isGroup(text, i + 1)) {
                i++;
            } else {
                break;
            }
        }
        int intEnd = i;
        boolean middleDot = false;
        if (i + 1 < n && (text.charAt(i) == '.' || text.charAt(i) == '·') && isAsciiDigit(text.charAt(i + 1))) {
            middleDot = text.charAt(i) == '·'; // 12·7万辆: the decimal point of older print and OCR
            i++;
            while (i < n && isAsciiDigit(text.charAt(i))) {
                i++;
            }
        }
        String literal = text.substring(start, i);
        if (literal.indexOf(',') >= 0) {
            literal = literal.replace(",", "");
        }
        if (middleDot) {
            literal = literal.replace('·', '.');
        }
        if (intEnd == start) {
            return false;
        }
        BigDecimal value = new BigDecimal(literal);
        boolean magnitude = false;
        long factor = 1;
        while (i < n && isMagnitudeAt(text, i)) {
            value = value.multiply(BigDecimal.valueOf(multiplier(text.charAt(i))));
            factor *= multiplier(text.charAt(i));
            magnitude = true;
            i++;
        }
        out.factor = factor;
        out.value = value;
        out.end = i;
        out.chinese = false;
        out.bare = false;
        out.magnitude = magnitude;
        out.singleDigit = -1;
        return true;
    }

    private static boolean isGroup(String text, int at) {
        if (at + 3 > text.length()) {
            return false;
        }
        for (int k = at; k < at + 3; k++) {
            if (!isAsciiDigit(text.charAt(k))) {
                return false;
            }
        }
        return at + 3 == text.length() || !isAsciiDigit(text.charAt(at + 3));
    }

    /**
     * Parses a run of Chinese numerals strictly: 二百八十, 一万二千, 三万, 五百万, 十二, 百 (bare). Rejects runs that are
     * lists or codes (一二三, 二〇二二, 十四五) and colloquial abbreviations (一万二). Returns false when malformed.
     */
    static boolean parseChinese(String text, int start, Number out) {
        int n = text.length();
        long total = 0;
        long section = 0;
        int digit = -1;
        long lastSmall = Long.MAX_VALUE;
        long lastBig = Long.MAX_VALUE;
        boolean zero = false;
        boolean bare = false;
        boolean magnitude = false;
        boolean prevBig = false;
        int digits = 0;
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            int d = cnDigit(c);
            if (d >= 0) {
                if (c == '〇' || digit >= 0) {
                    return false;
                }
                if (d == 0) {
                    zero = true;
                } else {
                    digit = d;
                    digits++;
                }
                prevBig = false;
                i++;
                continue;
            }
            if (c == '点' && lastBig == Long.MAX_VALUE && i + 1 < n && cnDigit(text.charAt(i + 1)) >= 0
                    && text.charAt(i + 1) != '〇' && (digit >= 0 || section > 0)) {
                return parseChineseDecimal(text, i, total + section + Math.max(digit, 0), out);
            }
            if (!isMagnitudeAt(text, i)) {
                break;
            }
            long m = multiplier(c);
            if (m < 10_000) {
                if (m >= lastSmall) {
                    return false;
                }
                long k;
                if (digit >= 0) {
                    k = digit;
                } else if (section == 0 && (total == 0 || zero) && (m == 10 || total == 0)) {
                    k = 1;
                    bare = m != 10 && total == 0;
                } else {
                    return false;
                }
                section += k * m;
                digit = -1;
                zero = false;
                lastSmall = m;
                prevBig = false;
            } else {
                if (digit >= 0) {
                    section += digit;
                    digit = -1;
                }
                if (section == 0 && total == 0) {
                    section = 1;
                    bare = true;
                }
                if (section == 0 && prevBig) {
                    total *= m;
                } else {
                    if (m >= lastBig) {
                        return false;
                    }
                    total += section * m;
                }
                section = 0;
                lastSmall = Long.MAX_VALUE;
                lastBig = Math.min(lastBig, m);
                prevBig = true;
                zero = false;
            }
            magnitude = true;
            i++;
        }
        if (i == start) {
            return false;
        }
        if (digit >= 0) {
            boolean trailingOk = lastSmall == Long.MAX_VALUE && lastBig == Long.MAX_VALUE // a lone digit
                    || lastSmall == 10 || zero;
            if (!trailingOk) {
                return false;
            }
            section += digit;
        }
        long value = total + section;
        if (value == 0) {
            return false;
        }
        out.value = BigDecimal.valueOf(value);
        out.factor = 1;
        out.end = i;
        out.chinese = true;
        out.bare = bare;
        out.magnitude = magnitude;
        out.singleDigit = !magnitude && digits == 1 ? (int) value : -1;
        return true;
    }

    /** 十五点一亿: the fraction digits after 点, then any magnitude. */
    private static boolean parseChineseDecimal(String text, int point, long integer, Number out) {
        int n = text.length();
        StringBuilder literal = new StringBuilder().append(integer).append('.');
        int i = point + 1;
        while (i < n && cnDigit(text.charAt(i)) >= 0 && text.charAt(i) != '两') {
            literal.append(cnDigit(text.charAt(i)));
            i++;
        }
        BigDecimal value = new BigDecimal(literal.toString());
        boolean magnitude = false;
        while (i < n && isMagnitudeAt(text, i) && multiplier(text.charAt(i)) >= 10_000) {
            value = value.multiply(BigDecimal.valueOf(multiplier(text.charAt(i))));
            magnitude = true;
            i++;
        }
        out.value = value;
        out.factor = 1;
        out.end = i;
        out.chinese = true;
        out.bare = false;
        out.magnitude = magnitude;
        out.singleDigit = -1;
        return true;
    }
}
