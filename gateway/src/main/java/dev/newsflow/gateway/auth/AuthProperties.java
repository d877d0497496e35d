package dev.newsflow.gateway.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API-key settings.
 *
 * @param apiKeys   the seed keys, {@code key:scope+scope,key2:scope} (NEWSFLOW_API_KEYS)
 * @param openPaths path patterns answered without a key (health, docs)
 */
@ConfigurationProperties("newsflow.gateway.auth")
record AuthProperties(
        @DefaultValue("") String apiKeys,
        @DefaultValue({"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**"}) List<String> openPaths) {
}
