package dev.newsflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published JSON schemas describe exactly the fields of the records that go on the wire. */
class SchemasTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void articleSubmittedSchemaMatchesRecord() throws Exception {
        assertThat(schemaProperties("article-submitted.v1.schema.json")).isEqualTo(components(ArticleSubmitted.class));
    }

    @Test
    void articleEnrichedSchemaMatchesRecord() throws Exception {
        assertThat(schemaProperties("article-enriched.v1.schema.json")).isEqualTo(components(ArticleEnriched.class));
    }

    @Test
    void deadLetterSchemaMatchesRecord() throws Exception {
        assertThat(schemaProperties("dead-letter.v1.schema.json")).isEqualTo(components(DeadLetter.class));
    }

    @Test
    void enrichedArticleRoundTripsThroughJson() {
        var figure = new ArticleEnriched.Figure("6.43亿元", new java.math.BigDecimal("6.43E8"), "CNY",
                FigureKind.MONEY, false, null, 10, 16, "担保贷款",
                new ArticleEnriched.Change("UP", new java.math.BigDecimal("124.83"), null, "YEAR_ON_YEAR"));
        var article = new ArticleEnriched(ArticleEnriched.SCHEMA_VERSION, "abc", "zh", "t", "b", null, null, null,
                null, null, null, null, java.util.List.of(figure), null, null, null, null,
                new ArticleEnriched.TextStats(1, 1, 1, 1, 1), null);
        String json = mapper.writeValueAsString(article);
        assertThat(json).contains("\"value\":643000000").doesNotContain("E+8");
        assertThat(mapper.readValue(json, ArticleEnriched.class)).isEqualTo(article);
    }

    private Set<String> schemaProperties(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + name)) {
            assertThat(in).as(name).isNotNull();
            JsonNode schema = mapper.readTree(in);
            return new TreeSet<>(schema.get("properties").propertyNames());
        }
    }

    private static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
