package dev.newsflow.metrics.store;

/** What storing one enriched event did. */
public enum StoreOutcome {
    /** New article, or a newer enrichment replacing the previous contribution. */
    STORED,
    /** Same content already applied (redelivery or resubmission): nothing changed. */
    DUPLICATE,
    /** Older enrichment than the stored one: ignored. */
    STALE
}
