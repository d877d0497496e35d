package dev.newsflow.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/** The gateway's span of a request, from the exchange's server observation (no thread-local context needed). */
final class ServerSpans {

    private ServerSpans() {
    }

    /** The span, or null when the request is not observed or tracing is off. */
    static Span of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan).orElse(null);
    }
}
