package io.github.npmrcguard.history;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleInfo;
import io.github.npmrcguard.rules.Severity;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One distinct secret that the history holds, reported where it first appeared. Like every finding it holds
 * no part of the secret: its fingerprint names it.
 *
 * @param fingerprint first 8 hex digits of the SHA-256 of the secret
 * @param rule        the rule that found it at the first occurrence
 * @param what        a short description, e.g. "literal npm access token"
 * @param key         the key it sits in, made safe to print, or empty (a comment)
 * @param commitId    the full id of the oldest commit that wrote a file holding it
 * @param date        that commit's committer date, in the committer's time zone
 * @param path        the file, relative to the top of the repository, {@code /} separators
 * @param line        1-based line in that commit's version of the file
 * @param commits     how many commits wrote a candidate file version holding it (added the file or
 *                    changed it to such content; commits that only carried it along are not counted)
 * @param paths       at how many paths such versions were written
 * @param note        an extra remark (e.g. an expired allowlist entry), or empty
 */
public record HistoryFinding(
        String fingerprint,
        RuleInfo rule,
        String what,
        String key,
        String commitId,
        LocalDate date,
        String path,
        int line,
        int commits,
        int paths,
        String note) {
    /** Length of {@link #commit()}. */
    public static final int SHORT_HASH = 8;

    public HistoryFinding {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(path, "path");
        key = key == null ? "" : key;
        note = note == null ? "" : note;
    }

    /** The commit's short hash: its first {@value #SHORT_HASH} hex digits. */
    public String commit() {
        return commitId.substring(0, Math.min(SHORT_HASH, commitId.length()));
    }

    /**
     * The log line: {@code a1b2c3d4 2025-03-01 web/.npmrc:2: literal npm access token in
     * //registry.npmjs.org/:_authToken [literal-credential] (fingerprint 1a2b3c4d; in 3 commits)}, with
     * {@code , 2 paths} when it was written at more than one path, and the note in parentheses.
     */
    public String logLine() {
        StringBuilder s = new StringBuilder();
        s.append(commit()).append(' ').append(date).append(' ');
        s.append(path).append(':').append(line).append(": ").append(what);
        if (!key.isEmpty()) {
            s.append(" in ").append(key);
        }
        s.append(" [")
                .append(rule.id())
                .append("] (fingerprint ")
                .append(fingerprint)
                .append("; in ")
                .append(commits)
                .append(commits == 1 ? " commit" : " commits");
        if (paths > 1) {
            s.append(", ").append(paths).append(" paths");
        }
        s.append(')');
        if (!note.isEmpty()) {
            s.append(" (").append(note).append(')');
        }
        return s.toString();
    }

    /**
     * The finding as {@code check} reports one, for the SARIF report: at its path and line in the commit that
     * introduced it, which the note names with how widely it spread.
     */
    public Finding asFinding() {
        String where = "in the git history since commit " + commit() + " of " + date + ", in " + commits
                + (commits == 1 ? " commit" : " commits") + (paths > 1 ? ", " + paths + " paths" : "");
        return new Finding(
                path, line, rule, Severity.ERROR, what, key, fingerprint, note.isEmpty() ? where : where + "; " + note);
    }

    @Override
    public String toString() {
        return logLine();
    }
}
