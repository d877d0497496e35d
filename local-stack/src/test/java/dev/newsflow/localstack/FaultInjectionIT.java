package dev.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.Topics;
import dev.newsflow.localstack.bench.ArticleCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Breaks the running platform on purpose while articles are in flight, then checks that nothing was lost and nothing
 * counted twice: every article accepted (202) is stored exactly once, and every query answer equals the answer after
 * the metrics service rebuilt all aggregates from the stored articles.
 *
 * <p>One stack (embedded KRaft broker, MongoDB-wire server, three nlp-service instances of one consumer thread each in
 * one group, the other services) and ONE stream of {@code newsflow.faults.articles} articles (default 5,000, a live
 * feed's: published over three days) posted through the gateway as NDJSON batches at {@code newsflow.faults.rate}
 * articles/s (default 100: faster than the store, so thousands are in flight). Six faults, one after another, each once its stage has work in hand and the platform
 * recovered from the previous one: kill -9 of every nlp instance, then restart (10% accepted); one of the three nlp
 * instances killed for good (40% accepted); the Kafka broker stopped for 10 s (60% accepted, the feed still posting);
 * kill -9 of the metrics service, then restart (20% stored, thousands in flight); MongoDB down for 30 s (45% stored);
 * SIGTERM of the two remaining nlp instances and the metrics service, then restart (70% stored). After the stream:
 * every accepted id stored once, both consumer groups drained, the query answers before and after a rebuild
 * identical. A lost or double-counted article is permanent (counts never heal themselves), so the final check
 * catches what any of the faults broke; each fault's record says how far the stream was and how long recovery took.
 * Slow (minutes): runs only with {@code -Dnewsflow.faults=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "newsflow.faults", matches = "true")
class FaultInjectionIT {

    static final int ARTICLES = Integer.getInteger("newsflow.faults.articles", 5000);
    static final double RATE = Double.parseDouble(System.getProperty("newsflow.faults.rate", "100"));
    static final int BATCH = 50;
    static final String SOURCE = "faults";
    /** Bound of every wait for the pipeline to catch up (generous: a slow store on a shared machine). */
    static final Duration DRAIN = Duration.ofSeconds(Long.getLong("newsflow.faults.drain-seconds", 600));
    static final Duration MONGO_OUTAGE = Duration.ofSeconds(30);
    static final Duration KAFKA_OUTAGE = Duration.ofSeconds(10);
    static final String ADMIN_KEY = "faults-admin-key";

    /** A live feed: articles of the last three days, as news arrives (an archive load spread over a year is slower). */
    private final ArticleCorpus corpus = ArticleCorpus.liveFeed(20261129, java.time.LocalDate.of(2024, 12, 31), 3);
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> faults = new LinkedHashMap<>();
    private StackConfig config;
    private LocalStack stack;
    private PlatformProbe probe;
    private long suiteStart;

    @BeforeAll
    void startPlatform() throws Exception {
        suiteStart = System.nanoTime();
        Path dataDir = Files.createTempDirectory("newsflow-faults");
        StackConfig base = PipelineScenario.config(dataDir, null, null);
        // full JIT (the other platform tests start the services with C1 only, for a quick start), MongoDB-wire server in
        // memory (its file store serialises every updated document; an outage keeps the documents, as a real one does)
        config = new StackConfig(base.home(), dataDir, null, null, 0, base.gatewayPort(), base.ingestPort(),
                base.nlpPort(), base.metricsPort(), ADMIN_KEY + ":admin", "-XX:+UseSerialGC", false, 3).withMongoInMemory();
        // the suite measures correctness, not the per-key rate limit of ingest; one consumer thread per nlp instance
        // (3 instances for 3 partitions, as the Kubernetes deployment runs its pods)
        stack = new LocalStack(config, Map.of("NEWSFLOW_GATEWAY_RATELIMIT_INGEST_CAPACITY", "100000000",
                "NEWSFLOW_NLP_CONCURRENCY", "1"));
        stack.start(System.out);
        probe = new PlatformProbe("http://127.0.0.1:" + config.metricsPort(), stack.kafkaBootstrap(), stack.mongoUri());
        results.put("stackStartSeconds", round(seconds(suiteStart)));
        System.out.printf("faults: stack up in %.0f s; %d articles at %.0f/s%n", seconds(suiteStart), ARTICLES, RATE);
    }

    @AfterAll
    void stopPlatform() throws Exception {
        if (probe != null) {
            probe.close();
        }
        if (stack != null) {
            stack.close();
        }
        results.put("articles", ARTICLES);
        results.put("ratePerSecond", RATE);
        results.put("suiteSeconds", Math.round(seconds(suiteStart)));
        results.put("faults", faults);
        String report = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fault-injection.json"), report);
        System.out.println("faults: " + report);
    }

    @Test
    void sixFaultsDuringOneStreamLoseNothingAndCountNothingTwice() throws Exception {
        awaitTrue("3 nlp consumers in the group", () -> probe.members(Topics.NLP_GROUP) == 3);
        long rawBefore = probe.endOffsets(Topics.ARTICLES_RAW);
        long enrichedBefore = probe.endOffsets(Topics.ARTICLES_ENRICHED);
        long start = System.nanoTime();
        ArticleFeeder feeder = new ArticleFeeder(stack.gatewayUrl(), ADMIN_KEY, corpus, SOURCE, ARTICLES, BATCH, DRAIN, RATE);
        feeder.start();

        // each fault once its stage has work in hand: the nlp faults while the feed is arriving, the store faults
        // while thousands of accepted articles wait to be stored
        List<String> nlp = stack.serviceNames().stream().filter(n -> n.startsWith("nlp-service")).toList();
        inject(feeder, "nlp-kill-all", accepted(feeder, 0.10), () -> {
            for (String name : nlp) {
                stack.killService(name);
            }
            stack.restartServices(nlp.toArray(String[]::new));
        });
        inject(feeder, "nlp-one-of-three-killed", accepted(feeder, 0.40), () -> stack.killService("nlp-service-2"));
        awaitTrue("2 nlp consumers left in the group", () -> probe.members(Topics.NLP_GROUP) == 2);
        inject(feeder, "kafka-restart", accepted(feeder, 0.60), () -> {
            stack.stopKafka();
            Thread.sleep(KAFKA_OUTAGE.toMillis());
            stack.startKafka();
        });
        inject(feeder, "metrics-kill", stored(0.20), () -> {
            stack.killService("metrics-service");
            stack.restartServices("metrics-service");
        });
        inject(feeder, "mongo-outage", stored(0.45), () -> {
            stack.stopMongo();
            Thread.sleep(MONGO_OUTAGE.toMillis());
            stack.startMongo();
        });
        inject(feeder, "sigterm-nlp-and-metrics", stored(0.70), () -> {
            stack.stopService("nlp-service");
            stack.stopService("nlp-service-3");
            stack.stopService("metrics-service");
            stack.restartServices("nlp-service", "nlp-service-3", "metrics-service");
        });

        feeder.await(DRAIN);
        results.put("feedSeconds", round(seconds(start)));
        Set<String> accepted = feeder.accepted();
        awaitTrue("every accepted article stored", () -> probe.storedCount(SOURCE) >= accepted.size());
        awaitTrue("consumer lag drained", () -> probe.lag(Topics.NLP_GROUP, Topics.ARTICLES_RAW) == 0
                && probe.lag(Topics.METRICS_GROUP, Topics.ARTICLES_ENRICHED) == 0);
        // stored articles are readable at once; their aggregate contribution is applied right after (AggregateApplier)
        awaitTrue("every stored article in the aggregates", () -> probe.metricsCounter("newsflow.aggregates.pending") == 0);
        results.put("allStoredSeconds", round(seconds(start)));

        // records enriched more than once: the nlp consumers' redeliveries after the kills
        results.put("nlpRedelivered", (probe.endOffsets(Topics.ARTICLES_ENRICHED) - enrichedBefore)
                - (probe.endOffsets(Topics.ARTICLES_RAW) - rawBefore));
        results.put("metricsDuplicatesSinceLastStart", probe.metricsCounter("newsflow.articles.duplicates"));
        Map<String, Integer> stored = probe.stored(SOURCE);
        Set<String> lost = new HashSet<>(accepted);
        lost.removeAll(stored.keySet());
        Set<String> unexpected = new HashSet<>(stored.keySet());
        unexpected.removeAll(accepted);
        long duplicates = stored.values().stream().filter(n -> n > 1).count();
        results.put("accepted", accepted.size());
        results.put("stored", stored.size());
        results.put("lost", lost.size());
        results.put("duplicateDocuments", duplicates);
        results.put("batchesRefusedThenRetried", feeder.refusedBatches());
        results.put("answersByStatus", feeder.statuses().toString());

        Map<String, String> before = probe.answers(List.of(SOURCE));
        long rebuildStart = System.nanoTime();
        var rebuild = probe.rebuild();
        results.put("rebuildSeconds", round(seconds(rebuildStart)));
        results.put("rebuiltArticles", rebuild.get("articles").asLong());
        Map<String, String> after = probe.answers(List.of(SOURCE));
        List<String> differing = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).toList();
        results.put("fingerprintIncremental", PlatformProbe.fingerprint(before));
        results.put("fingerprintRebuilt", PlatformProbe.fingerprint(after));
        results.put("aggregateAnswersDiffering", differing.size());
        results.put("queriesCompared", before.size());

        assertThat(faults).as("faults injected").hasSize(6);
        assertThat(accepted).as("accepted ids").hasSize(ARTICLES);
        assertThat(lost).as("accepted but never stored").isEmpty();
        assertThat(unexpected).as("stored but never accepted").isEmpty();
        assertThat(duplicates).as("articles stored twice").isZero();
        assertThat(rebuild.get("articles").asLong()).as("articles the rebuild read").isEqualTo(ARTICLES);
        assertThat(before.values().stream().filter(a -> a.startsWith("200 ")).count())
                .as("query answers that are 200").isGreaterThan(before.size() * 3L / 4);
        for (String path : differing) {
            assertThat(before.get(path)).as("answer to " + path + " before and after the rebuild").isEqualTo(after.get(path));
        }
    }

    interface Fault {
        void inject() throws Exception;
    }

    private static Check accepted(ArticleFeeder feeder, double share) {
        return () -> feeder.acceptedCount() >= ARTICLES * share;
    }

    private Check stored(double share) {
        return () -> probe.storedCount(SOURCE) >= ARTICLES * share;
    }

    /**
     * Waits for the trigger, injects the fault, and waits until the platform works again: the nlp consumers enrich
     * (or have nothing left to enrich) and the store stores (or has stored everything accepted), so that the next fault
     * meets a running pipeline.
     */
    private void inject(ArticleFeeder feeder, String name, Check trigger, Fault fault) throws Exception {
        awaitTrue(name + ": trigger", 200, trigger);
        Map<String, Object> record = new LinkedHashMap<>();
        faults.put(name, record);
        long storedAtFault = probe.storedCount(SOURCE);
        long enrichedAtFault = probe.endOffsets(Topics.ARTICLES_ENRICHED);
        record.put("acceptedAtFault", feeder.acceptedCount());
        record.put("storedAtFault", storedAtFault);
        record.put("inFlightAtFault", feeder.acceptedCount() - storedAtFault);
        record.put("atSeconds", round(seconds(suiteStart)));
        long faultStart = System.nanoTime();
        fault.inject();
        long restored = System.nanoTime();
        record.put("faultSeconds", round(seconds(faultStart)));
        awaitTrue(name + ": enriching and storing again", () ->
                (probe.endOffsets(Topics.ARTICLES_ENRICHED) > enrichedAtFault || probe.lag(Topics.NLP_GROUP, Topics.ARTICLES_RAW) == 0)
                && (probe.storedCount(SOURCE) > storedAtFault || probe.storedCount(SOURCE) >= feeder.acceptedCount()));
        record.put("recoveredSecondsAfterRestore", round(seconds(restored)));
        System.out.println("faults: " + name + " " + record);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitTrue(String what, Check check) throws Exception {
        awaitTrue(what, 2000, check); // counting stored articles reads the collection: not too often
    }

    private static void awaitTrue(String what, long pollMillis, Check check) throws Exception {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (Exception e) {
                last = e; // the infrastructure may be down right now
            }
            Thread.sleep(pollMillis);
        }
        throw new AssertionError("not within " + DRAIN + ": " + what + (last == null ? "" : " (last error " + last + ")"));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
