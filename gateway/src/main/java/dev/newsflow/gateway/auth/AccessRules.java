package dev.newsflow.gateway.auth;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which scope a request needs: {@code ingest} for POST /articles and /pages, {@code read} for GETs and
 * POST /analyze, {@code admin} for /admin and for anything else that is not open. Empty means no key needed.
 */
final class AccessRules {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final PathPattern ADMIN = PARSER.parse("/api/v1/admin/**");
    private static final PathPattern ARTICLES = PARSER.parse("/api/v1/articles");
    private static final PathPattern PAGES = PARSER.parse("/api/v1/pages");
    private static final PathPattern ANALYZE = PARSER.parse("/api/v1/analyze");
    private static final PathPattern API = PARSER.parse("/api/v1/**");

    private final List<PathPattern> openPaths;

    AccessRules(List<String> openPaths) {
        this.openPaths = openPaths.stream().map(PARSER::parse).toList();
    }

    Optional<Scope> requiredScope(HttpMethod method, String path) {
        return requiredScope(method, PathContainer.parsePath(path));
    }

    /** As above, for a path already parsed (a request's {@code pathWithinApplication()}: no second parse). */
    Optional<Scope> requiredScope(HttpMethod method, PathContainer container) {
        if (ADMIN.matches(container)) {
            return Optional.of(Scope.ADMIN);
        }
        if (HttpMethod.POST.equals(method) && (ARTICLES.matches(container) || PAGES.matches(container))) {
            return Optional.of(Scope.INGEST);
        }
        if (HttpMethod.POST.equals(method) && ANALYZE.matches(container)) {
            return Optional.of(Scope.READ);
        }
        if ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && API.matches(container)) {
            return Optional.of(Scope.READ);
        }
        if ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && openPaths.stream().anyMatch(p -> p.matches(container))) {
            return Optional.empty();
        }
        return Optional.of(Scope.ADMIN);
    }
}
