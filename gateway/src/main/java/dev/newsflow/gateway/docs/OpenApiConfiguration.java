package dev.newsflow.gateway.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own OpenAPI description (key management). The Swagger UI at /swagger-ui.html lists it next to
 * each service's description, proxied under /v3/api-docs/ingest, /nlp and /metrics (see application.yml).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Newsflow gateway").version("v1")
                        .description("API-key management. Every /api/v1 call needs an X-API-Key header; scopes: "
                                + "ingest (POST /articles, /pages), read (GETs, POST /analyze), admin (everything)."))
                .addServersItem(new Server().url("/"))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
