package dev.newsflow.nlp.stream;

import dev.newsflow.events.DeadLetter;
import dev.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Moves retries and dead letters of {@code news.articles.raw} from the binder to the listener container: an
 * unprocessable record ({@link UnprocessableArticleException}) goes to {@code news.articles.raw.nlp.dlq} at once;
 * any other failure is retried {@code retries} times with exponential back-off, then dead-lettered. The dead
 * letter carries the original bytes and headers, plus {@link DeadLetter}'s headers (reason, stage {@code nlp},
 * exception, attempts, original topic/partition/offset). The consumer then moves on to the next record.
 */
final class DeadLetterRouting implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    static final String PROCESSING_FAILED = "processing-failed";

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaOperations<byte[], byte[]> template;
    private final EnrichmentMetrics metrics;
    private final int retries;
    private final long initialBackOffMillis;

    DeadLetterRouting(DefaultKafkaProducerFactory<byte[], byte[]> producers, EnrichmentMetrics metrics, int retries,
                      long initialBackOffMillis) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
        this.metrics = metrics;
        this.retries = retries;
        this.initialBackOffMillis = initialBackOffMillis;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        if (!Topics.ARTICLES_RAW.equals(destinationName)) {
            return;
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (rec, ex) -> new TopicPartition(Topics.ARTICLES_RAW_DLQ, -1));
        recoverer.setHeadersFunction(this::headers);
        ExponentialBackOff exponential = new ExponentialBackOff(initialBackOffMillis, 2.0);
        exponential.setMaxAttempts(retries);
        DefaultErrorHandler handler = new DefaultErrorHandler((rec, ex) -> {
            recoverer.accept(rec, ex);
            metrics.recordDeadLetter(reason(ex));
        }, exponential);
        handler.addNotRetryableExceptions(UnprocessableArticleException.class);
        container.setCommonErrorHandler(handler);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return !Topics.ARTICLES_RAW.equals(destinationName);
    }

    Headers headers(ConsumerRecord<?, ?> rec, Exception ex) {
        Throwable cause = rootCause(ex);
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetter.HEADER_REASON, reason(ex));
        add(headers, DeadLetter.HEADER_STAGE, EnrichmentMetrics.STAGE);
        add(headers, DeadLetter.HEADER_EXCEPTION, cause.getClass().getName() + ": " + cause.getMessage());
        add(headers, DeadLetter.HEADER_ATTEMPTS, String.valueOf(unprocessable(ex) != null ? 1 : retries + 1));
        add(headers, DeadLetter.HEADER_ORIGINAL_TOPIC, rec.topic());
        add(headers, DeadLetter.HEADER_ORIGINAL_PARTITION, String.valueOf(rec.partition()));
        add(headers, DeadLetter.HEADER_ORIGINAL_OFFSET, String.valueOf(rec.offset()));
        return headers;
    }

    static String reason(Throwable ex) {
        UnprocessableArticleException u = unprocessable(ex);
        return u != null ? u.reason() : PROCESSING_FAILED;
    }

    private static UnprocessableArticleException unprocessable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnprocessableArticleException u) {
                return u;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable ex) {
        UnprocessableArticleException u = unprocessable(ex);
        if (u != null) {
            return u;
        }
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static void add(Headers headers, String name, String value) {
        String v = value == null ? "" : value;
        if (v.length() > 1000) {
            v = v.substring(0, 1000);
        }
        headers.add(name, v.getBytes(StandardCharsets.UTF_8));
    }
}
