package dev.newsflow.nlp.bench;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.nlp.enrich.Enricher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * NLP alone, for the benchmark harness: full enrichment of an NDJSON corpus on N threads for a fixed time, and
 * raw HanLP segmentation with name, place and organisation recognition on the same text in the same run.
 * Prints one JSON line. Run from the nlp exec jar with
 * {@code java -Dloader.main=dev.newsflow.nlp.bench.NlpBench -cp nlp-service-exec.jar org.springframework.boot.loader.launch.PropertiesLauncher CORPUS SECONDS THREADS}.
 */
public final class NlpBench {

    private NlpBench() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        int threads = Integer.parseInt(args[2]);
        JsonMapper json = JsonMapper.builder().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        List<ArticleSubmitted> articles = new ArrayList<>();
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                articles.add(json.readValue(line, ArticleSubmitted.class));
            }
        }
        Enricher enricher = Enricher.createDefault(Clock.systemUTC());
        for (int i = 0; i < Math.min(200, articles.size()); i++) {
            enricher.enrich(articles.get(i));   // warm-up: JIT and model load
        }
        Segment hanlp = HanLP.newSegment().enableNameRecognize(true).enablePlaceRecognize(true).enableOrganizationRecognize(true);
        for (int i = 0; i < Math.min(200, articles.size()); i++) {
            hanlp.seg(articles.get(i).body());
        }

        Result enrichment = run(threads, seconds, articles, a -> enricher.enrich(a));
        Result raw = run(1, Math.max(2, seconds / 2), articles, a -> hanlp.seg(a.body()));
        Result enrichmentOneThread = threads == 1 ? enrichment : run(1, Math.max(2, seconds / 2), articles, a -> enricher.enrich(a));
        System.out.printf("{\"threads\":%d,\"articles\":%d,\"chars\":%d,\"seconds\":%.2f,\"articlesPerSecond\":%.1f,"
                        + "\"charsPerSecond\":%.0f,\"oneThreadCharsPerSecond\":%.0f,\"oneThreadArticlesPerSecond\":%.1f,"
                        + "\"hanlpCharsPerSecond\":%.0f,\"modelVersion\":\"%s\"}%n",
                threads, enrichment.articles, enrichment.chars, enrichment.seconds, enrichment.articles / enrichment.seconds,
                enrichment.chars / enrichment.seconds, enrichmentOneThread.chars / enrichmentOneThread.seconds,
                enrichmentOneThread.articles / enrichmentOneThread.seconds, raw.chars / raw.seconds, enricher.modelVersion());
        System.exit(0);
    }

    private record Result(long articles, long chars, double seconds) {
    }

    private static Result run(int threads, double seconds, List<ArticleSubmitted> articles,
                              java.util.function.Consumer<ArticleSubmitted> work) throws Exception {
        AtomicLong count = new AtomicLong();
        AtomicLong chars = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < deadline) {
                    ArticleSubmitted article = articles.get(i % articles.size());
                    work.accept(article);
                    count.incrementAndGet();
                    chars.addAndGet(article.body().length());
                    i += threads;
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return new Result(count.get(), chars.get(), (System.nanoTime() - start) / 1e9);
    }
}
