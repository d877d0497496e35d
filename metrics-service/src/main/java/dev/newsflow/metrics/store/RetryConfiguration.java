package dev.newsflow.metrics.store;

import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Store failures (MongoDB down, timeouts) are retried by the listener container with exponential back-off capped at
 * 30 s and no limit. The consumer is a batch listener that throws a plain exception, so the whole batch is retried
 * (storing is idempotent: finished members are duplicates, an interrupted batch is resumed): nothing is skipped or
 * dead-lettered because the database is away. Poison records never reach this: the consumer dead-letters them itself.
 */
@Configuration(proxyBeanMethods = false)
class RetryConfiguration {

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer retryStoreFailuresForever() {
        return new ListenerContainerWithDlqAndRetryCustomizer() {
            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                                  BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                                  BackOff backOff) {
                ExponentialBackOff forever = new ExponentialBackOff(200, 2.0);
                forever.setMaxInterval(30_000);
                container.setCommonErrorHandler(new DefaultErrorHandler(forever));
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }
}
