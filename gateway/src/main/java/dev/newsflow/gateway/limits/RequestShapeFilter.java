package dev.newsflow.gateway.limits;

import dev.newsflow.gateway.web.FilterOrder;
import dev.newsflow.gateway.web.Problems;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Cheap checks on the request line and headers: URL length (414), total header size (431), content type of
 * a body (415) and a declared Content-Length above the endpoint's limit (413) — all before the body is read.
 */
@Component
class RequestShapeFilter implements WebFilter, Ordered {

    private final LimitProperties limits;

    RequestShapeFilter(LimitProperties limits) {
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_SHAPE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawQuery = request.getURI().getRawQuery();
        int urlLength = request.getURI().getRawPath().length() + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (urlLength > limits.urlLength()) {
            return Problems.write(exchange, HttpStatus.URI_TOO_LONG, "The URL has " + urlLength
                    + " characters; the limit is " + limits.urlLength());
        }
        long headerBytes = headerBytes(request.getHeaders());
        if (headerBytes > limits.headersSize().toBytes()) {
            return Problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers take "
                    + headerBytes + " bytes; the limit is " + limits.headersSize().toBytes());
        }
        if (!BodyRules.hasBody(request.getMethod())) {
            return chain.filter(exchange);
        }
        BodyRules.Rule rule = BodyRules.ruleFor(request.getPath().pathWithinApplication(), limits);
        long declared = request.getHeaders().getContentLength();
        if (declared > rule.maxBytes()) {
            return BodyDrain.discard(request.getBody(), declared).then(Mono.defer(() -> tooLarge(exchange, rule, declared)));
        }
        if (!rule.types().isEmpty() && declared != 0) {
            MediaType type;
            try {
                type = request.getHeaders().getContentType();
            } catch (InvalidMediaTypeException e) {
                type = null;
            }
            MediaType given = type;
            if (given == null || rule.types().stream().noneMatch(t -> t.isCompatibleWith(given)
                    && !given.isWildcardType() && !given.isWildcardSubtype())) {
                String accepted = rule.types().stream().map(MediaType::toString).collect(Collectors.joining(", "));
                return Problems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, rule.endpoint()
                        + " accepts Content-Type " + accepted + "; got "
                        + (given == null ? "none" : given.getType() + "/" + given.getSubtype()),
                        Map.of("Accept-Post", accepted));
            }
        }
        return chain.filter(exchange);
    }

    static Mono<Void> tooLarge(ServerWebExchange exchange, BodyRules.Rule rule, long size) {
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "The body of " + rule.endpoint()
                + (size >= 0 ? " has " + size + " bytes" : " is too large") + "; the limit is " + rule.maxBytes()
                + " bytes");
    }

    /** Name, value, ": " and CRLF of every header line; one pass over the map, nothing copied. */
    static long headerBytes(HttpHeaders headers) {
        long[] total = {0};
        headers.forEach((name, values) -> {
            for (String value : values) {
                total[0] += name.length() + value.length() + 4;
            }
        });
        return total[0];
    }
}
