package dev.newsflow.metrics.store;

import dev.newsflow.events.ArticleEnriched;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;

/** Benchmark helper: the consumer's store path (prepare on the caller's thread, aggregates applied behind, merged). */
public final class ApplierDriver implements AutoCloseable {

    private final AggregateApplier applier;

    public ApplierDriver(ArticleStore store, int maxPending) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        this.applier = new AggregateApplier(store, new StoreMetrics(registry), registry, maxPending);
    }

    /** Returns when the batch is stored (readable by id); its aggregates follow. */
    public List<StoreOutcome> store(List<ArticleEnriched> batch) throws InterruptedException {
        return applier.store(batch).outcomes();
    }

    public void awaitIdle() throws InterruptedException {
        applier.awaitIdle();
    }

    @Override
    public void close() {
        applier.close();
    }
}
