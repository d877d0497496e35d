package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment-variable names the README documents reach the placeholders the routes use. */
class EnvironmentVariablesTest {

    @Test
    void relaxedEnvironmentNamesResolveRoutePlaceholders() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                "NEWSFLOW_GATEWAY_RATELIMIT_INGEST_CAPACITY", "120",
                "NEWSFLOW_GATEWAY_TIMEOUTS_NLP", "30000",
                "NEWSFLOW_GATEWAY_LIMITS_PAGESBODY", "8MB")));
        ConfigurationPropertySources.attach(environment);

        assertThat(environment.resolvePlaceholders("${newsflow.gateway.rate-limit.ingest.capacity}")).isEqualTo("120");
        assertThat(environment.resolvePlaceholders("${newsflow.gateway.timeouts.nlp}")).isEqualTo("30000");
        assertThat(environment.getProperty("newsflow.gateway.limits.pages-body")).isEqualTo("8MB");
    }
}
