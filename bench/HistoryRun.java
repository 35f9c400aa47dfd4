import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.history.HistoryRange;
import io.github.npmrcguard.history.HistoryResult;
import io.github.npmrcguard.history.HistoryScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The history goal's scan without Maven, for {@code bench/history.sh}: {@code java -cp <classes and deps>
 * bench/HistoryRun.java <repository> [scans]} prints the scan's own seconds (from before the scan to after it,
 * in this JVM) and its summary. With a count of scans it runs that many in the same JVM and prints the last
 * one's seconds too: the scan once the JIT has compiled its code, which a fresh JVM spends the first one doing.
 * On Linux it also prints the CPU seconds the JIT's compiler threads spent during the first scan (from /proc).
 */
public final class HistoryRun {
    public static void main(String[] args) throws Exception {
        int scans = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        HistoryResult r = null;
        double jit = 0;
        for (int i = 0; i < scans; i++) {
            double jit0 = compilerSeconds();
            long t0 = System.nanoTime();
            r = new HistoryScanner().scan(Path.of(args[0]), HistoryRange.all(), p -> false, Allowlist.none(),
                    LocalDate.now());
            long t1 = System.nanoTime();
            if (i == 0) {
                jit = compilerSeconds() - jit0;
            }
            System.out.printf("%s %.3f%n", i == 0 ? "scan-seconds" : "scan-seconds-compiled", (t1 - t0) / 1e9);
        }
        System.out.println("summary " + r.summary() + "; " + r.candidateChanges() + " changes");
        System.out.printf("jit-cpu-seconds %.2f%n", jit);
    }

    /** CPU seconds of the threads named "C1 CompilerThread..." and "C2 CompilerThread...": 0 without /proc. */
    private static double compilerSeconds() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long ticks = 0;
        try (var threads = Files.newDirectoryStream(tasks)) {
            for (Path t : threads) {
                try {
                    if (Files.readString(t.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                        String stat = Files.readString(t.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    }
                } catch (NoSuchFileException e) {
                    // a thread that ended since the listing
                }
            }
        }
        return ticks / 100.0; // USER_HZ
    }
}
