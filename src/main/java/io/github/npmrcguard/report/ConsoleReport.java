package io.github.npmrcguard.report;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.PreflightVariableRule;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.scan.AllowedFinding;
import io.github.npmrcguard.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;

/** The words of the build log: one line per finding, the remedy once, and the summary. */
public final class ConsoleReport {
    /** Said once after the findings when any credential is committed. */
    public static final String REMEDY = "To fix: 1) revoke each token listed above at its registry first: "
            + "removing the line does not remove it from git history; 2) replace the value with a placeholder, "
            + "e.g. //registry.npmjs.org/:_authToken=${NPM_TOKEN}, and keep the token in a CI secret; "
            + "3) run mvn npmrc-guard:fix to rewrite the files in place.";

    private ConsoleReport() {
    }

    /**
     * The summary that ends a failing build: what kinds of errors, how many, and what to do about each;
     * it starts with "npmrc-guard: ".
     */
    public static String failureSummary(ScanResult result) {
        List<Finding> credentials = new ArrayList<>();
        List<Finding> unreadable = new ArrayList<>();
        List<Finding> preflight = new ArrayList<>();
        for (Finding f : result.errors()) {
            if (f.rule() == RuleCatalogue.UNREADABLE_FILE) {
                unreadable.add(f);
            } else if (f.rule() == PreflightVariableRule.INFO) {
                preflight.add(f);
            } else {
                credentials.add(f);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!credentials.isEmpty()) {
            long files = credentials.stream().map(Finding::path).distinct().count();
            parts.add(count(credentials.size(), "committed npm credential finding") + " in " + count(files, "file")
                    + ". Revoke each token, replace it with a placeholder such as ${NPM_TOKEN}, and run "
                    + "mvn npmrc-guard:fix; a deliberate exception goes in <allowlist> or an "
                    + "'# npmrc-guard:allow <reason>' comment above the line.");
        }
        if (!unreadable.isEmpty()) {
            parts.add(count(unreadable.size(), "config file") + " could not be read, so could not be checked: make "
                    + (unreadable.size() == 1 ? "it" : "them") + " readable, or list "
                    + (unreadable.size() == 1 ? "it" : "them") + " in <excludes>.");
        }
        if (!preflight.isEmpty()) {
            long variables = LogLines.preflightProblems(preflight);
            parts.add(count(variables, "placeholder variable") + " not usable in this build: set "
                    + (variables == 1 ? "it" : "them") + " in the CI job's secrets, or turn the check off "
                    + "with npmrcguard.preflight=off.");
        }
        return "npmrc-guard: " + String.join(" ", parts);
    }

    /** Whether the errors include committed credentials, which need the remedy text. */
    public static boolean hasCredentials(ScanResult result) {
        return result.errors().stream().anyMatch(f -> f.rule() != RuleCatalogue.UNREADABLE_FILE
                && f.rule() != PreflightVariableRule.INFO);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The closing line of a scan that fails nothing. */
    public static String passSummary(ScanResult result) {
        return "npmrc-guard: " + result.filesChecked() + " file" + (result.filesChecked() == 1 ? "" : "s")
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
