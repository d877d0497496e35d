package dev.newsflow.metrics.query;

/** A request parameter failed validation; rendered as 400 problem+json naming the parameter. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super("parameter '" + parameter + "' " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
