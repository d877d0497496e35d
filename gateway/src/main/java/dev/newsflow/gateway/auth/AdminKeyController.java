package dev.newsflow.gateway.auth;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Key management for {@code admin} keys: create (secret shown once), list (no secrets), revoke. */
@RestController
@RequestMapping("/api/v1/admin/keys")
class AdminKeyController {

    private final ApiKeyStore store;

    AdminKeyController(ApiKeyStore store) {
        this.store = store;
    }

    @PostMapping(consumes = "application/json", produces = "application/json")
    ResponseEntity<CreatedKeyView> create(@RequestBody(required = false) CreateKeyRequest request) {
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw badRequest("Field 'name' is required (1-100 characters)");
        }
        Set<Scope> scopes;
        try {
            scopes = ApiKeyStore.parseScopes(request.scopes());
        } catch (IllegalArgumentException e) {
            throw badRequest("Field 'scopes': " + e.getMessage());
        }
        ApiKeyStore.CreatedKey created = store.create(request.name().strip(), scopes);
        return ResponseEntity.created(URI.create("/api/v1/admin/keys/" + created.key().id()))
                .cacheControl(CacheControl.noStore())
                .body(CreatedKeyView.of(created));
    }

    @GetMapping(produces = "application/json")
    List<KeyView> list() {
        return store.list().stream().map(KeyView::of).toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        if (!store.revoke(id)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No API key with id '"
                    + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + "'");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return ResponseEntity.noContent().build();
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }

    /** Body of {@code POST /api/v1/admin/keys}. */
    record CreateKeyRequest(String name, List<String> scopes) {
    }

    /** A key as listed: no secret, no hash. */
    record KeyView(String id, String name, List<String> scopes, Instant createdAt, String origin) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.name(), labels(key.scopes()), key.createdAt(), key.origin());
        }
    }

    /** A newly created key with its secret, returned once. */
    record CreatedKeyView(String id, String name, List<String> scopes, Instant createdAt, String key) {
        static CreatedKeyView of(ApiKeyStore.CreatedKey created) {
            ApiKey key = created.key();
            return new CreatedKeyView(key.id(), key.name(), labels(key.scopes()), key.createdAt(), created.secret());
        }

        @Override
        public String toString() {
            return "CreatedKeyView[id=" + id + ", key=***]";
        }
    }

    private static List<String> labels(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::label).toList();
    }
}
