package dev.newsflow.ingest.article;

import dev.newsflow.events.ArticleIds;
import dev.newsflow.events.ArticleSubmitted;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JSON article or an NDJSON batch into {@link ArticleSubmitted} events (without {@code ingestedAt}),
 * validating every field first: a batch is rejected as a whole at its first bad line.
 */
@Component
public class ArticleRequestParser {

    static final int MAX_BODY_CHARS = 1_000_000;
    private static final Map<String, Integer> MAX_LENGTHS =
            Map.of("title", 1000, "source", 200, "url", 2000, "section", 200, "language", 35, "publishedAt", 64);
    private static final Set<String> FIELDS =
            Set.of("id", "title", "body", "source", "url", "publishedAt", "section", "language");

    private final JsonMapper json;

    public ArticleRequestParser(JsonMapper json) {
        this.json = json;
    }

    public ArticleSubmitted parseOne(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidArticleException("body", 0, "request body is empty: expected one JSON article");
        }
        return parseLine(text, 0);
    }

    public List<ArticleSubmitted> parseBatch(String text) {
        List<ArticleSubmitted> articles = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                articles.add(parseLine(lines[i], i + 1));
            }
        }
        if (articles.isEmpty()) {
            throw new InvalidArticleException("body", 0, "request body is empty: expected one JSON article per line");
        }
        return articles;
    }

    private ArticleSubmitted parseLine(String text, int line) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidArticleException("body", line, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidArticleException("body", line, "expected a JSON object");
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidArticleException(name, line, "unknown field '" + name + "' (allowed: "
                        + "title, body, source, url, publishedAt, section, language)");
            }
        }
        String body = text(node, "body", line);
        if (body == null || body.isBlank()) {
            throw new InvalidArticleException("body", line, "field 'body' is required and must not be blank");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new InvalidArticleException("body", line, "field 'body' is longer than " + MAX_BODY_CHARS + " characters");
        }
        String id = text(node, "id", line);
        if (id != null && !ArticleIds.isValid(id)) {
            throw new InvalidArticleException("id", line, "field 'id' must be " + ArticleIds.LENGTH + " lowercase hex characters");
        }
        String title = text(node, "title", line);
        String source = text(node, "source", line);
        String url = text(node, "url", line);
        String publishedAt = text(node, "publishedAt", line);
        String section = text(node, "section", line);
        String language = text(node, "language", line);
        if (url != null && !url.isBlank() && !isHttpUrl(url)) {
            throw new InvalidArticleException("url", line, "field 'url' must be an absolute http(s) URL");
        }
        if (publishedAt != null && !isIsoDateOrDateTime(publishedAt.strip())) {
            throw new InvalidArticleException("publishedAt", line,
                    "field 'publishedAt' must be an ISO-8601 date or date-time (2022-08-10 or 2022-08-10T06:00:00+08:00), got '"
                            + publishedAt + "'");
        }
        if (language != null && !isLanguageTag(language.strip())) {
            throw new InvalidArticleException("language", line, "field 'language' must be a BCP 47 tag such as zh or zh-Hant");
        }
        return new ArticleSubmitted(ArticleSubmitted.SCHEMA_VERSION, id, blankToNull(title), body, blankToNull(source),
                blankToNull(url), publishedAt == null ? null : publishedAt.strip(), blankToNull(section),
                language == null ? null : language.strip(), null, null);
    }

    private static String text(JsonNode node, String field, int line) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidArticleException(field, line, "field '" + field + "' must be a string");
        }
        String s = value.stringValue();
        Integer max = MAX_LENGTHS.get(field);
        if (max != null && s.length() > max) {
            throw new InvalidArticleException(field, line, "field '" + field + "' is longer than " + max + " characters");
        }
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean isHttpUrl(String url) {
        try {
            java.net.URI uri = new java.net.URI(url.strip());
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static boolean isIsoDateOrDateTime(String s) {
        for (java.util.function.Consumer<String> parser : List.<java.util.function.Consumer<String>>of(
                LocalDate::parse, OffsetDateTime::parse, LocalDateTime::parse, Instant::parse)) {
            try {
                parser.accept(s);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

    private static boolean isLanguageTag(String s) {
        try {
            new Locale.Builder().setLanguageTag(s);
            return !s.isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
