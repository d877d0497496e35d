package dev.newsflow.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void escapesJsonStrings() {
        assertThat(Problems.quote("a\"b\\c\nd\u0001锦")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001锦\"");
        assertThat(Problems.quote(null)).isEqualTo("null");
    }
}
