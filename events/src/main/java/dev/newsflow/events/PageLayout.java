package dev.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the page splitter learned about an article cut out of a newspaper page; absent for articles
 * submitted one by one.
 *
 * @param kind      {@code ARTICLE}, or {@code PHOTO} for a captioned picture with no story of its own
 * @param edition   the edition date of the page (ISO-8601 date), when given
 * @param page      the page label, when given
 * @param truncated the text runs off the page
 * @param warnings  what the splitter was unsure about
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageLayout(
        String kind,
        String edition,
        String page,
        String subheadline,
        String dateline,
        List<String> reporters,
        List<String> photographers,
        List<String> captions,
        boolean truncated,
        List<String> warnings) {

    public PageLayout {
        reporters = reporters == null ? List.of() : List.copyOf(reporters);
        photographers = photographers == null ? List.of() : List.copyOf(photographers);
        captions = captions == null ? List.of() : List.copyOf(captions);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
