package dev.newsflow.metrics.store;

import dev.newsflow.events.ArticleEnriched;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The consumer's store path in two halves: {@link #store} prepares a batch on the caller's thread (its articles are
 * then durable and readable by id, and the consumer may commit) and queues it; one applier thread adds the queued
 * batches' contributions to the aggregates, every batch queued by then in ONE merged apply.
 *
 * <p>Why: an apply costs about the same whatever the number of articles (it touches a few hundred sharded aggregate
 * documents), so waiting for it made every article wait for the previous batch's apply before it was even read, and
 * kept batches small at moderate load. Now an article is readable after the prepare of its poll, and at saturation
 * the applier merges up to {@code max-pending} articles per apply.
 *
 * <p>Bounded: {@link #store} waits while {@code newsflow.metrics.store.max-pending} articles are prepared but not yet
 * applied (the consumer then stops polling: back-pressure onto the topic). Nothing is lost on a crash: a prepared
 * batch's document is its complete ledger, finished at start-up ({@link PendingResumer}) or on redelivery.
 */
@Component
public class AggregateApplier {

    static final int DEFAULT_MAX_PENDING = 2_000;
    private static final Logger log = LoggerFactory.getLogger(AggregateApplier.class);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(10);
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(15);

    private final ArticleStore store;
    private final StoreMetrics metrics;
    private final int maxPending;
    /** Prepared batches not yet taken by the applier thread (guarded by this). */
    private final Deque<ArticleStore.Prepared> queue = new ArrayDeque<>();
    /** Articles prepared and not yet applied: queued or in the apply running now (guarded by this). */
    private int pending;
    private boolean applying;
    private boolean closed;
    private final Thread thread;

    public AggregateApplier(ArticleStore store, StoreMetrics metrics, MeterRegistry registry,
                            @Value("${newsflow.metrics.store.max-pending:" + DEFAULT_MAX_PENDING + "}") int maxPending) {
        this.store = store;
        this.metrics = metrics;
        this.maxPending = Math.max(1, maxPending);
        Gauge.builder("newsflow.aggregates.pending", this, AggregateApplier::pending)
                .description("Articles stored whose contribution to the aggregates is not applied yet").register(registry);
        this.thread = new Thread(this::run, "aggregate-applier");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Prepares the batch ({@link ArticleStore#prepare}) and queues its contribution; returns the outcome of each event
     * and the time per write step of the prepare. Waits first while the queue is full.
     */
    ArticleStore.Preparation store(List<ArticleEnriched> articles) throws InterruptedException {
        synchronized (this) {
            while (!closed && pending > 0 && pending + articles.size() > maxPending) {
                wait();
            }
            if (closed) {
                throw new IllegalStateException("the aggregate applier is closed");
            }
        }
        ArticleStore.Preparation p = store.prepare(articles, this::awaitIdleUninterruptibly);
        synchronized (this) {
            for (ArticleStore.Prepared batch : p.batches()) {
                queue.addLast(batch);
                pending += batch.members().size();
            }
            notifyAll();
        }
        return p;
    }

    /** Articles prepared and not yet applied. */
    public synchronized int pending() {
        return pending;
    }

    /** Waits until every queued batch is applied (before a rebuild; before this process finishes a batch itself). */
    public synchronized void awaitIdle() throws InterruptedException {
        while (!closed && (applying || !queue.isEmpty())) {
            wait();
        }
    }

    private void awaitIdleUninterruptibly() {
        try {
            awaitIdle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the aggregate applier finished its batches", e);
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            List<ArticleStore.Prepared> group = take();
            if (group == null) {
                return;
            }
            applyUntilDone(group);
            int articles = 0;
            for (ArticleStore.Prepared batch : group) {
                articles += batch.members().size();
                batch.members().forEach(m -> metrics.aggregated(m.current()));
            }
            synchronized (this) {
                pending -= articles;
                applying = false;
                notifyAll();
            }
        }
    }

    /** The batches queued now, merged up to {@code maxPending} articles (at least one batch); null once closed and empty. */
    private synchronized List<ArticleStore.Prepared> take() {
        while (queue.isEmpty()) {
            if (closed) {
                return null;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                return null;
            }
        }
        List<ArticleStore.Prepared> group = new ArrayList<>();
        int articles = 0;
        while (!queue.isEmpty() && (group.isEmpty() || articles + queue.peekFirst().members().size() <= maxPending)) {
            ArticleStore.Prepared batch = queue.pollFirst();
            group.add(batch);
            articles += batch.members().size();
        }
        applying = true;
        return group;
    }

    /**
     * Applies the group; after a failure (MongoDB unreachable) finishes its batches from their documents with
     * back-off until it succeeds: whatever the failed attempt wrote carries its tag, so nothing is applied twice.
     */
    private void applyUntilDone(List<ArticleStore.Prepared> group) {
        long start = System.nanoTime();
        try {
            String steps = store.apply(group);
            log.info("applied {} batch(es), {} article(s) to the aggregates in {} ms ({})", group.size(),
                    group.stream().mapToInt(b -> b.members().size()).sum(), (System.nanoTime() - start) / 1_000_000, steps);
            return;
        } catch (RuntimeException e) {
            metrics.storeError();
            log.warn("applying {} batch(es) to the aggregates failed, will finish them from their batch documents: {}", group.size(), e.toString());
        }
        Duration backOff = Duration.ofMillis(200);
        while (true) {
            try {
                Thread.sleep(backOff.toMillis());
                for (ArticleStore.Prepared batch : group) {
                    store.resume(batch.tag());
                }
                return;
            } catch (InterruptedException e) {
                log.warn("stopped before the aggregates of {} batch(es) were applied; they are finished at the next start", group.size());
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                metrics.storeError();
                log.warn("finishing {} batch(es) failed, retrying in {} ms: {}", group.size(), backOff.toMillis(), e.toString());
                backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
            }
        }
    }

    /** Applies what is queued (up to 15 s), then stops; what is left is finished at the next start. */
    @PreDestroy
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(DRAIN_ON_CLOSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
