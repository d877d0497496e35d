package dev.newsflow.nlp.api;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.nlp.enrich.Enricher;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/analyze}: synchronous enrichment, nothing stored. The body is a JSON article (title, body,
 * publishedAt, ...) or plain text (the article body). {@code ?date=YYYY-MM-DD} sets the date that partial dates are
 * read against when the article has no publishedAt. A missing or blank body is a 400 problem.
 */
@RestController
@RequestMapping("/api/v1/analyze")
class AnalyzeController {

    private final Enricher enricher;

    AnalyzeController(Enricher enricher) {
        this.enricher = enricher;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ArticleEnriched analyzeJson(@RequestBody AnalyzeRequest request,
                                @RequestParam(name = "date", required = false) LocalDate date) {
        return analyze(request.toArticle(), date);
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ArticleEnriched analyzeText(@RequestBody(required = false) String body,
                                @RequestParam(name = "date", required = false) LocalDate date) {
        return analyze(new ArticleSubmitted(ArticleSubmitted.SCHEMA_VERSION, null, null, body, null, null, null, null,
                null, null, null), date);
    }

    private ArticleEnriched analyze(ArticleSubmitted article, LocalDate date) {
        if (article.body() == null || article.body().isBlank()) {
            throw new MissingBodyException();
        }
        return enricher.enrich(article, date);
    }

    @ExceptionHandler(MissingBodyException.class)
    ResponseEntity<ProblemDetail> missingBody() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "field 'body' is required and must not be blank");
        problem.setTitle("Missing article body");
        problem.setProperty("field", "body");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static final class MissingBodyException extends RuntimeException {
        MissingBodyException() {
            super("body is required", null, false, false);
        }
    }
}
