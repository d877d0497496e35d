package dev.newsflow.localstack;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the fault-injection suite looks at: the stored articles in the database itself, the consumer groups' lag,
 * and a fingerprint of the query API's answers (to compare the incrementally maintained aggregates with a rebuild).
 */
final class PlatformProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String metrics;
    private final String bootstrap;
    private final MongoClient mongo;
    private final String database;

    PlatformProbe(String metricsUrl, String bootstrap, String mongoUri) {
        this.metrics = metricsUrl;
        this.bootstrap = bootstrap;
        ConnectionString uri = new ConnectionString(mongoUri);
        this.database = uri.getDatabase();
        this.mongo = MongoClients.create(MongoClientSettings.builder().applyConnectionString(uri)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(3, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS))
                .build());
    }

    /** Stored article ids of {@code source} with how many documents each has; null while the database is down. */
    Map<String, Integer> stored(String source) {
        try {
            Map<String, Integer> ids = new HashMap<>();
            mongo.getDatabase(database).getCollection("articles").find(Filters.eq("source", source))
                    .projection(Projections.include("_id"))
                    .forEach(d -> ids.merge(String.valueOf(d.get("_id")), 1, Integer::sum));
            return ids;
        } catch (RuntimeException databaseDown) {
            return null;
        }
    }

    /** Count of stored articles of {@code source}; -1 while the database is down. */
    long storedCount(String source) {
        try {
            return mongo.getDatabase(database).getCollection("articles").countDocuments(Filters.eq("source", source));
        } catch (RuntimeException databaseDown) {
            return -1;
        }
    }

    /** Records of {@code topic} not yet committed by {@code group} (all partitions). */
    long lag(String group, String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (AdminClient admin = AdminClient.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            long lag = 0;
            for (var e : admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    /** Sum of the end offsets of a topic's partitions (records ever written to it). */
    long endOffsets(String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (AdminClient admin = AdminClient.create(props)) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS)
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    /** A counter of the metrics service (since it last started), from /actuator/metrics; NaN when absent. */
    double metricsCounter(String name) throws Exception {
        HttpResponse<String> response = get("/actuator/metrics/" + name);
        if (response.statusCode() != 200) {
            return Double.NaN;
        }
        return JSON.readTree(response.body()).get("measurements").get(0).get("value").asDouble();
    }

    /** Members of a consumer group. */
    int members(String group) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (AdminClient admin = AdminClient.create(props)) {
            return admin.describeConsumerGroups(List.of(group)).all().get(15, TimeUnit.SECONDS).get(group).members().size();
        }
    }

    /** The answers of the query API to a fixed set of questions (path -> status and body). */
    Map<String, String> answers(List<String> sources) throws Exception {
        List<String> paths = new ArrayList<>(List.of(
                "/api/v1/entities/top?type=PERSON&limit=100",
                "/api/v1/entities/top?type=LOCATION&limit=100",
                "/api/v1/entities/top?type=ORGANIZATION&limit=100",
                "/api/v1/entities/top?limit=100&region=210700",
                "/api/v1/figures?size=100",
                "/api/v1/figures?unit=CNY&size=100",
                "/api/v1/figures?kind=PERCENT&size=100",
                "/api/v1/trends?to=2024-12-31",
                "/api/v1/regions/210700",
                "/api/v1/regions/210000",
                "/api/v1/articles?size=100",
                "/api/v1/articles?size=100&page=7",
                "/api/v1/entities/LOCATION/" + enc("锦州市") + "/timeline",
                "/api/v1/entities/ORGANIZATION/" + enc("锦州银行") + "/related"));
        for (String source : sources) {
            paths.add("/api/v1/articles?size=100&source=" + enc(source));
        }
        Map<String, String> answers = new LinkedHashMap<>();
        JsonNode persons = JSON.readTree(get("/api/v1/entities/top?type=PERSON&limit=5").body());
        for (JsonNode person : persons.isArray() ? persons : persons.path("items")) {
            String name = person.path("name").asString("");
            paths.add("/api/v1/entities/PERSON/" + enc(name) + "/timeline");
            paths.add("/api/v1/entities/PERSON/" + enc(name) + "/related");
        }
        for (String path : paths) {
            HttpResponse<String> response = get(path);
            answers.put(path, response.statusCode() + " " + response.body());
        }
        return answers;
    }

    static String fingerprint(Map<String, String> answers) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        answers.forEach((path, answer) -> sha.update((path + "\n" + answer + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    /** POST /api/v1/admin/rebuild on the metrics service: the aggregates recomputed from the stored articles. */
    JsonNode rebuild() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metrics + "/api/v1/admin/rebuild"))
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new AssertionError("rebuild answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(metrics + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        mongo.close();
    }

}
