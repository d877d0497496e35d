package dev.newsflow.gateway.resilience;

import dev.newsflow.gateway.web.Problems;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
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
 * Where a route's circuit breaker forwards when the call did not go through: 429 when the route already has its
 * maximum of requests in flight (overload, shed at once: retry after a second), 504 when the service did not answer
 * in time, 503 when it could not be reached or its breaker is open — always problem+json, always fast.
 */
@Hidden
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final InFlightProperties inFlight;
    private final MeterRegistry registry;

    FallbackController(InFlightProperties inFlight, MeterRegistry registry) {
        this.inFlight = inFlight;
        this.registry = registry;
    }

    @RequestMapping("/internal/fallback/{service}")
    ResponseEntity<ProblemDetail> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        HttpStatus status;
        String detail;
        if (failure instanceof BulkheadFullException) {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            String routeId = route == null ? service : route.getId();
            Counter.builder("newsflow.gateway.shed").description("Requests refused with 429 because their route was at"
                    + " its in-flight limit").tag("route", routeId).register(registry).increment();
            return problem(exchange, HttpStatus.TOO_MANY_REQUESTS, "The " + service + " service is at capacity ("
                    + inFlight.forRoute(routeId) + " requests in flight); retry after 1 s", "1");
        }
        if (isTimeout(failure)) {
            status = HttpStatus.GATEWAY_TIMEOUT;
            detail = "The " + service + " service did not answer in time";
        } else if (failure instanceof CallNotPermittedException) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The " + service + " service is failing; its circuit breaker is open, retry later";
        } else {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The " + service + " service is unavailable";
            log.warn("{} service call failed: {}", service, failure == null ? "unknown" : failure.toString());
        }
        return problem(exchange, status, detail, status == HttpStatus.SERVICE_UNAVAILABLE ? "5" : null);
    }

    private static ResponseEntity<ProblemDetail> problem(ServerWebExchange exchange, HttpStatus status, String detail,
            String retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        String original = exchange.getAttribute(Problems.ORIGINAL_PATH);
        if (original != null) {
            problem.setInstance(URI.create(original));
        }
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
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
