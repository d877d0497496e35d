package dev.newsflow.gateway.auth;

import dev.newsflow.gateway.web.FilterOrder;
import dev.newsflow.gateway.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Checks {@code X-API-Key} before anything is routed: 401 for a missing or unknown key, 403 for a key without
 * the scope the request needs. The accepted key (never its secret) is left in an exchange attribute.
 */
@Component
class ApiKeyFilter implements WebFilter, Ordered {

    static final String HEADER = "X-API-Key";
    private static final Map<String, String> CHALLENGE =
            Map.of("WWW-Authenticate", "ApiKey realm=\"newsflow\", header=\"X-API-Key\"");

    private final ApiKeyStore store;
    private final AccessRules rules;
    private final Counter missing;
    private final Counter unknown;
    private final Counter scope;

    ApiKeyFilter(ApiKeyStore store, AuthProperties properties, MeterRegistry registry) {
        this.store = store;
        this.rules = new AccessRules(properties.openPaths());
        this.missing = rejected(registry, "missing");
        this.unknown = rejected(registry, "unknown");
        this.scope = rejected(registry, "scope");
    }

    private static Counter rejected(MeterRegistry registry, String reason) {
        return Counter.builder("newsflow.gateway.auth.rejected").description("Requests refused by API-key checks")
                .tag("reason", reason).register(registry);
    }

    @Override
    public int getOrder() {
        return FilterOrder.AUTH;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        Optional<Scope> required = rules.requiredScope(exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().pathWithinApplication());
        String secret = exchange.getRequest().getHeaders().getFirst(HEADER);
        Optional<ApiKey> key = store.find(secret);
        key.ifPresent(k -> exchange.getAttributes().put(ApiKeys.ATTRIBUTE, k));
        if (required.isEmpty()) {
            return chain.filter(exchange);
        }
        if (secret == null || secret.isBlank()) {
            missing.increment();
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                    "Missing API key: send it in the X-API-Key header", CHALLENGE);
        }
        if (key.isEmpty()) {
            unknown.increment();
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                    "Unknown or revoked API key in the X-API-Key header", CHALLENGE);
        }
        if (!key.get().allows(required.get())) {
            scope.increment();
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "API key " + key.get().id()
                    + " lacks the '" + required.get().label() + "' scope needed for "
                    + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value());
        }
        return chain.filter(exchange);
    }
}
