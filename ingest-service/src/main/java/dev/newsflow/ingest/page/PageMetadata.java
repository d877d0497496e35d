package dev.newsflow.ingest.page;

/**
 * What is known about a page besides its text.
 *
 * @param source  the paper, e.g. 锦州日报
 * @param edition the edition date, ISO-8601 (2022-08-10), or null
 * @param page    the page label (3, A3), or null
 */
public record PageMetadata(String source, String edition, String page) {

    public static final PageMetadata NONE = new PageMetadata(null, null, null);
}
