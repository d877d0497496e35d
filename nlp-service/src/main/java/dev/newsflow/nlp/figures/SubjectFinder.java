package dev.newsflow.nlp.figures;

import dev.newsflow.events.FigureKind;
import java.util.List;

/**
 * A heuristic subject for each figure: the noun phrase just before it in its clause, with the verbs, time and
 * scope words, qualifiers and change words around it cut away ("上半年发放担保贷款6.43亿元" → 担保贷款,
 * "存栏量达500头" → 存栏量). Null when nothing plausible is left.
 */
final class SubjectFinder {

    private static final String CLAUSE_ENDS = ",，。;；:：、!！?？\n“”\"()（）《》【】 ";
    /** Cut from the end of the clause, repeatedly (longest first within each pass). */
    private static final String[] TRAILING = {
            "稳定在", "保持在", "控制在", "达到了", "分别为", "分别是", "提高到", "增加到", "提升到", "下降到", "减少到",
            "按可比口径", "拥有", "共有", "现有", "建有", "已有", "还有", "发展到", "达到", "高达", "多达", "可达", "将达", "已达", "约为", "共计", "合计", "总计", "累计", "共有",
            "同比", "环比", "比上年同期", "较上年同期", "比去年同期", "较去年同期", "比上年", "较上年", "比去年", "较去年",
            "上年末", "较年初", "比年初", "增长", "增加", "提高", "提升", "上升", "下降", "减少", "降低", "回落", "分别",
            "预计", "计划", "已经", "平均", "为", "是", "达", "共", "已", "了", "将", "可", "均", "在", "有", "约", "近", "超过",
            "突破", "逾", "由", "从", "至", "到", "占", "仅", "等", "各", "就"};
    /** The subject starts after the last of these. */
    private static final String[] BOUNDARIES = {
            "的", "发放", "实现", "完成", "新增", "新建", "建成", "建有", "带动", "提供", "推广", "签约", "投入", "接待",
            "安装", "惠及", "举办", "吸引", "拥有", "现有", "占地", "栽植", "铺设", "收集", "走访", "组建", "注册", "招聘",
            "培育", "争取", "安排", "拆迁", "开放", "设置", "配备", "收到", "申报", "发布", "出资", "利用", "治理", "整治",
            "开挖", "浇筑", "节约", "扶持", "达成", "改造", "受理", "征集", "投票", "奖励", "选派", "今年", "去年",
            "上半年", "下半年", "前三季度", "全年", "目前", "其中", "全市", "全县", "全区", "全省", "全乡", "全镇", "全村",
            "全国", "我市", "该市", "该区", "该县", "年产", "涉及", "覆盖", "解决了", "帮助", "共", "累计", "截至",
            "目前", "以来", "期间", "参赛", "展出", "签订", "设", "有", "是", "和", "与", "及", "在", "对", "为", "由于", "通过", "将", "把",
            "被", "给", "却", "向", "订购", "造成", "发生", "组织", "安置"};

    private SubjectFinder() {
    }

    /** Where the counted noun after a measure word stops (77栋花卉种植大棚, 247名年轻干部任职社区). */
    private static final String[] FOLLOWING_STOPS = {
            "就业", "增收", "参加", "参与", "获得", "任职", "走进", "进行", "实现", "完成", "开展", "报名", "参赛", "出席",
            "正在", "全部", "分别", "共同", "同时", "踊跃", "受伤", "死亡", "获奖", "入股", "发展", "建设", "通过", "提供", "覆盖", "展现", "展示", "每年", "每天", "成为", "受到", "得到",
            "带动", "吸引", "涉及", "栽满", "高质量", "增加", "减少", "增长", "下降", "扩大", "提高",
            "都", "已", "在", "是", "为", "被", "将", "也", "还", "均", "共", "中", "上", "下", "里", "内", "从", "向", "对",
            "于", "以", "与", "和", "及", "或", "的", "之", "等", "把", "让", "使", "给"};
    private static final int MAX_FOLLOWING = 6;

    static void assign(String text, List<Candidate> figures) {
        int previousEnd = 0;
        for (Candidate c : figures) {
            if (!c.dropped) {
                if (c.kind == FigureKind.COUNT && Units.isCountWord(c.unit) && !c.changeAmount) {
                    c.subject = following(text, c.end);
                }
                if (c.subject == null) {
                    int to = c.changeAmount && c.verbStart >= 0 ? c.verbStart : c.start;
                    c.subject = find(text, Math.min(to, c.start), previousEnd);
                }
            }
            previousEnd = Math.max(previousEnd, c.end);
        }
    }

    /** The noun a count counts, right after its measure word: 25个细分领域 → 细分领域. Null when none. */
    static String following(String text, int from) {
        int n = text.length();
        int end = from;
        while (end < n && !stopsNoun(text, end, end - from)) {
            if (end - from >= MAX_FOLLOWING) {
                return null; // a long run without a stop: not sure where the noun ends
            }
            end++;
        }
        return end - from >= 2 ? text.substring(from, end) : null;
    }

    private static boolean stopsNoun(String text, int at, int collected) {
        char c = text.charAt(at);
        if (!QuantityScanner.isHan(c) || Numerals.startsChinese(c) && collected > 0) {
            return true;
        }
        for (String w : FOLLOWING_STOPS) {
            if ((w.length() > 1 || collected >= 2 || w.equals("的") || w.equals("之")) && text.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    static String find(String text, int to, int floor) {
        int from = to;
        int limit = Math.max(floor, to - 24);
        while (from > limit && CLAUSE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int end = to;
        boolean cut = true;
        while (cut && end > from) {
            cut = false;
            for (String t : TRAILING) {
                if (end - t.length() >= from && text.startsWith(t, end - t.length())) {
                    end -= t.length();
                    cut = true;
                    break;
                }
            }
        }
        int start = from;
        for (int i = end - 1; i >= from; i--) {
            boolean found = false;
            for (String b : BOUNDARIES) {
                if (i + b.length() <= end && i + b.length() > start && text.startsWith(b, i)) {
                    start = i + b.length();
                    found = true;
                    break;
                }
            }
            if (found) {
                break;
            }
        }
        int length = end - start;
        if (length < 2 || length > 10) {
            return null;
        }
        for (int i = start; i < end; i++) {
            if (!QuantityScanner.isHan(text.charAt(i)) && !Character.isLetter(text.charAt(i))) {
                return null;
            }
        }
        return text.substring(start, end);
    }
}
