package dev.newsflow.metrics.query;

import java.util.List;

/** A page of results in a stable order; {@code hasNext} tells whether page + 1 has anything. */
public record Page<T>(List<T> items, int page, int size, boolean hasNext) {
}
