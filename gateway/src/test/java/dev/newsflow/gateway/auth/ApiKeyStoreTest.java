package dev.newsflow.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyStoreTest {

    private final ApiKeyStore store = new ApiKeyStore(" alpha:ingest+read , beta:admin,", Clock.systemUTC());

    @Test
    void seedsKeysWithScopesFromTheEnvironmentFormat() {
        assertThat(store.find("alpha")).get().satisfies(key -> {
            assertThat(key.id()).isEqualTo("env-1");
            assertThat(key.scopes()).containsExactlyInAnyOrder(Scope.INGEST, Scope.READ);
            assertThat(key.allows(Scope.ADMIN)).isFalse();
        });
        assertThat(store.find("beta")).get().satisfies(key -> assertThat(key.allows(Scope.INGEST)).isTrue());
        assertThat(store.find("gamma")).isEmpty();
        assertThat(store.find("")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void keepsOnlyHashesNeverSecrets() {
        ApiKeyStore.CreatedKey created = store.create("feed", Set.of(Scope.INGEST));
        assertThat(store.list()).allSatisfy(key -> {
            assertThat(key.toString()).doesNotContain(created.secret()).doesNotContain("alpha");
            assertThat(key.sha256()).hasSize(64).isNotEqualTo(created.secret());
        });
        assertThat(store.list()).extracting(ApiKey::sha256).contains(ApiKeyStore.sha256("alpha"));
        assertThat(created.toString()).doesNotContain(created.secret());
    }

    @Test
    void revokedKeyIsNoLongerFound() {
        ApiKeyStore.CreatedKey created = store.create("feed", Set.of(Scope.READ));
        assertThat(store.find(created.secret())).isPresent();

        assertThat(store.revoke(created.key().id())).isTrue();

        assertThat(store.find(created.secret())).isEmpty();
        assertThat(store.revoke(created.key().id())).isFalse();
    }

    @Test
    void rejectsUnknownScopeWithoutEchoingTheKey() {
        assertThatThrownBy(() -> new ApiKeyStore("s3cr3t:read,t0p:superuser", Clock.systemUTC()))
                .hasMessageContaining("entry #2").hasMessageContaining("superuser")
                .hasMessageNotContaining("t0p").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new ApiKeyStore("justakey", Clock.systemUTC()))
                .hasMessageContaining("key:scope").hasMessageNotContaining("justakey");
    }
}
