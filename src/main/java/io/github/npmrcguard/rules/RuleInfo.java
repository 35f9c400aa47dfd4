package io.github.npmrcguard.rules;

/**
 * What a rule is, for reports: a stable id (used in log lines, SARIF and allowlists), a one-line title, and
 * the help text that tells the user what to do.
 *
 * @param id       stable, lower-case, hyphenated, e.g. {@code literal-credential}
 * @param severity the level of its findings in committed content
 * @param title    one line, e.g. "Literal credential in an auth key"
 * @param help     what it means and how to fix it, a few sentences of plain text
 */
public record RuleInfo(String id, Severity severity, String title, String help) {
}
