package dev.newsflow.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RecordTraceTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void putsTheRecordsTraceIntoTheMdcAndRestoresTheBatchsAfterwards() {
        MDC.put("traceId", "batch-trace");
        Map<String, Object> headers = Map.of(
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8),
                "baggage", "X-Request-Id=req-42");
        try (RecordTrace ignored = RecordTrace.of(headers)) {
            assertThat(MDC.get("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(MDC.get("spanId")).isEqualTo("00f067aa0ba902b7");
            assertThat(MDC.get("X-Request-Id")).isEqualTo("req-42");
        }
        assertThat(MDC.get("traceId")).isEqualTo("batch-trace");
        assertThat(MDC.get("spanId")).isNull();
        assertThat(MDC.get("X-Request-Id")).isNull();
    }

    @Test
    void leavesTheMdcAloneWhenTheRecordCarriesNoOrAMalformedTrace() {
        MDC.put("traceId", "batch-trace");
        try (RecordTrace ignored = RecordTrace.of(Map.of("traceparent", "not-a-traceparent"))) {
            assertThat(MDC.get("traceId")).isEqualTo("batch-trace");
        }
        try (RecordTrace ignored = RecordTrace.of(null)) {
            assertThat(MDC.get("traceId")).isEqualTo("batch-trace");
        }
        assertThat(MDC.get("traceId")).isEqualTo("batch-trace");
    }
}
