package dev.newsflow.nlp.enrich;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import dev.newsflow.events.ArticleSubmitted;
import java.time.Clock;
import java.util.List;

/**
 * Throughput harness, one thread: full enrichment versus raw HanLP (default segmenter with name, place and
 * organisation recognition) on the same articles in the same run. Articles are the sample page cut at blank lines
 * into pieces of ~1,000 characters; each side is warmed up, then measured over {@code rounds} passes, alternating.
 *
 * <pre>
 * ./mvnw -q -o -pl nlp-service test-compile
 * java -cp nlp-service/target/test-classes:nlp-service/target/classes:$(cat cp.txt) \
 *     dev.newsflow.nlp.enrich.EnrichmentThroughput [rounds]
 * </pre>
 */
public final class EnrichmentThroughput {

    private EnrichmentThroughput() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String page = SamplePages.jinzhou().orElseThrow(() -> new IllegalStateException("sample page not found"));
        List<String> articles = SamplePages.pieces(page, 1000);
        long chars = articles.stream().mapToLong(String::length).sum();
        Enricher enricher = Enricher.createDefault(Clock.systemUTC());
        Segment hanlp = HanLP.newSegment().enableNameRecognize(true).enablePlaceRecognize(true)
                .enableOrganizationRecognize(true).enableOffset(true);
        System.out.printf("model %s, %d articles, %d chars per pass%n", enricher.modelVersion(), articles.size(), chars);
        for (int i = 0; i < 5; i++) {
            runEnricher(enricher, articles);
            runHanlp(hanlp, articles);
        }
        long enrichNanos = 0;
        long hanlpNanos = 0;
        for (int r = 0; r < rounds; r++) {
            enrichNanos += runEnricher(enricher, articles);
            hanlpNanos += runHanlp(hanlp, articles);
        }
        double enrichRate = chars * rounds / (enrichNanos / 1e9);
        double hanlpRate = chars * rounds / (hanlpNanos / 1e9);
        System.out.printf("full enrichment      : %,10.0f chars/s%n", enrichRate);
        System.out.printf("raw HanLP seg + NER  : %,10.0f chars/s%n", hanlpRate);
        System.out.printf("ratio                : %.1f%%%n", 100 * enrichRate / hanlpRate);
    }

    private static long runEnricher(Enricher enricher, List<String> articles) {
        long start = System.nanoTime();
        for (String a : articles) {
            enricher.enrich(new ArticleSubmitted(1, null, null, a, null, null, "2022-08-10", null, null, null, null));
        }
        return System.nanoTime() - start;
    }

    private static long runHanlp(Segment hanlp, List<String> articles) {
        long start = System.nanoTime();
        for (String a : articles) {
            hanlp.seg(a);
        }
        return System.nanoTime() - start;
    }
}
