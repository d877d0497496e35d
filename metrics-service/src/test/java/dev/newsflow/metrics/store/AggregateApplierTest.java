package dev.newsflow.metrics.store;

import static dev.newsflow.metrics.store.ArticleStoreTest.a1;
import static dev.newsflow.metrics.store.ArticleStoreTest.a1v2;
import static dev.newsflow.metrics.store.ArticleStoreTest.a2;
import static dev.newsflow.metrics.store.ArticleStoreTest.a3;
import static dev.newsflow.metrics.store.ArticleStoreTest.a4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.metrics.TestMongo;
import dev.newsflow.metrics.query.QueryFingerprint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import tools.jackson.databind.json.JsonMapper;

/** The consumer's two halves: articles readable when {@code store} returns, aggregates applied behind, merged. */
class AggregateApplierTest {

    private static final AtomicInteger DB = new AtomicInteger();
    private static TestMongo mongo;

    @BeforeAll
    static void start() {
        mongo = new TestMongo();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    /** A store whose applies wait at their first aggregate write until {@link #release} (the hook runs on writer threads). */
    private static final class Env implements AutoCloseable {
        final MongoDatabaseFactory factory = mongo.factory("applier" + DB.incrementAndGet());
        final ArticleStore store = new ArticleStore(factory, new ContributionPlanner(), JsonMapper.builder().build());
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final StoreMetrics metrics = new StoreMetrics(registry);
        final AggregateApplier applier;
        final List<String> steps = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);

        Env(int maxPending) {
            applier = new AggregateApplier(store, metrics, registry, maxPending);
            store.afterWrite(step -> {
                steps.add(step);
                if (step.startsWith("apply:")) {
                    await(release);
                }
            });
        }

        String fingerprint() {
            return QueryFingerprint.of(factory, ArticleStoreTest.ENTITIES, ArticleStoreTest.REGIONS);
        }

        long articles(String state) {
            return factory.getMongoDatabase().getCollection(Collections.ARTICLES).countDocuments(new Document("state", state));
        }

        @Override
        public void close() {
            release.countDown();
            applier.close();
            store.close();
        }
    }

    private static String reference(ArticleEnriched... articles) {
        MongoDatabaseFactory f = mongo.factory("applier" + DB.incrementAndGet());
        new ArticleStore(f, new ContributionPlanner(), JsonMapper.builder().build()).storeAll(List.of(articles));
        return QueryFingerprint.of(f, ArticleStoreTest.ENTITIES, ArticleStoreTest.REGIONS);
    }

    @Test
    void articlesAreStoredBeforeTheirAggregatesAndBatchesQueuedMeanwhileAreAppliedTogether() throws Exception {
        try (Env e = new Env(100)) {
            assertThat(e.applier.store(List.of(a1(), a2())).outcomes()).containsOnly(StoreOutcome.STORED);
            // the first apply is held at its first aggregate write: what arrives now queues
            assertThat(e.applier.store(List.of(a3())).outcomes()).containsOnly(StoreOutcome.STORED);
            assertThat(e.applier.store(List.of(a4())).outcomes()).containsOnly(StoreOutcome.STORED);
            assertThat(e.articles(ArticleStore.PENDING)).isEqualTo(4);
            assertThat(e.applier.pending()).isEqualTo(4);
            assertThat(e.registry.get("newsflow.aggregates.pending").gauge().value()).isEqualTo(4);

            e.release.countDown();
            e.applier.awaitIdle();
            assertThat(e.applier.pending()).isZero();
            assertThat(e.articles(ArticleStore.APPLIED)).isEqualTo(4);
            assertThat(e.fingerprint()).isEqualTo(reference(a1(), a2(), a3(), a4()));
            // one apply of the first batch alone, then ONE apply of the two batches queued meanwhile
            assertThat(e.steps.stream().filter("claim"::equals)).hasSize(2);
            assertThat(e.steps.stream().filter("batch:delete"::equals)).hasSize(2);
            assertThat(e.registry.get("newsflow.aggregates.latency").timer().count()).isEqualTo(4);
        }
    }

    @Test
    void aRedeliveredArticleWhoseBatchIsQueuedWaitsForTheApplierAndIsADuplicate() throws Exception {
        try (Env e = new Env(100)) {
            e.applier.store(List.of(a1(), a2()));
            e.applier.store(List.of(a3()));
            CompletableFuture<List<StoreOutcome>> again = CompletableFuture.supplyAsync(() -> outcomes(e.applier, List.of(a3(), a4())));
            Thread.sleep(300);
            assertThat(again).as("waits for the queued batch holding a3").isNotDone();
            e.release.countDown();
            assertThat(again.get(30, TimeUnit.SECONDS)).containsExactly(StoreOutcome.DUPLICATE, StoreOutcome.STORED);
            e.applier.awaitIdle();
            // a changed version after that retracts the applied one
            e.applier.store(List.of(a1v2()));
            e.applier.awaitIdle();
            assertThat(e.fingerprint()).isEqualTo(reference(a1v2(), a2(), a3(), a4()));
        }
    }

    @Test
    void holdsTheConsumerBackWhileMaxPendingArticlesWait() throws Exception {
        try (Env e = new Env(3)) {
            e.applier.store(List.of(a1(), a2()));
            e.applier.store(List.of(a3()));
            CompletableFuture<List<StoreOutcome>> fourth = CompletableFuture.supplyAsync(() -> outcomes(e.applier, List.of(a4())));
            Thread.sleep(300);
            assertThat(fourth).as("3 articles wait: the 4th is not taken").isNotDone();
            assertThat(e.articles(ArticleStore.PENDING) + e.articles(ArticleStore.APPLIED)).isEqualTo(3);
            e.release.countDown();
            assertThat(fourth.get(30, TimeUnit.SECONDS)).containsExactly(StoreOutcome.STORED);
            e.applier.awaitIdle();
            assertThat(e.fingerprint()).isEqualTo(reference(a1(), a2(), a3(), a4()));
        }
    }

    @Test
    void aFailedApplyIsFinishedFromTheBatchDocumentsWithoutCountingTwice() throws Exception {
        try (Env e = new Env(100)) {
            e.release.countDown();
            AtomicInteger failures = new AtomicInteger();
            e.store.afterWrite(step -> {
                if (step.equals("apply:" + Collections.COUNTS) && failures.getAndIncrement() == 0) {
                    throw new IllegalStateException("injected: MongoDB went away");
                }
            });
            e.applier.store(List.of(a1(), a2(), a3()));
            e.applier.awaitIdle();
            assertThat(failures.get()).isGreaterThanOrEqualTo(2);
            assertThat(e.registry.get("newsflow.store.errors").counter().count()).isEqualTo(1);
            assertThat(e.factory.getMongoDatabase().getCollection(Collections.BATCHES).countDocuments()).isZero();
            assertThat(e.fingerprint()).isEqualTo(reference(a1(), a2(), a3()));
        }
    }

    private static List<StoreOutcome> outcomes(AggregateApplier applier, List<ArticleEnriched> articles) {
        try {
            return applier.store(articles).outcomes();
        } catch (InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
