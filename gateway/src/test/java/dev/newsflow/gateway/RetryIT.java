package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Retries only for idempotent reads: a GET answered 503 is tried three times in all, a POST once. */
class RetryIT extends GatewayTestSupport {

    @Test
    void retriesIdempotentGetButNotPost() {
        client.get().uri("/api/v1/articles/retry-probe").header("X-API-Key", "read-key")
                .header("X-Stub-Status", "503").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(METRICS.count("GET", "/api/v1/articles/retry-probe")).isEqualTo(3);

        long before = INGEST.count("POST", "/api/v1/pages");
        client.post().uri("/api/v1/pages").header("X-API-Key", newKey(dev.newsflow.gateway.auth.Scope.INGEST))
                .header("X-Stub-Status", "503").contentType(MediaType.TEXT_PLAIN).bodyValue("p").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(INGEST.count("POST", "/api/v1/pages")).isEqualTo(before + 1);
    }
}
