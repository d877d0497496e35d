package dev.newsflow.metrics.query;

import java.util.List;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** Test helper for other packages: answers of the query API's plain functions on a store. */
public final class QueryProbe {

    private final ArticleController articles;

    public QueryProbe(MongoDatabaseFactory factory) {
        this.articles = new ArticleController(new AggregateReader(factory));
    }

    /** Ids of the articles whose title or body contains {@code q} (first 100). */
    public List<String> articlesMatching(String q) {
        return articles.articles(null, null, null, null, null, q, null, null, "0", "100").items().stream()
                .map(ArticleController.ArticleSummary::id).toList();
    }
}
