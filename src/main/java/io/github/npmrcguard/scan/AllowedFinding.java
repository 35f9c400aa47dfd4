package io.github.npmrcguard.scan;

import io.github.npmrcguard.rules.Finding;

/**
 * A finding that an exception covers, kept so that the log can say what was allowed and why.
 *
 * @param finding the finding as it would have been reported
 * @param by      "allow comment" or "allowlist"
 * @param reason  the reason the user gave
 */
public record AllowedFinding(Finding finding, String by, String reason) {}
