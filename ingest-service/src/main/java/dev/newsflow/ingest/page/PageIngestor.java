package dev.newsflow.ingest.page;

import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.ingest.publish.ArticlePublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Splits a page, publishes each item as an article and counts {@code newsflow.pages.split/articles}. */
@Component
public class PageIngestor {

    /** An item published from a page. */
    public record Published(String id, String headline, String kind) {
    }

    private final PageSplitter splitter = new PageSplitter();
    private final ArticlePublisher publisher;
    private final Clock clock;
    private final Counter pagesSplit;
    private final DistributionSummary articlesPerPage;

    public PageIngestor(ArticlePublisher publisher, Clock clock, MeterRegistry meters) {
        this.publisher = publisher;
        this.clock = clock;
        this.pagesSplit = Counter.builder("newsflow.pages.split").description("Pages split into articles")
                .register(meters);
        this.articlesPerPage = DistributionSummary.builder("newsflow.pages.articles")
                .description("Articles published per split page").register(meters);
    }

    /** Validates the page metadata, or throws {@link InvalidPageException} naming the parameter. */
    public static PageMetadata metadata(String source, String edition, String page) {
        String e = blankToNull(edition);
        if (e != null) {
            try {
                LocalDate.parse(e);
            } catch (DateTimeParseException ex) {
                throw new InvalidPageException("edition", "parameter 'edition' must be an ISO date (YYYY-MM-DD), got '"
                        + edition + "'");
            }
        }
        String s = blankToNull(source);
        if (s != null && s.length() > 200) {
            throw new InvalidPageException("source", "parameter 'source' is longer than 200 characters");
        }
        String p = blankToNull(page);
        if (p != null && p.length() > 50) {
            throw new InvalidPageException("page", "parameter 'page' is longer than 50 characters");
        }
        return new PageMetadata(s, e, p);
    }

    public List<Published> ingest(String text, PageMetadata page) {
        if (text == null || text.isBlank()) {
            throw new InvalidPageException("body", "the page text is empty");
        }
        PageSplit split = splitter.split(text, page);
        List<ArticleSubmitted> events = new ArrayList<>();
        List<Published> published = new ArrayList<>();
        for (SplitArticle a : split.articles()) {
            ArticleSubmitted event = PageArticles.toSubmitted(a, split.page(), clock.instant());
            if (event != null && events.stream().noneMatch(e -> e.id().equals(event.id()))) {
                events.add(event);
                published.add(new Published(event.id(), a.headline(), a.kind().name()));
            }
        }
        if (events.isEmpty()) {
            throw new InvalidPageException("body", "no article text found on the page");
        }
        publisher.publish(events);
        pagesSplit.increment();
        articlesPerPage.record(events.size());
        return published;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
