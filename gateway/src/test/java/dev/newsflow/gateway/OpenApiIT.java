package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One Swagger UI over the gateway's and the services' OpenAPI descriptions. */
class OpenApiIT extends GatewayTestSupport {

    @Test
    void proxiesEachServiceDescriptionWithTheGatewayAsServer() {
        for (String service : new String[] {"ingest", "nlp", "metrics"}) {
            client.get().uri("/v3/api-docs/" + service).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo(service)
                    .jsonPath("$.path").isEqualTo("/v3/api-docs")
                    .jsonPath("$.servers[0].url").isEqualTo("/")
                    .jsonPath("$.components.securitySchemes.apiKey.name").isEqualTo("X-API-Key")
                    .jsonPath("$.security[0].apiKey").isArray();
        }
    }

    @Test
    void describesTheKeyManagementEndpoints() {
        // the first description is generated on demand, which takes seconds on a busy 2-core machine
        client.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/v3/api-docs/gateway").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/admin/keys'].post").exists()
                .jsonPath("$.paths['/api/v1/admin/keys/{id}'].delete").exists()
                .jsonPath("$.components.securitySchemes.apiKey.name").isEqualTo("X-API-Key");
    }

    @Test
    void swaggerUiListsEveryDescription() {
        client.get().uri("/v3/api-docs/gateway/swagger-config").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.urls[*].url").value(urls -> assertThat(urls.toString().replace("\\/", "/"))
                        .contains("/v3/api-docs/gateway", "/v3/api-docs/ingest", "/v3/api-docs/nlp",
                                "/v3/api-docs/metrics"));
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }
}
