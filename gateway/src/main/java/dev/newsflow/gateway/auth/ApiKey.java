package dev.newsflow.gateway.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A stored API key: only the SHA-256 of the secret is kept.
 *
 * @param id        public identifier (safe to log and to show)
 * @param name      what the key is for
 * @param sha256    hex SHA-256 of the secret
 * @param scopes    granted scopes
 * @param createdAt creation time
 * @param origin    {@code env} (seeded from NEWSFLOW_API_KEYS) or {@code api} (created by an admin)
 */
public record ApiKey(String id, String name, String sha256, Set<Scope> scopes, Instant createdAt, String origin) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean allows(Scope scope) {
        return scopes.contains(Scope.ADMIN) || scopes.contains(scope);
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", name=" + name + ", scopes=" + scopes + ", origin=" + origin + "]";
    }
}
