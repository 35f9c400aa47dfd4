package io.github.npmrcguard.maven;

/**
 * One {@code <entry>} of {@code <allowlist>}: a secret's fingerprint, why it is allowed, and optionally
 * the ISO date ({@code 2027-03-31}) after which it fails the build again.
 */
public class AllowlistEntryParameter {
    /** The 8 hex digits a finding shows as its fingerprint. */
    String fingerprint;
    /** Why this secret is allowed, e.g. "read-only token for the public mirror, revoked 2026-10-01". */
    String reason;
    /** Optional: the last day the exception holds, as an ISO date. */
    String expires;

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public void setExpires(String expires) {
        this.expires = expires;
    }
}
