package dev.newsflow.localstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP load from this process to a base URL: closed-loop (fixed concurrency) or open-loop (fixed rate). */
final class LoadClient {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final String apiKey;

    LoadClient(String apiKey) {
        this.apiKey = apiKey;
    }

    /** What one run of posts gave: status counts, latencies (ms) of accepted posts, accepted ids with their send time. */
    static final class Outcome {
        final StatusCounts statuses = new StatusCounts();
        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        /** Latencies (ms) of every answer, whatever its status. */
        final List<Double> allLatencies = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentLinkedQueue<long[]> sentAt = new ConcurrentLinkedQueue<>();
        final ConcurrentHashMap<String, Long> acceptedIds = new ConcurrentHashMap<>();
        final AtomicInteger errors = new AtomicInteger();
        double seconds;

        int accepted() {
            return statuses.get(202);
        }
    }

    static final class StatusCounts extends ConcurrentHashMap<Integer, AtomicInteger> {
        void add(int status) {
            computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }

        int get(int status) {
            AtomicInteger n = super.get(status);
            return n == null ? 0 : n.get();
        }

        /** Answers per status, in status order. */
        java.util.SortedMap<Integer, Integer> counts() {
            java.util.SortedMap<Integer, Integer> out = new java.util.TreeMap<>();
            forEach((status, n) -> out.put(status, n.get()));
            return out;
        }
    }

    /**
     * {@code concurrency} clients posting the same article back to back until {@code requests} were sent: warms up a
     * path's JIT without feeding the pipeline new work (a resubmitted article is recognised and skipped by the store).
     */
    Outcome warmUp(String baseUrl, String article, int concurrency, int requests) throws InterruptedException {
        Outcome outcome = new Outcome();
        AtomicInteger remaining = new AtomicInteger(requests);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    post(baseUrl, article, outcome);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return outcome;
    }

    /** {@code concurrency} clients each posting back to back until {@code requests} were sent. */
    Outcome closedLoop(String baseUrl, ArticleCorpus corpus, int concurrency, int requests) throws InterruptedException {
        return closedLoop(baseUrl, corpus, concurrency, requests, Double.MAX_VALUE);
    }

