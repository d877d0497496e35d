package dev.newsflow.gateway.web;

import dev.newsflow.gateway.auth.ApiKey;
import dev.newsflow.gateway.auth.ApiKeys;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (kept when the client sent a sane one, generated otherwise),
 * passes it downstream and back, leaves W3C {@code traceparent} untouched, and writes one access-log line per
 * request: method, path, status, duration, route, key id — never a key's secret or the query string.
 */
@Component
class CorrelationFilter implements WebFilter, Ordered {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
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
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(REQUEST_ID, requestId)).build();
        ServerWebExchange mutated = exchange.mutate().request(request).build();
        mutated.getResponse().getHeaders().set(REQUEST_ID, requestId);
        return chain.filter(mutated).doFinally(signal -> log(mutated, requestId, started));
    }

    private static void log(ServerWebExchange exchange, String requestId, long started) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String keyId = ApiKeys.of(exchange).map(ApiKey::id).orElse("-");
        ACCESS.info("{} {} {} {}ms route={} key={} requestId={}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), status == null ? "-" : status.value(),
                (System.nanoTime() - started) / 1_000_000, route == null ? "-" : route.getId(), keyId, requestId);
    }
}
