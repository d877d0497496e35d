package dev.newsflow.ingest.article;

import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.ingest.publish.ArticlePublisher;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    @PostMapping(path = "/api/v1/articles", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> submitOne(@RequestBody(required = false) String text) {
        return accept(parseOrCount(() -> List.of(parser.parseOne(text))));
    }

    @PostMapping(path = "/api/v1/articles", consumes = {NDJSON, "application/jsonl", "application/jsonlines"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> submitBatch(@RequestBody(required = false) String text) {
        return accept(parseOrCount(() -> parser.parseBatch(text)));
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
