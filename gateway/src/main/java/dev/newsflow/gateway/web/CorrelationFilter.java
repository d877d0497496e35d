package dev.newsflow.gateway.web;

import dev.newsflow.gateway.auth.ApiKey;
import dev.newsflow.gateway.auth.ApiKeys;
import io.micrometer.tracing.Span;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (kept when the client sent a sane one, generated otherwise),
 * passes it downstream and back, leaves W3C {@code traceparent} untouched, and writes one access-log line per
 * request: method, path, status, duration, route, key id — never a key's secret or the query string. The line
 * carries the request's trace and span ids (taken from the server observation of the exchange, so no thread-local
 * context propagation across Reactor's thread hops is needed for them).
 */
@Component
class CorrelationFilter implements WebFilter, Ordered {

    static final String REQUEST_ID = "X-Request-Id";
    /** The request's id, which {@link ProxiedHeaders} sends to the service in place of the client's header. */
    static final String REQUEST_ID_ATTRIBUTE = CorrelationFilter.class.getName() + ".requestId";
    private static final Logger ACCESS = LoggerFactory.getLogger("newsflow.gateway.access");

    @Override
    public int getOrder() {
        return FilterOrder.CORRELATION;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        exchange.getAttributes().put(Problems.ORIGINAL_PATH, exchange.getRequest().getPath().value());
        String given = exchange.getRequest().getHeaders().getFirst(REQUEST_ID);
        String requestId = isSane(given) ? given : newRequestId();
        // no copy of the request with the header changed: ProxiedHeaders sets it on what is sent to the service
        exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
        return chain.filter(exchange).doFinally(signal -> log(exchange, requestId, started));
    }

    /** {@code [A-Za-z0-9._:-]{1,128}}, checked without a regex. */
    static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A random (version 4) UUID; a request id needs uniqueness, not the blocking SecureRandom of randomUUID(). */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }

    private static void log(ServerWebExchange exchange, String requestId, long started) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        Span span = ServerSpans.of(exchange);
        if (span == null || MDC.get("traceId") != null) {
            access(exchange, requestId, started);
            return;
        }
        MDC.put("traceId", span.context().traceId());
        MDC.put("spanId", span.context().spanId());
        try {
            access(exchange, requestId, started);
        } finally {
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    private static void access(ServerWebExchange exchange, String requestId, long started) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String keyId = ApiKeys.of(exchange).map(ApiKey::id).orElse("-");
        ACCESS.info("{} {} {} {}ms route={} key={} requestId={}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), status == null ? "-" : status.value(),
                (System.nanoTime() - started) / 1_000_000, route == null ? "-" : route.getId(), keyId, requestId);
    }
}
