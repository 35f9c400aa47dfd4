package io.github.npmrcguard.allow;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.rules.ConfigDocument;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline exception {@code # npmrc-guard:allow <reason>} ({@code <!-- npmrc-guard:allow <reason> -->} in a
 * pom): a comment line directly above the line it allows; in a pom that starts with an XML declaration, where
 * nothing may stand above line 1, the line right after the declaration allows line 1. A reason is required, so that the exception explains
 * itself in review.
 */
public final class AllowComment {
    private static final Pattern ALLOW = Pattern.compile("^\\s*[#;]\\s*npmrc-guard:allow(?:\\s+(.*?))?\\s*$");
    private static final Pattern XML_ALLOW =
            Pattern.compile("^\\s*<!--\\s*npmrc-guard:allow(?:\\s+(.*?))?\\s*-->\\s*$");
    private static final Pattern XML_DECLARATION = Pattern.compile("^\\uFEFF?<\\?xml\\s");

    private AllowComment() {}

    /**
     * The reason of the allow comment directly above a line of {@code doc} (in a pom, an XML comment alone on
     * its line), or {@code null} when there is none; an empty string for an allow comment without a reason,
     * which allows nothing.
     */
    public static String above(ConfigDocument doc, int line) {
        if (doc.kind() == FileKind.POM
                && line == 1
                && XML_DECLARATION.matcher(doc.line(1)).lookingAt()) {
            // Nothing may stand above an XML declaration: for line 1 the comment goes right after it.
            return reason(doc.line(2), XML_ALLOW);
        }
        if (line <= 1) {
            return null;
        }
        return reason(doc.line(line - 1), doc.kind() == FileKind.POM ? XML_ALLOW : ALLOW);
    }

    private static String reason(String line, Pattern pattern) {
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) == null ? "" : m.group(1);
    }
}
