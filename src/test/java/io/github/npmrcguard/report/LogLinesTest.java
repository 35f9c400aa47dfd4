package io.github.npmrcguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.PreflightVariableRule;
import io.github.npmrcguard.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLinesTest {
    private static Finding at(String path, int line, Severity severity) {
        return new Finding(
                path,
                line,
                severity == Severity.ERROR ? ReportFixtures.LITERAL : ReportFixtures.ALWAYS_AUTH,
                severity,
                severity == Severity.ERROR ? "literal npm access token" : "setting npm ignores",
                "k",
                "",
                "");
    }

    private static Finding preflight(String path, String variable) {
        return new Finding(
                path,
                2,
                PreflightVariableRule.INFO,
                Severity.WARNING,
                variable + " is not set, but this file names it",
                "//r/:_authToken",
                "",
                "");
    }

    @Test
    void fileThenLineWithErrorsAndWarningsTogether() {
        List<LogLines.Line> lines = LogLines.of(List.of(
                at("b/.npmrc", 3, Severity.ERROR),
                at("a/.npmrc", 14, Severity.WARNING),
                at("a/.npmrc", 12, Severity.ERROR),
                at("a/.npmrc", 12, Severity.WARNING)));
        assertEquals(
                List.of(
                        "a/.npmrc:12: literal npm access token in k [literal-credential]",
                        "a/.npmrc:12: setting npm ignores in k [ignored-setting]",
                        "a/.npmrc:14: setting npm ignores in k [ignored-setting]",
                        "b/.npmrc:3: literal npm access token in k [literal-credential]"),
                lines.stream().map(LogLines.Line::text).toList());
        assertEquals(
                List.of(Severity.ERROR, Severity.WARNING, Severity.WARNING, Severity.ERROR),
                lines.stream().map(LogLines.Line::severity).toList());
    }

    @Test
    void onePreflightLinePerVariable() {
        List<LogLines.Line> lines = LogLines.of(List.of(
                preflight("ws/a/.npmrc", "NPM_TOKEN"),
                preflight("ws/b/.npmrc", "NPM_TOKEN"),
                preflight("ws/c/.npmrc", "NPM_TOKEN"),
                preflight("ws/b/.npmrc", "ACME_TOKEN"),
                preflight("ws/c/.npmrc", "ACME_TOKEN")));
        assertEquals(
                List.of(
                        "ws/a/.npmrc:2: NPM_TOKEN is not set, but this file names it in //r/:_authToken"
                                + " [preflight-variable] (2 other files name it too)",
                        "ws/b/.npmrc:2: ACME_TOKEN is not set, but this file names it in //r/:_authToken [preflight-variable]"
                                + " (1 other file names it too)"),
                lines.stream().map(LogLines.Line::text).toList());
    }

    @Test
    void aFileNoClientReadsGetsItsOwnWarningBesideTheVariablesError() {
        Finding read = new Finding(
                "web/.npmrc",
                2,
                PreflightVariableRule.INFO,
                Severity.ERROR,
                "NPM_TOKEN is not set, but this file names it",
                "//r/:_authToken",
                "",
                "npm, this frontend's package manager, reads this file");
        Finding unread = new Finding(
                "admin/.yarnrc.yml",
                1,
                PreflightVariableRule.INFO,
                Severity.WARNING,
                "NPM_TOKEN is not set, but this file names it",
                "npmAuthToken",
                "",
                "npm, this frontend's package manager, does not read this file");
        assertEquals(
                List.of(
                        "admin/.yarnrc.yml:1: NPM_TOKEN is not set, but this file names it in npmAuthToken"
                                + " [preflight-variable] (npm, this frontend's package manager, does not read this file)",
                        "web/.npmrc:2: NPM_TOKEN is not set, but this file names it in //r/:_authToken"
                                + " [preflight-variable] (npm, this frontend's package manager, reads this file)"),
                LogLines.of(List.of(read, unread)).stream()
                        .map(LogLines.Line::text)
                        .toList());
    }
}
