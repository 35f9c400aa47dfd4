package io.github.npmrcguard.rules;

import java.util.Objects;

/**
 * What a rule is, for reports: a stable id (used in log lines, SARIF and allowlists), a one-line title, and
 * the help text that tells the user what to do.
 *
 * @param id       stable, lower-case, hyphenated, e.g. {@code literal-credential}
 * @param severity the level of its findings in committed content
 * @param title    one line, e.g. "Literal credential in an auth key"
 * @param help     what it means and how to fix it, a few sentences of plain text
 * @param credential whether its error-level findings are a committed credential, which stays in every clone
 *                 of the history: the rules the {@code history} goal runs
 */
public record RuleInfo(String id, Severity severity, String title, String help, boolean credential) {
    /** A rule whose findings are not credentials in the history. */
    public RuleInfo(String id, Severity severity, String title, String help) {
        this(id, severity, title, help, false);
    }

    // equals and hashCode written out: a record's generated ones are linked through method handles on first
    // use, in the cold JVM of every build.

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleInfo r
                && Objects.equals(id, r.id)
                && severity == r.severity
                && Objects.equals(title, r.title)
                && Objects.equals(help, r.help)
                && credential == r.credential;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
