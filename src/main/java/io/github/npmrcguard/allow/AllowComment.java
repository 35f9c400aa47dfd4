package io.github.npmrcguard.allow;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline exception {@code # npmrc-guard:allow <reason>}: a comment line directly above the line it
 * allows. A reason is required, so that the exception explains itself in review.
 */
public final class AllowComment {
    private static final Pattern ALLOW = Pattern.compile("^\\s*[#;]\\s*npmrc-guard:allow(?:\\s+(.*?))?\\s*$");

    private AllowComment() {
    }

    /**
     * The reason given on {@code line}, or {@code null} when it is not an allow comment; an empty string for
     * an allow comment without a reason (which allows nothing).
     */
    public static String reason(String line) {
        Matcher m = ALLOW.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) == null ? "" : m.group(1);
    }
}
