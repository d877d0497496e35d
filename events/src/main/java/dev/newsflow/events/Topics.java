package dev.newsflow.events;

/** Kafka topic and consumer-group names shared by every service and by feeds producing directly. */
public final class Topics {

    /** An article submitted for enrichment; key = article id, value = {@link ArticleSubmitted}. */
    public static final String ARTICLES_RAW = "news.articles.raw";
    /** An enriched article; key = article id, value = {@link ArticleEnriched}. */
    public static final String ARTICLES_ENRICHED = "news.articles.enriched";
    /** A whole OCR'd page (text/plain body, page metadata in headers), split by the ingest service. */
    public static final String PAGES_RAW = "news.pages.raw";

    /** Dead letters of the nlp-service consumer of {@link #ARTICLES_RAW}. */
    public static final String ARTICLES_RAW_DLQ = "news.articles.raw.nlp.dlq";
    /** Dead letters of the metrics-service consumer of {@link #ARTICLES_ENRICHED}. */
    public static final String ARTICLES_ENRICHED_DLQ = "news.articles.enriched.metrics.dlq";
    /** Dead letters of the ingest-service consumer of {@link #PAGES_RAW}. */
    public static final String PAGES_RAW_DLQ = "news.pages.raw.ingest.dlq";

    public static final String NLP_GROUP = "nlp-service";
    public static final String METRICS_GROUP = "metrics-service";
    public static final String INGEST_GROUP = "ingest-service";

    /** Kafka header names used across the pipeline. */
    public static final String HEADER_REQUEST_ID = "X-Request-Id";
    public static final String HEADER_PAGE_SOURCE = "newsflow-page-source";
    public static final String HEADER_PAGE_EDITION = "newsflow-page-edition";
    public static final String HEADER_PAGE_NUMBER = "newsflow-page-number";

    private Topics() {
    }
}
