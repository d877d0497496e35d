package dev.newsflow.gateway.limits;

import dev.newsflow.gateway.web.FilterOrder;
import dev.newsflow.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bodies whose size is not declared (chunked) and NDJSON batches are read into memory, up to the endpoint's
 * limit, before routing: a body over the limit gets 413 and never reaches the service; an NDJSON batch with
 * more lines than allowed gets 413 too. Declared sizes were already checked by {@link RequestShapeFilter}.
 */
@Component
class RequestBodyLimitFilter implements WebFilter, Ordered {

    private final LimitProperties limits;

    RequestBodyLimitFilter(LimitProperties limits) {
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_BODY;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!BodyRules.hasBody(request.getMethod())) {
            return chain.filter(exchange);
        }
        BodyRules.Rule rule = BodyRules.ruleFor(request.getPath().pathWithinApplication(), limits);
        boolean ndjson = rule.countsNdjsonLines() && BodyRules.isNdjson(request.getHeaders().getContentType());
        if (request.getHeaders().getContentLength() >= 0 && !ndjson) {
            return chain.filter(exchange);
        }
        return BodyDrain.read(request.getBody(), rule.maxBytes()).flatMap(read -> {
            if (read.over(rule.maxBytes())) {
                return RequestShapeFilter.tooLarge(exchange, rule, read.total());
            }
            byte[] bytes = read.bytes();
            if (ndjson) {
                int lines = countLines(bytes);
                if (lines > limits.ndjsonLines()) {
                    return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "The NDJSON batch has "
                            + lines + " articles; the limit is " + limits.ndjsonLines() + " per request");
                }
            }
            return chain.filter(exchange.mutate().request(withBody(request, bytes)).build());
        });
    }

    /** Non-blank lines: one article each. */
    static int countLines(byte[] bytes) {
        int lines = 0;
        boolean content = false;
        for (byte b : bytes) {
            if (b == '\n') {
                if (content) {
                    lines++;
                }
                content = false;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                content = true;
            }
        }
        return content ? lines + 1 : lines;
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(bytes.length);
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
            }
        };
    }
}
