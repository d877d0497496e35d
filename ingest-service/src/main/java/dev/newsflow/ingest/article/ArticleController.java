package dev.newsflow.ingest.article;

import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.ingest.publish.ArticlePublisher;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import dev.newsflow.ingest.web.RequestText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/articles}: one JSON article or an NDJSON batch, validated as a whole, published to Kafka,
 * answered 202 once the broker acknowledged every article.
 */
@RestController
class ArticleController {

    static final String NDJSON = "application/x-ndjson";

    private final ArticleRequestParser parser;
    private final ArticlePublisher publisher;
    private final Clock clock;

    ArticleController(ArticleRequestParser parser, ArticlePublisher publisher, Clock clock) {
        this.parser = parser;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * One handler for both shapes: Spring matches a body-less request to every {@code consumes}, so two handlers
     * split by content type would be ambiguous (a 500) exactly when a client sends nothing.
     */
    @PostMapping(path = "/api/v1/articles", consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON, "application/jsonl",
            "application/jsonlines"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> submit(@RequestBody(required = false) byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType) {
        String text = RequestText.decode(body, contentType);
        boolean batch = contentType != null && !"json".equalsIgnoreCase(contentType.getSubtype());
        return accept(parseOrCount(() -> batch ? parser.parseBatch(text) : List.of(parser.parseOne(text))));
    }

    private List<ArticleSubmitted> parseOrCount(java.util.function.Supplier<List<ArticleSubmitted>> parse) {
        try {
            return parse.get();
        } catch (InvalidArticleException e) {
            publisher.countRejected(null);
            throw e;
        }
    }

    private ResponseEntity<Accepted> accept(List<ArticleSubmitted> raw) {
        Instant now = clock.instant();
        List<ArticleSubmitted> articles = raw.stream().map(a -> withIdAndTime(a, now)).toList();
        publisher.publish(articles);
        List<Accepted.Item> items = articles.stream()
                .map(a -> new Accepted.Item(a.id(), location(a.id())))
                .toList();
        ResponseEntity.BodyBuilder response = ResponseEntity.accepted();
        if (items.size() == 1) {
            response.location(URI.create(items.get(0).location()));
        }
        return response.body(new Accepted(items));
    }

    static ArticleSubmitted withIdAndTime(ArticleSubmitted a, Instant now) {
        return new ArticleSubmitted(ArticleSubmitted.SCHEMA_VERSION, a.effectiveId(), a.title(), a.body(), a.source(),
                a.url(), a.publishedAt(), a.section(), a.language(), now, a.layout());
    }

    static String location(String id) {
        return "/api/v1/articles/" + id;
    }

    /** The 202 body: {@code {"articles":[{"id","location"}]}}. */
    record Accepted(List<Item> articles) {
        record Item(String id, String location) {
        }
    }
}
