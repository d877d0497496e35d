package dev.newsflow.metrics.store;

import dev.newsflow.events.DeadLetter;
import dev.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Publishes a poison record to {@link Topics#ARTICLES_ENRICHED_DLQ}: the original bytes, the reason in headers. */
@Component
class DeadLetterPublisher implements DisposableBean {

    static final String STAGE = "metrics";

    private final String brokers;
    private volatile Producer<byte[], byte[]> producer;

    DeadLetterPublisher(@Value("${spring.cloud.stream.kafka.binder.brokers:${spring.kafka.bootstrap-servers:localhost:9092}}") String brokers) {
        this.brokers = brokers;
    }

    void publish(Source source, byte[] key, byte[] value, String reason, Exception cause) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.ARTICLES_ENRICHED_DLQ, key, value);
        header(record, DeadLetter.HEADER_REASON, reason);
        header(record, DeadLetter.HEADER_STAGE, STAGE);
        header(record, DeadLetter.HEADER_EXCEPTION, cause.getClass().getName() + ": " + truncate(String.valueOf(cause.getMessage())));
        header(record, DeadLetter.HEADER_ATTEMPTS, "1");
        header(record, DeadLetter.HEADER_ORIGINAL_TOPIC, source.topic());
        header(record, DeadLetter.HEADER_ORIGINAL_PARTITION, String.valueOf(source.partition()));
        header(record, DeadLetter.HEADER_ORIGINAL_OFFSET, String.valueOf(source.offset()));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not dead-letter " + source, e);
        }
    }

    private Producer<byte[], byte[]> producer() {
        Producer<byte[], byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.CLIENT_ID_CONFIG, "metrics-service-dlq"),
                            new ByteArraySerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private static void header(ProducerRecord<byte[], byte[]> r, String name, String value) {
        if (value != null) {
            r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String truncate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    @Override
    public void destroy() {
        if (producer != null) {
            producer.close();
        }
    }

    record Source(String topic, int partition, long offset) {
    }
}
