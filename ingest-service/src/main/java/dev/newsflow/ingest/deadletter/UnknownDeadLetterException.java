package dev.newsflow.ingest.deadletter;

/** A dead-letter topic, partition or offset that is not there; answered 404 naming the parameter. */
class UnknownDeadLetterException extends RuntimeException {

    private final String parameter;

    UnknownDeadLetterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
