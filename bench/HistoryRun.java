import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.history.HistoryRange;
import io.github.npmrcguard.history.HistoryResult;
import io.github.npmrcguard.history.HistoryScanner;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The history goal's scan without Maven, for {@code bench/history.sh}: {@code java -cp <classes and deps>
 * bench/HistoryRun.java <repository> [scans]} prints the scan's own seconds (from before the scan to after it,
 * in this JVM) and its summary. With a count of scans it runs that many in the same JVM and prints the last
 * one's seconds too: the scan once the JIT has compiled its code, which a fresh JVM spends the first one doing.
 */
public final class HistoryRun {
    public static void main(String[] args) throws Exception {
        int scans = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        HistoryResult r = null;
        for (int i = 0; i < scans; i++) {
            long t0 = System.nanoTime();
            r = new HistoryScanner().scan(Path.of(args[0]), HistoryRange.all(), p -> false, Allowlist.none(),
                    LocalDate.now());
            long t1 = System.nanoTime();
            System.out.printf("%s %.3f%n", i == 0 ? "scan-seconds" : "scan-seconds-compiled", (t1 - t0) / 1e9);
        }
        System.out.println("summary " + r.summary() + "; " + r.candidateChanges() + " changes");
    }
}
