package dev.newsflow.ingest.page;

import java.util.List;

/** The items of one page, in reading order, with the page metadata they were split under. */
public record PageSplit(PageMetadata page, List<SplitArticle> articles, List<String> warnings) {

    public PageSplit {
        articles = List.copyOf(articles);
        warnings = List.copyOf(warnings);
    }
}
