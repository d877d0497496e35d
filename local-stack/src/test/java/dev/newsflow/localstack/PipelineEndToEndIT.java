package dev.newsflow.localstack;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole platform on the embedded KRaft broker and MongoDB-wire server, driven through the gateway. */
class PipelineEndToEndIT {

    @TempDir
    Path dataDir;

    @Test
    void postedArticleIsEnrichedStoredAndCountedOnceThroughTheGateway() throws Exception {
        try (LocalStack stack = new LocalStack(PipelineScenario.config(dataDir, null, null))) {
            stack.start(System.out);
            new PipelineScenario().run(stack);
        }
    }
}
