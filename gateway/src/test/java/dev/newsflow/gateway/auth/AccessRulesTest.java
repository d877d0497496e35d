package dev.newsflow.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class AccessRulesTest {

    private final AccessRules rules = new AccessRules(List.of("/actuator/health/**", "/v3/api-docs/**"));

    @Test
    void mapsEachEndpointToItsScope() {
        assertThat(rules.requiredScope(HttpMethod.POST, "/api/v1/articles")).contains(Scope.INGEST);
        assertThat(rules.requiredScope(HttpMethod.POST, "/api/v1/pages")).contains(Scope.INGEST);
        assertThat(rules.requiredScope(HttpMethod.POST, "/api/v1/analyze")).contains(Scope.READ);
        assertThat(rules.requiredScope(HttpMethod.GET, "/api/v1/articles/abc")).contains(Scope.READ);
        assertThat(rules.requiredScope(HttpMethod.GET, "/api/v1/admin/keys")).contains(Scope.ADMIN);
        assertThat(rules.requiredScope(HttpMethod.DELETE, "/api/v1/articles/abc")).contains(Scope.ADMIN);
        assertThat(rules.requiredScope(HttpMethod.GET, "/actuator/env")).contains(Scope.ADMIN);
    }

    @Test
    void onlyReadsOfOpenPathsNeedNoKey() {
        assertThat(rules.requiredScope(HttpMethod.GET, "/actuator/health")).isEmpty();
        assertThat(rules.requiredScope(HttpMethod.GET, "/actuator/health/readiness")).isEmpty();
        assertThat(rules.requiredScope(HttpMethod.GET, "/v3/api-docs/ingest")).isEmpty();
        assertThat(rules.requiredScope(HttpMethod.POST, "/actuator/health")).contains(Scope.ADMIN);
    }
}
