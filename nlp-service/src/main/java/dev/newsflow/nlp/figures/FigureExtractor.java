package dev.newsflow.nlp.figures;

import dev.newsflow.events.ArticleEnriched.Figure;
import java.util.List;

/**
 * Finds the numeric facts in normalised Chinese text (money, percentages, percentage points, counts, measures,
 * ratios) with their subject and change. Offsets index the text given. Thread-safe.
 */
public final class FigureExtractor {

    public List<Figure> extract(String text) {
        // placeholder until the figures work lands
        return List.of();
    }
}
