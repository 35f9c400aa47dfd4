package io.github.npmrcguard.oracle;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.files.ScanSet;
import io.github.npmrcguard.rules.Rule;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.scan.Preflight;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.Scanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's verdict on a case: its scanner, in process, on the case's file as staged content, with the
 * standard rules and the preflight of {@code check} run outside CI in the case's environment (the one the
 * clients ran with).
 */
public final class Verdicts {
    /** The worst finding: none, a warning or an error. */
    public enum Verdict {
        NONE,
        WARNING,
        ERROR
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private Verdicts() {}

    /**
     * The verdict, and the rule ids that made it (for a report).
     *
     * @param port the registry's port put into the text
     */
    public static Result of(OracleCase c, int port) {
        byte[] content = c.text(port).getBytes(StandardCharsets.UTF_8);
        ScanFile file = new ScanFile(
                c.fileName(), Path.of(c.fileName()), FileKind.ofFileName(c.fileName()), Provenance.STAGED, content);
        ScanResult r;
        try {
            List<Rule> rules = new ArrayList<>(RuleCatalogue.rules());
            rules.addAll(Preflight.rules("auto", c.env()));
            r = new Scanner((root, excluded, ready) -> new ScanSet(List.of(file), List.of(), List.of(), true), rules)
                    .scan(Path.of("."), p -> false, Allowlist.none(), TODAY);
        } catch (Exception e) {
            throw new AssertionError("scanner failed on " + c, e);
        }
        Verdict v = !r.errors().isEmpty() ? Verdict.ERROR : r.findings().isEmpty() ? Verdict.NONE : Verdict.WARNING;
        List<String> rules = r.findings().stream()
                .map(f -> f.severity() + ":" + f.rule().id())
                .distinct()
                .toList();
        return new Result(v, rules);
    }

    /** A verdict and the findings' {@code SEVERITY:rule-id}s. */
    public record Result(Verdict verdict, List<String> rules) {}
}
