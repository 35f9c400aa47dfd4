package io.github.npmrcguard.report;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.scan.AllowedFinding;
import io.github.npmrcguard.scan.ScanResult;

/** The words of the build log: one line per finding, the remedy once, and the summary. */
public final class ConsoleReport {
    /** Said once after the findings when any credential is committed. */
    public static final String REMEDY = "To fix: 1) revoke each token listed above at its registry first: "
            + "removing the line does not remove it from git history; 2) replace the value with a placeholder, "
            + "e.g. //registry.npmjs.org/:_authToken=${NPM_TOKEN}, and keep the token in a CI secret; "
            + "3) run mvn npmrc-guard:fix to rewrite the files in place.";

    private ConsoleReport() {
    }

    /** The summary that ends a failing build, naming counts and the switch that changes the verdict. */
    public static String failureSummary(ScanResult result) {
        long errors = result.errors().size();
        return "npmrc-guard: " + errors + " committed npm credential finding" + (errors == 1 ? "" : "s") + " in "
                + result.filesWithErrors() + " file" + (result.filesWithErrors() == 1 ? "" : "s")
                + ". Revoke each token, replace it with a placeholder such as ${NPM_TOKEN}, and run "
                + "mvn npmrc-guard:fix; a deliberate exception goes in <allowlist> or an "
                + "'# npmrc-guard:allow <reason>' comment above the line.";
    }

    /** The closing line of a scan that fails nothing. */
    public static String passSummary(ScanResult result) {
        return "npmrc-guard: " + result.filesChecked() + " npm config file" + (result.filesChecked() == 1 ? "" : "s")
                + " checked, no committed credentials" + (result.warnings().isEmpty() ? ""
                        : " (" + result.warnings().size() + " warning" + (result.warnings().size() == 1 ? "" : "s")
                                + ")")
                + ".";
    }

    /** The line that says a finding was allowed, and by what. */
    public static String allowedLine(AllowedFinding a) {
        Finding f = a.finding();
        return f.logLine() + " allowed by " + a.by() + ": " + a.reason();
    }
}
