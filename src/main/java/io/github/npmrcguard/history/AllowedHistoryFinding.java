package io.github.npmrcguard.history;

/**
 * A secret in the history that an exception covers, kept so that the log can say what was allowed and why.
 *
 * @param finding the finding as it would have been reported
 * @param by      "allowlist", or "allow comment" when every version that holds it has one above the line
 * @param reason  the reason the user gave (for a revoked token, typically the revocation date)
 */
public record AllowedHistoryFinding(HistoryFinding finding, String by, String reason) {
    /** One log line: the finding's, then how it is allowed. */
    public String logLine() {
        return finding.logLine() + " allowed by " + by + ": " + reason;
    }
}
