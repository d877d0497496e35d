package dev.newsflow.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.events.ArticleSubmitted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

class ArticlePublisherTest {

    @Test
    void failsFastWhenNoBrokerIsReachable() {
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 800,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 800,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ArticlePublisher publisher = new ArticlePublisher(new KafkaTemplate<>(factory), JsonMapper.builder().build(),
                meters, new PublishProperties(Duration.ofSeconds(30), 10));
        ArticleSubmitted article = new ArticleSubmitted(1, "0123456789abcdef01234567", null, "正文", "s", null, null,
                null, null, Instant.now(), null);
        long start = System.nanoTime();
        Duration took;
        try {
            assertThatThrownBy(() -> publisher.publish(List.of(article))).isInstanceOf(PublishFailedException.class);
            took = Duration.ofNanos(System.nanoTime() - start);
        } finally {
            factory.destroy();
        }
        // bounded by max.block.ms / delivery.timeout.ms, far below the 30 s acknowledgement wait
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(meters.find(ArticlePublisher.INGESTED).tag("outcome", "accepted").counter()).isNull();
    }

    @Test
    void sourceTagIsBoundedAndNeverEmpty() {
        assertThat(ArticlePublisher.sourceTag(null)).isEqualTo("unknown");
        assertThat(ArticlePublisher.sourceTag(" 锦州日报 ")).isEqualTo("锦州日报");
        assertThat(ArticlePublisher.sourceTag("x".repeat(100))).hasSize(64);
    }
}
