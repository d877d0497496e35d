package dev.newsflow.gateway.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-route timeouts in milliseconds. The routes read them as metadata ({@code response-timeout}); that timeout is
 * the only one a call has (504, counted by the route's circuit breaker as a failure): the breakers have no
 * TimeLimiter of their own.
 */
@ConfigurationProperties("newsflow.gateway.timeouts")
record TimeoutProperties(
        @DefaultValue("1000") long connect,
        @DefaultValue("10000") long ingest,
        @DefaultValue("15000") long nlp,
        @DefaultValue("5000") long metrics,
        @DefaultValue("30000") long admin,
        @DefaultValue("5000") long docs) {
}
