package io.github.npmrcguard.scan;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scan found.
 *
 * @param findings     reported findings, sorted by path and line
 * @param allowed      findings covered by an allow comment or the allowlist
 * @param notes        one-line remarks on how the scan ran (no file content)
 * @param filesChecked how many files were checked (a file's staged and working copies count once)
 * @param git          whether git decided what is committed
 */
public record ScanResult(
        List<Finding> findings, List<AllowedFinding> allowed, List<String> notes, int filesChecked, boolean git) {
    public ScanResult {
        findings = List.copyOf(findings);
        allowed = List.copyOf(allowed);
        notes = List.copyOf(notes);
    }

    /** The findings that fail the build. */
    public List<Finding> errors() {
        return withSeverity(Severity.ERROR);
    }

    /** The findings that are only reported. */
    public List<Finding> warnings() {
        return withSeverity(Severity.WARNING);
    }

    private List<Finding> withSeverity(Severity severity) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.severity() == severity) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    /** How many distinct files hold errors. */
    public long filesWithErrors() {
        return errors().stream().map(Finding::path).distinct().count();
    }
}
