package dev.newsflow.gateway.web;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** CORS for every path, answered before the key check so that browser preflights work. */
@Component
class CorsFilter implements WebFilter, Ordered {

    private final CorsWebFilter delegate;

    CorsFilter(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("X-API-Key", "Content-Type", "X-Request-Id", "traceparent", "tracestate"));
        cors.setExposedHeaders(List.of("X-Request-Id", "X-RateLimit-Remaining", "Retry-After", "Location"));
        cors.setMaxAge(properties.maxAge());
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        this.delegate = new CorsWebFilter(source);
    }

    @Override
    public int getOrder() {
        return FilterOrder.CORS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return delegate.filter(exchange, chain);
    }
}
