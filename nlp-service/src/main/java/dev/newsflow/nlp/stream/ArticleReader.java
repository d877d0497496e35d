package dev.newsflow.nlp.stream;

import dev.newsflow.events.ArticleSubmitted;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** Reads the value of a {@code news.articles.raw} record; anything that is not an article with a body is refused. */
final class ArticleReader {

    private final JsonMapper json;

    ArticleReader(JsonMapper json) {
        // feeds producing directly may leave out schemaVersion (a primitive) and add fields of their own
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // a number or boolean where text belongs is a wrong type, not text: {"body": 42} is refused
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    ArticleSubmitted read(byte[] value) {
        if (value == null || value.length == 0) {
            throw new UnprocessableArticleException(UnprocessableArticleException.MALFORMED, "empty record value", null);
        }
        ArticleSubmitted article;
        try {
            article = json.readValue(value, ArticleSubmitted.class);
        } catch (JacksonException e) {
            throw new UnprocessableArticleException(UnprocessableArticleException.MALFORMED,
                    "not an ArticleSubmitted JSON object: " + e.getOriginalMessage(), e);
        }
        if (article == null) {
            throw new UnprocessableArticleException(UnprocessableArticleException.MALFORMED, "JSON null", null);
        }
        if (article.body() == null || article.body().isBlank()) {
            throw new UnprocessableArticleException(UnprocessableArticleException.MISSING_BODY,
                    "article " + article.effectiveId() + " has no body", null);
        }
        return article;
    }
}
