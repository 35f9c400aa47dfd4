package io.github.npmrcguard.report;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleInfo;
import io.github.npmrcguard.rules.Severity;
import java.util.List;

/** Rules and findings shaped like a real scan's. Fingerprints are made-up 8 hex digits, never a secret. */
final class ReportFixtures {

    static final RuleInfo LITERAL = new RuleInfo(
            "literal-credential",
            Severity.ERROR,
            "Literal credential in an auth key",
            "A literal npm credential is committed. Revoke the token first: removing the line does not remove"
                    + " it from history. Then replace the value with a placeholder such as ${NPM_TOKEN}, or run"
                    + " mvn npmrc-guard:fix.");
    static final RuleInfo URL = new RuleInfo(
            "credential-in-url",
            Severity.ERROR,
            "Credentials in a registry URL",
            "A registry or proxy URL carries a user name and password. Revoke them and configure the"
                    + " credentials through a placeholder instead.");
    static final RuleInfo PLACEHOLDER = new RuleInfo(
            "unexpanded-placeholder",
            Severity.WARNING,
            "Placeholder that npm does not expand",
            "npm expands only ${VAR} in .npmrc; other forms are sent literally and the build gets a 401.");
    static final RuleInfo ALWAYS_AUTH = new RuleInfo(
            "ignored-setting",
            Severity.WARNING,
            "Setting that npm ignores",
            "npm 9 and later ignore always-auth and email; remove the line.");

    static final List<RuleInfo> RULES = List.of(LITERAL, URL, PLACEHOLDER, ALWAYS_AUTH);

    /** Errors and warnings, a downgraded error, findings without a fingerprint, awkward paths. */
    static final List<Finding> FINDINGS = List.of(
            new Finding(
                    ".npmrc",
                    2,
                    LITERAL,
                    Severity.ERROR,
                    "literal npm access token",
                    "//registry.npmjs.org/:_authToken",
                    "0a1b2c3d",
                    ""),
            new Finding(
                    "frontend/src/main/webui/.npmrc",
                    14,
                    LITERAL,
                    Severity.ERROR,
                    "literal npm access token",
                    "//npm.pkg.github.com/:_authToken",
                    "5e6f7a8b",
                    ""),
            new Finding(
                    "apps/my app/#2/100% done/.npmrc",
                    1, URL, Severity.ERROR, "credentials in a URL", "registry", "9c0d1e2f", ""),
            new Finding(
                    "modules/caf\u00e9/\u30d5\u30ed\u30f3\u30c8/\ud83d\ude80/.yarnrc.yml",
                    3,
                    LITERAL,
                    Severity.WARNING,
                    "literal npm access token",
                    "npmScopes.acme.npmAuthToken",
                    "3a4b5c6d",
                    "only in a file git ignores"),
            new Finding(
                    "web/.npmrc.production",
                    7,
                    PLACEHOLDER,
                    Severity.WARNING,
                    "placeholder npm does not expand",
                    "//registry.npmjs.org/:_authToken",
                    "",
                    "$NPM_TOKEN form"),
            new Finding(
                    "web/.npmrc.production",
                    9,
                    ALWAYS_AUTH,
                    Severity.WARNING,
                    "setting npm ignores",
                    "always-auth",
                    "",
                    ""),
            new Finding(
                    "docs/\"quoted\" \\ back\tslash/.npmrc",
                    5,
                    LITERAL,
                    Severity.ERROR,
                    "recognised token format in a comment",
                    "",
                    "7d8e9f00",
                    ""));

    private ReportFixtures() {}
}
