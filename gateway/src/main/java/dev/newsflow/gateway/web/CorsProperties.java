package dev.newsflow.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access for browser clients.
 *
 * @param allowedOrigins origin patterns (e.g. {@code https://*.example.org}); empty disables CORS
 * @param maxAge         how long browsers may cache a preflight answer
 */
@ConfigurationProperties("newsflow.gateway.cors")
record CorsProperties(
        @DefaultValue({"http://localhost:[*]", "http://127.0.0.1:[*]"}) List<String> allowedOrigins,
        @DefaultValue("30m") Duration maxAge) {
}
