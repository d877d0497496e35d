package dev.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An article accepted by the platform, on {@link Topics#ARTICLES_RAW} (key = {@code id}).
 * Feeds producing directly may omit {@code id} (it is then derived with {@link ArticleIds}) and
 * {@code ingestedAt}.
 *
 * @param publishedAt ISO-8601 date or date-time, as given by the source
 * @param ingestedAt  when the platform accepted the article (start of the end-to-end latency)
 * @param layout      page-splitting metadata, for articles cut out of a page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleSubmitted(
        int schemaVersion,
        String id,
        String title,
        String body,
        String source,
        String url,
        String publishedAt,
        String section,
        String language,
        Instant ingestedAt,
        PageLayout layout) {

    public static final int SCHEMA_VERSION = 1;

    /** The id this article must carry: the given one, or the one derived from its content. */
    public String effectiveId() {
        return id != null && !id.isBlank() ? id : ArticleIds.of(title, body, source, url);
    }
}
