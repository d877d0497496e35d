package dev.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking-skeleton scenario, as a new user would try it: an article posted through the gateway with an
 * ingest key comes back enriched, and posting it twice counts it once. Shared by the embedded-infrastructure
 * and the Testcontainers variants.
 */
final class PipelineScenario {

    static final String INGEST_KEY = "it-ingest-key";
    static final String READ_KEY = "it-read-key";
    static final String ALL_KEY = "it-all-key";
    static final String ARTICLE = """
            {"title":"锦州港开通新航线","source":"it","section":"经济","publishedAt":"2024-06-03",
             "body":"本报讯 记者王立军报道 6月2日,锦州港股份有限公司在锦州市举行新航线开通仪式。今年前5个月,锦州港完成货物吞吐量4500万吨,同比增长8.6%。"}
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    static StackConfig config(Path dataDir, String kafkaBootstrap, String mongoUri) throws IOException {
        Path home = Path.of(System.getProperty("newsflow.home", "..")).toAbsolutePath().normalize();
        return new StackConfig(home, dataDir, kafkaBootstrap, mongoUri, 0, freePort(), freePort(), freePort(), freePort(),
                INGEST_KEY + ":ingest," + READ_KEY + ":read," + ALL_KEY + ":ingest+read", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1", false);
    }

    void run(LocalStack stack) throws Exception {
        String gateway = stack.gatewayUrl();

        HttpResponse<String> anonymous = post(gateway + "/api/v1/articles", ARTICLE, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(post(gateway + "/api/v1/articles", ARTICLE, "not-a-key").statusCode()).isEqualTo(401);
        assertThat(post(gateway + "/api/v1/articles", ARTICLE, READ_KEY).statusCode()).isEqualTo(403);

        HttpResponse<String> accepted = post(gateway + "/api/v1/articles", ARTICLE, INGEST_KEY);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = json.readTree(accepted.body()).get("articles").get(0).get("id").asString();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/articles/" + id);

        JsonNode article = await(() -> get(gateway + "/api/v1/articles/" + id), r -> r.statusCode() == 200, Duration.ofSeconds(60));
        assertThat(article.get("id").asString()).isEqualTo(id);
        List<String> entities = texts(article.get("entities"));
        assertThat(entities).contains("锦州港股份有限公司", "王立军");
        assertThat(article.get("stats").get("chineseCharacters").asInt()).isGreaterThan(40);

        long enrichedBefore = committedOffsets(stack.kafkaBootstrap(), "metrics-service", "news.articles.enriched");
        HttpResponse<String> again = post(gateway + "/api/v1/articles", ARTICLE, INGEST_KEY);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json.readTree(again.body()).get("articles").get(0).get("id").asString()).isEqualTo(id);
        // wait until the metrics service has consumed the re-enriched duplicate, then check it was counted once
        awaitTrue(() -> committedOffsets(stack.kafkaBootstrap(), "metrics-service", "news.articles.enriched") > enrichedBefore,
                Duration.ofSeconds(60));

        JsonNode top = json.readTree(get(gateway + "/api/v1/entities/top?type=PERSON&limit=50").body());
        Map<String, Integer> counts = countsByName(top);
        assertThat(counts).containsEntry("王立军", 1);
        JsonNode listed = json.readTree(get(gateway + "/api/v1/articles?entity="
                + URLEncoder.encode("王立军", StandardCharsets.UTF_8) + "&type=PERSON").body());
        assertThat(listed.toString()).contains(id);
    }

    private Map<String, Integer> countsByName(JsonNode top) {
        JsonNode items = top.isArray() ? top : top.has("items") ? top.get("items") : top.get("entities");
        assertThat(items).as("entities/top answer: " + top).isNotNull();
        return java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .collect(Collectors.toMap(n -> n.get("name").asString(), n -> n.get("count").asInt(), (a, b) -> a));
    }

    private static List<String> texts(JsonNode entities) {
        return java.util.stream.StreamSupport.stream(entities.spliterator(), false).map(e -> e.get("text").asString()).toList();
    }

    HttpResponse<String> post(String url, String body, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("X-API-Key", READ_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    interface Call {
        HttpResponse<String> call() throws Exception;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private JsonNode await(Call call, Predicate<HttpResponse<String>> done, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.call();
            if (done.test(last)) {
                return json.readTree(last.body());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not done after " + timeout + "; last answer " + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private static void awaitTrue(Check check, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("condition not met after " + timeout);
    }

    /** Sum of the committed offsets of a consumer group on a topic. */
    static long committedOffsets(String bootstrap, String group, String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (AdminClient admin = AdminClient.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
