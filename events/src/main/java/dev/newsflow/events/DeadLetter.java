package dev.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A record a consumer could not process, as listed by the admin API. On the dead-letter topics the
 * original bytes travel unchanged as the record value and the rest of this record as headers
 * ({@link #HEADER_REASON}, {@link #HEADER_STAGE}, ...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(
        int schemaVersion,
        String topic,
        int partition,
        long offset,
        String key,
        String stage,
        String reason,
        String exception,
        int attempts,
        String payloadBase64,
        Instant failedAt) {

    public static final int SCHEMA_VERSION = 1;

    public static final String HEADER_REASON = "newsflow-dlt-reason";
    public static final String HEADER_STAGE = "newsflow-dlt-stage";
    public static final String HEADER_EXCEPTION = "newsflow-dlt-exception";
    public static final String HEADER_ATTEMPTS = "newsflow-dlt-attempts";
    public static final String HEADER_ORIGINAL_TOPIC = "newsflow-dlt-original-topic";
    public static final String HEADER_ORIGINAL_PARTITION = "newsflow-dlt-original-partition";
    public static final String HEADER_ORIGINAL_OFFSET = "newsflow-dlt-original-offset";
}
