package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.newsflow.gateway.auth.Scope;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriUtils;

/**
 * Injection-style input in query parameters and path segments of the query endpoints: each value is either
 * refused with 400/414 problem+json before routing, or reaches the metrics service byte-for-byte as the
 * plain string it was (so it can only ever be compared as a value, never change a query's shape).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryInjectionIT extends GatewayTestSupport {

    enum Outcome { REJECTED, INERT }

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("$ne", Outcome.REJECTED),
                Arguments.of("$gt", Outcome.REJECTED),
                Arguments.of("$where", Outcome.REJECTED),
                Arguments.of("$regex", Outcome.REJECTED),
                Arguments.of("$expr", Outcome.REJECTED),
                Arguments.of(" $ne", Outcome.REJECTED),
                Arguments.of("锦州$gt", Outcome.REJECTED),
                Arguments.of("{\"$ne\": null}", Outcome.REJECTED),
                Arguments.of("{\"$gt\": \"\"}", Outcome.REJECTED),
                Arguments.of("{\"$regex\": \".*\"}", Outcome.REJECTED),
                Arguments.of("{$where: 'sleep(1000)'}", Outcome.REJECTED),
                Arguments.of("{}", Outcome.REJECTED),
                Arguments.of("[\"PERSON\",\"LOCATION\"]", Outcome.REJECTED),
                Arguments.of("[$ne]", Outcome.REJECTED),
                Arguments.of("a\u0000b", Outcome.REJECTED),
                Arguments.of("line\nbreak", Outcome.REJECTED),
                Arguments.of("tab\tx", Outcome.REJECTED),
                Arguments.of("\u001b[31mred", Outcome.REJECTED),
                Arguments.of("del\u007f", Outcome.REJECTED),
                Arguments.of("sep\u2028x", Outcome.REJECTED),
                Arguments.of("x".repeat(201), Outcome.REJECTED),
                Arguments.of("锦".repeat(1500), Outcome.REJECTED),
                Arguments.of(".*", Outcome.INERT),
                Arguments.of("^锦州.*$", Outcome.INERT),
                Arguments.of("(a+)+$", Outcome.INERT),
                Arguments.of("/.*/i", Outcome.INERT),
                Arguments.of("this.name == 'x' || true", Outcome.INERT),
                Arguments.of("'; return true; var x='", Outcome.INERT),
                Arguments.of("1; db.dropDatabase()", Outcome.INERT),
                Arguments.of("%24ne", Outcome.INERT),
                Arguments.of("null", Outcome.INERT),
                Arguments.of("true", Outcome.INERT),
                Arguments.of("__proto__", Outcome.INERT),
                Arguments.of("a.b.c", Outcome.INERT),
                Arguments.of("锦州市", Outcome.INERT));
    }

    static Stream<Arguments> parameterNames() {
        return Stream.of(Arguments.of("entity[$ne]"), Arguments.of("$where"), Arguments.of("entity.$ne"),
                Arguments.of("sort[$natural]"), Arguments.of("__proto__[x]"), Arguments.of("{\"a\":1}"));
    }

    private String queryKey;
    private String pathKey;

    @BeforeAll
    void keys() {
        queryKey = newKey(Scope.READ);
        pathKey = newKey(Scope.READ);
    }

    @ParameterizedTest(name = "query value {0} -> {1}")
    @MethodSource("inputs")
    void queryValueIsRejectedOrPassedInert(String value, Outcome expected) {
        EntityExchangeResult<String> result = client.get().uri("/api/v1/articles?entity={v}&page=0", value)
                .header("X-API-Key", queryKey).exchange().expectBody(String.class).returnResult();

        if (expected == Outcome.REJECTED) {
            assertRejected(result);
        } else {
            assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(200);
            String rawQuery = JsonPath.read(result.getResponseBody(), "$.query");
            assertThat(URLDecoder.decode(rawQuery, StandardCharsets.UTF_8)).isEqualTo("entity=" + value + "&page=0");
        }
    }

    @ParameterizedTest(name = "path segment {0} -> {1}")
    @MethodSource("inputs")
    void pathSegmentIsRejectedOrPassedInert(String value, Outcome expected) {
        EntityExchangeResult<String> result = client.get().uri("/api/v1/entities/PERSON/{name}/timeline", value)
                .header("X-API-Key", pathKey).exchange().expectBody(String.class).returnResult();

        if (expected == Outcome.REJECTED || value.contains("/")) {
            // an encoded slash inside a segment is refused too: services could decode it into another path
            assertRejected(result);
        } else {
            assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(200);
            String rawPath = JsonPath.read(result.getResponseBody(), "$.path");
            assertThat(UriUtils.decode(rawPath, StandardCharsets.UTF_8))
                    .isEqualTo("/api/v1/entities/PERSON/" + value + "/timeline");
        }
    }

    @ParameterizedTest(name = "parameter name {0} is rejected")
    @MethodSource("parameterNames")
    void operatorParameterNamesAreRejected(String name) {
        assertRejected(client.get().uri("/api/v1/articles?{n}=1", name).header("X-API-Key", "read-key").exchange()
                .expectBody(String.class).returnResult());
    }

    private static void assertRejected(EntityExchangeResult<String> result) {
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isIn(400, 414);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponseBody()).contains("\"detail\":");
    }
}
