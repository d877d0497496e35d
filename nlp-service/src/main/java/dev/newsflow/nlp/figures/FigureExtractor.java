package dev.newsflow.nlp.figures;

import dev.newsflow.events.ArticleEnriched.Change;
import dev.newsflow.events.ArticleEnriched.Figure;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the numeric facts in normalised Chinese text (money, percentages, percentage points, counts, measures,
 * ratios) with their subject and change. Offsets index the text given. Thread-safe and stateless: every table is
 * built once; a call allocates only its own results.
 *
 * <p>Conventions (the fixtures under {@code src/test/resources/figures} follow them):
 * <ul>
 *   <li>value has the magnitude applied; money has an ISO 4217 unit (元 → CNY, 美元 → USD; 元/吨 → CNY/吨),
 *       percentages "%", percentage points "pp", 倍 and colon ratios RATIO (a colon ratio's value is its first
 *       term, unit "ratio", the terms are in the text); other quantities keep their unit as written.</li>
 *   <li>A relative change right after a figure in the same sentence (金额6.43亿元,同比增长124.83%) becomes that
 *       figure's change and is not emitted on its own; 分别增长5.1%、7.6%和2.8% links to the preceding figures in
 *       order. A relative change with nothing to attach to stays a PERCENT/PERCENTAGE_POINT figure carrying its own
 *       change. Absolute changes (比上年增加47家) are figures with a change without percent/points; 提高到128元
 *       is a figure with a direction.</li>
 *   <li>approximate for 余, 多, 近, 约, 大约, 将近, 接近, 超过, 超, 逾, 突破, 不足, 不到, 至少, 上(千), 以上, 左右, 以内, 以下;
 *       the word is the qualifier and is part of the figure's text.</li>
 *   <li>Not figures: numbers without a unit, ordinals (第七年), years and dates (2022年, 8月9日), durations and ages
 *       (2年, 3个月, 268天, 65岁), times, phone numbers, codes (PM2.5, 90后), a lone 一 (一名, 一批), numerals in
 *       lists and names (一二三产业, 十四五, 三家子), bare 万/亿 with money (亿元以上项目) and 万吨级 classes.</li>
 * </ul>
 */
public final class FigureExtractor {

    public List<Figure> extract(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        QuantityScanner.scan(text, candidates);
        if (candidates.isEmpty()) {
            return List.of();
        }
        ChangeLinker.link(text, candidates);
        SubjectFinder.assign(text, candidates);
        List<Figure> figures = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            if (c.dropped) {
                continue;
            }
            Change change = c.direction == null ? null
                    : new Change(c.direction, c.changePercent, c.changePoints, c.basis);
            figures.add(new Figure(text.substring(c.start, c.end), c.value, c.unit, c.kind, c.approximate, c.qualifier,
                    c.start, c.end, c.subject, change));
        }
        return figures;
    }
}
