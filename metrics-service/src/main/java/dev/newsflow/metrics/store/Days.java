package dev.newsflow.metrics.store;

import dev.newsflow.events.ArticleEnriched;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The day an article counts for: the date of {@code publishedAt} when it has one, else of {@code ingestedAt} (UTC). */
public final class Days {

    private Days() {
    }

    public static LocalDate of(ArticleEnriched a) {
        String p = a.publishedAt();
        if (p != null && p.length() >= 10) {
            try {
                return LocalDate.parse(p.substring(0, 10));
            } catch (DateTimeParseException ignored) {
                // fall back to ingestedAt
            }
        }
        if (a.ingestedAt() != null) {
            return a.ingestedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (a.provenance() != null && a.provenance().enrichedAt() != null) {
            return a.provenance().enrichedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.EPOCH;
    }
}
