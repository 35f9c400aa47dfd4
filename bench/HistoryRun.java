import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.history.HistoryRange;
import io.github.npmrcguard.history.HistoryResult;
import io.github.npmrcguard.history.HistoryScanner;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The history goal's scan without Maven, for {@code bench/history.sh}: {@code java -cp <classes and deps>
 * bench/HistoryRun.java <repository>} prints the scan's own seconds (from before the scan to after it, in this
 * JVM) and its summary.
 */
public final class HistoryRun {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        HistoryResult r = new HistoryScanner().scan(Path.of(args[0]), HistoryRange.all(), p -> false,
                Allowlist.none(), LocalDate.now());
        long t1 = System.nanoTime();
        System.out.printf("scan-seconds %.3f%n", (t1 - t0) / 1e9);
        System.out.println("summary " + r.summary() + "; " + r.candidateChanges() + " changes");
    }
}
