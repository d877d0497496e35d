package dev.newsflow.gateway.auth;

import java.util.Locale;

/** What a key may do; {@link #ADMIN} implies every other scope. */
public enum Scope {
    INGEST, READ, ADMIN;

    static Scope parse(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (Scope scope : values()) {
            if (scope.name().equals(name)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + (text == null ? "" : text.strip())
                + "' (expected ingest, read or admin)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
