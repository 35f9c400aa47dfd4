package io.github.npmrcguard.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.files.GitHistory;
import io.github.npmrcguard.secrets.Fingerprint;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost claim, on a synthetic history of 10,000 commits (fixed seed, built with git fast-import): one
 * walk, one batch of distinct blobs, and exactly the secrets the generator wrote, each at the commit that
 * first wrote it. Prints the timings; fails if the scan takes longer than a generous bound.
 */
class HistoryScannerCostTest {
    @TempDir
    Path tmp;

    @Test
    void tenThousandCommitsCostOneWalkAndOneReadPerDistinctBlob() throws IOException {
        long t0 = System.nanoTime();
        TestRepo repo = TestRepo.init(tmp, "big");
        SyntheticHistory history = new SyntheticHistory(7, 40, 250, 12);
        history.build(repo, 10_000, 50);
        long built = System.nanoTime();
        String keep = System.getProperty("npmrcguard.history.keep"); // a folder to keep a mirror in, to measure by hand
        if (keep != null) {
            repo.git("clone", "-q", "--mirror", repo.dir.toString(), keep);
            built = System.nanoTime();
        }

        GitHistory git = repo.history();
        RecordingBlobs blobs = new RecordingBlobs(git);
        HistoryScanner scanner = new HistoryScanner(git, blobs);
        HistoryResult result =
                scanner.scan(repo.dir, HistoryRange.all(), p -> false, Allowlist.none(), LocalDate.of(2025, 6, 1));
        long scanned = System.nanoTime();
        HistoryResult again = new HistoryScanner(git)
                .scan(repo.dir, HistoryRange.all(), p -> false, Allowlist.none(), LocalDate.of(2025, 6, 1));
        long rescanned = System.nanoTime();

        System.out.printf(
                "history cost: %d commits (%d with candidate changes), %d candidate changes,"
                        + " %d distinct blobs read, %d secrets; build %d ms, first scan %d ms, second scan %d ms%n",
                result.commitsWalked(),
                result.commitsWithCandidates(),
                result.candidateChanges(),
                result.distinctBlobsRead(),
                result.findings().size(),
                (built - t0) / 1_000_000,
                (scanned - built) / 1_000_000,
                (rescanned - scanned) / 1_000_000);

        assertEquals(history.commits(), result.commitsWalked());
        assertEquals(List.of(history.distinctCandidateContents()), blobs.sizes(), "one batch of distinct blobs");
        assertEquals(history.distinctCandidateContents(), result.distinctBlobsRead());
        assertEquals(history.candidateWrites(), result.candidateChanges());
        List<String> expected = history.expected().values().stream()
                .sorted(Comparator.comparingLong(SyntheticHistory.Expected::firstMark))
                .map(e -> Fingerprint.of(e.token()) + " " + history.commitId(e.firstMark()) + " " + e.firstPath() + ":"
                        + e.line() + " commits=" + e.marks().size() + " paths="
                        + e.paths().size())
                .toList();
        List<String> actual = result.findings().stream()
                .map(f -> f.fingerprint() + " " + f.commitId() + " " + f.path() + ":" + f.line() + " commits="
                        + f.commits() + " paths=" + f.paths())
                .toList();
        assertEquals(expected, actual);
        assertEquals(result.findings(), again.findings());
        assertTrue(expected.size() >= 10, "the generator wrote most of its secrets: " + expected.size());
    }
}
