package dev.newsflow.nlp.dates;

import dev.newsflow.events.ArticleEnriched.DateMention;
import java.time.LocalDate;
import java.util.List;

/** Finds dates and periods in normalised Chinese text. Thread-safe. */
public final class DateExtractor {

    public List<DateMention> extract(String text, LocalDate reference) {
        return List.of();
    }
}
