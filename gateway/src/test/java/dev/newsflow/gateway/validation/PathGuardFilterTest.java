package dev.newsflow.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathGuardFilterTest {

    @Test
    void refusesPathsServicesCouldNormaliseIntoAnotherEndpoint() {
        assertThat(PathGuardFilter.check("/api/v1/articles/../admin/stats")).isPresent();
        assertThat(PathGuardFilter.check("/api/v1/articles/%2E%2e/admin/stats")).isPresent();
        assertThat(PathGuardFilter.check("/api/v1/articles/./x")).isPresent();
        assertThat(PathGuardFilter.check("/api/v1/articles/..%2Fadmin")).isPresent();
        assertThat(PathGuardFilter.check("/api/v1/articles;x=1/../admin")).isPresent();
        assertThat(PathGuardFilter.check("/api/v1//admin/stats")).isPresent();
        assertThat(PathGuardFilter.check("/api/v1/articles/a%5Cb")).isPresent();
    }

    @Test
    void acceptsOrdinaryPaths() {
        assertThat(PathGuardFilter.check("/api/v1/entities/LOCATION/%E9%94%A6%E5%B7%9E/timeline")).isEmpty();
        assertThat(PathGuardFilter.check("/api/v1/articles/abc.def")).isEmpty();
        assertThat(PathGuardFilter.check("/api/v1/articles/...")).isEmpty();
        assertThat(PathGuardFilter.check("/")).isEmpty();
    }
}
