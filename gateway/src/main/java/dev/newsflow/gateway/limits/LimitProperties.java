package dev.newsflow.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits enforced before anything reaches a service.
 *
 * @param articlesBody  largest body for POST /api/v1/articles (JSON or NDJSON batch)
 * @param pagesBody     largest body for POST /api/v1/pages (a whole newspaper page)
 * @param analyzeBody   largest body for POST /api/v1/analyze
 * @param otherBody     largest body anywhere else
 * @param ndjsonLines   most articles in one NDJSON batch
 * @param urlLength     longest path plus query string, in characters
 * @param headersSize   largest total size of the request headers
 */
@ConfigurationProperties("newsflow.gateway.limits")
record LimitProperties(
        @DefaultValue("1MB") DataSize articlesBody,
        @DefaultValue("4MB") DataSize pagesBody,
        @DefaultValue("1MB") DataSize analyzeBody,
        @DefaultValue("64KB") DataSize otherBody,
        @DefaultValue("1000") int ndjsonLines,
        @DefaultValue("2048") int urlLength,
        @DefaultValue("8KB") DataSize headersSize) {
}
