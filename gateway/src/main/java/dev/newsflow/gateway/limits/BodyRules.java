package dev.newsflow.gateway.limits;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Per endpoint: which content types a body may have and how large it may be. */
final class BodyRules {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final List<MediaType> ARTICLE_TYPES = List.of(MediaType.APPLICATION_JSON, NDJSON,
            MediaType.parseMediaType("application/jsonl"), MediaType.parseMediaType("application/jsonlines"));
    private static final List<MediaType> PAGE_TYPES = List.of(MediaType.TEXT_PLAIN);
    private static final List<MediaType> ANALYZE_TYPES = List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN);
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final PathPattern ARTICLES = PARSER.parse("/api/v1/articles");
    private static final PathPattern PAGES = PARSER.parse("/api/v1/pages");
    private static final PathPattern ANALYZE = PARSER.parse("/api/v1/analyze");
    private static final PathPattern ADMIN = PARSER.parse("/api/v1/admin/**");

    /** The rule for one endpoint; {@code types} empty means any content type. */
    record Rule(String endpoint, List<MediaType> types, long maxBytes, boolean countsNdjsonLines) {
    }

    private BodyRules() {
    }

    static boolean hasBody(HttpMethod method) {
        return HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method);
    }

    static Rule ruleFor(PathContainer container, LimitProperties limits) {
        String path = container.value();
        if (ARTICLES.matches(container)) {
            return new Rule("POST /api/v1/articles", ARTICLE_TYPES, limits.articlesBody().toBytes(), true);
        }
        if (PAGES.matches(container)) {
            return new Rule("POST /api/v1/pages", PAGE_TYPES, limits.pagesBody().toBytes(), false);
        }
        if (ANALYZE.matches(container)) {
            return new Rule("POST /api/v1/analyze", ANALYZE_TYPES, limits.analyzeBody().toBytes(), false);
        }
        if (ADMIN.matches(container)) {
            return new Rule(path, JSON, limits.otherBody().toBytes(), false);
        }
        return new Rule(path, List.of(), limits.otherBody().toBytes(), false);
    }

    static boolean isNdjson(MediaType type) {
        return type != null && !MediaType.APPLICATION_JSON.isCompatibleWith(type)
                && ARTICLE_TYPES.stream().anyMatch(t -> t.isCompatibleWith(type));
    }
}
