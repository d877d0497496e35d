package dev.newsflow.gateway.resilience;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Resilience4j circuit breaker per route (named after it), opened by connection failures and timeouts (the
 * route's response-timeout: no TimeLimiter of its own, see application.yml), and one
 * semaphore bulkhead per route bounding its requests in flight ({@link InFlightProperties}). A full bulkhead is
 * overload, not failure: the breaker ignores it and the fallback answers 429.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(BreakerProperties breaker) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(breaker.slidingWindowSize())
                        .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                        .failureRateThreshold(breaker.failureRateThreshold())
                        .waitDurationInOpenState(breaker.waitDurationInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .ignoreExceptions(BulkheadFullException.class)
                        .build())
                .build());
    }

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> routeBulkheads(InFlightProperties inFlight) {
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(BulkheadConfig.custom()
                        .maxConcurrentCalls(inFlight.forRoute(id))
                        .maxWaitDuration(Duration.ZERO)
                        .build())
                .build());
    }

    /** Circuit-breaker thresholds shared by every route. */
    @ConfigurationProperties("newsflow.gateway.circuit-breaker")
    record BreakerProperties(
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10s") Duration waitDurationInOpenState) {
    }
}
