package dev.newsflow.ingest.publish;

/** The broker did not acknowledge an article in time: nothing may be reported as accepted. */
public class PublishFailedException extends RuntimeException {

    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
