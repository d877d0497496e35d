package dev.newsflow.gateway.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests each route may have in flight to its service at once (a semaphore bulkhead per route). One
 * more is answered at once with 429 and {@code Retry-After}: overload is shed at the door, the service behind keeps
 * its latency, and the route's circuit breaker stays closed (being full is not the service failing).
 */
@ConfigurationProperties("newsflow.gateway.in-flight")
record InFlightProperties(
        @DefaultValue("64") int ingest,
        @DefaultValue("8") int nlp,
        @DefaultValue("64") int metrics,
        @DefaultValue("8") int admin) {

    int forRoute(String routeId) {
        return switch (routeId) {
            case "ingest" -> ingest;
            case "nlp" -> nlp;
            case "metrics" -> metrics;
            default -> admin;
        };
    }
}
