package dev.newsflow.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Deterministic article ids: the same article always gets the same id, so a resubmission is a no-op.
 * With both {@code source} and {@code url} the id derives from them (a corrected text keeps its id);
 * otherwise from the title and the body, whitespace-normalised.
 */
public final class ArticleIds {

    /** Hex characters in an id (96 bits). */
    public static final int LENGTH = 24;

    /** Compiled once: ids are computed for every submitted article. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ArticleIds() {
    }

    public static String of(String title, String body, String source, String url) {
        String basis;
        if (isPresent(source) && isPresent(url)) {
            basis = "url\u0000" + source.strip() + "\u0000" + url.strip();
        } else {
            basis = "text\u0000" + squash(title) + "\u0000" + squash(body);
        }
        return sha256Hex(basis).substring(0, LENGTH);
    }

    public static boolean isValid(String id) {
        return id != null && id.length() == LENGTH && id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static boolean isPresent(String s) {
        return s != null && !s.isBlank();
    }

    private static String squash(String s) {
        return s == null ? "" : WHITESPACE.matcher(s.strip()).replaceAll(" ");
    }

    private static String sha256Hex(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
