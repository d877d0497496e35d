package dev.newsflow.gateway.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What may reach a MongoDB query through a URL: plain names and values. Refused: parameter names other than
 * {@code [A-Za-z][A-Za-z0-9_.-]*} (so no {@code entity[$ne]}), values or path segments that start with
 * {@code $} or contain a {@code $operator}, that look like JSON objects or arrays, that hold control
 * characters, or that are longer than the limit. Everything else is passed on unchanged, as a plain string.
 */
final class QueryInputRules {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern OPERATOR = Pattern.compile("\\$[A-Za-z_]");

    private final int maxLength;

    QueryInputRules(int maxLength) {
        this.maxLength = maxLength;
    }

    /** Why this parameter name is refused, if it is. */
    Optional<String> checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.of("query parameter name '" + printable(name)
                    + "' is not allowed (letters, digits, '_', '.', '-' only)");
        }
        return Optional.empty();
    }

    /** Why this value is refused, if it is; {@code what} names it in the message. */
    Optional<String> checkValue(String what, String value) {
        return checkValue(() -> what, value);
    }

    /** As above, the name built only for a refusal (most values pass: no message strings per request). */
    Optional<String> checkValue(java.util.function.Supplier<String> name, String value) {
        if (value.length() > maxLength) {
            return Optional.of(name.get() + " is " + value.length() + " characters long; the limit is " + maxLength);
        }
        if (isPlain(value)) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of(name.get() + " contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        String trimmed = value.strip();
        if (trimmed.startsWith("$") || OPERATOR.matcher(value).find()) {
            return Optional.of(name.get() + " must not start with '$' or contain a $operator");
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return Optional.of(name.get() + " must be a plain value, not JSON");
        }
        return Optional.empty();
    }

    /** No control character, no '$' at all, no leading '{' or '[': the common case, checked without a regex. */
    private static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '$' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        String trimmed = value.strip();
        return !trimmed.startsWith("{") && !trimmed.startsWith("[");
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
