package dev.newsflow.gateway.docs;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proxies each service's {@code /v3/api-docs} under {@code /v3/api-docs/{service}} and points its
 * {@code servers} at the gateway and declares the {@code X-API-Key} scheme, so that "Try it out" in the Swagger
 * UI goes through the gateway (and its key check) with the key entered under "Authorize".
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    RouteLocator serviceApiDocsRoutes(RouteLocatorBuilder routes,
            @Value("${INGEST_URL:http://localhost:8081}") String ingest,
            @Value("${NLP_URL:http://localhost:8082}") String nlp,
            @Value("${METRICS_URL:http://localhost:8083}") String metrics,
            @Value("${newsflow.gateway.timeouts.docs:5000}") long timeoutMillis) {
        RouteLocatorBuilder.Builder builder = routes.routes();
        Map.of("ingest", ingest, "nlp", nlp, "metrics", metrics).forEach((service, uri) ->
                builder.route("api-docs-" + service, r -> r.path("/v3/api-docs/" + service).and().method("GET")
                        .filters(f -> f.setPath("/v3/api-docs")
                                .circuitBreaker(c -> c.setName("api-docs-" + service)
                                        .setFallbackUri("forward:/internal/fallback/" + service))
                                .modifyResponseBody(String.class, String.class, (exchange, body) ->
                                        Mono.justOrEmpty(exchange.getResponse().getStatusCode() != null
                                                && exchange.getResponse().getStatusCode().is2xxSuccessful()
                                                ? throughGateway(body) : body)))
                        .metadata("response-timeout", timeoutMillis)
                        .metadata("connect-timeout", 1000)
                        .uri(uri)));
        return builder.build();
    }

    static String throughGateway(String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree instanceof ObjectNode object) {
                object.putArray("servers").addObject().put("url", "/");
                JsonNode components = object.get("components");
                ObjectNode componentsObject = components instanceof ObjectNode c ? c : object.putObject("components");
                JsonNode schemes = componentsObject.get("securitySchemes");
                ObjectNode schemesObject = schemes instanceof ObjectNode c ? c
                        : componentsObject.putObject("securitySchemes");
                schemesObject.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-API-Key");
                object.putArray("security").addObject().putArray("apiKey");
                return JSON.writeValueAsString(object);
            }
        } catch (RuntimeException e) {
            // not JSON (an error page): pass it on as it is
        }
        return body;
    }
}
