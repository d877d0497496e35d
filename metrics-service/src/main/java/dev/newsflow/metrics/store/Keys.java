package dev.newsflow.metrics.store;

import dev.newsflow.events.EntityType;

/**
 * Field-name encoding for user-provided text used as a key inside aggregate documents: MongoDB field names
 * must not contain '.' nor start with '$', and BSON names cannot hold a NUL character, so '%', '.', '$' and NUL are
 * percent-encoded.
 */
public final class Keys {

    private Keys() {
    }

    public static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case '.' -> b.append("%2E");
                case '$' -> b.append("%24");
                case '\u0000' -> b.append("%00");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        return s.replace("%2E", ".").replace("%24", "$").replace("%00", "\u0000").replace("%25", "%");
    }

    /** The key of an entity inside aggregates: {@code TYPE|name}, encoded. */
    public static String entity(EntityType type, String name) {
        return encode(type.name() + "|" + name);
    }

    /** Splits a decoded-or-encoded entity key back into its type and name. */
    public static String[] splitEntity(String encodedKey) {
        String k = decode(encodedKey);
        int bar = k.indexOf('|');
        return new String[] {k.substring(0, bar), k.substring(bar + 1)};
    }
}
