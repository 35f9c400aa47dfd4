package io.github.npmrcguard.allow;

import io.github.npmrcguard.files.FileKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline exception {@code # npmrc-guard:allow <reason>} ({@code <!-- npmrc-guard:allow <reason> -->} in a
 * pom): a comment line directly above the line it allows. A reason is required, so that the exception explains
 * itself in review.
 */
public final class AllowComment {
    private static final Pattern ALLOW = Pattern.compile("^\\s*[#;]\\s*npmrc-guard:allow(?:\\s+(.*?))?\\s*$");
    private static final Pattern XML_ALLOW =
            Pattern.compile("^\\s*<!--\\s*npmrc-guard:allow(?:\\s+(.*?))?\\s*-->\\s*$");

    private AllowComment() {
    }

    /**
     * The reason given on {@code line}, or {@code null} when it is not an allow comment; an empty string for
     * an allow comment without a reason (which allows nothing).
     */
    public static String reason(String line) {
        return reason(line, ALLOW);
    }

    /**
     * As {@link #reason(String)}, in a file of this kind: a pom's allow comment is an XML comment alone on its
     * line.
     */
    public static String reason(FileKind kind, String line) {
        return reason(line, kind == FileKind.POM ? XML_ALLOW : ALLOW);
    }

    private static String reason(String line, Pattern pattern) {
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) == null ? "" : m.group(1);
    }
}
