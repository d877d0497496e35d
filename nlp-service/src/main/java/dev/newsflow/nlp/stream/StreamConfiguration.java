package dev.newsflow.nlp.stream;

import dev.newsflow.events.Topics;
import dev.newsflow.nlp.enrich.Enricher;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring Cloud Stream function {@code enrich} (bound in application.yml: news.articles.raw, group nlp-service
 * -> news.articles.enriched) and its dead-letter routing to news.articles.raw.nlp.dlq.
 */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    EnrichmentMetrics enrichmentMetrics(MeterRegistry registry) {
        return new EnrichmentMetrics(registry);
    }

    @Bean
    Function<Message<byte[]>, Message<byte[]>> enrich(Enricher enricher, JsonMapper json, EnrichmentMetrics metrics) {
        return new EnrichFunction(enricher, json, metrics);
    }

    @Bean
    DeadLetterRouting deadLetterRouting(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${newsflow.nlp.dead-letters.retries:2}") int retries,
            @Value("${newsflow.nlp.dead-letters.initial-back-off:500ms}") java.time.Duration backOff,
            EnrichmentMetrics metrics) {
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer());
        return new DeadLetterRouting(factory, metrics, retries, backOff.toMillis());
    }

    @Bean
    NewTopic deadLetterTopic(@Value("${newsflow.nlp.dead-letters.partitions:1}") int partitions) {
        return new NewTopic(Topics.ARTICLES_RAW_DLQ, partitions, (short) -1);
    }
}
