package dev.newsflow.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers passed between a client and a service, built in one pass over the incoming ones (each of Spring Cloud
 * Gateway's header filters copies all headers, and they were a sixth of the gateway's CPU time).
 *
 * <p>Towards a service ({@link #request}): drops hop-by-hop headers (RFC 9110: {@code Connection}, {@code Keep-Alive},
 * {@code Transfer-Encoding}, {@code TE}, {@code Trailer}, {@code Upgrade}, {@code Proxy-Authorization},
 * {@code Proxy-Authenticate}, {@code X-Application-Context} and any header the {@code Connection} header names),
 * {@code Forwarded} and {@code X-Forwarded-*} (a client cannot make a service believe it came from elsewhere; no
 * service reads them), and {@code X-API-Key} (the secret stays at the gateway); sets {@code X-Request-Id} to the
 * request's id and the trace headers ({@code traceparent}, ...) to the gateway's span of the request, so the service's
 * span is its child in the caller's trace. This replaces Gateway's RemoveHopByHop/RemoveForwarded/RemoveXForwarded
 * header filters, the {@code RemoveRequestHeader=X-API-Key} default filter, a request copy in
 * {@link CorrelationFilter} and the gateway's client observation (whose only use was the trace headers).
 *
 * <p>Back from a service ({@link #response}): drops hop-by-hop headers.
 */
final class ProxiedHeaders implements HttpHeadersFilter, Ordered {

    private static final String[] HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer",
        "proxy-authorization", "proxy-authenticate", "x-application-context", "upgrade"};
    private static final String X_FORWARDED = "x-forwarded-";
    private static final String API_KEY = "X-API-Key";

    private final Type type;
    /** Null for the answers' filter, or when tracing is off: the client's trace headers are then passed on as sent. */
    private final Propagator propagator;
    private final String[] traceFields;

    private ProxiedHeaders(Type type, Propagator propagator) {
        this.type = type;
        this.propagator = propagator;
        this.traceFields = propagator == null ? new String[0] : propagator.fields().toArray(String[]::new);
    }

    static ProxiedHeaders request(Propagator propagator) {
        return new ProxiedHeaders(Type.REQUEST, propagator);
    }

    static ProxiedHeaders response() {
        return new ProxiedHeaders(Type.RESPONSE, null);
    }

    @Override
    public boolean supports(Type type) {
        return this.type == type;
    }

    /** Where Gateway's RemoveHopByHopHeadersFilter ran: after the transfer-encoding check, before the gRPC filters. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        List<String> connection = input.getOrEmpty(HttpHeaders.CONNECTION);
        if (type == Type.RESPONSE) {
            HttpHeaders out = new HttpHeaders();
            input.forEach((name, values) -> {
                if (!isHopByHop(name, connection)) {
                    out.addAll(name, values);
                }
            });
            return out;
        }
        String requestId = exchange.getAttribute(CorrelationFilter.REQUEST_ID_ATTRIBUTE);
        Span span = propagator == null ? null : ServerSpans.of(exchange);
        HttpHeaders out = new HttpHeaders();
        input.forEach((name, values) -> {
            if (isHopByHop(name, connection) || isForwarded(name) || name.equalsIgnoreCase(API_KEY)
                    || (requestId != null && name.equalsIgnoreCase(CorrelationFilter.REQUEST_ID))
                    || (span != null && isTraceField(name))) {
                return;
            }
            out.addAll(name, values);
        });
        if (requestId != null) {
            out.set(CorrelationFilter.REQUEST_ID, requestId);
        }
        if (span != null) {
            propagator.inject(span.context(), out, HttpHeaders::set);
        }
        return out;
    }

    private static boolean isHopByHop(String name, List<String> connection) {
        for (String header : HOP_BY_HOP) {
            if (header.equalsIgnoreCase(name)) {
                return true;
            }
        }
        for (String listed : connection) {
            // Connection: keep-alive, Foo  (a comma-separated list; one value per header line after parsing, or not)
            for (String token : listed.split(",")) {
                if (token.trim().equalsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isForwarded(String name) {
        return name.equalsIgnoreCase("forwarded") || name.regionMatches(true, 0, X_FORWARDED, 0, X_FORWARDED.length());
    }

    private boolean isTraceField(String name) {
        for (String field : traceFields) {
            if (field.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
