package dev.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.DeadLetter;
import dev.newsflow.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform as a user meets it: the embedded KRaft broker and MongoDB-wire server, the four services
 * from their built jars, every request through the gateway. One stack for all the tests here (it takes a minute
 * to start on two cores); the test that stops a service runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final PipelineScenario scenario = new PipelineScenario();
    private Path dataDir;
    private LocalStack stack;

    @BeforeAll
    void startPlatform() throws Exception {
        dataDir = Files.createTempDirectory("newsflow-it");
        stack = new LocalStack(PipelineScenario.config(dataDir, null, null));
        stack.start(System.out);
    }

    @AfterAll
    void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void postedArticleIsEnrichedStoredAndCountedOnceThroughTheGateway() throws Exception {
        scenario.run(stack);
    }

    @Test
    @Order(2)
    void badHttpInputGetsAClearAnswerAndNothingAcceptedIsLost() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> acceptedIds = new ArrayList<>();
        String emojiId = null;
        for (BadInputCorpus.Case c : BadInputCorpus.http()) {
            HttpResponse<String> response = send(c);
            int status = response.statusCode();
            if (java.util.Arrays.stream(c.expected()).noneMatch(s -> s == status)) {
                failures.add(c.name() + ": " + status + " " + abbreviate(response.body()));
                continue;
            }
            if (status >= 400 && status != 405 && !isProblem(response)) {
                failures.add(c.name() + ": " + status + " without a problem+json reason: " + abbreviate(response.body()));
            }
            if (status == 202) {
                for (JsonNode article : json.readTree(response.body()).get("articles")) {
                    acceptedIds.add(article.get("id").asString());
                }
                if (c.name().startsWith("emoji")) {
                    emojiId = json.readTree(response.body()).get("articles").get(0).get("id").asString();
                }
            }
        }
        assertThat(failures).as("cases answered wrongly").isEmpty();
        assertThat(acceptedIds).isNotEmpty();
        for (String id : acceptedIds) {
            awaitStored(id);
        }
        JsonNode emoji = json.readTree(get("/api/v1/articles/" + emojiId).body());
        String body = emoji.get("body").asString();
        for (JsonNode entity : emoji.get("entities")) {
            for (JsonNode mention : entity.get("mentions")) {
                assertThat(body.substring(mention.get("start").asInt(), mention.get("end").asInt()))
                        .as("offsets index the submitted text, surrogate pairs included").isEqualTo(entity.get("text").asString());
            }
        }
    }

    @Test
    @Order(3)
    void poisonRecordsOnTheRawTopicGoToTheDeadLetterTopicAndTheConsumerKeepsGoing() throws Exception {
        List<byte[]> poison = BadInputCorpus.rawTopic();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        String good = "{\"schemaVersion\":1,\"title\":\"直接写入\",\"source\":\"feed-it\",\"body\":\"本报讯 记者林晓东报道 义县今年新建温室大棚120栋。\"}";
        String goodId = dev.newsflow.events.ArticleIds.of("直接写入", "本报讯 记者林晓东报道 义县今年新建温室大棚120栋。", "feed-it", null);
        Set<String> poisonKeys = new HashSet<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (byte[] value : poison) {
                String key = "poison-" + UUID.randomUUID();
                poisonKeys.add(key);
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, 0, key, value)).get();
            }
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, 0, goodId, good.getBytes(StandardCharsets.UTF_8))).get();
        }
        awaitStored(goodId);

        Map<String, String> reasons = new java.util.HashMap<>();
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-reader");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of(Topics.ARTICLES_RAW_DLQ));
            Instant deadline = Instant.now().plusSeconds(60);
            while (reasons.size() < poison.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    if (poisonKeys.contains(key)) {
                        var reason = record.headers().lastHeader(DeadLetter.HEADER_REASON);
                        reasons.put(key, reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertThat(reasons).as("every poison record dead-lettered").hasSize(poison.size());
        assertThat(reasons.values()).as("each with a reason").allSatisfy(r -> assertThat(r).isNotBlank());
    }

    @Test
    @Order(4)
    void oneTraceIdFollowsAnArticleThroughTheLogsOfAllFourServices() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("X-API-Key", PipelineScenario.INGEST_KEY)
                .header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"trace-it\",\"body\":\"本报讯 记者高明报道 凌海市今年新建蔬菜大棚" + traceId.substring(0, 6) + "栋。\"}", StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> accepted = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        awaitStored(json.readTree(accepted.body()).get("articles").get(0).get("id").asString());
        Thread.sleep(500); // let the loggers flush
        for (String service : List.of("gateway", "ingest-service", "nlp-service", "metrics-service")) {
            String log = Files.readString(dataDir.resolve("logs").resolve(service + ".log"));
            assertThat(log).as(service + " logs the trace id").contains(traceId);
        }
    }

    @Test
    @Order(5)
    void withTheMetricsServiceDownReadsFailFastWhileIngestKeepsWorking() throws Exception {
        stack.stopService("metrics-service");
        long started = System.nanoTime();
        HttpResponse<String> read = get("/api/v1/articles?size=1");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(isProblem(read)).isTrue();
        assertThat(millis).as("503 within a second").isLessThan(1000);
        HttpResponse<String> ingest = scenario.post(stack.gatewayUrl() + "/api/v1/articles",
                "{\"body\":\"本报讯 黑山县今年新修农村公路86公里。\",\"source\":\"it\"}", PipelineScenario.INGEST_KEY);
        assertThat(ingest.statusCode()).isEqualTo(202);
    }

    private void awaitStored(String id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get("/api/v1/articles/" + id);
            if (last.statusCode() == 200) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("article " + id + " not stored; last answer " + last.statusCode() + " " + abbreviate(last.body()));
    }

    private HttpResponse<String> send(BadInputCorpus.Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + c.path()))
                .timeout(Duration.ofSeconds(60))
                .header("X-API-Key", PipelineScenario.ALL_KEY)
                .method(c.method(), c.body().length == 0 && !c.method().equals("POST")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            // a server may close the connection after answering 413 to a large upload: resend without waiting to stream
            throw new AssertionError(c.name() + ": " + e, e);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", PipelineScenario.ALL_KEY).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").map(v -> v.contains("application/problem+json")).orElse(false)
                && response.body().contains("\"detail\"");
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
