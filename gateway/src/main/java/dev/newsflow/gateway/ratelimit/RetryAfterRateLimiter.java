package dev.newsflow.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import reactor.core.publisher.Mono;

/**
 * Gateway's {@link Bucket4jRateLimiter} with one bucket per route and key, plus {@code Retry-After} (whole
 * seconds until a token is back) on refusals and the {@code newsflow.gateway.ratelimited} counter.
 * If the bucket store fails the request is let through (and logged): limits protect, they must not take the
 * platform down.
 */
class RetryAfterRateLimiter extends Bucket4jRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RetryAfterRateLimiter.class);

    private final AsyncProxyManager<String> buckets;
    private final MeterRegistry registry;

    RetryAfterRateLimiter(AsyncProxyManager<String> buckets, ConfigurationService configurationService,
            MeterRegistry registry) {
        super(buckets, configurationService);
        this.buckets = buckets;
        this.registry = registry;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String keyId) {
        Config config = loadRouteConfiguration(routeId);
        var bucket = buckets.builder().build(routeId + "|" + keyId, config.getConfigurationSupplier());
        return Mono.fromFuture(() -> bucket.tryConsumeAndReturnRemaining(config.getRequestedTokens()))
                .map(probe -> respond(routeId, config, probe))
                .onErrorResume(e -> {
                    log.warn("rate-limit store failed for route {}; letting the request through", routeId, e);
                    return Mono.just(new Response(true, Map.of()));
                });
    }

    private Response respond(String routeId, Config config, ConsumptionProbe probe) {
        Map<String, String> headers = new HashMap<>(getHeaders(config, Math.max(0, probe.getRemainingTokens())));
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            headers.put("Retry-After", Long.toString(seconds));
            Counter.builder("newsflow.gateway.ratelimited").description("Requests refused with 429 by rate limits")
                    .tag("route", routeId).register(registry).increment();
        }
        return new Response(probe.isConsumed(), headers);
    }
}
