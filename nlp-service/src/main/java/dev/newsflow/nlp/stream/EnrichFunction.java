package dev.newsflow.nlp.stream;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.events.Topics;
import dev.newsflow.nlp.enrich.Enricher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code news.articles.raw -> news.articles.enriched}: reads the raw bytes itself (so that a malformed record is
 * told apart from a failure of the pipeline and goes straight to the dead-letter topic), enriches, and writes the
 * enriched article as JSON with the article id as record key (an input without id gets
 * {@link ArticleSubmitted#effectiveId()}).
 */
final class EnrichFunction implements Function<Message<byte[]>, Message<byte[]>> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EnrichFunction.class);

    private final ArticleReader reader;
    private final Enricher enricher;
    private final JsonMapper json;
    private final EnrichmentMetrics metrics;

    EnrichFunction(Enricher enricher, JsonMapper json, EnrichmentMetrics metrics) {
        this.reader = new ArticleReader(json);
        this.enricher = enricher;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public Message<byte[]> apply(Message<byte[]> in) {
        ArticleSubmitted article = reader.read(in.getPayload());
        long start = System.nanoTime();
        ArticleEnriched enriched = enricher.enrich(article);
        byte[] value = json.writeValueAsBytes(enriched);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        metrics.recordEnriched(enriched, took);
        log.info("article {} enriched: {} entities, {} figures in {} ms", enriched.id(), enriched.entities().size(),
                enriched.figures().size(), took.toMillis());
        MessageBuilder<byte[]> out = MessageBuilder.withPayload(value);
        Object requestId = in.getHeaders().get(Topics.HEADER_REQUEST_ID);
        if (requestId != null) {
            out.setHeader(Topics.HEADER_REQUEST_ID, requestId);
        }
        return out
                .setHeader(KafkaHeaders.KEY, enriched.id().getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
    }
}
