package dev.newsflow.metrics.store;

import java.util.List;

/**
 * Collection names. Aggregates are documents read by {@code _id} (mongo-java-server ignores non-unique indexes), each
 * holding a pre-summed slice so that every query reads a handful of them.
 */
public final class Collections {

    /** One document per article ({@code _id} = article id): the event, its day, its state and batch. */
    public static final String ARTICLES = "articles";
    /** One document per store batch in progress ({@code _id} = batch tag, {@code members} = article ids). */
    public static final String BATCHES = "store_batches";
    /** One document per day ({@code _id} = yyyy-MM-dd): posting lists per entity, source, section, region; a few counts. */
    public static final String DAYS = "agg_days";
    /**
     * Articles per entity by scope and period: {@code _id} = scope|period with scope {@code *} (everything) or a
     * GB/T 2260 code and period a day, a month or {@code all} (the all-time documents of scope {@code *} are
     * sharded by entity: {@code *|all|0..15}); fields {@code n} (articles) and {@code ent.TYPE|name}. Plus
     * {@code _id = days}: {@code d.yyyy-MM-dd} = articles per day, the list of days with data.
     */
    public static final String COUNTS = "agg_counts";
    /** Entity co-occurrence per day, sharded by entity ({@code _id} = yyyy-MM-dd|shard). */
    public static final String COOCCURRENCE = "agg_cooccurrence";
    /** Entity co-occurrence per month, sharded by entity ({@code _id} = yyyy-MM|shard). */
    public static final String COOCCURRENCE_MONTHS = "agg_cooccurrence_months";
    /** One document per numeric fact ({@code _id} = article id|index). */
    public static final String FIGURES = "figures";
    /** Figures by subject and month ({@code _id} = subject|yyyy-MM): the figure documents inline in {@code items}. */
    public static final String FIGURE_SUBJECTS = "agg_figure_subjects";
    /** Figures by kind and day ({@code _id} = KIND|yyyy-MM-dd): the figure documents inline in {@code items}. */
    public static final String FIGURE_KINDS = "agg_figure_kinds";
    /**
     * Character-bigram index of lower-cased titles and bodies ({@code _id} = bigram|yyyy-MM): {@code d.dd} = ids of the
     * articles of that day containing the bigram.
     */
    public static final String TEXT = "agg_text";
    /** Written by earlier versions (month entity counts); dropped by the rebuild. */
    static final String LEGACY_MONTHS = "agg_months";

    public static final List<String> AGGREGATES = List.of(DAYS, COUNTS, COOCCURRENCE, COOCCURRENCE_MONTHS, FIGURES,
            FIGURE_SUBJECTS, FIGURE_KINDS, TEXT, LEGACY_MONTHS);

    private Collections() {
    }
}
