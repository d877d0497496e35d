package dev.newsflow.metrics.store;

import java.util.List;

/** Collection names. Aggregates are few, coarse documents so every query reads a handful of them by {@code _id}. */
public final class Collections {

    /** One document per article ({@code _id} = article id): the event, its day, and its contribution ledger. */
    public static final String ARTICLES = "articles";
    /** One document per day ({@code _id} = yyyy-MM-dd): counts and posting lists per entity, source, section, region, keyword. */
    public static final String DAYS = "agg_days";
    /** One document per month ({@code _id} = yyyy-MM): entity and region counts for long windows. */
    public static final String MONTHS = "agg_months";
    /** Entity co-occurrence per day, sharded by entity ({@code _id} = yyyy-MM-dd|shard). */
    public static final String COOCCURRENCE = "agg_cooccurrence";
    /** One document per numeric fact ({@code _id} = article id|index). */
    public static final String FIGURES = "figures";

    /** Figures by subject and month ({@code _id} = subject|yyyy-MM): the figure documents inline in {@code items}. */
    public static final String FIGURE_SUBJECTS = "agg_figure_subjects";

    public static final List<String> AGGREGATES = List.of(DAYS, MONTHS, COOCCURRENCE, FIGURES, FIGURE_SUBJECTS);

    private Collections() {
    }
}
