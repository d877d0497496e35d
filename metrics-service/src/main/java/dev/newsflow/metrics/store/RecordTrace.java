package dev.newsflow.metrics.store;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Puts one record's trace context (its W3C {@code traceparent} and the {@code X-Request-Id} baggage) into the logging
 * MDC while a line about that record is logged. A batch listener runs under one observation for the whole poll, so
 * without this the per-article lines would carry the batch's trace instead of the article's.
 */
final class RecordTrace implements AutoCloseable {

    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");
    private static final Pattern REQUEST_ID = Pattern.compile("(?:^|,)\\s*X-Request-Id=([^,;]*)");
    private static final String[] KEYS = {"traceId", "spanId", "X-Request-Id"};

    private final String[] previous = new String[KEYS.length];

    private RecordTrace(String traceId, String spanId, String requestId) {
        String[] values = {traceId, spanId, requestId};
        for (int i = 0; i < KEYS.length; i++) {
            previous[i] = MDC.get(KEYS[i]);
            if (values[i] != null) {
                MDC.put(KEYS[i], values[i]);
            }
        }
    }

    /** The trace of a record with these (Kafka) headers; a no-op scope when they carry none. */
    static RecordTrace of(Map<?, ?> headers) {
        String traceId = null;
        String spanId = null;
        String requestId = null;
        if (headers != null) {
            Matcher t = TRACEPARENT.matcher(text(headers.get("traceparent")).strip());
            if (t.matches()) {
                traceId = t.group(1);
                spanId = t.group(2);
            }
            Matcher r = REQUEST_ID.matcher(text(headers.get("baggage")));
            if (r.find()) {
                requestId = r.group(1).strip();
            }
        }
        return new RecordTrace(traceId, spanId, requestId);
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? "" : value.toString();
    }

    @Override
    public void close() {
        for (int i = 0; i < KEYS.length; i++) {
            if (previous[i] == null) {
                MDC.remove(KEYS[i]);
            } else {
                MDC.put(KEYS[i], previous[i]);
            }
        }
    }
}
