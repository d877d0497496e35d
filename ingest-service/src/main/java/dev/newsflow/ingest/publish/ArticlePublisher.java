package dev.newsflow.ingest.publish;

import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes {@link ArticleSubmitted} events to {@link Topics#ARTICLES_RAW} (key = id) and returns only once the
 * broker acknowledged every one of them (idempotent producer, acks=all), or throws {@link PublishFailedException}.
 * Counts {@code newsflow.articles.ingested{source,outcome}}: {@code duplicate} for an id this instance published
 * recently (it is still published: downstream is idempotent by id), {@code accepted} otherwise.
 */
@Component
public class ArticlePublisher {

    public static final String INGESTED = "newsflow.articles.ingested";

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final PublishProperties properties;
    private final Map<String, Boolean> recent;

    public ArticlePublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, MeterRegistry meters,
            PublishProperties properties) {
        this.kafka = kafka;
        this.json = json;
        this.meters = meters;
        this.properties = properties;
        int capacity = properties.recentIds();
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        });
    }

    /** Publishes all articles (ids must be set) and waits for the broker's acknowledgement of each. */
    public void publish(List<ArticleSubmitted> articles) {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(articles.size());
        try {
            for (ArticleSubmitted article : articles) {
                sends.add(kafka.send(Topics.ARTICLES_RAW, article.id(), json.writeValueAsBytes(article)));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(articles, e);
        } catch (ExecutionException e) {
            throw failed(articles, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw failed(articles, e);
        }
        for (ArticleSubmitted article : articles) {
            boolean seen = recent.put(article.id(), Boolean.TRUE) != null;
            count(article.source(), seen ? "duplicate" : "accepted");
            log.info("article {} published to {}{}", article.id(), Topics.ARTICLES_RAW, seen ? " (resubmitted)" : "");
        }
    }

    /** Counts a rejected submission (validation failure). */
    public void countRejected(String source) {
        count(source, "rejected");
    }

    private PublishFailedException failed(List<ArticleSubmitted> articles, Throwable cause) {
        return new PublishFailedException("Kafka did not acknowledge " + articles.size() + " article(s) on "
                + Topics.ARTICLES_RAW + ": " + (cause == null ? "unknown error" : cause.getMessage()), cause);
    }

    private void count(String source, String outcome) {
        Counter.builder(INGESTED)
                .description("Articles submitted to the ingest service, by source and outcome")
                .tag("source", sourceTag(source))
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    static String sourceTag(String source) {
        if (source == null || source.isBlank()) {
            return "unknown";
        }
        String s = source.strip();
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
