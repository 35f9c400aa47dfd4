package io.github.npmrcguard.report;

import io.github.npmrcguard.auth.TokenVariables;
import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.PreflightVariableRule;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.scan.AllowedFinding;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.Scanner;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The words of the build log: one line per finding, the remedy once, and the summary. */
public final class ConsoleReport {
    /** The placeholder form of each file kind, in the words of the remedy. */
    private static final Map<FileKind, String> PLACEHOLDERS = placeholders();

    private ConsoleReport() {}

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
                    + ". Revoke each token, replace it with the placeholder shown above for its file, and run "
                    + "mvn npmrc-guard:fix; a deliberate exception goes in <allowlist> or an "
                    + "'# npmrc-guard:allow <reason>' comment above the line.");
            long stagedOnly = credentials.stream()
                    .filter(f -> f.note().contains(Scanner.STAGED_ONLY))
                    .map(Finding::path)
                    .distinct()
                    .count();
            if (stagedOnly > 0) {
                parts.add(count(stagedOnly, "file") + " of them " + (stagedOnly == 1 ? "is" : "are")
                        + " already clean in the working copy, but the staged version, which was checked, is not: "
                        + "git add " + (stagedOnly == 1 ? "it" : "them") + ".");
            }
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

    /**
     * Said once after the findings when any credential is committed: revoke, then the placeholder form of each
     * kind of file that holds one, then fix.
     */
    public static String remedy(ScanResult result) {
        List<Finding> credentials = credentialErrors(result);
        Set<String> stagedOnly = new java.util.TreeSet<>();
        for (Finding f : credentials) {
            if (f.note().contains(Scanner.STAGED_ONLY)) {
                stagedOnly.add(f.path());
            }
        }
        if (!stagedOnly.isEmpty()
                && stagedOnly.size()
                        == credentials.stream().map(Finding::path).distinct().count()) {
            // What fix leaves: the working copies are clean, only the index still holds the literals.
            return "To fix: 1) revoke each token listed above at its registry first: removing the line does not "
                    + "remove it from git history; 2) the working copy no longer holds "
                    + (credentials.size() == 1 ? "it" : "them")
                    + ", but the staged version, which is what gets committed, does: "
                    + "git add " + String.join(" ", stagedOnly) + ", then check again.";
        }
        Set<FileKind> kinds = EnumSet.noneOf(FileKind.class);
        for (Finding f : credentials) {
            FileKind kind = FileKind.ofFileName(f.path().substring(f.path().lastIndexOf('/') + 1));
            kinds.add(kind == null ? FileKind.NPMRC : kind);
        }
        List<String> forms = new ArrayList<>();
        for (FileKind kind : kinds) {
            forms.add(kind == FileKind.NPMRC ? npmrcForm(credentials) : PLACEHOLDERS.get(kind));
        }
        return "To fix: 1) revoke each token listed above at its registry first: removing the line does not remove "
                + "it from git history; 2) keep the token in a CI secret and read it from there: "
                + String.join("; ", forms) + "; 3) run mvn npmrc-guard:fix to rewrite the files in place.";
    }

    /**
     * The .npmrc remedy for the registry keys of the findings (not the public registry's for a private one),
     * and the place pnpm and yarn 1 need instead: a placeholder in their project .npmrc breaks them.
     */
    private static String npmrcForm(List<Finding> credentials) {
        Set<String> lines = new java.util.LinkedHashSet<>();
        for (Finding f : credentials) {
            FileKind kind = FileKind.ofFileName(f.path().substring(f.path().lastIndexOf('/') + 1));
            if (kind == null || kind == FileKind.NPMRC) {
                lines.add(placeholderLine(f.key()));
            }
        }
        return "in .npmrc, " + String.join(" and ", lines) + " for npm and bun; for pnpm and yarn 1, delete the line"
                + " and keep the token in the user config that mvn npmrc-guard:generate writes (mvn npmrc-guard:fix"
                + " moves it there)";
    }

    /** {@code //host/path/:_authToken=${VAR}} for a registry's key, the public registry's for any other key. */
    private static String placeholderLine(String key) {
        int colon = key.lastIndexOf(":_");
        if (!key.startsWith("//") || colon < 0) {
            return "//registry.npmjs.org/:_authToken=${" + TokenVariables.PUBLIC + "}";
        }
        String name = key.substring(colon + 1);
        String suffix =
                name.equals("_auth") ? "_AUTH" : name.equals("_password") ? "_PASSWORD" : TokenVariables.TOKEN_SUFFIX;
        return key + "=${" + TokenVariables.unconfigured().forRegistry(key.substring(0, colon), suffix) + "}";
    }

    private static Map<FileKind, String> placeholders() {
        Map<FileKind, String> m = new EnumMap<>(FileKind.class);
        m.put(
                FileKind.YARNRC,
                "in .yarnrc, delete the line (yarn 1 reads no credentials there) and let "
                        + "mvn npmrc-guard:generate write the token line into the user config");
        m.put(
                FileKind.YARNRC_YML,
                "in .yarnrc.yml, npmAuthToken: \"${NPM_TOKEN:-}\" (with the :- an unset "
                        + "variable does not stop yarn)");
        m.put(FileKind.BUNFIG_TOML, "in bunfig.toml, token = \"$NPM_TOKEN\"");
        m.put(
                FileKind.POM,
                "in pom.xml, delete the value: frontend-maven-plugin and exec-maven-plugin pass "
                        + "the build's own environment variables on, so set NPM_TOKEN in the CI job");
        return m;
    }

    private static List<Finding> credentialErrors(ScanResult result) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : result.errors()) {
            if (f.rule() != RuleCatalogue.UNREADABLE_FILE && f.rule() != PreflightVariableRule.INFO) {
                out.add(f);
            }
        }
        return out;
    }

    /** Whether the errors include committed credentials, which need the remedy text. */
    public static boolean hasCredentials(ScanResult result) {
        return result.errors().stream()
                .anyMatch(f -> f.rule() != RuleCatalogue.UNREADABLE_FILE && f.rule() != PreflightVariableRule.INFO);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The closing line of a scan that fails nothing. */
    public static String passSummary(ScanResult result) {
        return "npmrc-guard: " + result.filesChecked() + " file" + (result.filesChecked() == 1 ? "" : "s")
                + " checked, no committed credentials"
                + (result.warnings().isEmpty()
                        ? ""
                        : " (" + result.warnings().size() + " warning"
                                + (result.warnings().size() == 1 ? "" : "s") + ")")
                + ".";
    }

    /** The line that says a finding was allowed, and by what. */
    public static String allowedLine(AllowedFinding a) {
        Finding f = a.finding();
        return f.logLine() + " allowed by " + a.by() + ": " + a.reason();
    }
}
