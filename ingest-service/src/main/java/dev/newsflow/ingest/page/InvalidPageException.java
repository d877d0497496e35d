package dev.newsflow.ingest.page;

/** A page request that cannot be accepted; {@code field} names the parameter at fault. */
public class InvalidPageException extends RuntimeException {

    private final String field;

    public InvalidPageException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
