package dev.newsflow.localstack.bench;

import dev.newsflow.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./newsflow bench --load}: the overload test. Probes rising rates of single-article POSTs through the gateway
 * to find the highest one whose p99 ingest latency (POST → 202) stays under 200 ms, holds it for a phase, then offers
 * twice that rate for a phase, and checks that the overload is answered with 429s or back-pressure (slower answers),
 * never with 5xx or lost articles: every 202-accepted id ends up stored, and both consumer groups' lag drains.
 */
final class LoadTest {

    static final double P99_LIMIT_MS = 200;
    private static final Pattern STORED = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)");

    private final LoadClient client;
    private final ArticleCorpus corpus;
    private final String gateway;
    private final String metrics;
    private final String bootstrap;
    private final double phaseSeconds;
    private final double probeSeconds;
    private final double startRate;
    private final double maxRate;
    private final Duration drainTimeout;
    private final double fixedRate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> acceptedIds = Collections.synchronizedList(new ArrayList<>());

    LoadTest(LoadClient client, ArticleCorpus corpus, String gateway, String metrics, String bootstrap, double phaseSeconds,
            double probeSeconds, double startRate, double maxRate, Duration drainTimeout, double fixedRate) {
        this.fixedRate = fixedRate;
        this.client = client;
        this.corpus = corpus;
        this.gateway = gateway;
        this.metrics = metrics;
        this.bootstrap = bootstrap;
        this.phaseSeconds = phaseSeconds;
        this.probeSeconds = probeSeconds;
        this.startRate = startRate;
        this.maxRate = maxRate;
        this.drainTimeout = drainTimeout;
    }

    Map<String, Object> run() throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        // 0. warm-up (JIT, connection pools, producer metadata), then until the gateway answers 202 ten times in a row
        // (a cold start on a busy machine can trip the gateway's circuit breaker)
        LoadClient.Outcome warmup = client.closedLoop(gateway, corpus, 4, Integer.MAX_VALUE, Math.min(20, phaseSeconds));
        acceptedIds.addAll(warmup.acceptedIds.keySet());
        r.put("warmup", Map.of("seconds", round(warmup.seconds), "statuses", warmup.statuses.counts()));
        long settle = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        int inARow = 0;
        while (inARow < 10 && System.nanoTime() < settle) {
            LoadClient.Outcome one = client.closedLoop(gateway, corpus, 1, 1);
            acceptedIds.addAll(one.acceptedIds.keySet());
            inARow = one.accepted() == 1 ? inARow + 1 : 0;
            if (inARow == 0) {
                Thread.sleep(1000);
            }
        }
        // 1. probes: rates rising by half until p99 goes over the limit (or anything but 202 comes back)
        List<Map<String, Object>> probes = new ArrayList<>();
        double best = 0;
        // (--rate skips the search: a given rate held, then twice it)
        for (double rate = startRate; fixedRate <= 0 && rate <= maxRate; rate *= 1.5) {
            Map<String, Object> probe = phase(rate, probeSeconds);
            probes.add(probe);
            if (!passes(probe)) {
                break;
            }
            best = rate;
        }
        r.put("probes", probes);
        if (fixedRate > 0) {
            best = fixedRate;
        }
        if (best == 0) {
            r.put("verdict", "even " + startRate + "/s breaks the p99 limit");
            return r;
        }
        // 2. the best rate held for a phase (one step down if the longer phase does not hold it)
        Map<String, Object> sustained = phase(best, phaseSeconds);
        if (!passes(sustained) && fixedRate <= 0) {
            best *= 0.8;
            sustained = phase(best, phaseSeconds);
        }
        r.put("sustained", sustained);
        // 3. twice that rate
        Map<String, Object> overload = phase(2 * best, phaseSeconds);
        r.put("overload", overload);
        // 4. the lag drains, and every accepted article is stored
        long drainStart = System.nanoTime();
        long raw = awaitDrained(Topics.NLP_GROUP, Topics.ARTICLES_RAW, drainStart);
        long enriched = awaitDrained(Topics.METRICS_GROUP, Topics.ARTICLES_ENRICHED, drainStart);
        Map<String, Object> drain = new LinkedHashMap<>();
        drain.put("nlpLagLeft", raw);
        drain.put("metricsLagLeft", enriched);
        drain.put("seconds", seconds(drainStart));
        r.put("drain", drain);
        // the stack is fresh: the metrics service's counter covers everything this test got accepted, warm-up included
        double stored = storedCounter();
        int sample = Math.min(500, acceptedIds.size());
        List<String> ids = new ArrayList<>(acceptedIds);
        Collections.shuffle(ids, new java.util.Random(1));
        int missing = 0;
        for (String id : ids.subList(0, sample)) {
            missing += client.isStored(metrics, id) ? 0 : 1;
        }
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("accepted", acceptedIds.size());
        check.put("storedCounter", stored);
        check.put("sampledIds", sample);
        check.put("sampledMissing", missing);
        r.put("stored", check);
        int fiveXx = count5xx(probes) + count5xx(List.of(sustained, overload));
        boolean ok = raw == 0 && enriched == 0 && missing == 0 && stored >= acceptedIds.size()
                && count5xx(List.of(overload)) == 0;
        r.put("verdict", ok ? "PASS: overload answered with " + overload.get("statuses") + ", no article lost, lag drained"
                : "FAIL: 5xx=" + fiveXx + ", lag left " + raw + "/" + enriched + ", missing " + missing
                        + ", stored " + stored + " of " + acceptedIds.size());
        return r;
    }

    private Map<String, Object> phase(double rate, double seconds) throws InterruptedException {
        LoadClient.Outcome outcome = client.openLoop(gateway, corpus, rate, seconds);
        acceptedIds.addAll(outcome.acceptedIds.keySet());
        Map<String, Object> p = new LinkedHashMap<>();
        int sent = outcome.statuses.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum()
                + outcome.errors.get();
        p.put("offeredPerSecond", round(rate));
        p.put("seconds", round(outcome.seconds));
        p.put("sent", sent);
        p.put("acceptedPerSecond", round(outcome.accepted() / outcome.seconds));
        p.put("statuses", outcome.statuses.counts());
        p.put("clientErrors", outcome.errors.get());
        p.put("share429", sent == 0 ? 0 : round(100.0 * outcome.statuses.get(429) / sent));
        p.put("p50Ms", round(LoadClient.percentile(outcome.latencies, 50)));
        p.put("p99Ms", round(LoadClient.percentile(outcome.latencies, 99)));
        p.put("p99AllAnswersMs", round(LoadClient.percentile(outcome.allLatencies, 99)));
        System.out.println("load: " + p);
        return p;
    }

    private static boolean passes(Map<String, Object> phase) {
        @SuppressWarnings("unchecked")
        Map<Integer, Integer> statuses = (Map<Integer, Integer>) phase.get("statuses");
        boolean onlyAccepted = statuses.keySet().stream().allMatch(s -> s == 202) && (int) phase.get("clientErrors") == 0;
        return onlyAccepted && (double) phase.get("p99Ms") < P99_LIMIT_MS;
    }

    @SuppressWarnings("unchecked")
    private static int count5xx(List<Map<String, Object>> phases) {
        int n = 0;
        for (Map<String, Object> phase : phases) {
            for (Map.Entry<Integer, Integer> e : ((Map<Integer, Integer>) phase.get("statuses")).entrySet()) {
                n += e.getKey() >= 500 ? e.getValue() : 0;
            }
        }
        return n;
    }

    /** Waits (bounded) until the group committed everything on the topic; returns the lag left (0 = drained). */
    private long awaitDrained(String group, String topic, long since) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        long lag = Long.MAX_VALUE;
        try (AdminClient admin = AdminClient.create(props)) {
            long lastReport = 0;
            while (System.nanoTime() - since < drainTimeout.toNanos()) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                lag = 0;
                for (var e : admin.listOffsets(latest).all().get().entrySet()) {
                    var c = committed.get(e.getKey());
                    lag += e.getValue().offset() - (c == null ? 0 : c.offset());
                }
                if (lag == 0) {
                    return 0;
                }
                if (System.nanoTime() - lastReport > 30e9) {
                    System.out.printf(Locale.ROOT, "load: %s lag on %s: %d (%.0f s)%n", group, topic, lag, seconds(since));
                    lastReport = System.nanoTime();
                }
                Thread.sleep(500);
            }
        }
        return lag;
    }

    /** The metrics service's newsflow.articles.stored counter (articles stored since it started). */
    private double storedCounter() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(metrics + "/actuator/metrics/newsflow.articles.stored")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = STORED.matcher(response.body());
            return response.statusCode() == 200 && m.find() ? Double.parseDouble(m.group(1)) : 0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static double seconds(long since) {
        return round((System.nanoTime() - since) / 1e9);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
