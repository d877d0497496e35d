package dev.newsflow.metrics.query;

/** The requested resource does not exist; rendered as 404 problem+json. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
