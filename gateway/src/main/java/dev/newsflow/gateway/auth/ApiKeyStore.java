package dev.newsflow.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The keys the gateway accepts, held in memory as SHA-256 hashes and seeded from {@code NEWSFLOW_API_KEYS}.
 * Keys created or revoked through the admin API take effect on the next request; they last until restart
 * (see the README for sharing them across replicas).
 */
@Component
public class ApiKeyStore {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();
    private final Clock clock;

    @Autowired
    ApiKeyStore(AuthProperties properties) {
        this(properties.apiKeys(), Clock.systemUTC());
    }

    ApiKeyStore(String seed, Clock clock) {
        this.clock = clock;
        seed(seed == null ? "" : seed);
        if (byHash.isEmpty()) {
            log.warn("No API keys configured (NEWSFLOW_API_KEYS is empty): every /api/v1 request will get 401");
        } else {
            log.info("{} API key(s) seeded from NEWSFLOW_API_KEYS (ids {})", byHash.size(),
                    byHash.values().stream().map(ApiKey::id).sorted().toList());
        }
    }

    private void seed(String seed) {
        int position = 0;
        for (String entry : seed.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            position++;
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("NEWSFLOW_API_KEYS entry #" + position
                        + " must look like key:scope+scope");
            }
            Set<Scope> scopes;
            try {
                scopes = parseScopes(List.of(parts[1].split("\\+")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("NEWSFLOW_API_KEYS entry #" + position + ": " + e.getMessage());
            }
            String hash = sha256(parts[0].strip());
            byHash.put(hash, new ApiKey("env-" + position, "NEWSFLOW_API_KEYS #" + position, hash, scopes,
                    clock.instant(), "env"));
        }
    }

    static Set<Scope> parseScopes(List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("at least one scope is required");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String label : labels) {
            scopes.add(Scope.parse(label));
        }
        return scopes;
    }

    /** The key whose secret this is, if it is known and not revoked. */
    public Optional<ApiKey> find(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 512) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(sha256(secret)));
    }

    /** Creates a key; the returned secret is not kept anywhere. */
    public CreatedKey create(String name, Set<Scope> scopes) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "nf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        String hash = sha256(secret);
        ApiKey key = new ApiKey("key-" + HexFormat.of().formatHex(idBytes), name, hash, scopes, clock.instant(), "api");
        byHash.put(hash, key);
        return new CreatedKey(key, secret);
    }

    public List<ApiKey> list() {
        return byHash.values().stream().sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
                .toList();
    }

    /** Removes the key with this id; true when there was one. */
    public boolean revoke(String id) {
        return byHash.values().removeIf(key -> key.id().equals(id));
    }

    /** One digest per thread: {@code MessageDigest.getInstance} looks the provider up on every call. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String sha256(String secret) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new key and its secret, shown to the caller once. */
    public record CreatedKey(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "CreatedKey[" + key + ", secret=***]";
        }
    }
}
