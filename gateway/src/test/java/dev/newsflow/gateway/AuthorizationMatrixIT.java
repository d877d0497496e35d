package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;

/** Every endpoint × no key / wrong key / each scope: who gets through, where it is routed, what is refused. */
class AuthorizationMatrixIT extends GatewayTestSupport {

    /** An endpoint, the scope it needs and the service that answers it (null: the gateway itself). */
    record Endpoint(HttpMethod method, String path, MediaType type, String body, String scope, String service) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.POST, "/api/v1/articles", MediaType.APPLICATION_JSON, "{\"body\":\"x\"}", "ingest", "ingest"),
            new Endpoint(HttpMethod.POST, "/api/v1/articles", MediaType.APPLICATION_NDJSON, "{\"body\":\"x\"}\n", "ingest", "ingest"),
            new Endpoint(HttpMethod.POST, "/api/v1/pages", MediaType.TEXT_PLAIN, "锦州日报", "ingest", "ingest"),
            new Endpoint(HttpMethod.POST, "/api/v1/analyze", MediaType.APPLICATION_JSON, "{\"body\":\"x\"}", "read", "nlp"),
            new Endpoint(HttpMethod.GET, "/api/v1/articles?entity=锦州&page=0", null, null, "read", "metrics"),
            new Endpoint(HttpMethod.GET, "/api/v1/articles/0123abcd", null, null, "read", "metrics"),
            new Endpoint(HttpMethod.GET, "/api/v1/entities/top?type=PERSON&limit=10", null, null, "read", "metrics"),
            new Endpoint(HttpMethod.GET, "/api/v1/entities/LOCATION/锦州/timeline", null, null, "read", "metrics"),
            new Endpoint(HttpMethod.GET, "/api/v1/entities/LOCATION/锦州/related", null, null, "read", "metrics"),
            new Endpoint(HttpMethod.GET, "/api/v1/figures?unit=CNY", null, null, "read", "metrics"),
            new Endpoint(HttpMethod.GET, "/api/v1/regions/210700", null, null, "read", "metrics"),
            new Endpoint(HttpMethod.GET, "/api/v1/trends", null, null, "read", "metrics"),
            new Endpoint(HttpMethod.GET, "/api/v1/admin/stats", null, null, "admin", "metrics"),
            new Endpoint(HttpMethod.POST, "/api/v1/admin/reindex", MediaType.APPLICATION_JSON, "{}", "admin", "metrics"),
            new Endpoint(HttpMethod.GET, "/api/v1/admin/deadletters", null, null, "admin", "ingest"),
            new Endpoint(HttpMethod.POST, "/api/v1/admin/deadletters/news.articles.raw.nlp.dlq/replay", MediaType.APPLICATION_JSON, "{}", "admin", "ingest"),
            new Endpoint(HttpMethod.GET, "/api/v1/admin/keys", null, null, "admin", null),
            new Endpoint(HttpMethod.GET, "/actuator/metrics", null, null, "admin", null));

    /** Key header value -> the scopes it holds ("" = none sent, "wrong" = unknown key). */
    static final Map<String, List<String>> KEYS = Map.of(
            "", List.of(), "not-a-key", List.of(), "ingest-key", List.of("ingest"), "read-key", List.of("read"),
            "admin-key", List.of("admin"), "both-key", List.of("ingest", "read"));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            KEYS.forEach((key, scopes) -> {
                int expected = key.isEmpty() || key.equals("not-a-key") ? 401
                        : scopes.contains("admin") || scopes.contains(endpoint.scope()) ? 200 : 403;
                cases.add(Arguments.of(endpoint, key, expected));
            });
        }
        return cases.stream();
    }

    @Autowired
    MeterRegistry registry;

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest(name = "{0} with key ''{1}'' -> {2}")
    @MethodSource("matrix")
    void enforcesScopesPerEndpoint(Endpoint endpoint, String key, int expected) {
        EntityExchangeResult<String> result = send(endpoint, key).expectBody(String.class).returnResult();

        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(expected);
        if (expected == 200) {
            assertThat(result.getResponseHeaders().getFirst("X-Stub-Service")).isEqualTo(endpoint.service());
            if (endpoint.service() != null) {
                String rawPath = UriUtils.encodePath(endpoint.path().split("\\?")[0], StandardCharsets.UTF_8);
                assertThat(result.getResponseBody()).contains("\"path\":\"" + rawPath + "\"")
                        .contains("\"method\":\"" + endpoint.method().name() + "\"")
                        .contains("\"hadApiKey\":false");
            }
        } else {
            assertThat(result.getResponseHeaders().getContentType())
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponseBody()).contains("\"status\":" + expected).contains("\"detail\":");
        }
    }

    @Test
    void readKeyCannotReachAdminEndpointsThroughDotSegments() {
        long before = METRICS.seen.size();
        for (String path : new String[] {"/api/v1/articles/../admin/stats", "/api/v1/articles/%2e%2e/admin/stats",
                "/api/v1/articles/..%2Fadmin/stats", "/api/v1/articles;x/../admin/stats", "/api/v1//admin/stats"}) {
            client.get().uri(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-API-Key", "read-key").exchange().expectStatus().isBadRequest();
        }
        assertThat(METRICS.seen).hasSize((int) before);
    }

    @Test
    void healthAnswersWithoutKey() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void countsRejectionsByReason() {
        double missing = rejected("missing");
        double unknown = rejected("unknown");
        double scope = rejected("scope");

        client.get().uri("/api/v1/trends").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/trends").header("X-API-Key", "nope").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/trends").header("X-API-Key", "ingest-key").exchange().expectStatus().isForbidden();

        assertThat(rejected("missing")).isEqualTo(missing + 1);
        assertThat(rejected("unknown")).isEqualTo(unknown + 1);
        assertThat(rejected("scope")).isEqualTo(scope + 1);
    }

    private double rejected(String reason) {
        return registry.get("newsflow.gateway.auth.rejected").tag("reason", reason).counter().count();
    }

    private WebTestClient.ResponseSpec send(Endpoint endpoint, String key) {
        WebTestClient.RequestBodySpec spec = client.method(endpoint.method()).uri(endpoint.path());
        if (!key.isEmpty()) {
            spec.header("X-API-Key", key);
        }
        if (endpoint.body() != null) {
            return spec.contentType(endpoint.type()).bodyValue(endpoint.body()).exchange();
        }
        return spec.exchange();
    }
}
