package io.github.npmrcguard.history;

import java.util.List;

/**
 * What the history scan found.
 *
 * @param findings        one per distinct secret not allowed, oldest first
 * @param allowed         secrets the allowlist or allow comments cover, with the reasons
 * @param notes           one-line remarks on how the scan ran (shallow clone, blobs not read, ...); never content
 * @param range           which commits were walked, e.g. "all refs"
 * @param commitsWalked   how many commits the range holds ({@code git rev-list --count})
 * @param commitsWithCandidates how many of them changed a path the candidate pathspecs match
 * @param candidateChanges how many (commit, path) pairs wrote a candidate file version
 * @param distinctBlobsRead how many distinct blobs were read (each once, in one {@code git cat-file --batch})
 */
public record HistoryResult(
        List<HistoryFinding> findings,
        List<AllowedHistoryFinding> allowed,
        List<String> notes,
        String range,
        long commitsWalked,
        int commitsWithCandidates,
        int candidateChanges,
        int distinctBlobsRead) {
    /** What to do about a secret in the history: removing it from the files does not remove it from git. */
    public static final String REMEDY = "A credential stays in every clone of the history after the line is"
            + " removed: revoke it first. Then list its fingerprint in <allowlist> with the revocation as the"
            + " reason (for example \"revoked 2025-03-01\"), or rewrite the history and force-push.";

    public HistoryResult {
        findings = List.copyOf(findings);
        allowed = List.copyOf(allowed);
        notes = List.copyOf(notes);
    }

    /** Whether no secret is left unallowed. */
    public boolean passed() {
        return findings.isEmpty();
    }

    /**
     * The fingerprints of every secret found, reported or allowed: for {@code Allowlist.unused}, so that an
     * entry for a revoked token that only the history holds is not taken for a stale one.
     */
    public List<String> fingerprints() {
        return java.util.stream.Stream.concat(
                        findings.stream(), allowed.stream().map(AllowedHistoryFinding::finding))
                .map(HistoryFinding::fingerprint)
                .sorted()
                .toList();
    }

    /** Each finding's log line, in order. */
    public List<String> logLines() {
        return findings.stream().map(HistoryFinding::logLine).toList();
    }

    /** A one-line summary, e.g. "all refs: 10000 commits, 412 distinct blobs read, 2 secrets reported, 1 allowed". */
    public String summary() {
        return range + ": " + commitsWalked + (commitsWalked == 1 ? " commit" : " commits") + ", "
                + distinctBlobsRead + " distinct " + (distinctBlobsRead == 1 ? "blob" : "blobs") + " read, "
                + findings.size() + (findings.size() == 1 ? " secret" : " secrets") + " reported"
                + (allowed.isEmpty() ? "" : ", " + allowed.size() + " allowed");
    }
}
