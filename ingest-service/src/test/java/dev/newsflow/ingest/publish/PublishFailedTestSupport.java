package dev.newsflow.ingest.publish;

public final class PublishFailedTestSupport {

    private PublishFailedTestSupport() {
    }

    public static PublishFailedException failure() {
        return new PublishFailedException("broker down", new org.apache.kafka.common.errors.TimeoutException("test"));
    }
}
