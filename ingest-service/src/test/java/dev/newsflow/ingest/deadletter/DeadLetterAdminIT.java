package dev.newsflow.ingest.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.DeadLetter;
import dev.newsflow.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dead-letter admin API against the real in-process KRaft broker: list, inspect, replay one, replay all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 2, topics = {Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED, Topics.PAGES_RAW,
        Topics.PAGES_RAW_DLQ, Topics.ARTICLES_RAW_DLQ, Topics.ARTICLES_ENRICHED_DLQ})
class DeadLetterAdminIT {

    static final String BASE = "/api/v1/admin/deadletters/";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JsonMapper json;

    @Autowired
    DeadLetterLog log;

    @Autowired
    KafkaAdmin admin;

    final HttpClient http = HttpClient.newHttpClient();
    final String run = Long.toString(System.nanoTime(), 36);
    KafkaTemplate<byte[], byte[]> kafka;

    @BeforeEach
    void producer() {
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker),
                new ByteArraySerializer(), new ByteArraySerializer()));
    }

    @AfterEach
    void close() {
        kafka.destroy();
    }

    @Test
    void poisonPageIsListedWithItsReasonAndReplaysToItsTopicWithTheOriginalKeyAndBytes() throws Exception {
        byte[] garbage = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0x41, 0x00};
        String key = "poison-" + run;
        kafka.send(new ProducerRecord<>(Topics.PAGES_RAW, bytes(key), garbage)).get();

        JsonNode listed = awaitListed(Topics.PAGES_RAW_DLQ, item -> key.equals(item.path("key").asString(null)));
        assertThat(listed.get("reason").stringValue()).contains("invalid-page").contains("UTF-8");
        assertThat(listed.get("stage").stringValue()).isEqualTo("ingest-page-split");
        assertThat(listed.get("attempts").intValue()).isEqualTo(1);
        assertThat(listed.get("originalTopic").stringValue()).isEqualTo(Topics.PAGES_RAW);
        assertThat(listed.get("payloadSize").intValue()).isEqualTo(garbage.length);
        assertThat(listed.get("payloadUtf8").booleanValue()).isFalse();
        assertThat(listed.get("replayed").booleanValue()).isFalse();
        String at = listed.get("partition").intValue() + "/" + listed.get("offset").longValue();

        JsonNode one = json.readTree(get(BASE + Topics.PAGES_RAW_DLQ + "/" + at).body());
        assertThat(java.util.Base64.getDecoder().decode(one.get("payloadBase64").stringValue())).isEqualTo(garbage);

        HttpResponse<String> replay = post(BASE + Topics.PAGES_RAW_DLQ + "/" + at + "/replay");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        JsonNode sent = json.readTree(replay.body());
        assertThat(sent.get("topic").stringValue()).isEqualTo(Topics.PAGES_RAW);
        ConsumerRecord<byte[], byte[]> copy = readAt(Topics.PAGES_RAW, sent.get("partition").intValue(),
                sent.get("offset").longValue());
        assertThat(copy.value()).isEqualTo(garbage);
        assertThat(new String(copy.key(), StandardCharsets.UTF_8)).isEqualTo(key);
        assertThat(header(copy, DeadLetterReplayer.HEADER_REPLAYED_FROM))
                .isEqualTo(Topics.PAGES_RAW_DLQ + "/" + at);
        assertThat(copy.headers().lastHeader(DeadLetter.HEADER_REASON)).isNull();

        HttpResponse<String> again = post(BASE + Topics.PAGES_RAW_DLQ + "/" + at + "/replay");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json.readTree(get(BASE + Topics.PAGES_RAW_DLQ + "/" + at).body()).get("replayed").booleanValue())
                .isTrue();
        assertThat(post(BASE + Topics.PAGES_RAW_DLQ + "/" + at + "/replay?force=true").statusCode()).isEqualTo(200);
    }

    @Test
    void replayingAllTwiceSendsEachDeadLetterOnceAndHonoursTheReasonFilter() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String key = "article-" + run + "-" + i;
            keys.add(key);
            String reason = (i < 2 ? "empty-text " : "processing-failed ") + run;
            kafka.send(deadLetter(Topics.ARTICLES_RAW_DLQ, key, ("{\"id\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8),
                    reason, Topics.ARTICLES_RAW)).get();
        }

        JsonNode filtered = json.readTree(post(BASE + Topics.ARTICLES_RAW_DLQ + "/replay?reason=empty-text%20" + run).body());
        assertThat(filtered.get("replayed").longValue()).isEqualTo(2);
        JsonNode first = json.readTree(post(BASE + Topics.ARTICLES_RAW_DLQ + "/replay?reason=" + run).body());
        assertThat(first.get("replayed").longValue()).isEqualTo(2);
        assertThat(first.get("alreadyReplayed").longValue()).isGreaterThanOrEqualTo(2);
        JsonNode second = json.readTree(post(BASE + Topics.ARTICLES_RAW_DLQ + "/replay?reason=" + run).body());
        assertThat(second.get("replayed").longValue()).isZero();
        assertThat(second.get("alreadyReplayed").longValue()).isGreaterThanOrEqualTo(4);

        Map<String, Integer> copies = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(Topics.ARTICLES_RAW)) {
            String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
            if (keys.contains(key)) {
                copies.merge(key, 1, Integer::sum);
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"" + key + "\"}");
            }
        }
        assertThat(copies).containsOnlyKeys(keys).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));

        // the record of what was replayed lives on the marker topic: a fresh ledger (a restarted instance) knows it
        assertThat(new ReplayLedger(log, admin).replayed(Topics.ARTICLES_RAW_DLQ)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void listsNewestFirstPageByPageAndByOffsetRange() throws Exception {
        for (int i = 0; i < 5; i++) {
            ProducerRecord<byte[], byte[]> r = deadLetter(Topics.ARTICLES_ENRICHED_DLQ, "enriched-" + i,
                    ("payload " + i).getBytes(StandardCharsets.UTF_8), "bad-json", Topics.ARTICLES_ENRICHED);
            kafka.send(new ProducerRecord<>(r.topic(), 1, r.key(), r.value(), r.headers())).get();
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String uri = BASE + Topics.ARTICLES_ENRICHED_DLQ + "?partition=1&limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = json.readTree(get(uri).body());
            page.get("items").forEach(item -> seen.add(item.get("key").stringValue()));
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode()
                    ? null : page.get("nextCursor").stringValue();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactly("enriched-4", "enriched-3", "enriched-2", "enriched-1", "enriched-0");
        assertThat(pages).isEqualTo(3);

        JsonNode range = json.readTree(get(BASE + Topics.ARTICLES_ENRICHED_DLQ + "?partition=1&from=1&to=3").body());
        assertThat(range.get("items").findValuesAsString("key")).containsExactly("enriched-1", "enriched-2");
        assertThat(range.get("items").get(0).get("payloadPreview").stringValue()).isEqualTo("payload 1");

        JsonNode topics = json.readTree(get("/api/v1/admin/deadletters").body());
        assertThat(topics.get("topics").findValuesAsString("topic")).contains(Topics.ARTICLES_ENRICHED_DLQ,
                Topics.ARTICLES_RAW_DLQ, Topics.PAGES_RAW_DLQ);
    }

    @Test
    void unknownTopicPartitionOrOffsetIsANotFoundProblemNamingTheParameter() throws Exception {
        assertProblem(get(BASE + "news.nope.dlq"), 404, "topic");
        assertProblem(post(BASE + "news.nope.dlq/replay"), 404, "topic");
        assertProblem(get(BASE + Topics.ARTICLES_RAW_DLQ + "/7/0"), 404, "partition");
        assertProblem(post(BASE + Topics.ARTICLES_RAW_DLQ + "/0/999999/replay"), 404, "offset");
        HttpResponse<String> badLimit = get(BASE + Topics.ARTICLES_RAW_DLQ + "?limit=0");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit");
    }

    private void assertProblem(HttpResponse<String> response, int status, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("parameter").stringValue()).isEqualTo(parameter);
        assertThat(problem.get("detail").stringValue()).isNotBlank();
    }

    private JsonNode awaitListed(String topic, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode item : json.readTree(get(BASE + topic + "?limit=100").body()).get("items")) {
                if (wanted.test(item)) {
                    return item;
                }
            }
            Thread.onSpinWait();
            Thread.sleep(200);
        }
        throw new AssertionError("no matching dead letter listed on " + topic + " within 30 s");
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(String topic, String key, byte[] value, String reason,
            String original) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, bytes(key), value);
        r.headers().add(DeadLetter.HEADER_REASON, bytes(reason));
        r.headers().add(DeadLetter.HEADER_STAGE, bytes("test"));
        r.headers().add(DeadLetter.HEADER_EXCEPTION, bytes("java.lang.IllegalArgumentException"));
        r.headers().add(DeadLetter.HEADER_ATTEMPTS, bytes("1"));
        r.headers().add(DeadLetter.HEADER_ORIGINAL_TOPIC, bytes(original));
        r.headers().add(DeadLetter.HEADER_ORIGINAL_PARTITION, bytes("0"));
        r.headers().add(DeadLetter.HEADER_ORIGINAL_OFFSET, bytes("42"));
        r.headers().add("kafka_dlt-exception-fqcn", bytes("x"));
        return r;
    }

    private ConsumerRecord<byte[], byte[]> readAt(String topic, int partition, long offset) {
        try (Consumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no record at " + topic + "-" + partition + "@" + offset);
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> tps = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline && tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    private Consumer<byte[], byte[]> consumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlq-it-" + System.nanoTime(), false);
        return new DefaultKafkaConsumerFactory<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

}
