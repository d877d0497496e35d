package dev.newsflow.metrics.store;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring Cloud Stream consumer of {@link Topics#ARTICLES_ENRICHED} (bean {@code storeEnrichedArticle}).
 * Unparseable or invalid records go to the dead-letter topic; storage errors are thrown so the container
 * retries the record with back-off (never dead-lettered: MongoDB outages are transient).
 */
@Component("storeEnrichedArticle")
class EnrichedArticleConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EnrichedArticleConsumer.class);

    private final JsonMapper json;
    private final ArticleStore store;
    private final StoreMetrics metrics;
    private final DeadLetterPublisher deadLetters;

    EnrichedArticleConsumer(JsonMapper json, ArticleStore store, StoreMetrics metrics, DeadLetterPublisher deadLetters) {
        this.json = json;
        this.store = store;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    @Override
    public void accept(Message<byte[]> message) {
        byte[] payload = message.getPayload();
        byte[] key = keyBytes(message.getHeaders().get(KafkaHeaders.RECEIVED_KEY));
        ArticleEnriched article;
        try {
            article = json.readValue(payload, ArticleEnriched.class);
        } catch (JacksonException e) {
            deadLetter(message, key, "unparseable", e);
            return;
        }
        if (article == null) {
            deadLetter(message, key, "unparseable", new IllegalArgumentException("empty record"));
            return;
        }
        if (article.id() == null || article.id().isBlank()) {
            String k = key == null ? null : new String(key, StandardCharsets.UTF_8);
            if (k == null || k.isBlank()) {
                deadLetter(message, key, "invalid", new IllegalArgumentException("article has no id and the record no key"));
                return;
            }
            article = withId(article, k);
        }
        if (article.id().length() > 200) {
            deadLetter(message, key, "invalid", new IllegalArgumentException("id longer than 200 characters"));
            return;
        }
        try {
            StoreOutcome outcome = store.store(article);
            metrics.recorded(article, outcome);
            log.info("article {} stored: {}", article.id(), outcome);
        } catch (RuntimeException e) {
            metrics.storeError();
            log.warn("storing article {} failed, will retry: {}", article.id(), e.toString());
            throw e;
        }
    }

    private void deadLetter(Message<byte[]> message, byte[] key, String reason, Exception e) {
        var h = message.getHeaders();
        var source = new DeadLetterPublisher.Source(
                String.valueOf(h.getOrDefault(KafkaHeaders.RECEIVED_TOPIC, Topics.ARTICLES_ENRICHED)),
                h.get(KafkaHeaders.RECEIVED_PARTITION) instanceof Integer p ? p : -1,
                h.get(KafkaHeaders.OFFSET) instanceof Long o ? o : -1L);
        log.warn("dead-lettering record {} ({}): {}", source, reason, e.getMessage());
        deadLetters.publish(source, key, message.getPayload(), reason, e);
        metrics.deadLetter(reason);
    }

    private static byte[] keyBytes(Object key) {
        if (key instanceof byte[] b) {
            return b;
        }
        return key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ArticleEnriched withId(ArticleEnriched a, String id) {
        return new ArticleEnriched(a.schemaVersion(), id, a.language(), a.title(), a.body(), a.source(), a.url(),
                a.section(), a.publishedAt(), a.ingestedAt(), a.layout(), a.entities(), a.figures(), a.dates(),
                a.keywords(), a.summary(), a.regions(), a.stats(), a.provenance());
    }
}
