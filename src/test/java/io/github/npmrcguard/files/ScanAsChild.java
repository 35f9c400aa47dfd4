package io.github.npmrcguard.files;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.Scanner;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The check goal's scan in a JVM of its own, for {@link HostileFilesTest} to run as another user:
 * {@code ScanAsChild <root>} prints each finding as {@code SEVERITY logLine}, then {@code note: ...} lines.
 */
public final class ScanAsChild {
    private ScanAsChild() {}

    public static void main(String[] args) throws Exception {
        ScanResult r = new Scanner(new ScanSetReader()::read)
                .scan(Path.of(args[0]), p -> false, Allowlist.none(), LocalDate.of(2026, 11, 28));
        for (Finding f : r.findings()) {
            System.out.println(f.severity() + " " + f.logLine());
        }
        for (String n : r.notes()) {
            System.out.println("note: " + n);
        }
    }
}
