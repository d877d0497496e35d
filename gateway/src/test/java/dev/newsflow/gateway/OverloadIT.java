package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * More ingest requests at once than the route's in-flight limit: the extra ones are shed at once with 429,
 * Retry-After and a problem+json reason; the ones admitted are answered normally; the circuit breaker stays closed,
 * so the next request after the surge goes through (the old behaviour: the full bulkhead counted as failures, opened
 * the breaker and turned the overload into 503s for everyone).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "newsflow.gateway.auth.api-keys=feed-key:ingest",
        "newsflow.gateway.in-flight.ingest=2",
        "newsflow.gateway.circuit-breaker.minimum-number-of-calls=4",
        "newsflow.gateway.circuit-breaker.sliding-window-size=4",
})
@AutoConfigureWebTestClient(timeout = "20s")
class OverloadIT {

    static final StubBackend INGEST = StubBackend.echo("ingest");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", INGEST::url);
    }

    @AfterAll
    static void stop() {
        INGEST.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    @Test
    void requestsBeyondTheInFlightLimitGet429WhileAdmittedOnesSucceedAndTheBreakerStaysClosed() throws Exception {
        List<CompletableFuture<Integer>> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            slow.add(CompletableFuture.supplyAsync(() -> post("1500").getStatus().value()));
        }
        Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> INGEST.count("POST", "/api/v1/articles") == 2);

        List<EntityExchangeResult<String>> shed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            shed.add(post(null));
        }
        for (EntityExchangeResult<String> r : shed) {
            assertThat(r.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(r.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(r.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(r.getResponseBody()).contains("at capacity (2 requests in flight)").contains("/api/v1/articles");
        }
        assertThat(INGEST.count("POST", "/api/v1/articles")).as("shed requests never reached the service").isEqualTo(2);
        for (CompletableFuture<Integer> s : slow) {
            assertThat(s.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        }

        assertThat(breakers.circuitBreaker("ingest").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(post(null).getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(meters.get("newsflow.gateway.shed").tag("route", "ingest").counter().count()).isEqualTo(6.0);
    }

    private EntityExchangeResult<String> post(String delayMs) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/v1/articles").header("X-API-Key", "feed-key")
                .contentType(MediaType.APPLICATION_JSON);
        if (delayMs != null) {
            request = request.header("X-Stub-Delay-Ms", delayMs);
        }
        return request.bodyValue("{\"body\":\"锦州\"}").exchange().expectBody(String.class).returnResult();
    }
}
