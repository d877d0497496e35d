package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.gateway.auth.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Body size, content type, NDJSON batch, URL and header limits (test config: articles 64KB, pages 256KB, 10 lines). */
class RequestLimitsIT extends GatewayTestSupport {

    @Test
    void twentyMegabyteBodyGets413WithoutReachingTheService() {
        String key = newKey(Scope.INGEST);
        byte[] body = new byte[20 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');
        long before = INGEST.seen.size();

        client.post().uri("/api/v1/pages").header("X-API-Key", key).contentType(MediaType.TEXT_PLAIN)
                .bodyValue(body).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("262144"));

        assertThat(INGEST.seen).hasSize((int) before);
    }

    @Test
    void pagesMayBeLargerThanArticles() {
        String key = newKey(Scope.INGEST);
        String hundredKb = "锦".repeat(100 * 1024 / 3);

        client.post().uri("/api/v1/pages").header("X-API-Key", key).contentType(MediaType.TEXT_PLAIN)
                .bodyValue(hundredKb).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(hundredKb.getBytes(StandardCharsets.UTF_8).length);
        client.post().uri("/api/v1/articles").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"" + hundredKb + "\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void chunkedBodyOverTheLimitGets413AndUnderTheLimitArrivesWhole() {
        String key = newKey(Scope.INGEST);
        long before = INGEST.seen.size();
        client.post().uri("/api/v1/articles").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                .body(chunks(100, 1024), DataBuffer.class).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(INGEST.seen).hasSize((int) before);

        client.post().uri("/api/v1/articles").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                .body(chunks(10, 1024), DataBuffer.class).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.bodyBytes").isEqualTo(10 * 1024);
    }

    @Test
    void wrongContentTypeGets415() {
        String key = newKey(Scope.INGEST, Scope.READ);
        client.post().uri("/api/v1/articles").header("X-API-Key", key).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("x").exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("application/x-ndjson"));
        client.post().uri("/api/v1/pages").header("X-API-Key", key).contentType(MediaType.APPLICATION_XML)
                .bodyValue("<x/>").exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        client.post().uri("/api/v1/analyze").header("X-API-Key", key).contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue("x").exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void ndjsonBatchOverTheLineLimitGets413() {
        String key = newKey(Scope.INGEST);
        String line = "{\"body\":\"锦州\"}\n";
        client.post().uri("/api/v1/articles").header("X-API-Key", key)
                .contentType(MediaType.parseMediaType("application/x-ndjson")).bodyValue(line.repeat(11)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("11").contains("10"));
        client.post().uri("/api/v1/articles").header("X-API-Key", key)
                .contentType(MediaType.parseMediaType("application/x-ndjson")).bodyValue(line.repeat(10) + "\n\n")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(line.getBytes(StandardCharsets.UTF_8).length * 10 + 2);
    }

    @Test
    void overlongUrlGets414AndOversizedHeadersGet431() {
        client.get().uri("/api/v1/articles?entity=" + "a".repeat(2100)).header("X-API-Key", "read-key").exchange()
                .expectStatus().isEqualTo(HttpStatus.URI_TOO_LONG)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/v1/trends").header("X-API-Key", "read-key").header("X-Padding", "p".repeat(9000))
                .exchange().expectStatus().isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        byte[] chunk = new byte[size];
        Arrays.fill(chunk, (byte) ' ');
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));
    }
}
