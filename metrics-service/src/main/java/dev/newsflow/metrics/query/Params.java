package dev.newsflow.metrics.query;

import dev.newsflow.events.EntityType;
import dev.newsflow.events.FigureKind;
import dev.newsflow.metrics.store.Regions;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses request parameters into typed values. Queries are only ever built from these typed values, so no
 * operator or JSON from a client can reach MongoDB.
 */
final class Params {

    static final int MAX_NAME = 100;
    static final int MAX_PAGE = 10_000;
    static final int MAX_SIZE = 100;
    static final int MAX_LIMIT = 100;

    private Params() {
    }

    static EntityType type(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EntityType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(name, "must be one of " + Arrays.stream(EntityType.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
    }

    static EntityType requiredType(String name, String value) {
        EntityType t = type(name, value);
        if (t == null) {
            throw new BadParameterException(name, "is required");
        }
        return t;
    }

    static FigureKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FigureKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("kind", "must be one of " + Arrays.stream(FigureKind.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip().length() > 10 && value.charAt(10) == 'T' ? value.strip().substring(0, 10) : value.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be an ISO-8601 date (yyyy-MM-dd), got '" + shorten(value) + "'");
        }
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameterException("from", "must not be after 'to'");
        }
    }

    static int integer(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        int v;
        try {
            v = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "must be an integer between " + min + " and " + max);
        }
        if (v < min || v > max) {
            throw new BadParameterException(name, "must be between " + min + " and " + max);
        }
        return v;
    }

    static String text(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > maxLength) {
            throw new BadParameterException(name, "must be at most " + maxLength + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new BadParameterException(name, "must not contain control characters");
        }
        return v;
    }

    static String requiredText(String name, String value, int maxLength) {
        String v = text(name, value, maxLength);
        if (v == null) {
            throw new BadParameterException(name, "is required");
        }
        return v;
    }

    static String region(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!Regions.isCode(v)) {
            throw new BadParameterException(name, "must be a 6-digit GB/T 2260 administrative division code");
        }
        return v;
    }

    static Period window(String value) {
        if (value == null || value.isBlank()) {
            return Period.ofDays(7);
        }
        Period p;
        try {
            p = Period.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameterException("window", "must be an ISO-8601 period of days such as P7D");
        }
        if (p.getYears() != 0 || p.getMonths() != 0 || p.getDays() < 1 || p.getDays() > 366) {
            throw new BadParameterException("window", "must be between P1D and P366D, in days");
        }
        return p;
    }

    static String interval(String value) {
        if (value == null || value.isBlank()) {
            return "day";
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("day") && !v.equals("week") && !v.equals("month")) {
            throw new BadParameterException("interval", "must be one of day, week, month");
        }
        return v;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
