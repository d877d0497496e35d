package dev.newsflow.ingest.page;

import java.util.List;

/**
 * One item cut out of a page.
 *
 * @param kind        {@code ARTICLE}, or {@code PHOTO} for a captioned picture with no story of its own
 * @param headline    the main title, or null when the page gave none
 * @param subheadline the deck (副题) or, without one, the kicker (引题)
 * @param section     the section banner the item stands under (锦州脚步), or null
 * @param dateline    本报讯 and the like, or null
 * @param body        paragraphs separated by a newline; lead prefix, captions and credits removed
 * @param truncated   the text runs off the page (the last paragraph stops mid-sentence)
 */
public record SplitArticle(
        Kind kind,
        String headline,
        String subheadline,
        String section,
        String dateline,
        List<String> reporters,
        List<String> photographers,
        List<String> captions,
        String body,
        boolean truncated,
        List<String> warnings) {

    public enum Kind { ARTICLE, PHOTO }

    public SplitArticle {
        reporters = List.copyOf(reporters);
        photographers = List.copyOf(photographers);
        captions = List.copyOf(captions);
        warnings = List.copyOf(warnings);
    }
}
