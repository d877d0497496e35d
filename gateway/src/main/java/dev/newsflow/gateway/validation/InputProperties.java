package dev.newsflow.gateway.validation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on query parameters and path segments of /api/v1 requests.
 *
 * @param maxValueLength longest parameter value or path segment, in characters (after decoding)
 * @param maxParameters  most query parameters (counting repeats)
 */
@ConfigurationProperties("newsflow.gateway.input")
record InputProperties(@DefaultValue("200") int maxValueLength, @DefaultValue("30") int maxParameters) {
}
