package dev.newsflow.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsflow.gateway.auth.ApiKey;
import dev.newsflow.gateway.auth.ApiKeys;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/**
 * Token buckets per API key and route, held in a local Caffeine cache. To share limits across several gateway
 * replicas, replace the {@link AsyncProxyManager} bean with one of Bucket4j's distributed back ends (Redis via
 * bucket4j-redis/Lettuce, Hazelcast, Infinispan or JDBC): the limiter and the routes stay as they are.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    AsyncProxyManager<String> rateLimitBuckets() {
        return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(100_000))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(10)))
                .build()
                .asAsync();
    }

    /** Buckets belong to the API key that authenticated the request (its id, never its secret). */
    @Bean
    @Primary
    KeyResolver apiKeyResolver() {
        return exchange -> Mono.justOrEmpty(ApiKeys.of(exchange).map(ApiKey::id));
    }

    @Bean
    @Primary
    RetryAfterRateLimiter retryAfterRateLimiter(AsyncProxyManager<String> buckets,
            ConfigurationService configurationService, MeterRegistry registry) {
        return new RetryAfterRateLimiter(buckets, configurationService, registry);
    }
}
