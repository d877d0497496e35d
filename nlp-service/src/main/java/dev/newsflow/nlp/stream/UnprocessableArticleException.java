package dev.newsflow.nlp.stream;

/**
 * A raw record that no retry can fix (not JSON, not an article, no body): it goes to the dead-letter topic at
 * once, with {@link #reason()} as the reason header.
 */
final class UnprocessableArticleException extends RuntimeException {

    static final String MALFORMED = "malformed-json";
    static final String MISSING_BODY = "missing-body";

    private final String reason;

    UnprocessableArticleException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
