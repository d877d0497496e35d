package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = {Topics.ARTICLES_RAW, Topics.PAGES_RAW, Topics.PAGES_RAW_DLQ})
class ArticleIngestIT {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();
    Consumer<String, String> consumer;

    @BeforeEach
    void subscribe() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "article-it-" + System.nanoTime(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
        broker.consumeFromAnEmbeddedTopic(consumer, Topics.ARTICLES_RAW);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void publishedArticleArrivesOnRawTopicKeyedById() throws Exception {
        HttpResponse<String> response = post("application/json", """
                {"title":"绕城公路建设如火如荼","body":"本报讯 8月9日,记者在锦州市绕城公路北环项目建设现场看到。",
                 "source":"锦州日报","url":"https://example.org/jz/1","publishedAt":"2022-08-10"}""");
        assertThat(response.statusCode()).isEqualTo(202);
        String id = json.readTree(response.body()).get("articles").get(0).get("id").stringValue();
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/articles/" + id);

        List<ConsumerRecord<String, String>> records = poll(List.of(id));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(id);
        JsonNode event = json.readTree(records.get(0).value());
        assertThat(event.get("id").stringValue()).isEqualTo(id);
        assertThat(event.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(event.get("source").stringValue()).isEqualTo("锦州日报");
        assertThat(event.get("ingestedAt").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        HttpResponse<String> again = post("application/json", """
                {"title":"绕城公路建设如火如荼 (corrected)","body":"本报讯 8月9日,记者在锦州市。",
                 "source":"锦州日报","url":"https://example.org/jz/1"}""");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json.readTree(again.body()).get("articles").get(0).get("id").stringValue()).isEqualTo(id);
        assertThat(meters.counter("newsflow.articles.ingested", "source", "锦州日报", "outcome", "duplicate").count())
                .isEqualTo(1.0);
    }

    @Test
    void batchIsPublishedWholeOrNotAtAll() throws Exception {
        HttpResponse<String> bad = post("application/x-ndjson", "{\"body\":\"一\"}\n{\"body\":\"\"}\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        HttpResponse<String> good = post("application/x-ndjson", "{\"body\":\"批量一\"}\n{\"body\":\"批量二\"}\n");
        assertThat(good.statusCode()).isEqualTo(202);
        List<String> ids = new ArrayList<>();
        json.readTree(good.body()).get("articles").forEach(a -> ids.add(a.get("id").stringValue()));
        List<ConsumerRecord<String, String>> records = poll(ids);
        assertThat(records).extracting(r -> json.readTree(r.value()).get("body").stringValue())
                .containsExactly("批量一", "批量二");
    }

    /** The records on the raw topic whose key is one of {@code ids}, waiting (bounded) until all arrived. */
    private List<ConsumerRecord<String, String>> poll(List<String> ids) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (records.size() < ids.size() && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (ids.contains(r.key())) {
                    records.add(r);
                }
            });
        }
        return records;
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/articles"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
