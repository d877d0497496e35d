package dev.newsflow.ingest.deadletter;

/** A single replay of a dead letter that was replayed before (without {@code force}); answered 409. */
class AlreadyReplayedException extends RuntimeException {

    AlreadyReplayedException(String message) {
        super(message);
    }
}
