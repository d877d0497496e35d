package dev.newsflow.ingest.web;

import dev.newsflow.ingest.article.InvalidArticleException;
import dev.newsflow.ingest.page.InvalidPageException;
import dev.newsflow.ingest.publish.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as {@code application/problem+json}, naming the field or parameter at fault. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler
    ProblemDetail invalidArticle(InvalidArticleException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid article");
        problem.setProperty("field", e.field());
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidPage(InvalidPageException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid page");
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail undecodableBody(RequestText.UndecodableBodyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Unreadable body");
        problem.setProperty("field", "body");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail publishFailed(PublishFailedException e) {
        log.warn("Answering 503: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The message broker is unavailable; nothing was accepted, retry later. (" + e.getMessage() + ")");
        problem.setTitle("Broker unavailable");
        return problem;
    }
}
