package dev.newsflow.nlp.stream;

import dev.newsflow.events.ArticleEnriched;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The meters of the stream: {@code newsflow.articles.enriched}, {@code newsflow.enrichment.duration} (histogram),
 * {@code newsflow.extraction.entities} and {@code newsflow.extraction.figures} (per article) and
 * {@code newsflow.deadletters{stage=nlp,reason}}.
 */
final class EnrichmentMetrics {

    static final String STAGE = "nlp";

    private final MeterRegistry registry;
    private final Counter enriched;
    private final Timer duration;
    private final DistributionSummary entities;
    private final DistributionSummary figures;

    EnrichmentMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.enriched = Counter.builder("newsflow.articles.enriched")
                .description("Articles enriched and published").register(registry);
        this.duration = Timer.builder("newsflow.enrichment.duration")
                .description("Time to enrich one article").publishPercentileHistogram().register(registry);
        this.entities = DistributionSummary.builder("newsflow.extraction.entities")
                .description("Entities found per article").publishPercentileHistogram().register(registry);
        this.figures = DistributionSummary.builder("newsflow.extraction.figures")
                .description("Figures found per article").publishPercentileHistogram().register(registry);
    }

    void recordEnriched(ArticleEnriched article, Duration took) {
        enriched.increment();
        duration.record(took);
        entities.record(article.entities().size());
        figures.record(article.figures().size());
    }

    void recordDeadLetter(String reason) {
        Counter.builder("newsflow.deadletters").description("Records sent to a dead-letter topic")
                .tag("stage", STAGE).tag("reason", reason).register(registry).increment();
    }
}
