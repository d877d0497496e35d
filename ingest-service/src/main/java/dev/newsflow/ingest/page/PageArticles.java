package dev.newsflow.ingest.page;

import dev.newsflow.events.ArticleIds;
import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.events.PageLayout;
import java.time.Instant;

/** Maps an item cut out of a page to the {@link ArticleSubmitted} event, carrying the page layout facts. */
public final class PageArticles {

    private PageArticles() {
    }

    /** The event for an item, or null for an item with no text to publish (a lone headline). */
    public static ArticleSubmitted toSubmitted(SplitArticle a, PageMetadata page, Instant ingestedAt) {
        if (a.body() == null || a.body().isBlank()) {
            return null;
        }
        String id = ArticleIds.of(a.headline(), a.body(), page.source(), null);
        PageLayout layout = new PageLayout(a.kind().name(), page.edition(), page.page(), a.subheadline(), a.dateline(),
                a.reporters(), a.photographers(), a.captions(), a.truncated(), a.warnings());
        return new ArticleSubmitted(ArticleSubmitted.SCHEMA_VERSION, id, a.headline(), a.body(), page.source(), null,
                page.edition(), a.section(), "zh", ingestedAt, layout);
    }
}
