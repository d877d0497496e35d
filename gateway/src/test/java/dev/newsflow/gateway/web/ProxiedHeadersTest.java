package dev.newsflow.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ProxiedHeadersTest {

    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/articles"));

    @Test
    void dropsHopByHopForwardedAndKeyHeadersInAnyCaseAndKeepsTheRest() {
        HttpHeaders in = new HttpHeaders();
        in.add("Content-Type", "application/json");
        in.add("X-Feed", "a");
        in.add("X-Feed", "b");
        in.add("x-api-key", "secret");
        in.add("KEEP-ALIVE", "timeout=5");
        in.add("Transfer-Encoding", "chunked");
        in.add("Upgrade", "h2c");
        in.add("Connection", "keep-alive, X-Private");
        in.add("x-private", "1");
        in.add("Forwarded", "for=10.0.0.1");
        in.add("X-Forwarded-Proto", "https");
        in.add("X-Forwarded-Prefix", "/x");

        HttpHeaders out = ProxiedHeaders.request(null).filter(in, exchange);

        assertThat(out.headerNames()).containsExactlyInAnyOrder("Content-Type", "X-Feed");
        assertThat(out.get("X-Feed")).containsExactly("a", "b");
    }

    @Test
    void sendsTheRequestsIdInPlaceOfTheClients() {
        exchange.getAttributes().put(CorrelationFilter.REQUEST_ID_ATTRIBUTE, "id-1");
        HttpHeaders in = new HttpHeaders();
        in.add("x-request-id", "bad id");

        HttpHeaders out = ProxiedHeaders.request(null).filter(in, exchange);

        assertThat(out.get(CorrelationFilter.REQUEST_ID)).containsExactly("id-1");
    }

    @Test
    void passesTheClientsTraceHeadersOnWhenTracingIsOff() {
        HttpHeaders in = new HttpHeaders();
        in.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(ProxiedHeaders.request(null).filter(in, exchange).getFirst("traceparent"))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void answersLoseOnlyHopByHopHeaders() {
        HttpHeaders in = new HttpHeaders();
        in.add("Content-Type", "application/json");
        in.add("X-Request-Id", "id-1");
        in.add("Location", "/api/v1/articles/1");
        in.add("Proxy-Authenticate", "Basic");
        in.add("Trailer", "X-Sum");
        in.add("X-Forwarded-For", "kept: only requests are cleaned of these");

        HttpHeaders out = ProxiedHeaders.response().filter(in, exchange);

        assertThat(out.headerNames()).containsExactlyInAnyOrder("Content-Type", "X-Request-Id", "Location", "X-Forwarded-For");
    }

    @Test
    void oneFilterForEachDirection() {
        assertThat(ProxiedHeaders.request(null).supports(Type.REQUEST)).isTrue();
        assertThat(ProxiedHeaders.request(null).supports(Type.RESPONSE)).isFalse();
        assertThat(ProxiedHeaders.response().supports(Type.RESPONSE)).isTrue();
        assertThat(ProxiedHeaders.response().supports(Type.REQUEST)).isFalse();
    }
}
