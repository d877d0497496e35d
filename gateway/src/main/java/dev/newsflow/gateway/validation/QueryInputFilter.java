package dev.newsflow.gateway.validation;

import dev.newsflow.gateway.web.FilterOrder;
import dev.newsflow.gateway.web.Problems;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Refuses, with 400 problem+json naming the parameter, /api/v1 requests whose query parameters or path
 * segments could change the shape of a MongoDB query (see {@link QueryInputRules}). The services validate
 * again; this keeps such input from reaching them at all.
 */
@Component
class QueryInputFilter implements WebFilter, Ordered {

    private final QueryInputRules rules;
    private final InputProperties properties;

    QueryInputFilter(InputProperties properties) {
        this.properties = properties;
        this.rules = new QueryInputRules(properties.maxValueLength());
    }

    @Override
    public int getOrder() {
        return FilterOrder.INPUT_VALIDATION;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/v1/")) {
            return chain.filter(exchange);
        }
        Optional<String> problem;
        try {
            problem = check(exchange);
        } catch (IllegalArgumentException e) {
            problem = Optional.of("the URL is not correctly percent-encoded");
        }
        if (problem.isPresent()) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "Invalid input: " + problem.get());
        }
        return chain.filter(exchange);
    }

    private Optional<String> check(ServerWebExchange exchange) {
        for (PathContainer.Element element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String raw = segment.value();
                String decoded = raw.indexOf('%') < 0 ? raw : UriUtils.decode(raw, StandardCharsets.UTF_8);
                Optional<String> problem = rules.checkValue(() -> "path segment '" + shorten(decoded) + "'", decoded);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        if (exchange.getRequest().getURI().getRawQuery() == null) {
            return Optional.empty();
        }
        // already percent-decoded, exactly as the services will see them
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        int count = query.values().stream().mapToInt(List::size).sum();
        if (count > properties.maxParameters()) {
            return Optional.of(count + " query parameters; the limit is " + properties.maxParameters());
        }
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            String name = entry.getKey();
            Optional<String> problem = rules.checkName(name);
            if (problem.isPresent()) {
                return problem;
            }
            for (String raw : entry.getValue()) {
                String value = raw == null ? "" : raw;
                problem = rules.checkValue(() -> "query parameter '" + name + "'", value);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static String shorten(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
