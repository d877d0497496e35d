package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** X-Request-Id and traceparent, the access log without secrets, security headers, CORS. */
@ExtendWith(OutputCaptureExtension.class)
class CorrelationAndHeadersIT extends GatewayTestSupport {

    @Autowired
    Environment environment;

    @Autowired
    java.util.List<org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter> headersFilters;

    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void generatesRequestIdWhenAbsentAndPassesItDownstream() {
        EntityExchangeResult<String> result = client.get().uri("/api/v1/trends").header("X-API-Key", "corr-key")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        String id = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(result.getResponseBody()).contains("\"requestId\":\"" + id + "\"");
    }

    @Test
    void keepsGivenRequestIdAndContinuesTheTrace() {
        // the gateway joins the caller's trace: same trace id downstream, its own span as the parent
        String traceId = TRACEPARENT.split("-")[1];
        client.get().uri("/api/v1/trends").header("X-API-Key", "corr-key").header("X-Request-Id", "feed-42.7")
                .header("traceparent", TRACEPARENT).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "feed-42.7")
                .expectBody().jsonPath("$.requestId").isEqualTo("feed-42.7")
                .jsonPath("$.traceparent").value(v -> assertThat((String) v).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                        .doesNotContain("00f067aa0ba902b7"));
    }

    @Test
    void sendsNeitherForwardedNorHopByHopHeadersNorTheKeyDownstreamButEverythingElse() {
        client.post().uri("/api/v1/pages").header("X-API-Key", "corr-key")
                .header("X-Forwarded-For", "10.9.8.7").header("X-Forwarded-Host", "elsewhere.example")
                .header("Forwarded", "for=10.9.8.7;proto=https").header("Proxy-Authorization", "Basic eDp5")
                .header("Connection", "keep-alive, X-Private-Hop").header("X-Private-Hop", "1")
                .header("Accept-Language", "zh-CN").header("X-Feed", "jinzhou-daily").header("X-Request-Id", "hdr-probe")
                .header("X-Stub-Hop-Headers", "1")
                .contentType(org.springframework.http.MediaType.TEXT_PLAIN).bodyValue("page").exchange()
                .expectStatus().isOk()
                // hop-by-hop headers of the service's answer stay between the gateway and the service
                .expectHeader().doesNotExist("Proxy-Authenticate").expectHeader().doesNotExist("Trailer")
                .expectHeader().valueEquals("X-Stub-Service", "ingest")
                .expectBody().jsonPath("$.requestId").isEqualTo("hdr-probe")
                .jsonPath("$.bodyBytes").isEqualTo(4)
                .jsonPath("$.headers").value(v -> assertThat((java.util.List<String>) v)
                        .contains("accept-language", "x-feed", "content-type", "content-length", "x-request-id", "traceparent")
                        .doesNotContain("x-api-key", "x-forwarded-for", "x-forwarded-host", "forwarded",
                                "proxy-authorization", "x-private-hop"));
    }

    @Test
    void startsATraceAndSendsItDownstreamWhenTheCallerSentNoneAtTheDefaultSampling() {
        // 10% of new traces are recorded by default; the rest still carry a trace id downstream (flag 00)
        assertThat(environment.getProperty("management.tracing.sampling.probability", Double.class)).isEqualTo(0.1);
        client.get().uri("/api/v1/trends").header("X-API-Key", "corr-key").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.traceparent")
                .value(v -> assertThat((String) v).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
    }

    @Test
    void copiesTheHeadersOnceEachWay() {
        // Gateway's own hop-by-hop/forwarded filters and client observation each copied every header: ProxiedHeaders
        // does their work in one pass per direction
        assertThat(headersFilters).extracting(f -> f.getClass().getSimpleName()).doesNotContain(
                "RemoveHopByHopHeadersFilter", "RemoveForwardedHeadersFilter", "RemoveXForwardedHeadersFilter",
                "ObservedRequestHttpHeadersFilter", "ObservedResponseHttpHeadersFilter").contains("ProxiedHeaders");
    }

    @Test
    void replacesUnsafeRequestId() {
        client.get().uri("/api/v1/trends").header("X-API-Key", "corr-key").header("X-Request-Id", "a b\"<script>")
                .exchange().expectStatus().isOk()
                .expectHeader().value("X-Request-Id", v -> assertThat(v).matches("[0-9a-f-]{36}"));
    }

    @Test
    void accessLogNamesTheKeyIdButNeverTheSecret(CapturedOutput output) {
        client.post().uri("/api/v1/pages").header("X-API-Key", "corr-key").header("X-Request-Id", "log-probe-1")
                .contentType(org.springframework.http.MediaType.TEXT_PLAIN).bodyValue("p").exchange()
                .expectStatus().isOk();
        client.get().uri("/api/v1/trends").header("X-API-Key", "wrong-secret-value").exchange()
                .expectStatus().isUnauthorized();

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getAll())
                .contains("GET /api/v1/trends 401"));
        assertThat(output.getAll()).containsPattern("POST /api/v1/pages 200 \\d+ms route=ingest key=env-\\d+ "
                + "requestId=log-probe-1").contains("GET /api/v1/trends 401")
                .doesNotContain("corr-key").doesNotContain("wrong-secret-value");
    }

    @Test
    void accessLogLineCarriesTheRequestsTraceId(CapturedOutput output) {
        // the trace ids come from the exchange's observation, not from thread locals restored on every operator
        String traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
        client.get().uri("/api/v1/trends").header("X-API-Key", "corr-key").header("X-Request-Id", "trace-log-probe")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").exchange().expectStatus().isOk();

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getAll())
                .containsPattern("\\[" + traceId + "-[0-9a-f]{16}\\] newsflow\\.gateway\\.access\\s+: GET /api/v1/trends 200 "
                        + "\\d+ms route=metrics key=env-\\d+ requestId=trace-log-probe"));
    }

    @Test
    void addsSecurityHeaders() {
        client.get().uri("/api/v1/trends").header("X-API-Key", "corr-key").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        client.get().uri("/actuator/health").exchange().expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void answersCorsPreflightForAllowedOriginOnlyWithoutKey() {
        client.options().uri("/api/v1/articles").header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "X-API-Key, Content-Type").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:3000");
        client.options().uri("/api/v1/articles").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        client.get().uri("/api/v1/trends").header("X-API-Key", "corr-key").header("Origin", "http://localhost:3000")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:3000")
                .expectHeader().value("Access-Control-Expose-Headers", v -> assertThat(v).contains("X-Request-Id"));
    }
}
