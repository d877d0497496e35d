package dev.newsflow.gateway;

import java.util.Map;

/**
 * How many Reactor Netty event-loop threads the gateway runs ({@code NEWSFLOW_GATEWAY_IO_THREADS}, default 1; a
 * {@code -Dreactor.netty.ioWorkerCount} on the command line wins). Reactor Netty's own default is at least 4, and the
 * pooled connection a request borrows to its service usually belongs to another loop than the client's connection:
 * every request then crosses threads twice (request out, answer back), and each wake-up of another thread costs
 * milliseconds on a busy small machine. The gateway's work per request is small (~1 ms CPU): one loop carries several
 * hundred posts a second; raise it on machines with cores to spare.
 */
final class IoThreads {

    static final String PROPERTY = "reactor.netty.ioWorkerCount";
    static final String VARIABLE = "NEWSFLOW_GATEWAY_IO_THREADS";

    private IoThreads() {
    }

    /** Sets the Reactor Netty property from the environment, unless it was set already; call before Netty starts. */
    static void apply(Map<String, String> environment) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        System.setProperty(PROPERTY, Integer.toString(count(environment.get(VARIABLE))));
    }

    static int count(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(VARIABLE + " must be a whole number of at least 1, not '" + value + "'");
    }
}
