package dev.newsflow.ingest;

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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = {Topics.ARTICLES_RAW, Topics.PAGES_RAW, Topics.PAGES_RAW_DLQ})
class PageIngestIT {

    private static final String PAGE = """
            港口集装箱吞吐量创新高

            本报讯 记者马骏报道 今年前三季度,港口累计完成集装箱吞吐量156万标准箱,同比增长11.2%。

            首届农民丰收节开幕

            本报讯 9月23日,首届农民丰收节在城郊开幕,现场展销各类农产品200余种。
            """;

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    JsonMapper json;

    Consumer<String, byte[]> consumer;
    final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "page-it-" + System.nanoTime(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        broker.consumeFromEmbeddedTopics(consumer, Topics.ARTICLES_RAW, Topics.PAGES_RAW_DLQ);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void postedPageIsPublishedArticleByArticle() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/pages?source=IT-http&edition=2022-10-01&page=A2"))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(PAGE, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode items = json.readTree(response.body()).get("articles");
        assertThat(items.size()).isEqualTo(2);

        List<ConsumerRecord<String, byte[]>> records = await(2, r -> r.topic().equals(Topics.ARTICLES_RAW)
                && json.readTree(r.value()).path("source").asString("").equals("IT-http"));
        JsonNode first = json.readTree(records.get(0).value());
        assertThat(records.get(0).key()).isEqualTo(items.get(0).get("id").stringValue());
        assertThat(first.get("title").stringValue()).isEqualTo("港口集装箱吞吐量创新高");
        assertThat(first.get("publishedAt").stringValue()).isEqualTo("2022-10-01");
        assertThat(first.get("layout").get("reporters").get(0).stringValue()).isEqualTo("马骏");
        assertThat(first.get("layout").get("page").stringValue()).isEqualTo("A2");
    }

    @Test
    void pageOnTheTopicIsSplitAndBadRecordsAreDeadLettered() throws Exception {
        ProducerRecord<String, byte[]> page = new ProducerRecord<>(Topics.PAGES_RAW, "p1", PAGE.getBytes(StandardCharsets.UTF_8));
        page.headers().add(Topics.HEADER_PAGE_SOURCE, "IT-topic".getBytes(StandardCharsets.UTF_8));
        page.headers().add(Topics.HEADER_PAGE_EDITION, "2022-10-02".getBytes(StandardCharsets.UTF_8));
        page.headers().add(Topics.HEADER_PAGE_NUMBER, "5".getBytes(StandardCharsets.UTF_8));
        byte[] garbage = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0x41};
        kafka.send(new ProducerRecord<>(Topics.PAGES_RAW, "bad", garbage)).get();
        kafka.send(page).get();

        List<ConsumerRecord<String, byte[]>> articles = await(2, r -> r.topic().equals(Topics.ARTICLES_RAW)
                && json.readTree(r.value()).path("source").asString("").equals("IT-topic"));
        assertThat(json.readTree(articles.get(1).value()).get("title").stringValue()).isEqualTo("首届农民丰收节开幕");
        assertThat(json.readTree(articles.get(1).value()).get("layout").get("page").stringValue()).isEqualTo("5");

        List<ConsumerRecord<String, byte[]>> dead = await(1, r -> r.topic().equals(Topics.PAGES_RAW_DLQ));
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(dead.get(0).key()).isEqualTo("bad");
        assertThat(header(dead.get(0), DeadLetter.HEADER_REASON)).contains("UTF-8");
        assertThat(header(dead.get(0), DeadLetter.HEADER_ORIGINAL_TOPIC)).isEqualTo(Topics.PAGES_RAW);
        assertThat(header(dead.get(0), DeadLetter.HEADER_STAGE)).isNotBlank();
        assertThat(header(dead.get(0), DeadLetter.HEADER_ATTEMPTS)).isEqualTo("1");
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Waits (bounded) until {@code n} records seen on the subscribed topics match {@code wanted}. */
    private List<ConsumerRecord<String, byte[]>> await(int n, Predicate<ConsumerRecord<String, byte[]>> wanted) {
        long deadline = System.currentTimeMillis() + 15_000;
        List<ConsumerRecord<String, byte[]>> found = seen.stream().filter(wanted).toList();
        while (found.size() < n && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            found = seen.stream().filter(wanted).toList();
        }
        assertThat(found).hasSizeGreaterThanOrEqualTo(n);
        return found;
    }
}
