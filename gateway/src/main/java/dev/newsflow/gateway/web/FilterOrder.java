package dev.newsflow.gateway.web;

import org.springframework.core.Ordered;

/** The order of the gateway's own web filters; all of them run before routing. */
public final class FilterOrder {

    public static final int CORRELATION = Ordered.HIGHEST_PRECEDENCE + 10;
    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 20;
    public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 30;
    public static final int PATH_GUARD = Ordered.HIGHEST_PRECEDENCE + 35;
    public static final int REQUEST_SHAPE = Ordered.HIGHEST_PRECEDENCE + 45;
    public static final int AUTH = Ordered.HIGHEST_PRECEDENCE + 40;
    public static final int INPUT_VALIDATION = Ordered.HIGHEST_PRECEDENCE + 50;
    public static final int REQUEST_BODY = Ordered.HIGHEST_PRECEDENCE + 60;

    private FilterOrder() {
    }
}
