package dev.newsflow.metrics.store;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring Cloud Stream consumer of {@link Topics#ARTICLES_ENRICHED} (bean {@code storeEnrichedArticle}), in batch
 * mode: every poll arrives as one list (headers are lists in the same order). Unparseable or invalid records are
 * dead-lettered one by one; the valid ones are stored as one batch (readable by id when this returns; the
 * {@link AggregateApplier} adds them to the aggregates right after). A storage error is thrown so the container
 * retries the whole batch with back-off (never dead-lettered: MongoDB outages are transient; storing is idempotent).
 */
@Component("storeEnrichedArticle")
class EnrichedArticleConsumer implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(EnrichedArticleConsumer.class);

    private final JsonMapper json;
    private final AggregateApplier applier;
    private final StoreMetrics metrics;
    private final DeadLetterPublisher deadLetters;

    EnrichedArticleConsumer(JsonMapper json, AggregateApplier applier, StoreMetrics metrics, DeadLetterPublisher deadLetters) {
        this.json = json;
        this.applier = applier;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    @Override
    public void accept(Message<List<byte[]>> message) {
        List<byte[]> payloads = message.getPayload();
        MessageHeaders h = message.getHeaders();
        List<?> keys = list(h.get(KafkaHeaders.RECEIVED_KEY));
        List<?> topics = list(h.get(KafkaHeaders.RECEIVED_TOPIC));
        List<?> partitions = list(h.get(KafkaHeaders.RECEIVED_PARTITION));
        List<?> offsets = list(h.get(KafkaHeaders.OFFSET));
        List<?> recordHeaders = list(h.get(KafkaHeaders.BATCH_CONVERTED_HEADERS));
        List<ArticleEnriched> articles = new ArrayList<>(payloads.size());
        List<Map<?, ?>> traces = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i);
            byte[] key = keyBytes(at(keys, i));
            var source = new DeadLetterPublisher.Source(
                    at(topics, i) == null ? Topics.ARTICLES_ENRICHED : String.valueOf(at(topics, i)),
                    at(partitions, i) instanceof Integer p ? p : -1,
                    at(offsets, i) instanceof Long o ? o : -1L);
            ArticleEnriched article = parse(payload, key, source);
            if (article != null) {
                articles.add(article);
                traces.add(at(recordHeaders, i) instanceof Map<?, ?> m ? m : null);
            }
        }
        if (articles.isEmpty()) {
            return;
        }
        ArticleStore.Preparation prepared;
        try {
            prepared = applier.store(articles);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a batch", e);
        } catch (RuntimeException e) {
            metrics.storeError();
            log.warn("storing a batch of {} article(s) failed, will retry the batch: {}", articles.size(), e.toString());
            throw e;
        }
        List<StoreOutcome> outcomes = prepared.outcomes();
        // stored ones first: whoever sees a batch's duplicates counted sees its stored articles fully recorded
        int stored = 0;
        for (int i = 0; i < articles.size(); i++) {
            if (outcomes.get(i) == StoreOutcome.STORED) {
                metrics.recorded(articles.get(i), outcomes.get(i));
                stored++;
            }
        }
        for (int i = 0; i < articles.size(); i++) {
            if (outcomes.get(i) != StoreOutcome.STORED) {
                metrics.recorded(articles.get(i), outcomes.get(i));
            }
        }
        for (int i = 0; i < articles.size(); i++) {
            // each line under its own article's trace, so one trace id follows an article through every service's logs
            try (RecordTrace ignored = RecordTrace.of(traces.get(i))) {
                log.info("article {} stored: {}", articles.get(i).id(), outcomes.get(i));
            }
        }
        log.info("batch of {} article(s): {} stored, {} duplicate or stale; {} article(s) wait for the aggregates ({})", articles.size(),
                stored, articles.size() - stored, applier.pending(), prepared.steps());
    }

    /** The valid article, or null after dead-lettering the record. */
    private ArticleEnriched parse(byte[] payload, byte[] key, DeadLetterPublisher.Source source) {
        ArticleEnriched article;
        try {
            article = payload == null ? null : json.readValue(payload, ArticleEnriched.class);
        } catch (JacksonException e) {
            deadLetter(source, key, payload, "unparseable", e);
            return null;
        }
        if (article == null) {
            deadLetter(source, key, payload, "unparseable", new IllegalArgumentException("empty record"));
            return null;
        }
        if (article.id() == null || article.id().isBlank()) {
            String k = key == null ? null : new String(key, StandardCharsets.UTF_8);
            if (k == null || k.isBlank()) {
                deadLetter(source, key, payload, "invalid", new IllegalArgumentException("article has no id and the record no key"));
                return null;
            }
            article = withId(article, k);
        }
        if (article.id().length() > 200) {
            deadLetter(source, key, payload, "invalid", new IllegalArgumentException("id longer than 200 characters"));
            return null;
        }
        return article;
    }

    private void deadLetter(DeadLetterPublisher.Source source, byte[] key, byte[] payload, String reason, Exception e) {
        log.warn("dead-lettering record {} ({}): {}", source, reason, e.getMessage());
        deadLetters.publish(source, key, payload == null ? new byte[0] : payload, reason, e);
        metrics.deadLetter(reason);
    }

    private static List<?> list(Object header) {
        return header instanceof List<?> l ? l : null;
    }

    private static Object at(List<?> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
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
