package io.github.npmrcguard.rules;

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
public record Finding(String path, int line, RuleInfo rule, Severity severity, String what, String key,
        String fingerprint, String note) {

    public Finding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(what, "what");
        key = key == null ? "" : key;
        fingerprint = fingerprint == null ? "" : fingerprint;
        note = note == null ? "" : note;
    }

    /** The same finding at another level, with a note saying why. */
    public Finding withSeverity(Severity newSeverity, String why) {
        String newNote = note.isEmpty() ? why : note + "; " + why;
        return new Finding(path, line, rule, newSeverity, what, key, fingerprint, newNote);
    }

    /**
     * The log line of PRODUCT.md: {@code path:line: <what> in <key> [<rule id>] (fingerprint <8 hex>)},
     * followed by the note in parentheses when there is one.
     */
    public String logLine() {
        StringBuilder s = new StringBuilder();
        s.append(path).append(':').append(line).append(": ").append(what);
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
