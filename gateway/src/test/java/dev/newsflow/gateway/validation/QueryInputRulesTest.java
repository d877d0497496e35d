package dev.newsflow.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryInputRulesTest {

    private final QueryInputRules rules = new QueryInputRules(20);

    @Test
    void acceptsPlainNamesAndValues() {
        assertThat(rules.checkName("entity")).isEmpty();
        assertThat(rules.checkName("page.size")).isEmpty();
        assertThat(rules.checkValue("v", "锦州市")).isEmpty();
        assertThat(rules.checkValue("v", "US$ 5")).isEmpty();
        assertThat(rules.checkValue("v", "增长50%")).isEmpty();
    }

    @Test
    void refusesOperatorsJsonControlCharactersAndLongValues() {
        assertThat(rules.checkName("entity[$ne]")).get().asString().contains("entity[$ne]");
        assertThat(rules.checkValue("query parameter 'type'", "$ne")).get().asString().contains("'type'");
        assertThat(rules.checkValue("v", "x$where")).isPresent();
        assertThat(rules.checkValue("v", " {\"a\":1}")).get().asString().contains("JSON");
        assertThat(rules.checkValue("v", "a\u0000")).get().asString().contains("U+0000");
        assertThat(rules.checkValue("v", "x".repeat(21))).get().asString().contains("21");
    }

    @Test
    void namesAValueInTheMessageOnlyWhenRefusingIt() {
        java.util.function.Supplier<String> unused = () -> {
            throw new AssertionError("a passing value needs no message");
        };
        assertThat(rules.checkValue(unused, "锦州市")).isEmpty();
        assertThat(rules.checkValue(unused, "US$ 5")).isEmpty();
        assertThat(rules.checkValue(() -> "path segment 'x'", "{$gt:1}")).get().asString().startsWith("path segment 'x'");
    }
}
