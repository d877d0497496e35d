package dev.newsflow.ingest.deadletter;

import dev.newsflow.events.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dead-letter topics the admin API may read and replay, each with the topic its records came from (used when
 * a dead letter lacks the {@code original-topic} header), how much of a payload a listing shows and how long a
 * read of the broker may take.
 */
@ConfigurationProperties("newsflow.ingest.deadletters")
record DeadLetterProperties(Map<String, String> topics, Integer previewChars, Integer maxLimit, Duration readTimeout) {

    DeadLetterProperties {
        if (topics == null || topics.isEmpty()) {
            topics = new LinkedHashMap<>();
            topics.put(Topics.ARTICLES_RAW_DLQ, Topics.ARTICLES_RAW);
            topics.put(Topics.ARTICLES_ENRICHED_DLQ, Topics.ARTICLES_ENRICHED);
            topics.put(Topics.PAGES_RAW_DLQ, Topics.PAGES_RAW);
        }
        previewChars = previewChars == null ? 200 : previewChars;
        maxLimit = maxLimit == null ? 500 : maxLimit;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    /** The compacted topic recording which dead letters of {@code dlq} were replayed. */
    static String markerTopic(String dlq) {
        return dlq + ".replayed";
    }
}
