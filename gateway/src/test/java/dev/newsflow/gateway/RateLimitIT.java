package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.gateway.auth.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Per-key token buckets (test config: ingest 5 per hour, read 60 per hour). */
class RateLimitIT extends GatewayTestSupport {

    @Autowired
    MeterRegistry registry;

    @Test
    void sixthIngestRequestGets429WithRetryAfterWhileReadsGoOn() {
        String key = newKey(Scope.INGEST, Scope.READ);
        for (int i = 4; i >= 0; i--) {
            client.post().uri("/api/v1/pages").header("X-API-Key", key).contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("page " + i).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(i));
        }
        long seenBefore = INGEST.seen.size();
        double limitedBefore = limited("ingest");

        client.post().uri("/api/v1/pages").header("X-API-Key", key).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("one too many").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectHeader().value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(1L, 3600L))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(429);

        assertThat(INGEST.seen).hasSize((int) seenBefore);
        assertThat(limited("ingest")).isEqualTo(limitedBefore + 1);
        client.get().uri("/api/v1/trends").header("X-API-Key", key).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "59");
    }

    @Test
    void keysHaveSeparateBuckets() {
        String first = newKey(Scope.INGEST);
        String second = newKey(Scope.INGEST);
        for (int i = 0; i < 5; i++) {
            client.post().uri("/api/v1/pages").header("X-API-Key", first).contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("p").exchange().expectStatus().isOk();
        }
        client.post().uri("/api/v1/pages").header("X-API-Key", first).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("p").exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        client.post().uri("/api/v1/pages").header("X-API-Key", second).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("p").exchange().expectStatus().isOk();
    }

    private double limited(String route) {
        var counter = registry.find("newsflow.gateway.ratelimited").tag("route", route).counter();
        return counter == null ? 0 : counter.count();
    }
}
