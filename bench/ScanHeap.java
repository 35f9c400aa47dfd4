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
 * preflight, no allowlist): the bytes it allocates (its garbage included) and the bytes still held when it
 * returns, with its result, after a full collection. Run by run.sh as
 * {@code java -cp <plugin jar and its dependencies> bench/ScanHeap.java <folder>}; prints one line.
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

    private static long oldGenerationUsed() {
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getName().contains("Old Gen")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
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
        Path root = Path.of(args[0]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Rule> rules = new ArrayList<>(RuleCatalogue.rules());
        rules.addAll(Preflight.rules("auto", System.getenv()));
        Scanner scanner = new Scanner(new ScanSetReader()::read, rules);
        // Allocated by every thread the scan runs (the walk without git has one of its own): the growth of the
        // heap, in a young generation large enough that no collection runs meanwhile (run.sh gives it one, and
        // small fixed TLABs so that a thread's unused buffer hardly counts). Per-thread counters would miss a
        // thread that has ended.
        long collectionsBefore = collections();
        long usedBefore = memory.getHeapMemoryUsage().getUsed();
        ScanResult[] result = {scanner.scan(root, new PathExcludes(List.of()), Allowlist.none(), LocalDate.now())};
        long allocated = memory.getHeapMemoryUsage().getUsed() - usedBefore;
        if (collections() != collectionsBefore) {
            System.out.println("a collection ran during the scan: run with a larger -Xmn");
            return;
        }
        int files = result[0].filesChecked();
        // What the scan leaves behind is its result: the heap after a full collection with it, and without it.
        // Counted in the old generation, where a full collection leaves what survives it: the young one also
        // holds whatever this thread allocates after the collection.
        settle();
        long withResult = oldGenerationUsed();
        Reference.reachabilityFence(result[0]);
        result[0] = null;
        settle();
        long retained = withResult - oldGenerationUsed();
        System.out.printf("allocated %.1f MB, held after it (its result) %d KB, %d files checked%n", allocated / 1e6,
                Math.max(0, retained) / 1024, files);
    }
}
