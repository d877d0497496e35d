package dev.newsflow.gateway;

import dev.newsflow.gateway.auth.ApiKeyStore;
import dev.newsflow.gateway.auth.Scope;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway on a random port in front of three echoing stub services; test classes extending this share
 * the Spring context. Keys: one per scope plus dedicated keys so rate-limit budgets do not interfere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "newsflow.gateway.auth.api-keys=ingest-key:ingest,read-key:read,admin-key:admin,both-key:ingest+read,"
                + "corr-key:ingest+read",
        "newsflow.gateway.rate-limit.ingest.capacity=5", "newsflow.gateway.rate-limit.ingest.period=1h",
        "newsflow.gateway.rate-limit.read.capacity=60", "newsflow.gateway.rate-limit.read.period=1h",
        "newsflow.gateway.limits.articles-body=64KB", "newsflow.gateway.limits.pages-body=256KB",
        "newsflow.gateway.limits.ndjson-lines=10",
})
@AutoConfigureWebTestClient(timeout = "20s")
abstract class GatewayTestSupport {

    static final StubBackend INGEST = StubBackend.echo("ingest");
    static final StubBackend NLP = StubBackend.echo("nlp");
    static final StubBackend METRICS = StubBackend.echo("metrics");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", INGEST::url);
        registry.add("NLP_URL", NLP::url);
        registry.add("METRICS_URL", METRICS::url);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ApiKeyStore keys;

    /** A fresh key (its own rate-limit budget) with these scopes; returns the secret. */
    String newKey(Scope... scopes) {
        return keys.create("test", Set.of(scopes)).secret();
    }
}
