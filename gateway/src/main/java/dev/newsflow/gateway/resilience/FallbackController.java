package dev.newsflow.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import dev.newsflow.gateway.web.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards when the service behind it failed: 504 when it did not answer in
 * time, 503 when it could not be reached or its breaker is open — always problem+json, always fast.
 */
@Hidden
@RestController
class FallbackController {

    @RequestMapping("/internal/fallback/{service}")
    ResponseEntity<ProblemDetail> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        HttpStatus status;
        String detail;
        if (isTimeout(failure)) {
            status = HttpStatus.GATEWAY_TIMEOUT;
            detail = "The " + service + " service did not answer in time";
        } else if (failure instanceof CallNotPermittedException) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The " + service + " service is failing; its circuit breaker is open, retry later";
        } else {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The " + service + " service is unavailable";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        String original = exchange.getAttribute(Problems.ORIGINAL_PATH);
        if (original != null) {
            problem.setInstance(URI.create(original));
        }
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", "5");
        }
        return response.body(problem);
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504) {
                return true;
            }
        }
        return false;
    }
}
