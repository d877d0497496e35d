package dev.newsflow.gateway.auth;

import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/** Access to the key that authenticated a request. */
public final class ApiKeys {

    static final String ATTRIBUTE = ApiKeys.class.getName() + ".key";

    private ApiKeys() {
    }

    public static Optional<ApiKey> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
