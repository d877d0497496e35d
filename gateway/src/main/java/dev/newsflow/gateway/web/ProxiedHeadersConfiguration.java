package dev.newsflow.gateway.web;

import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link ProxiedHeaders} in place of Spring Cloud Gateway's own header filters that it does the work of (each of
 * those copies every header of every request and answer).
 */
@Configuration(proxyBeanMethods = false)
class ProxiedHeadersConfiguration {

    /** Gateway's filters (GatewayAutoConfiguration) whose work {@link ProxiedHeaders} does in its one pass. */
    static final List<String> REPLACED = List.of("removeHopByHopHeadersFilter", "removeForwardedHeadersFilter",
            "removeXForwardedHeadersFilter");

    @Bean
    ProxiedHeaders proxiedRequestHeaders(ObjectProvider<Propagator> propagator) {
        return ProxiedHeaders.request(propagator.getIfAvailable());
    }

    @Bean
    ProxiedHeaders proxiedResponseHeaders() {
        return ProxiedHeaders.response();
    }

    @Bean
    static BeanDefinitionRegistryPostProcessor withoutReplacedHeaderFilters() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                REPLACED.stream().filter(registry::containsBeanDefinition).forEach(registry::removeBeanDefinition);
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            }
        };
    }
}
