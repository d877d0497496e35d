package dev.newsflow.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyLimitFilterTest {

    @Test
    void countsNonBlankNdjsonLines() {
        assertThat(lines("")).isZero();
        assertThat(lines("{}")).isEqualTo(1);
        assertThat(lines("{}\n{}\n")).isEqualTo(2);
        assertThat(lines("{}\r\n\r\n  \n{}")).isEqualTo(2);
    }

    private static int lines(String text) {
        return RequestBodyLimitFilter.countLines(text.getBytes(StandardCharsets.UTF_8));
    }
}
