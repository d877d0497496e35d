package dev.newsflow.ingest.page;

import dev.newsflow.ingest.web.RequestText;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/pages}: a whole OCR'd page as text/plain, split and published article by article. */
@RestController
class PageController {

    private final PageIngestor ingestor;

    PageController(PageIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @PostMapping(path = "/api/v1/pages", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> submit(@RequestBody(required = false) byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String edition,
            @RequestParam(required = false) String page) {
        PageMetadata metadata = PageIngestor.metadata(source, edition, page);
        String text = RequestText.decode(body, contentType);
        List<Accepted.Item> items = ingestor.ingest(text, metadata).stream()
                .map(p -> new Accepted.Item(p.id(), p.headline(), p.kind(), "/api/v1/articles/" + p.id()))
                .toList();
        return ResponseEntity.accepted().body(new Accepted(items));
    }

    /** The 202 body: {@code {"articles":[{"id","headline","kind","location"}]}}. */
    record Accepted(List<Item> articles) {
        record Item(String id, String headline, String kind, String location) {
        }
    }
}
