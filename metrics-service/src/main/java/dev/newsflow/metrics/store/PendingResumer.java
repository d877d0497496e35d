package dev.newsflow.metrics.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, finishes every store batch left unfinished by a crash (normally the redelivered events do it; this also
 * covers events whose offsets were committed by an operator reset).
 */
@Component
class PendingResumer {

    private static final Logger log = LoggerFactory.getLogger(PendingResumer.class);

    private final ArticleStore store;

    PendingResumer(ArticleStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        try {
            int n = store.resumeAll();
            if (n > 0) {
                log.info("finished {} store batch(es) interrupted before the last shutdown", n);
            }
        } catch (RuntimeException e) {
            log.warn("could not resume pending articles now (the redelivered events will): {}", e.toString());
        }
    }
}
