package io.github.npmrcguard.history;

import io.github.npmrcguard.allow.Allowlist;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The history goal's scan in a JVM of its own, for {@link HistoryScannerMemoryTest} to run in a small heap:
 * {@code HistoryAsChild <root>} prints the summary, then each finding's log line (which holds no secret).
 */
public final class HistoryAsChild {
    private HistoryAsChild() {}

    public static void main(String[] args) throws Exception {
        HistoryResult r = new HistoryScanner()
                .scan(Path.of(args[0]), HistoryRange.all(), p -> false, Allowlist.none(), LocalDate.of(2026, 12, 1));
        System.out.println("summary: " + r.summary() + "; " + r.candidateChanges() + " changes");
        for (HistoryFinding f : r.findings()) {
            System.out.println("finding: " + f.logLine());
        }
    }
}
