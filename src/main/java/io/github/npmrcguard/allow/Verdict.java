package io.github.npmrcguard.allow;

import io.github.npmrcguard.rules.Finding;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * What the user's exceptions make of one finding, the same for {@code check} and {@code history}: an allow
 * comment with a reason allows it; one without a reason allows nothing and says so; then an allowlist entry
 * for its fingerprint allows it until the entry expires, and an expired one says so.
 *
 * @param allowedBy {@link #ALLOW_COMMENT}, {@link #ALLOWLIST}, or null when the finding is reported
 * @param reason    the reason the user gave, when allowed; else empty
 * @param note      for a reported finding, what to add to its note (may be empty)
 */
public record Verdict(String allowedBy, String reason, String note) {
    public static final String ALLOW_COMMENT = "allow comment";
    public static final String ALLOWLIST = "allowlist";
    static final String EMPTY_COMMENT = "the allow comment above gives no reason, so it allows nothing";

    /**
     * Judges one finding.
     *
     * @param comment   the reason of the allow comment above it; empty for a comment without a reason; null for
     *                  none
     * @param today     asked only when an allowlist entry applies
     */
    public static Verdict of(String comment, Finding finding, Allowlist allowlist, Supplier<LocalDate> today) {
        if (comment != null && !comment.isEmpty()) {
            return new Verdict(ALLOW_COMMENT, comment, "");
        }
        String note = comment == null ? "" : EMPTY_COMMENT;
        AllowlistEntry entry = allowlist.find(finding);
        if (entry != null && entry.activeOn(today.get())) {
            return new Verdict(ALLOWLIST, entry.reason(), "");
        }
        if (entry != null) {
            note = join(note, "allowlist entry expired on " + entry.expires());
        }
        return new Verdict(null, "", note);
    }

    /** Whether the finding is allowed (not reported). */
    public boolean allowed() {
        return allowedBy != null;
    }

    /** Two notes as one: {@code a; b}, or the one that is not empty. */
    public static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
