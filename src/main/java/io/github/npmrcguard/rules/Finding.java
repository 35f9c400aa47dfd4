package io.github.npmrcguard.rules;

import java.util.Comparator;
import java.util.Objects;

/**
 * One reported problem at one line of one file. It holds no part of any secret: only where it is, what
 * kind of problem it is, the key it sits in (already made safe to print) and the secret's fingerprint.
 *
 * @param path        relative to the scan root, {@code /} separators
 * @param line        1-based line of the file as stored
 * @param rule        the rule that found it
 * @param severity    its level after provenance and allowlists are applied
 * @param what        a short description, e.g. "literal npm access token"; never any of the value
 * @param key         the key it sits in, made safe to print, or empty when it is not in a key (a comment)
 * @param fingerprint first 8 hex digits of the SHA-256 of the secret, or empty when no secret is involved
 * @param note        an extra remark for the log line (e.g. "ignored by git"), or empty
 */
public record Finding(
        String path,
        int line,
        RuleInfo rule,
        Severity severity,
        String what,
        String key,
        String fingerprint,
        String note) {

    public Finding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(what, "what");
        key = key == null ? "" : key;
        fingerprint = fingerprint == null ? "" : fingerprint;
        note = note == null ? "" : note;
    }

    /** File by file, then line by line; at one line the error before the warning. */
    public static final Comparator<Finding> POSITION_ORDER = new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
            int byPath = a.path().compareTo(b.path());
            if (byPath != 0) {
                return byPath;
            }
            int byLine = Integer.compare(a.line(), b.line());
            return byLine != 0
                    ? byLine
                    : Boolean.compare(a.severity() != Severity.ERROR, b.severity() != Severity.ERROR);
        }
    };

    /** Paths longer than this are shortened in log lines; SARIF and JSON keep them whole. */
    public static final int DISPLAY_LIMIT = 240;

    /** {@code path} for a log line: itself, or its first and last 100 characters around {@code /.../}. */
    public static String displayPath(String path) {
        if (path.length() <= DISPLAY_LIMIT) {
            return path;
        }
        return path.substring(0, 100) + "/.../" + path.substring(path.length() - 100) + " (" + path.length()
                + " characters)";
    }

    /** The same finding at another level, with a note saying why. */
    public Finding withSeverity(Severity newSeverity, String why) {
        String newNote = note.isEmpty() ? why : note + "; " + why;
        return new Finding(path, line, rule, newSeverity, what, key, fingerprint, newNote);
    }

    /**
     * The log line of PRODUCT.md: {@code path:line: <what> in <key> [<rule id>] (fingerprint <8 hex>)},
     * followed by the note in parentheses when there is one. A path longer than {@link #DISPLAY_LIMIT}
     * characters (a folder nested thousands deep) is shown by its start and end.
     */
    public String logLine() {
        StringBuilder s = new StringBuilder();
        s.append(displayPath(path)).append(':').append(line).append(": ").append(what);
        if (!key.isEmpty()) {
            s.append(" in ").append(key);
        }
        s.append(" [").append(rule.id()).append(']');
        if (!fingerprint.isEmpty()) {
            s.append(" (fingerprint ").append(fingerprint).append(')');
        }
        if (!note.isEmpty()) {
            s.append(" (").append(note).append(')');
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return logLine();
    }
}
