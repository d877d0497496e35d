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
            description = "Synchronous. Drops every aggregate collection (days, counts, region days, co-occurrence, figures, "
                    + "figure buckets, text index) and re-applies every stored article in batches of 500; the result equals "
                    + "the incrementally maintained state. Run it once after upgrading from a version without these roll-ups. "
                    + "Needs the admin scope at the gateway.")
    RebuildResult rebuild() {
        Instant start = Instant.now();
        long n = rebuilder.rebuild();
        return new RebuildResult(n, Duration.between(start, Instant.now()).toMillis());
    }

    record RebuildResult(long articles, long millis) {
    }
}
