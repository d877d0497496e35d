package dev.newsflow.gateway.ratelimit;

import dev.newsflow.gateway.web.FilterOrder;
import dev.newsflow.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gateway's rate-limit filter answers 429 with an empty body; this turns such an answer into problem+json
 * (Retry-After and X-RateLimit-Remaining stay as the limiter set them).
 */
@Component
class TooManyRequestsProblemFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return FilterOrder.CORRELATION + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var original = exchange.getResponse();
        var decorated = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> setComplete() {
                if (HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode()) && !isCommitted()) {
                    String retryAfter = getHeaders().getFirst("Retry-After");
                    return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                            "Rate limit for this API key exceeded"
                                    + (retryAfter == null ? "" : "; retry after " + retryAfter + " s"));
                }
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(decorated).build());
    }
}
