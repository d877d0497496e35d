package dev.newsflow.gateway.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-route timeouts in milliseconds (the routes read them as metadata; the circuit breakers' time limiters
 * are set a little above them so the route's own timeout answers first).
 */
@ConfigurationProperties("newsflow.gateway.timeouts")
record TimeoutProperties(
        @DefaultValue("1000") long connect,
        @DefaultValue("10000") long ingest,
        @DefaultValue("15000") long nlp,
        @DefaultValue("5000") long metrics,
        @DefaultValue("30000") long admin,
        @DefaultValue("5000") long docs) {

    long forRoute(String routeId) {
        return switch (routeId) {
            case "ingest" -> ingest;
            case "nlp" -> nlp;
            case "metrics" -> metrics;
            case "metrics-admin" -> admin;
            default -> Math.max(Math.max(ingest, nlp), Math.max(Math.max(metrics, admin), docs));
        };
    }
}
