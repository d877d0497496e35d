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
    /** One document per day ({@code _id} = yyyy-MM-dd): counts ({@code counts.total}, per source, section, keyword). */
    public static final String DAYS = "agg_days";
    /**
     * Posting lists per day, one document per chunk of the day's articles ({@code _id} = yyyy-MM-dd|chunk, see
     * {@link DaySequences}): {@code posts.all}, per entity, source, section, region.
     */
    public static final String POSTS = "agg_posts";
    /**
     * Entity counts ({@code ent.TYPE|name} = articles naming it, {@code n} = articles): {@code *|PERIOD|TYPE} per type
     * and period, a period being a month {@code yyyy-MM}, a block of days {@code yyyy-MM-B0..3} (days 1-8, 9-16, 17-24,
     * 25-end) or a day {@code yyyy-MM-dd} (no {@code n}: see {@code days}); {@code *|all|0..63} all time, sharded by
     * entity ({@code n} in shard 0); {@code CODE|all|0..7} all time within a province and {@code CODE|yyyy-MM} per month
     * within a city or county (GB/T 2260 roll-up; all time = the sum of its months); and {@code days}: {@code d.yyyy-MM-dd} = articles per day.
     */
    public static final String COUNTS = "agg_counts";
    /**
     * Region counts per chunk of 1,024 articles of a day, sharded by region code ({@code _id} = yyyy-MM-dd|chunk|shard,
     * see {@link ContributionPlanner#chunkShardId}): {@code reg.CODE} = articles,
     * {@code regent.CODE.K} = articles naming entity K (GB/T 2260 roll-up: a county counts for its city and province).
     */
    public static final String REGION_DAYS = "agg_region_days";
    /**
     * Entity co-occurrence per chunk of 1,024 articles of a day, sharded by entity ({@code _id} = yyyy-MM-dd|chunk|0..255,
     * read one shard at a time: many shards cost no reads): {@code entries}, one string per article and entity naming
     * the article's other entities ({@link ContributionPlanner#coocEntry}).
     */
    public static final String COOCCURRENCE = "agg_cooccurrence";
    /** Written by layouts before 5 (co-occurrence per month); dropped by the rebuild. */
    static final String LEGACY_COOCCURRENCE_MONTHS = "agg_cooccurrence_months";
    /** One document per numeric fact ({@code _id} = article id|index). */
    public static final String FIGURES = "figures";
    /** Figures by subject and month ({@code _id} = subject|yyyy-MM): {@code d.dd} = figures of that day. */
    public static final String FIGURE_SUBJECTS = "agg_figure_subjects";
    /** Figures by subject and day ({@code _id} = subject|yyyy-MM-dd|chunk): the figure documents inline in {@code items}. */
    public static final String FIGURE_SUBJECT_DAYS = "agg_figure_subject_days";
    /**
     * Figures by day and kind, one document per chunk of the day's articles ({@code _id} = yyyy-MM-dd|KIND|chunk): the
     * figure documents inline in {@code items}.
     */
    public static final String FIGURE_DAYS = "agg_figure_days";
    /**
     * Character-bigram index of lower-cased titles and bodies, per day, chunk of articles and shard of bigrams
     * ({@code _id} = yyyy-MM-dd|chunk|shard, see {@link ContributionPlanner#textShard}): {@code entries} = one
     * string per article of the chunk: the id's length as a char, the id, its bigrams of this shard one after the other
     * ({@link ContributionPlanner#entryHolds}). A stored article touches the shards of one chunk.
     */
    public static final String TEXT = "agg_text";
    /** Written by earlier versions (month entity counts); dropped by the rebuild. */
    static final String LEGACY_MONTHS = "agg_months";

    public static final List<String> AGGREGATES = List.of(DAYS, POSTS, COUNTS, REGION_DAYS, COOCCURRENCE, LEGACY_COOCCURRENCE_MONTHS, FIGURES,
            FIGURE_SUBJECTS, FIGURE_SUBJECT_DAYS, FIGURE_DAYS, TEXT, LEGACY_MONTHS);

    private Collections() {
    }
}
