package dev.newsflow.nlp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.events.DeadLetter;
import dev.newsflow.events.Topics;
import dev.newsflow.nlp.enrich.DictionaryRecognizer;
import dev.newsflow.nlp.enrich.Enricher;
import dev.newsflow.nlp.figures.FigureExtractor;
import dev.newsflow.nlp.ner.EntityRecognizer;
import dev.newsflow.nlp.ner.NerSpan;
import dev.newsflow.nlp.regions.RegionGazetteer;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The function bound to the real in-process KRaft broker: raw in, enriched out keyed by id; garbage straight to the
 * dead-letter topic, a processing failure after three attempts; the records behind them still get enriched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "newsflow.nlp.dead-letters.initial-back-off=50ms"})
@EmbeddedKafka(partitions = 1, topics = {Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED, Topics.ARTICLES_RAW_DLQ},
        brokerProperties = "group.initial.rebalance.delay.ms=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(EnrichStreamIT.FailingOnBoom.class)
class EnrichStreamIT {

    static final AtomicInteger BOOMS = new AtomicInteger();

    /** The real pipeline, except that its recognizer fails on articles that say BOOM (a processing error). */
    @TestConfiguration
    static class FailingOnBoom {
        @Bean
        @Primary
        Enricher failingOnBoom() {
            DictionaryRecognizer dictionary = DictionaryRecognizer.jinzhou();
            EntityRecognizer recognizer = new EntityRecognizer() {
                @Override
                public List<NerSpan> recognize(String text) {
                    if (text.contains("BOOM")) {
                        BOOMS.incrementAndGet();
                        throw new IllegalStateException("recognizer exploded");
                    }
                    return dictionary.recognize(text);
                }

                @Override
                public String modelVersion() {
                    return dictionary.modelVersion();
                }
            };
            return new Enricher(recognizer, new FigureExtractor(), RegionGazetteer.shared(), Clock.systemUTC());
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;

    private KafkaProducer<byte[], byte[]> producer;
    private KafkaConsumer<byte[], byte[]> consumer;

    @BeforeAll
    void clients() {
        producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new ByteArraySerializer(),
                new ByteArraySerializer());
        Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "enrich-stream-it", false));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED, Topics.ARTICLES_RAW_DLQ));
    }

    @AfterAll
    void close() {
        producer.close();
        consumer.close();
    }

    @Test
    void enrichesRawArticlesAndDeadLettersGarbageWithoutStopping() throws Exception {
        ArticleSubmitted first = article(null, "锦州市上半年发放担保贷款6.43亿元,同比增长124.83%。义县七里河村花香牛壮。");
        byte[] garbage = "{not json at all".getBytes(StandardCharsets.UTF_8);
        ArticleSubmitted after = article("0123456789abcdef01234567", "8月9日,锦州市启动青少年文化志愿服务行动。");

        ArticleSubmitted failing = article("fedcba9876543210fedcba98", "锦州市 BOOM 发展。");

        send(null, json.writeValueAsBytes(first));
        send("poison", garbage);
        send(failing.id(), json.writeValueAsBytes(failing));
        send(after.id(), json.writeValueAsBytes(after));

        List<ConsumerRecord<byte[], byte[]>> enriched = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((enriched.size() < 2 || dead.size() < 2) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                (r.topic().equals(Topics.ARTICLES_ENRICHED) ? enriched : dead).add(r);
            }
        }

        assertThat(enriched).hasSize(2);
        ArticleEnriched one = json.readValue(enriched.get(0).value(), ArticleEnriched.class);
        assertThat(new String(enriched.get(0).key(), StandardCharsets.UTF_8)).isEqualTo(first.effectiveId())
                .isEqualTo(one.id());
        assertThat(one.body()).isEqualTo(first.body());
        assertThat(one.language()).isEqualTo("zh");
        assertThat(one.provenance().modelVersion()).isNotBlank();
        assertThat(one.regions()).extracting(ArticleEnriched.Region::code).contains("210700");
        ArticleEnriched two = json.readValue(enriched.get(1).value(), ArticleEnriched.class);
        assertThat(new String(enriched.get(1).key(), StandardCharsets.UTF_8)).isEqualTo(after.id());

        assertThat(dead).hasSize(2);
        ConsumerRecord<byte[], byte[]> letter = dead.get(0);
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(header(letter, DeadLetter.HEADER_REASON)).isEqualTo("malformed-json");
        assertThat(header(letter, DeadLetter.HEADER_STAGE)).isEqualTo("nlp");
        assertThat(header(letter, DeadLetter.HEADER_ATTEMPTS)).isEqualTo("1");
        assertThat(header(letter, DeadLetter.HEADER_ORIGINAL_TOPIC)).isEqualTo(Topics.ARTICLES_RAW);
        assertThat(header(letter, DeadLetter.HEADER_ORIGINAL_OFFSET)).isEqualTo("1");
        assertThat(header(letter, DeadLetter.HEADER_EXCEPTION)).isNotBlank();
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("poison");
        assertThat(meters.counter("newsflow.deadletters", "stage", "nlp", "reason", "malformed-json").count())
                .isEqualTo(1.0);

        ConsumerRecord<byte[], byte[]> failed = dead.get(1);
        assertThat(json.readValue(failed.value(), ArticleSubmitted.class)).isEqualTo(failing);
        assertThat(header(failed, DeadLetter.HEADER_REASON)).isEqualTo("processing-failed");
        assertThat(header(failed, DeadLetter.HEADER_ATTEMPTS)).isEqualTo("3");
        assertThat(header(failed, DeadLetter.HEADER_EXCEPTION)).contains("recognizer exploded");
        assertThat(BOOMS.get()).isEqualTo(3);
        assertThat(meters.counter("newsflow.deadletters", "stage", "nlp", "reason", "processing-failed").count())
                .isEqualTo(1.0);
        assertThat(meters.counter("newsflow.articles.enriched").count()).isEqualTo(2.0);
        assertThat(meters.find("newsflow.enrichment.duration").timer().count()).isEqualTo(2);
    }

    private void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value)).get(10, TimeUnit.SECONDS);
    }

    private static ArticleSubmitted article(String id, String body) {
        return new ArticleSubmitted(ArticleSubmitted.SCHEMA_VERSION, id, "标题", body, null, null, "2022-08-10",
                null, null, Instant.parse("2022-08-10T01:00:00Z"), null);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
