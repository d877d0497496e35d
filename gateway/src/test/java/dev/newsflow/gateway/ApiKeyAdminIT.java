package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Key management through the API: create (secret once), list without secrets, revoke without restart. */
class ApiKeyAdminIT extends GatewayTestSupport {

    @Test
    void createdKeyWorksAtOnceAndRevokedKeyIsRefusedAtOnce() {
        String created = client.post().uri("/api/v1/admin/keys").header("X-API-Key", "admin-key")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"dashboard\",\"scopes\":[\"read\"]}")
                .exchange().expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/admin/keys/key-[0-9a-f]+")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
        String id = JsonPath.read(created, "$.id");
        String secret = JsonPath.read(created, "$.key");
        assertThat(secret).startsWith("nf_").hasSizeGreaterThan(40);
        assertThat(JsonPath.<List<String>>read(created, "$.scopes")).containsExactly("read");

        client.get().uri("/api/v1/trends").header("X-API-Key", secret).exchange().expectStatus().isOk();
        client.post().uri("/api/v1/pages").header("X-API-Key", secret).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("x").exchange().expectStatus().isForbidden();

        String listed = client.get().uri("/api/v1/admin/keys").header("X-API-Key", "admin-key").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(listed).contains(id).contains("\"origin\":\"env\"").doesNotContain(secret)
                .doesNotContain("sha256").doesNotContain("admin-key");

        client.delete().uri("/api/v1/admin/keys/{id}", id).header("X-API-Key", "admin-key").exchange()
                .expectStatus().isNoContent();
        client.get().uri("/api/v1/trends").header("X-API-Key", secret).exchange().expectStatus().isUnauthorized();
        client.delete().uri("/api/v1/admin/keys/{id}", id).header("X-API-Key", "admin-key").exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rejectsKeyWithUnknownScopeNamingTheField() {
        client.post().uri("/api/v1/admin/keys").header("X-API-Key", "admin-key")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\",\"scopes\":[\"root\"]}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("scopes").contains("root"));
    }

    @Test
    void keyManagementNeedsAdminScope() {
        client.get().uri("/api/v1/admin/keys").header("X-API-Key", "read-key").exchange().expectStatus().isForbidden();
        client.post().uri("/api/v1/admin/keys").header("X-API-Key", "ingest-key")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\",\"scopes\":[\"admin\"]}")
                .exchange().expectStatus().isForbidden();
        assertThat(METRICS.count("GET", "/api/v1/admin/keys")).isZero();
    }
}
