package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Metrics service stopped (nothing listens), NLP service hanging (accepts, never answers), ingest healthy:
 * reads fail fast with 503, analyze gets 504 within its route timeout, ingest keeps working, health stays quick.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "newsflow.gateway.auth.api-keys=all-key:admin",
        "newsflow.gateway.timeouts.nlp=2000",
        "newsflow.gateway.circuit-breaker.minimum-number-of-calls=5",
        "newsflow.gateway.circuit-breaker.sliding-window-size=5",
})
@AutoConfigureWebTestClient(timeout = "20s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT {

    static final StubBackend INGEST = StubBackend.echo("ingest");
    static final StubBackend HANGING_NLP = StubBackend.hanging("nlp");
    static final String STOPPED_METRICS = StubBackend.closedUrl();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", INGEST::url);
        registry.add("NLP_URL", HANGING_NLP::url);
        registry.add("METRICS_URL", () -> STOPPED_METRICS);
    }

    @AfterAll
    static void stop() {
        INGEST.close();
        HANGING_NLP.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    @Order(1)
    void stoppedServiceGives503ProblemWithinOneSecondWhileIngestKeepsWorking() {
        // warm-up: the first failure on a fresh JVM loads the breaker and fallback classes
        client.get().uri("/api/v1/figures").header("X-API-Key", "all-key").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        long started = System.nanoTime();
        client.get().uri("/api/v1/entities/top?type=PERSON").header("X-API-Key", "all-key").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The metrics service is unavailable")
                .jsonPath("$.instance").isEqualTo("/api/v1/entities/top");
        assertThat(millisSince(started)).isLessThan(1000);

        client.post().uri("/api/v1/articles").header("X-API-Key", "all-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"锦州\"}").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Stub-Service", "ingest");
    }

    @Test
    @Order(3)
    void repeatedFailuresOpenTheCircuitAndLaterCallsFailWithoutTrying() {
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/v1/trends").header("X-API-Key", "all-key").exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
        long started = System.nanoTime();
        client.get().uri("/api/v1/trends").header("X-API-Key", "all-key").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("circuit breaker is open"));
        assertThat(millisSince(started)).isLessThan(200);
    }

    @Test
    @Order(2)
    void hangingServiceGives504WithinRouteTimeoutAndGatewayStaysResponsive() throws Exception {
        WebTestClient patient = client.mutate().responseTimeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        CompletableFuture<HttpStatus> analyze = CompletableFuture.supplyAsync(() -> HttpStatus.valueOf(
                patient.post().uri("/api/v1/analyze").header("X-API-Key", "all-key")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"body\":\"锦州\"}").exchange()
                        .returnResult(String.class).getStatus().value()));

        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> !HANGING_NLP.seen.isEmpty());
        long healthStarted = System.nanoTime();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        long healthMillis = millisSince(healthStarted);
        boolean analyzeStillWaiting = !analyze.isDone();

        assertThat(analyze.get(10, TimeUnit.SECONDS)).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        long analyzeMillis = millisSince(started);
        assertThat(analyzeMillis).as("504 after the 2 s route timeout").isBetween(1900L, 4000L);
        assertThat(analyzeStillWaiting).as("health answered while the hanging call was pending").isTrue();
        assertThat(healthMillis).isLessThan(1000);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
