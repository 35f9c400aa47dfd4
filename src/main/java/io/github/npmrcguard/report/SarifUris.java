package io.github.npmrcguard.report;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A finding's path as SARIF wants it: a URI reference relative to the scan root. */
final class SarifUris {
    private static final Pattern DRIVE_LETTER = Pattern.compile("[A-Za-z]:/");

    private SarifUris() {}

    /**
     * A finding's path as a relative URI reference (RFC 3986): each segment UTF-8 percent-encoded except
     * the unreserved characters, so spaces, {@code #}, {@code %}, {@code ?}, {@code :} and non-ASCII
     * characters survive every consumer. An unpaired surrogate becomes U+FFFD, as in the JSON text.
     *
     * @throws IllegalArgumentException if the path is empty, absolute, or climbs out of the root with
     *                                  {@code ..}: the location would not be relative to the scan root
     */
    static String relativeUri(String path) {
        String p = normalized(path);
        if (p.isEmpty() || p.startsWith("/") || DRIVE_LETTER.matcher(p).lookingAt()) {
            throw new IllegalArgumentException("not a path relative to the scan root with / separators: " + path);
        }
        if (plainSegments(p)) {
            return p; // nothing to encode, the usual case: no copy made a character at a time
        }
        StringBuilder s = new StringBuilder();
        for (String segment : p.split("/", -1)) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("path leaves the scan root: " + path);
            }
            if (s.length() > 0) {
                s.append('/');
            }
            for (byte b : wellFormed(segment).getBytes(StandardCharsets.UTF_8)) {
                s.append(encodeByte(b));
            }
        }
        return s.toString();
    }

    /** Whether a path is unreserved characters in segments joined by '/', none of them empty or "..". */
    private static boolean plainSegments(String p) {
        int segmentStart = 0;
        for (int i = 0; i <= p.length(); i++) {
            char c = i < p.length() ? p.charAt(i) : '/';
            if (c == '/') {
                if (i == segmentStart || i - segmentStart == 2 && p.startsWith("..", segmentStart)) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~')) {
                return false;
            }
        }
        return true;
    }

    /** The path without a leading {@code ./}, so {@code ./a} and {@code a} are one location and fingerprint. */
    static String normalized(String path) {
        return path.startsWith("./") ? path.substring(2) : path;
    }

    /** {@code s} with each unpaired surrogate replaced by U+FFFD (the encoder would make it {@code ?}). */
    private static String wellFormed(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    private static String encodeByte(byte b) {
        char c = (char) (b & 0xff);
        boolean unreserved = c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
        return unreserved ? String.valueOf(c) : String.format("%%%02X", (int) c);
    }
}
