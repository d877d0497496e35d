package dev.newsflow.ingest.page;

import dev.newsflow.events.DeadLetter;
import dev.newsflow.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Error handling of the page consumer: a record that is not a page goes straight to
 * {@link Topics#PAGES_RAW_DLQ} (original bytes, {@link DeadLetter} headers); a failure to publish (broker trouble)
 * is retried with back-off for a few minutes before the record is dead-lettered too.
 */
@Configuration(proxyBeanMethods = false)
class PageDeadLetters {

    static final String STAGE = "ingest-page-split";
    private static final Logger log = LoggerFactory.getLogger(PageDeadLetters.class);

    @Bean
    NewTopic pagesTopic() {
        return TopicBuilder.name(Topics.PAGES_RAW).build();
    }

    @Bean
    NewTopic pagesDeadLetterTopic() {
        return TopicBuilder.name(Topics.PAGES_RAW_DLQ).build();
    }

    @Bean
    DefaultErrorHandler pageErrorHandler(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        ExponentialBackOff backOff = backOff();
        int attempts = attempts(backOff());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            Throwable cause = failure instanceof ListenerExecutionFailedException && failure.getCause() != null
                    ? failure.getCause() : failure;
            String reason = cause instanceof InvalidPageException ? "invalid-page" : "publish-failed";
            send(kafka, record, reason, cause, cause instanceof InvalidPageException ? 1 : attempts);
            meters.counter("newsflow.deadletters", "stage", STAGE, "reason", reason).increment();
        }, backOff);
        handler.addNotRetryableExceptions(InvalidPageException.class);
        return handler;
    }

    static ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(180_000);
        return backOff;
    }

    /** Deliveries of a record before it is dead-lettered: the first one plus one per back-off step. */
    static int attempts(ExponentialBackOff backOff) {
        org.springframework.util.backoff.BackOffExecution execution = backOff.start();
        int attempts = 1;
        while (execution.nextBackOff() != org.springframework.util.backoff.BackOffExecution.STOP && attempts < 1000) {
            attempts++;
        }
        return attempts;
    }

    private static void send(KafkaTemplate<String, byte[]> kafka, ConsumerRecord<?, ?> record, String reason,
            Throwable cause, int attempts) {
        Object value = record.value();
        byte[] bytes = value instanceof byte[] b ? b : value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.PAGES_RAW_DLQ, null,
                record.key() == null ? null : record.key().toString(), bytes);
        Headers headers = dead.headers();
        record.headers().forEach(h -> headers.add(h.key(), h.value()));
        put(headers, DeadLetter.HEADER_REASON, reason + ": " + cause.getMessage());
        put(headers, DeadLetter.HEADER_STAGE, STAGE);
        put(headers, DeadLetter.HEADER_EXCEPTION, cause.getClass().getName());
        put(headers, DeadLetter.HEADER_ATTEMPTS, Integer.toString(attempts));
        put(headers, DeadLetter.HEADER_ORIGINAL_TOPIC, record.topic());
        put(headers, DeadLetter.HEADER_ORIGINAL_PARTITION, Integer.toString(record.partition()));
        put(headers, DeadLetter.HEADER_ORIGINAL_OFFSET, Long.toString(record.offset()));
        try {
            kafka.send(dead).get(30, java.util.concurrent.TimeUnit.SECONDS);
            log.warn("Page record {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(),
                    cause.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("could not dead-letter page record " + record.offset(), e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
