package dev.newsflow.ingest.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ackTimeout how long a request waits for the broker's acknowledgement of everything it published
 * @param recentIds  how many recently published ids are remembered to tag resubmissions as duplicates
 */
@ConfigurationProperties("newsflow.ingest.publish")
public record PublishProperties(Duration ackTimeout, Integer recentIds) {

    public PublishProperties {
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(10) : ackTimeout;
        recentIds = recentIds == null ? 10_000 : recentIds;
    }
}
