package dev.newsflow.metrics.store;

import dev.newsflow.events.ArticleEnriched;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The operator-facing metrics of the store path (names fixed by the dashboards). */
@Component
public class StoreMetrics {

    private final MeterRegistry registry;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter errors;
    private final Timer latency;
    private final Timer aggregatedLatency;
    private final DistributionSummary entities;
    private final DistributionSummary figures;

    public StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.stored = Counter.builder("newsflow.articles.stored").description("Articles stored (new or re-enriched)").register(registry);
        this.duplicates = Counter.builder("newsflow.articles.duplicates")
                .description("Redelivered, resubmitted or stale events skipped").register(registry);
        this.errors = Counter.builder("newsflow.store.errors").description("Failed store attempts (retried)").register(registry);
        this.latency = latencyTimer(registry, "newsflow.pipeline.latency",
                "From ArticleSubmitted.ingestedAt to stored in MongoDB and readable by id");
        this.aggregatedLatency = latencyTimer(registry, "newsflow.aggregates.latency",
                "From ArticleSubmitted.ingestedAt to its contribution applied to the aggregates");
        this.entities = DistributionSummary.builder("newsflow.extraction.entities")
                .description("Entities per stored article").publishPercentileHistogram().register(registry);
        this.figures = DistributionSummary.builder("newsflow.extraction.figures")
                .description("Figures per stored article").publishPercentileHistogram().register(registry);
    }

    /** A latency histogram with the SLO buckets the dashboards and alerts read (le = 0.1 ... 5 s). */
    private static Timer latencyTimer(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .register(registry);
    }

    void recorded(ArticleEnriched article, StoreOutcome outcome) {
        if (outcome != StoreOutcome.STORED) {
            duplicates.increment();
            return;
        }
        stored.increment();
        entities.record(article.entities().size());
        figures.record(article.figures().size());
        since(article, latency);
    }

    /** The article's contribution is now in the aggregates (entity, figure, region and trend answers). */
    void aggregated(ArticleEnriched article) {
        since(article, aggregatedLatency);
    }

    private static void since(ArticleEnriched article, Timer timer) {
        if (article.ingestedAt() != null) {
            Duration d = Duration.between(article.ingestedAt(), Instant.now());
            if (!d.isNegative()) {
                timer.record(d);
            }
        }
    }

    void storeError() {
        errors.increment();
    }

    void deadLetter(String reason) {
        registry.counter("newsflow.deadletters", "stage", DeadLetterPublisher.STAGE, "reason", reason).increment();
    }
}
