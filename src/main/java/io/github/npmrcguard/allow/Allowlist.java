package io.github.npmrcguard.allow;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.secrets.Fingerprint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The configured allowlist: fingerprint entries, checked when built so a typo fails loudly. */
public final class Allowlist {
    private final Map<String, AllowlistEntry> byFingerprint = new HashMap<>();

    /**
     * @throws IllegalArgumentException naming the entry when a fingerprint is not 8 hex digits, a reason is
     *                                  missing, or a fingerprint is listed twice
     */
    public Allowlist(List<AllowlistEntry> entries) {
        int index = 0;
        for (AllowlistEntry e : entries) {
            index++;
            if (e.fingerprint() == null || !Fingerprint.isFingerprint(e.fingerprint())) {
                throw new IllegalArgumentException("<allowlist> entry " + index
                        + ": <fingerprint> must be the 8 lower-case hex digits a finding shows");
            }
            if (e.reason() == null || e.reason().isBlank()) {
                throw new IllegalArgumentException(
                        "<allowlist> entry " + index + " (" + e.fingerprint() + "): <reason> is required");
            }
            if (byFingerprint.put(e.fingerprint(), e) != null) {
                throw new IllegalArgumentException("<allowlist> lists fingerprint " + e.fingerprint() + " twice");
            }
        }
    }

    /** An empty allowlist. */
    public static Allowlist none() {
        return new Allowlist(List.of());
    }

    /** The active entry for this finding's fingerprint, or {@code null}. */
    public AllowlistEntry find(Finding finding) {
        return finding.fingerprint().isEmpty() ? null : byFingerprint.get(finding.fingerprint());
    }

    /** Entries whose fingerprint matched nothing in a scan, so users can prune them. */
    public List<AllowlistEntry> unused(List<String> seenFingerprints) {
        List<AllowlistEntry> out = new ArrayList<>();
        byFingerprint.forEach((fp, e) -> {
            if (!seenFingerprints.contains(fp)) {
                out.add(e);
            }
        });
        out.sort((a, b) -> a.fingerprint().compareTo(b.fingerprint()));
        return out;
    }

    /** Whether an entry exists but has expired on {@code today}. */
    public boolean expired(AllowlistEntry entry, LocalDate today) {
        return !entry.activeOn(today);
    }
}
