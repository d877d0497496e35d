package dev.newsflow.nlp.api;

import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.events.PageLayout;

/** The JSON body of {@code POST /api/v1/analyze}: an article as it would be submitted; only {@code body} is required. */
record AnalyzeRequest(String id, String title, String body, String source, String url, String publishedAt,
                      String section, String language, PageLayout layout) {

    ArticleSubmitted toArticle() {
        return new ArticleSubmitted(ArticleSubmitted.SCHEMA_VERSION, id, title, body, source, url, publishedAt, section,
                language, null, layout);
    }
}
