package io.github.npmrcguard.scan;

import io.github.npmrcguard.allow.AllowComment;
import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.allow.AllowlistEntry;
import io.github.npmrcguard.files.FileProblem;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.files.ScanSet;
import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.Rule;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.rules.RuleInfo;
import io.github.npmrcguard.rules.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code check} goal without Maven: lists the candidate files, parses each as its client would, runs
 * the rules, and applies what git says about each file's provenance and what the user allowed.
 */
public final class Scanner {
    private final ScanSetSource source;
    private final DocumentReader reader = new DocumentReader();

    private final List<Rule> rules;

    /** A scanner with the standard rules. */
    public Scanner(ScanSetSource source) {
        this(source, RuleCatalogue.rules());
    }

    /** A scanner with these rules, in this order (the standard ones plus, say, the CI preflight). */
    public Scanner(ScanSetSource source, List<Rule> rules) {
        this.source = source;
        this.rules = List.copyOf(rules);
    }

    /**
     * Scans {@code root}.
     *
     * @param excluded  user path excludes, tested on root-relative paths
     * @param allowlist fingerprint exceptions from the configuration
     * @param today     the date allowlist expiries are compared with
     */
    public ScanResult scan(Path root, Predicate<String> excluded, Allowlist allowlist, LocalDate today)
            throws IOException {
        ScanSet set = source.read(root, excluded);
        List<Finding> reported = new ArrayList<>();
        List<AllowedFinding> allowed = new ArrayList<>();
        List<String> notes = new ArrayList<>(set.notes());

        // Secrets the committed versions already report, so a working copy holding the same one adds nothing.
        Set<String> committedSecrets = new HashSet<>();
        List<ScanFile> files = new ArrayList<>(set.files());
        files.sort(Comparator.comparing((ScanFile f) -> !f.provenance().committed()));
        Set<String> seen = new LinkedHashSet<>();
        for (ScanFile file : files) {
            DocumentReader.Read read = reader.read(file);
            List<Finding> found = new ArrayList<>(read.findings());
            found.addAll(RuleCatalogue.check(read.document(), rules));
            for (Finding f : found) {
                if (file.provenance().committed()) {
                    if (!f.fingerprint().isEmpty()) {
                        committedSecrets.add(f.path() + '\0' + f.fingerprint());
                    }
                } else {
                    // Outside committed content only secrets matter, and only ones not reported already.
                    if (f.fingerprint().isEmpty() || committedSecrets.contains(f.path() + '\0' + f.fingerprint())) {
                        continue;
                    }
                    f = downgrade(f, file.provenance());
                }
                // Merge-conflict stages repeat the same lines: report each finding once.
                if (!seen.add(f.path() + '\0' + f.line() + '\0' + f.rule().id() + '\0' + f.fingerprint())) {
                    continue;
                }
                String reason = AllowComment.above(read.document(), f.line());
                if (reason != null && !reason.isEmpty()) {
                    allowed.add(new AllowedFinding(f, "allow comment", reason));
                    continue;
                }
                if (reason != null) {
                    f = new Finding(f.path(), f.line(), f.rule(), f.severity(), f.what(), f.key(), f.fingerprint(),
                            join(f.note(), "the allow comment above gives no reason, so it allows nothing"));
                }
                AllowlistEntry entry = allowlist.find(f);
                if (entry != null && entry.activeOn(today)) {
                    allowed.add(new AllowedFinding(f, "allowlist", entry.reason()));
                    continue;
                }
                if (entry != null) {
                    f = new Finding(f.path(), f.line(), f.rule(), f.severity(), f.what(), f.key(), f.fingerprint(),
                            join(f.note(), "allowlist entry expired on " + entry.expires()));
                }
                reported.add(f);
            }
        }
        for (FileProblem p : set.problems()) {
            RuleInfo rule = p.blocking() ? RuleCatalogue.UNREADABLE_FILE : RuleCatalogue.SKIPPED_FILE;
            reported.add(new Finding(p.path(), 1, rule, rule.severity(), p.message(), "", "", ""));
        }
        reported.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line)
                .thenComparing(f -> f.severity() == Severity.ERROR ? 0 : 1));
        return new ScanResult(reported, allowed, notes, set.files().size(), set.git());
    }

    private static Finding downgrade(Finding f, Provenance provenance) {
        String why = provenance == Provenance.IGNORED
                ? "only in a file git ignores: never committed"
                : "only in the working copy: the staged content is clean, so CI may have injected it";
        return f.severity() == Severity.ERROR ? f.withSeverity(Severity.WARNING, why)
                : f.withSeverity(f.severity(), why);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
