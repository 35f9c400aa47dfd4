import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.allow.PathExcludes;
import io.github.npmrcguard.files.ScanSetReader;
import io.github.npmrcguard.rules.Rule;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.scan.Preflight;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.Scanner;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap a scan uses, in a JVM of its own, running what the check goal runs (the standard rules and the
 * preflight, no allowlist): with {@code --allocated <folder>}, the bytes its threads allocate (its garbage
 * included; run.sh gives that JVM a young generation large enough to hold them all); with {@code <folder>}, the
 * bytes still held when it returns, with its result, after a full collection. Run by run.sh as
 * {@code java -cp <plugin jar and its dependencies> bench/ScanHeap.java [--allocated] <folder>}; prints one line.
 * With {@code --scan-only <folder>} it only scans (exit code 0 when the scan completed): run.sh runs that,
 * compiled, under a range of {@code -Xmx} to find the smallest heap a scan completes in, which bounds what
 * it holds at its peak (garbage does not count: a collection frees it).
 */
public class ScanHeap {
    /** Full collections until the heap stops shrinking: one is not always all (soft references, finalizers). */
    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private static long collections() {
        long n = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += gc.getCollectionCount();
        }
        return n;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--scan-only")) {
            List<Rule> rules = new ArrayList<>(RuleCatalogue.rules());
            rules.addAll(Preflight.rules("auto", System.getenv()));
            ScanResult result = new Scanner(new ScanSetReader()::read, rules)
                    .scan(Path.of(args[1]), new PathExcludes(List.of()), Allowlist.none(), LocalDate.now());
            System.out.println(result.filesChecked() + " files checked");
            return;
        }
        // --allocated <folder>: what every thread the scan runs allocates (the walk without git has one of its
        // own), as the growth of the heap, in a young generation large enough that no collection runs meanwhile
        // (run.sh gives it one, and small fixed TLABs so that a thread's unused buffer hardly counts); a
        // per-thread counter would miss a thread that has ended. <folder>: what the result holds afterwards,
        // under the default collector and heap (the large young generation makes that figure unsteady).
        boolean allocatedOnly = args[0].equals("--allocated");
        Path root = Path.of(args[allocatedOnly ? 1 : 0]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Rule> rules = new ArrayList<>(RuleCatalogue.rules());
        rules.addAll(Preflight.rules("auto", System.getenv()));
        Scanner scanner = new Scanner(new ScanSetReader()::read, rules);
        long collectionsBefore = collections();
        long usedBefore = memory.getHeapMemoryUsage().getUsed();
        ScanResult[] result = {scanner.scan(root, new PathExcludes(List.of()), Allowlist.none(), LocalDate.now())};
        if (allocatedOnly) {
            long allocated = memory.getHeapMemoryUsage().getUsed() - usedBefore;
            System.out.println(collections() != collectionsBefore ? "allocated: a collection ran during the scan,"
                    + " run with a larger -Xmn" : String.format("allocated %.1f MB", allocated / 1e6));
            return;
        }
        int files = result[0].filesChecked();
        // What the scan leaves behind is its result: the heap after a full collection with it, and without it.
        settle();
        long withResult = memory.getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(result[0]);
        result[0] = null;
        settle();
        long retained = withResult - memory.getHeapMemoryUsage().getUsed();
        System.out.printf("held after it (its result) %d KB, %d files checked%n", Math.max(0, retained) / 1024, files);
    }
}
