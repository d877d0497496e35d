package dev.newsflow.nlp.figures;

import dev.newsflow.events.FigureKind;
import java.util.HashMap;
import java.util.Map;

/**
 * The units and measure words a number can carry, looked up by longest match. Some entries are rejections:
 * a number followed by them is not a figure (durations such as 个月, 万吨级 class designations, 三次产业...).
 */
final class Units {

    /** A unit as it appears in the text: its normalised form ("CNY", "%", "pp", "吨") and kind; kind null = reject. */
    record Unit(String surface, String normalized, FigureKind kind) {
        boolean rejects() {
            return kind == null;
        }
    }

    private static final String[] DENOMINATOR_WORDS = {"小时", "年", "月", "天", "日", "人", "户", "秒", "分钟"};
    private static final Map<String, Unit> UNITS = new HashMap<>();
    private static final int MAX_LENGTH;

    private static final String[][] MONEY = {
            {"元", "CNY"}, {"人民币", "CNY"}, {"元人民币", "CNY"}, {"块钱", "CNY"}, {"美元", "USD"}, {"美金", "USD"},
            {"欧元", "EUR"}, {"港元", "HKD"}, {"港币", "HKD"}, {"日元", "JPY"}, {"英镑", "GBP"}, {"韩元", "KRW"},
            {"卢布", "RUB"}, {"澳元", "AUD"}, {"加元", "CAD"}, {"新台币", "TWD"}, {"瑞士法郎", "CHF"}, {"新加坡元", "SGD"}};

    private static final String[] MEASURE = {
            "公里", "千米", "米", "厘米", "毫米", "海里", "延米", "延长米", "平方米", "平米", "平方公里", "平方千米", "平方",
            "立方米", "立方", "公顷", "亩", "吨", "千克", "公斤", "克", "斤", "毫克", "微克", "升", "毫升", "千瓦", "千瓦时",
            "兆瓦", "兆瓦时", "吉瓦", "瓦", "千伏", "千伏安", "伏", "度", "摄氏度", "℃", "标箱", "标准箱", "TEU", "分贝", "马力",
            "千卡", "万千瓦"};

    private static final String[] COUNT = {
            "个", "名", "家", "项", "笔", "件", "栋", "幢", "头", "株", "棵", "人次", "人", "位", "户", "户次", "条", "幅", "所",
            "座", "台", "台套", "套", "辆", "艘", "架", "架次", "部", "批", "批次", "场", "场次", "次", "份", "篇", "本", "册",
            "张", "间", "处", "只", "羽", "尾", "匹", "种", "类", "款", "支", "组", "宗", "起", "例", "粒", "枚", "颗", "根",
            "层", "轮", "家次", "车次", "班次", "项次", "趟", "盏", "眼", "孔", "片", "集", "口"};

    /** A number followed by one of these is not a figure (durations, ages, class designations, names). */
    private static final String[] REJECT = {
            "个月", "个多月", "个半月", "个小时", "个多小时", "个半小时", "个工作日", "个星期", "个季度", "个学期", "个年头",
            "个交易日", "次产业", "位数", "部门", "部委", "部分", "家子", "台子", "种植", "种养", "名单", "条例", "条件",
            "处理", "所有", "所以", "层次", "座谈", "位于", "支持", "支撑", "件事", "起步", "张家", "只是", "只有", "只要",
            "场所", "批准", "批复", "类型", "组织", "组成", "根据", "本身", "本地", "本报", "片区", "头部", "尾号",
            "人民", "人员", "人才", "件数", "度过", "项目", "轮车", "集团", "集中", "集体", "集聚", "集镇", "集市",
            "口岸", "口径", "口号", "口头"};

    static {
        for (String[] m : MONEY) {
            put(m[0], m[1], FigureKind.MONEY);
        }
        for (String m : MEASURE) {
            put(m, m, FigureKind.MEASURE);
        }
        for (String c : COUNT) {
            put(c, c, FigureKind.COUNT);
        }
        put("%", "%", FigureKind.PERCENT);
        put("个百分点", "pp", FigureKind.PERCENTAGE_POINT);
        put("百分点", "pp", FigureKind.PERCENTAGE_POINT);
        put("倍", "倍", FigureKind.RATIO);
        for (String r : REJECT) {
            put(r, null, null);
        }
        MAX_LENGTH = UNITS.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    private static void put(String surface, String normalized, FigureKind kind) {
        UNITS.put(surface, new Unit(surface, normalized, kind));
    }

    private Units() {
    }

    /** The longest unit starting at {@code at}, or null. */
    static Unit match(String text, int at) {
        int max = Math.min(MAX_LENGTH, text.length() - at);
        for (int len = max; len >= 1; len--) {
            Unit u = UNITS.get(text.substring(at, at + len));
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    /** True when {@code s} is a measure word for counts (个, 类, 项...). */
    static boolean isCountWord(String s) {
        Unit u = UNITS.get(s);
        return u != null && u.kind() == FigureKind.COUNT;
    }

    /** A denominator after "/" (元/吨, 公里/小时): a unit or a time word. */
    static String denominator(String text, int at) {
        Unit u = match(text, at);
        if (u != null && !u.rejects()) {
            return u.surface();
        }
        for (String t : DENOMINATOR_WORDS) {
            if (text.startsWith(t, at)) {
                return t;
            }
        }
        return null;
    }
}
