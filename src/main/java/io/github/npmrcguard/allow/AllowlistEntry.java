package io.github.npmrcguard.allow;

import java.time.LocalDate;

/**
 * A deliberate exception from the plugin configuration: one secret, by fingerprint, with the reason and
 * an optional date after which it fails again.
 *
 * @param fingerprint the 8 hex digits a finding shows
 * @param reason      why it is allowed (required)
 * @param expires     the last day it is allowed, or {@code null} for no end
 */
public record AllowlistEntry(String fingerprint, String reason, LocalDate expires) {
    /** Whether the entry still holds on {@code today}. */
    public boolean activeOn(LocalDate today) {
        return expires == null || !today.isAfter(expires);
    }
}
