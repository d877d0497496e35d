package dev.newsflow.localstack;

import dev.newsflow.localstack.bench.ArticleCorpus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts {@code total} distinct articles through the gateway as NDJSON batches on its own thread, as a feed would
 * (back to back, or paced at a given number of articles per second):
 * a batch that is not answered 202 (503 while Kafka is down, 429, a broken connection) is sent again after a pause,
 * which is safe because article ids are deterministic. Only ids in a 202 answer count as accepted.
 */
final class ArticleFeeder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String apiKey;
    private final List<List<String>> batches = new ArrayList<>();
    private final int total;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Duration giveUpAfter;
    private final double perSecond;
    private Thread thread;
    private volatile Throwable failure;

    ArticleFeeder(String gateway, String apiKey, ArticleCorpus corpus, String source, int total, int batchSize,
            Duration giveUpAfter) {
        this(gateway, apiKey, corpus, source, total, batchSize, giveUpAfter, 0);
    }

    /** As above, sending a batch every {@code batchSize / perSecond} seconds (a lagging feed catches up at once). */
    ArticleFeeder(String gateway, String apiKey, ArticleCorpus corpus, String source, int total, int batchSize,
            Duration giveUpAfter, double perSecond) {
        this.perSecond = perSecond;
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.total = total;
        this.giveUpAfter = giveUpAfter;
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            batch.add(corpus.nextJson(source));
            if (batch.size() == batchSize || i == total - 1) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
    }

    void start() {
        thread = new Thread(this::run, "article-feeder");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            long start = System.nanoTime();
            int sent = 0;
            for (List<String> batch : batches) {
                if (perSecond > 0) {
                    long due = start + (long) (sent / perSecond * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                send(String.join("\n", batch) + "\n", batch.size());
                sent += batch.size();
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    private void send(String body, int lines) throws InterruptedException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        long pause = 200;
        while (true) {
            int status;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/articles"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-ndjson")
                        .header("X-API-Key", apiKey).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                status = response.statusCode();
                if (status == 202) {
                    JsonNode articles = JSON.readTree(response.body()).get("articles");
                    if (articles.size() != lines) {
                        throw new IllegalStateException("202 for " + articles.size() + " of " + lines + " articles");
                    }
                    articles.forEach(a -> accepted.add(a.get("id").asString()));
                }
            } catch (java.io.IOException e) {
                status = -1;
            }
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (status == 202) {
                return;
            }
            failures.incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a batch was refused for " + giveUpAfter + " (last status " + status + ")");
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 2000);
        }
    }

    /** Waits (bounded) until every batch was accepted; rethrows what stopped the feeder. */
    void await(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the feeder did not finish within " + timeout + " (" + accepted.size() + " accepted)");
        }
        if (failure != null) {
            throw new AssertionError("the feeder failed: " + failure, failure);
        }
    }

    int total() {
        return total;
    }

    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    int acceptedCount() {
        return accepted.size();
    }

    /** Answers by status (-1: no answer), batches counted. */
    ConcurrentMap<Integer, AtomicInteger> statuses() {
        return statuses;
    }

    int refusedBatches() {
        return failures.get();
    }
}
