package io.github.npmrcguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.Severity;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.Scanner;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {
    private static Finding literal(String path, String note) {
        return new Finding(path, 1, ReportFixtures.LITERAL, Severity.ERROR, "literal value", "k", "0a1b2c3d", note);
    }

    private static ScanResult result(Finding... findings) {
        return new ScanResult(List.of(findings), List.of(), List.of(), findings.length, true);
    }

    @Test
    void theRemedyShowsThePlaceholderOfEachKindOfFileThatHoldsACredential() {
        assertEquals(
                "To fix: 1) revoke each token listed above at its registry first: removing the line does not"
                        + " remove it from git history; 2) keep the token in a CI secret and read it from there: in .npmrc,"
                        + " //registry.npmjs.org/:_authToken=${NPM_TOKEN} for npm and bun; for pnpm and yarn 1, delete the line"
                        + " and keep the token in the user config that mvn npmrc-guard:generate writes (mvn npmrc-guard:fix"
                        + " moves it there); 3) run mvn npmrc-guard:fix to rewrite the files in"
                        + " place.",
                ConsoleReport.remedy(result(literal("web/.npmrc", ""), literal(".npmrc.ci", ""))));
        String yarnAndPom = ConsoleReport.remedy(result(literal("web/.yarnrc.yml", ""), literal("web/pom.xml", "")));
        assertTrue(
                yarnAndPom.contains("2) keep the token in a CI secret and read it from there: in .yarnrc.yml,"
                        + " npmAuthToken: \"${NPM_TOKEN:-}\" (with the :- an unset variable does not stop yarn); in pom.xml,"
                        + " delete the value: frontend-maven-plugin and exec-maven-plugin pass the build's own environment"
                        + " variables on, so set NPM_TOKEN in the CI job; 3)"),
                yarnAndPom);
        assertTrue(!yarnAndPom.contains(".npmrc"), yarnAndPom);
        assertTrue(ConsoleReport.remedy(result(literal("bunfig.toml", "")))
                .contains("in bunfig.toml, token = \"$NPM_TOKEN\";"));
    }

    @Test
    void theNpmrcRemedyNamesTheFindingsRegistryKey() {
        Finding acme = new Finding(
                "web/.npmrc",
                2,
                ReportFixtures.LITERAL,
                Severity.ERROR,
                "literal value",
                "//npm.acme.example/:_authToken",
                "0a1b2c3d",
                "");
        String remedy = ConsoleReport.remedy(result(acme));
        assertTrue(
                remedy.contains("in .npmrc, //npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN} for npm and"
                        + " bun; for pnpm and yarn 1, delete the line and keep the token in the user config"),
                remedy);
        assertTrue(!remedy.contains("//registry.npmjs.org/"), remedy);
    }

    @Test
    void theSummarySaysWhenOnlyTheStagedVersionHoldsTheLiteral() {
        String summary = ConsoleReport.failureSummary(
                result(literal("web/.npmrc", Scanner.STAGED_ONLY), literal("b/.npmrc", "")));
        assertEquals(
                "To fix: 1) revoke each token listed above at its registry first: removing the line does not"
                        + " remove it from git history; 2) the working copy no longer holds it, but the staged version, which is"
                        + " what gets committed, does: git add web/.npmrc, then check again.",
                ConsoleReport.remedy(result(literal("web/.npmrc", Scanner.STAGED_ONLY))));
        assertTrue(
                summary.endsWith(" 1 file of them is already clean in the working copy, but the staged version,"
                        + " which was checked, is not: git add it."),
                summary);
    }
}
