package dev.newsflow.gateway.validation;

import dev.newsflow.gateway.web.FilterOrder;
import dev.newsflow.gateway.web.Problems;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses paths that a service might normalise differently from the gateway — {@code .} and {@code ..}
 * segments (plain or percent-encoded), empty segments, encoded slashes or backslashes, {@code ;} path
 * parameters — so that a path allowed for one scope can never reach an endpoint that needs another
 * (e.g. {@code /api/v1/articles/../admin/...}). Runs before the key check.
 */
@Component
class PathGuardFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return FilterOrder.PATH_GUARD;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> problem = check(exchange.getRequest().getURI().getRawPath());
        if (problem.isPresent()) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "Invalid path: " + problem.get());
        }
        return chain.filter(exchange);
    }

    static Optional<String> check(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return Optional.empty();
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || rawPath.indexOf('\\') >= 0) {
            return Optional.of("encoded slashes and backslashes are not allowed");
        }
        if (rawPath.indexOf(';') >= 0) {
            return Optional.of("path parameters (';') are not allowed");
        }
        if (rawPath.contains("//")) {
            return Optional.of("empty path segments are not allowed");
        }
        for (String segment : lower.split("/")) {
            String dots = segment.replace("%2e", ".");
            if (dots.equals(".") || dots.equals("..")) {
                return Optional.of("'.' and '..' segments are not allowed");
            }
        }
        return Optional.empty();
    }
}
