package dev.newsflow.nlp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.DeadLetter;
import dev.newsflow.events.Topics;
import dev.newsflow.nlp.enrich.DictionaryRecognizer;
import dev.newsflow.nlp.enrich.Enricher;
import dev.newsflow.nlp.figures.FigureExtractor;
import dev.newsflow.nlp.regions.RegionGazetteer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

class EnrichFunctionTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EnrichmentMetrics metrics = new EnrichmentMetrics(meters);
    private final EnrichFunction function = new EnrichFunction(new Enricher(DictionaryRecognizer.jinzhou(),
            new FigureExtractor(), RegionGazetteer.shared(), Clock.systemUTC()), json, metrics);

    private Message<byte[]> message(String value) {
        return MessageBuilder.withPayload(value.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void enrichesAndKeysTheOutputByTheDerivedId() {
        Message<byte[]> out = function.apply(message("""
                {"schemaVersion":1,"title":"t","body":"锦州市发展产业链。","unknownField":true}"""));
        ArticleEnriched enriched = json.readValue(out.getPayload(), ArticleEnriched.class);
        assertThat(enriched.id()).hasSize(24);
        assertThat(new String((byte[]) out.getHeaders().get(KafkaHeaders.KEY), StandardCharsets.UTF_8))
                .isEqualTo(enriched.id());
        assertThat(enriched.entities()).extracting(ArticleEnriched.Entity::regionCode).containsExactly("210700");
        assertThat(meters.counter("newsflow.articles.enriched").count()).isEqualTo(1);
        assertThat(meters.summary("newsflow.extraction.entities").totalAmount()).isEqualTo(1);
    }

    @Test
    void keepsAGivenIdAndTheRequestId() {
        Message<byte[]> in = MessageBuilder.withPayload("{\"id\":\"abc\",\"body\":\"锦州。\"}".getBytes(StandardCharsets.UTF_8))
                .setHeader(Topics.HEADER_REQUEST_ID, "req-1").build();
        Message<byte[]> out = function.apply(in);
        assertThat(new String((byte[]) out.getHeaders().get(KafkaHeaders.KEY), StandardCharsets.UTF_8)).isEqualTo("abc");
        assertThat(out.getHeaders().get(Topics.HEADER_REQUEST_ID)).isEqualTo("req-1");
    }

    @Test
    void refusesGarbageAndArticlesWithoutBodyAsUnprocessable() {
        assertThatThrownBy(() -> function.apply(message("{not json")))
                .isInstanceOfSatisfying(UnprocessableArticleException.class,
                        e -> assertThat(e.reason()).isEqualTo("malformed-json"));
        assertThatThrownBy(() -> function.apply(message("[1,2]")))
                .isInstanceOf(UnprocessableArticleException.class);
        assertThatThrownBy(() -> function.apply(message("{\"title\":\"no body\"}")))
                .isInstanceOfSatisfying(UnprocessableArticleException.class,
                        e -> assertThat(e.reason()).isEqualTo("missing-body"));
        assertThatThrownBy(() -> function.apply(message("{\"body\":42}")))
                .isInstanceOfSatisfying(UnprocessableArticleException.class,
                        e -> assertThat(e.reason()).isEqualTo("malformed-json"));
        assertThatThrownBy(() -> function.apply(message("{\"body\":true}")))
                .isInstanceOf(UnprocessableArticleException.class);
    }

    @Test
    void deadLetterHeadersNameReasonStageAttemptsAndOrigin() {
        DeadLetterRouting routing = new DeadLetterRouting(new DefaultKafkaProducerFactory<>(
                java.util.Map.of("bootstrap.servers", "localhost:1"), new ByteArraySerializer(), new ByteArraySerializer()),
                metrics, 2, 10);
        ConsumerRecord<byte[], byte[]> rec = new ConsumerRecord<>(Topics.ARTICLES_RAW, 3, 42L, null, new byte[] {1});
        Headers poison = routing.headers(rec, new RuntimeException("listener failed",
                new UnprocessableArticleException("malformed-json", "bad", null)));
        assertThat(text(poison, DeadLetter.HEADER_REASON)).isEqualTo("malformed-json");
        assertThat(text(poison, DeadLetter.HEADER_ATTEMPTS)).isEqualTo("1");
        assertThat(text(poison, DeadLetter.HEADER_STAGE)).isEqualTo("nlp");
        assertThat(text(poison, DeadLetter.HEADER_ORIGINAL_PARTITION)).isEqualTo("3");
        assertThat(text(poison, DeadLetter.HEADER_ORIGINAL_OFFSET)).isEqualTo("42");
        Headers failed = routing.headers(rec, new RuntimeException("wrapper", new IllegalStateException("boom")));
        assertThat(text(failed, DeadLetter.HEADER_REASON)).isEqualTo("processing-failed");
        assertThat(text(failed, DeadLetter.HEADER_ATTEMPTS)).isEqualTo("3");
        assertThat(text(failed, DeadLetter.HEADER_EXCEPTION)).contains("IllegalStateException: boom");
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
