package dev.newsflow.nlp.dates;

import dev.newsflow.events.ArticleEnriched.DateMention;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates and periods in normalised Chinese text and gives each an ISO-8601 value exactly as precise as the
 * text:
 * <ul>
 *   <li>a year {@code 2022} (2022年, 二〇二二年, 今年, 去年, 明年, 前年, 全年, and a bare year before a name as in
 *       "2022锦州义县民俗文化节"), a month {@code 2022-08} (8月, 今年6月, 年初 = January, 年底/年末 = December),
 *       a day {@code 2022-08-09} (2022年8月9日, 8月9日, 9日, 2022-08-09, 今天, 昨日);</li>
 *   <li>a quarter {@code 2022-Q1} (一季度, 第三季度);</li>
 *   <li>other periods as ISO intervals {@code start/end} of days: 上半年 {@code 2022-01-01/2022-06-30}, 下半年,
 *       前三季度 {@code 2022-01-01/2022-09-30}; parts of a month: 上旬 and 月初 = days 1–10, 中旬 and 月中 = 11–20,
 *       下旬, 月底 and 月末 = 21 to the month's end ({@code 2022-10-21/2022-10-31}).</li>
 * </ul>
 * Text without a year is read against the reference date (the article's publication date): 今年 is its year,
 * 8月9日 is in its year, except that a month more than six months after the reference month is taken as last
 * year's (an article of January speaking of 12月). A bare day (9日) is in the reference month. Durations
 * (7年来, 3个月), ordinals and "90后" are not dates. Thread-safe.
 */
public final class DateExtractor {

    private static final String YEAR = "(?:(?<y>(?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})年度?|(?<ry>今年度?|本年度|去年|明年|前年))";
    private static final String PERIOD = "(?<p>上半年|下半年|前三季度|第?[一二三四1-4]季度|首季度|年初|年底|年末|全年)";
    private static final String MONTH = "(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?";
    private static final String DAY = "(?<d>3[01]|[12]\\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]";
    private static final String SUB = "(?<s>上旬|中旬|下旬|初|底|末|中(?![国心央部共华外]))";

    /** Specific forms first: the general form can match the empty string, which ends the alternation. */
    private static final Pattern DATES = Pattern.compile("(?=[\\d今去明前本上下第首年全一二三四五六七八九十〇零昨后])(?:" + String.join("|",
            "(?<![\\d.])(?<iy>(?:19|20)\\d{2})[-/.](?<im>1[0-2]|0?[1-9])[-/.](?<id>3[01]|[12]\\d|0?[1-9])(?![\\d.])",
            "(?<![\\d.第])(?<by>(?:19|20)\\d{2})(?=[\\u4e00-\\u9fff])(?![元万亿个人吨米亩件名笔项户家台套辆座所多余千百年号后届期次位张只头栋])",
            "(?<![\\d.月])(?<bd>3[01]|[12]\\d|[1-9])日(?![\\d])",
            "(?<rd>今天|今日|昨天|昨日|明天|明日|前天|后天)",
            "(?<![\\d.])" + YEAR + "?(?:" + PERIOD + "|" + MONTH + "(?:" + DAY + "|" + SUB + ")?)?") + ")");

    public List<DateMention> extract(String text, LocalDate reference) {
        List<DateMention> out = new ArrayList<>();
        Matcher m = DATES.matcher(text);
        while (m.find()) {
            if (m.group().isEmpty()) {
                continue;
            }
            String value = value(m, reference);
            if (value != null) {
                out.add(new DateMention(m.group(), value, m.start(), m.end()));
            }
        }
        return out;
    }

    private static String value(Matcher m, LocalDate ref) {
        if (m.group("iy") != null) {
            return day(Integer.parseInt(m.group("iy")), Integer.parseInt(m.group("im")), Integer.parseInt(m.group("id")));
        }
        if (m.group("rd") != null) {
            int shift = switch (m.group("rd")) {
                case "昨天", "昨日" -> -1;
                case "明天", "明日" -> 1;
                case "前天" -> -2;
                case "后天" -> 2;
                default -> 0;
            };
            return ref.plusDays(shift).toString();
        }
        if (m.group("bd") != null) {
            return day(ref.getYear(), ref.getMonthValue(), Integer.parseInt(m.group("bd")));
        }
        if (m.group("by") != null) {
            return m.group("by");
        }
        Integer year = year(m.group("y"), m.group("ry"), ref);
        String period = m.group("p");
        String monthText = m.group("m");
        if (period == null && monthText == null) {
            return year == null ? null : String.valueOf(year);
        }
        if (period != null) {
            int y = year != null ? year : ref.getYear();
            return period(y, period);
        }
        int month = number(monthText);
        if (month < 1 || month > 12) {
            return null;
        }
        int y = year != null ? year : (month - ref.getMonthValue() > 6 ? ref.getYear() - 1 : ref.getYear());
        if (m.group("d") != null) {
            return day(y, month, number(m.group("d")));
        }
        if (m.group("s") != null) {
            YearMonth ym = YearMonth.of(y, month);
            return switch (m.group("s")) {
                case "上旬", "初" -> ym.atDay(1) + "/" + ym.atDay(10);
                case "中旬", "中" -> ym.atDay(11) + "/" + ym.atDay(20);
                default -> ym.atDay(21) + "/" + ym.atEndOfMonth();
            };
        }
        return YearMonth.of(y, month).toString();
    }

    private static Integer year(String digits, String relative, LocalDate ref) {
        if (digits != null) {
            if (Character.isDigit(digits.charAt(0))) {
                return Integer.parseInt(digits);
            }
            int y = 0;
            for (char c : digits.toCharArray()) {
                y = y * 10 + digit(c);
            }
            return y;
        }
        if (relative == null) {
            return null;
        }
        return switch (relative) {
            case "去年" -> ref.getYear() - 1;
            case "明年" -> ref.getYear() + 1;
            case "前年" -> ref.getYear() - 2;
            default -> ref.getYear();
        };
    }

    private static String period(int y, String period) {
        return switch (period) {
            case "上半年" -> y + "-01-01/" + y + "-06-30";
            case "下半年" -> y + "-07-01/" + y + "-12-31";
            case "前三季度" -> y + "-01-01/" + y + "-09-30";
            case "年初" -> y + "-01";
            case "年底", "年末" -> y + "-12";
            case "全年" -> String.valueOf(y);
            default -> y + "-Q" + quarter(period);
        };
    }

    private static int quarter(String period) {
        for (char c : period.toCharArray()) {
            int i = "一二三四".indexOf(c);
            if (i >= 0) {
                return i + 1;
            }
            if (c >= '1' && c <= '4') {
                return c - '0';
            }
            if (c == '首') {
                return 1;
            }
        }
        return 1;
    }

    private static String day(int y, int month, int day) {
        try {
            return LocalDate.of(y, month, day).toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** 9, 09, 九, 十, 十二, 二十三, 三十一. */
    static int number(String s) {
        if (Character.isDigit(s.charAt(0))) {
            return Integer.parseInt(s);
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            return digit(s.charAt(0));
        }
        int tens = ten == 0 ? 1 : digit(s.charAt(0));
        int units = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
        return tens * 10 + units;
    }

    private static int digit(char c) {
        int i = "零一二三四五六七八九".indexOf(c);
        return i < 0 ? ("〇".indexOf(c) == 0 ? 0 : -100) : i;
    }
}
