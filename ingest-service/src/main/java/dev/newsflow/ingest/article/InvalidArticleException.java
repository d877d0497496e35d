package dev.newsflow.ingest.article;

/**
 * A submitted article that cannot be accepted. {@code field} names the offending field (or {@code body} for a
 * request that is not JSON at all); {@code line} is the 1-based NDJSON line, 0 for a single JSON article.
 */
public class InvalidArticleException extends RuntimeException {

    private final String field;
    private final int line;

    InvalidArticleException(String field, int line, String message) {
        super((line > 0 ? "line " + line + ": " : "") + message);
        this.field = field;
        this.line = line;
    }

    public String field() {
        return field;
    }

    public int line() {
        return line;
    }
}
