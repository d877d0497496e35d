package dev.newsflow.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RequestShapeFilterTest {

    @Test
    void headerBytesCountEveryLineOfRepeatedHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-API-Key", "secret");      // 9 + 6 + 4
        headers.add("Accept", "text/plain");     // 6 + 10 + 4
        headers.add("Accept", "application/json"); // 6 + 16 + 4
        assertThat(RequestShapeFilter.headerBytes(headers)).isEqualTo(19 + 20 + 26);
    }

    @Test
    void noHeadersTakeNoBytes() {
        assertThat(RequestShapeFilter.headerBytes(new HttpHeaders())).isZero();
    }
}