    /** {@code concurrency} clients posting back to back for {@code seconds} (or until {@code requests} were sent). */
    Outcome closedLoop(String baseUrl, ArticleCorpus corpus, int concurrency, int requests, double seconds) throws InterruptedException {
        Outcome outcome = new Outcome();
        AtomicInteger remaining = new AtomicInteger(requests);
        long deadline = seconds == Double.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            pool.submit(() -> {
                while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    String body;
                    synchronized (corpus) {
                        body = corpus.nextJson();
                    }
                    post(baseUrl, body, outcome);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        outcome.seconds = (System.nanoTime() - start) / 1e9;
        return outcome;
    }

    /**
     * {@code concurrency} clients each posting NDJSON batches of {@code batch} articles back to back for
     * {@code seconds}, as a feed does; every id in a 202 answer counts as accepted.
     */
    Outcome closedLoopBatches(String baseUrl, ArticleCorpus corpus, int concurrency, int batch, double seconds)
            throws InterruptedException {
        return closedLoopBatches(baseUrl, corpus, concurrency, batch, seconds, sofar -> true);
    }

    /**
     * As above, each client waiting while {@code mayPost} says no to the outcome so far (a feed holding back while
     * the pipeline is behind).
     */
    Outcome closedLoopBatches(String baseUrl, ArticleCorpus corpus, int concurrency, int batch, double seconds,
            java.util.function.Predicate<Outcome> mayPost) throws InterruptedException {
        Outcome outcome = new Outcome();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    if (!mayPost.test(outcome)) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                        continue;
                    }
                    post(baseUrl, ndjson(corpus, batch), "application/x-ndjson", outcome, System.nanoTime());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        outcome.seconds = (System.nanoTime() - start) / 1e9;
        return outcome;
    }

    /** One NDJSON request of {@code n} articles. */
    Outcome postBatch(String baseUrl, ArticleCorpus corpus, int n) {
        Outcome outcome = new Outcome();
        post(baseUrl, ndjson(corpus, n), "application/x-ndjson", outcome, System.nanoTime());
        return outcome;
    }

    private static String ndjson(ArticleCorpus corpus, int n) {
        StringBuilder body = new StringBuilder();
        synchronized (corpus) {
            for (int i = 0; i < n; i++) {
                body.append(corpus.nextJson()).append('\n');
            }
        }
        return body.toString();
    }

    /** Posts at {@code rate} per second for {@code seconds}, whatever the answers' pace. */
    Outcome openLoop(String baseUrl, ArticleCorpus corpus, double rate, double seconds) throws InterruptedException {
        return openLoop(baseUrl, corpus, rate, seconds, new Outcome());
    }

    /** As above, recording into {@code outcome}, which the caller may read while the load runs. */
    Outcome openLoop(String baseUrl, ArticleCorpus corpus, double rate, double seconds, Outcome outcome)
            throws InterruptedException {
        openLoop(List.of(baseUrl), List.of(outcome), corpus, rate, seconds, 1);
        return outcome;
    }

    /**
     * NDJSON requests of {@code batch} articles, {@code articleRate / batch} of them per second for {@code seconds},
     * whatever the answers' pace (the load shape of the saturation phase, at a chosen rate).
     */
    Outcome openLoopBatches(String baseUrl, ArticleCorpus corpus, double articleRate, int batch, double seconds, Outcome outcome)
            throws InterruptedException {
        openLoop(List.of(baseUrl), List.of(outcome), corpus, articleRate / batch, seconds, batch);
        return outcome;
    }

    /**
     * Posts at {@code rate} per second for {@code seconds}, request i to {@code baseUrls[i % n]}: the targets share the
     * same moment's machine load (and the pipeline's backlog), so their latencies compare fairly. One outcome per URL.
     */
    List<Outcome> openLoopInterleaved(List<String> baseUrls, ArticleCorpus corpus, double rate, double seconds)
            throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        baseUrls.forEach(u -> outcomes.add(new Outcome()));
        openLoop(baseUrls, outcomes, corpus, rate, seconds, 1);
        return outcomes;
    }

    /** {@code rate} requests per second, each of {@code batch} articles (1: a JSON article; more: NDJSON). */
    private void openLoop(List<String> baseUrls, List<Outcome> outcomes, ArticleCorpus corpus, double rate, double seconds, int batch)
            throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(256);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        int total = (int) (rate * seconds);
        long periodNanos = (long) (1e9 / rate);
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i < total) {
                String body;
                if (batch > 1) {
                    body = ndjson(corpus, batch);
                } else {
                    synchronized (corpus) {
                        body = corpus.nextJson();
                    }
                }
                String type = batch > 1 ? "application/x-ndjson" : "application/json";
                // latency from when the request was due, so time spent waiting for a free sender counts too
                long scheduled = System.nanoTime();
                int target = i % baseUrls.size();
                senders.submit(() -> post(baseUrls.get(target), body, type, outcomes.get(target), scheduled));
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        outcomes.forEach(o -> o.seconds = elapsed);
    }

    private void post(String baseUrl, String body, Outcome outcome) {
        post(baseUrl, body, outcome, System.nanoTime());
    }

    private void post(String baseUrl, String body, Outcome outcome, long sent) {
        post(baseUrl, body, "application/json", outcome, sent);
    }

    private void post(String baseUrl, String body, String contentType, Outcome outcome, long sent) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/articles"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType).header("X-API-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            outcome.statuses.add(response.statusCode());
            outcome.allLatencies.add((System.nanoTime() - sent) / 1e6);
            if (response.statusCode() == 202) {
                outcome.latencies.add((System.nanoTime() - sent) / 1e6);
                Matcher m = ID.matcher(response.body());
                while (m.find()) {
                    outcome.acceptedIds.put(m.group(1), sent);
                }
            }
        } catch (Exception e) {
            outcome.errors.incrementAndGet();
        }
    }

    /** True when GET /api/v1/articles/{id} answers 200. */
    boolean isStored(String baseUrl, String id) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/articles/" + id)).timeout(Duration.ofSeconds(10))
                    .header("X-API-Key", apiKey).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
