package dev.newsflow.metrics.store;

import static dev.newsflow.metrics.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.DeadLetter;
import dev.newsflow.events.FigureKind;
import dev.newsflow.events.Topics;
import dev.newsflow.metrics.TestMongo;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The consumer on the real embedded KRaft broker and mongo-java-server: same event twice → counted once; poison → DLQ. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = {Topics.ARTICLES_ENRICHED, Topics.ARTICLES_ENRICHED_DLQ})
class EnrichedArticleBinderIT {

    private static final TestMongo MONGO = new TestMongo();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry r) {
        r.add("spring.mongodb.uri", () -> MONGO.uri("newsflow"));
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    @Test
    void sameEventTwiceIsCountedOnceAndPoisonGoesToTheDeadLetterTopic() throws Exception {
        ArticleEnriched a = article("0123456789abcdef01234567").day("2026-11-20").person("王伟").org("锦州银行")
                .figure("贷款余额", "643000000", "CNY", FigureKind.MONEY).ingestedAt(Instant.now()).build();
        byte[] event = json.writeValueAsBytes(a);
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] key = a.id().getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, key, event)).get();
            producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, "bad".getBytes(StandardCharsets.UTF_8), poison)).get();
            producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, key, event)).get();
        }
        await(() -> meters.counter("newsflow.articles.duplicates").count() >= 1
                && meters.find("newsflow.pipeline.latency").timer().count() >= 1);
        assertThat(meters.counter("newsflow.articles.stored").count()).isEqualTo(1);
        assertThat(meters.find("newsflow.pipeline.latency").timer().count()).isEqualTo(1);
        assertThat(meters.counter("newsflow.deadletters", "stage", "metrics", "reason", "unparseable").count()).isEqualTo(1);

        HttpResponse<String> one = get("/api/v1/articles/" + a.id());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("锦州银行");
        assertThat(get("/api/v1/entities/top?type=PERSON").body()).isEqualTo("[{\"name\":\"王伟\",\"type\":\"PERSON\",\"count\":1}]");
        HttpResponse<String> missing = get("/api/v1/articles/ffffffffffffffffffffffff");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(get("/v3/api-docs").body()).contains("/api/v1/entities/top", "/api/v1/trends");

        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED_DLQ));
            ConsumerRecord<byte[], byte[]> dead = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (dead == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    dead = r;
                }
            }
            assertThat(dead).isNotNull();
            assertThat(dead.value()).isEqualTo(poison);
            assertThat(header(dead, DeadLetter.HEADER_REASON)).isEqualTo("unparseable");
            assertThat(header(dead, DeadLetter.HEADER_STAGE)).isEqualTo("metrics");
            assertThat(header(dead, DeadLetter.HEADER_ORIGINAL_TOPIC)).isEqualTo(Topics.ARTICLES_ENRICHED);
            assertThat(header(dead, DeadLetter.HEADER_ORIGINAL_OFFSET)).isEqualTo("1");
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
