package dev.newsflow.metrics.admin;

import dev.newsflow.metrics.store.Rebuilder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(value = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "admin")
class AdminController {

    private final Rebuilder rebuilder;

    AdminController(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Recompute every aggregate from the stored articles",
            description = "Synchronous. Drops agg_days, agg_months, agg_cooccurrence and figures and re-applies every stored "
                    + "article; the result equals the incrementally maintained state. Needs the admin scope at the gateway.")
    RebuildResult rebuild() {
        Instant start = Instant.now();
        long n = rebuilder.rebuild();
        return new RebuildResult(n, Duration.between(start, Instant.now()).toMillis());
    }

    record RebuildResult(long articles, long millis) {
    }
}
