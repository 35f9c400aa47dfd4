package io.github.npmrcguard.rules;

import static io.github.npmrcguard.testsupport.RuleHarness.error;
import static io.github.npmrcguard.testsupport.RuleHarness.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.scan.DocumentReader;
import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.testsupport.Docs;
import io.github.npmrcguard.testsupport.RuleHarness;
import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule on real parsed files: what it reports, and what it leaves alone. */
class RulesTest {
    private final TestTokens tokens = new TestTokens(7);

    private static List<String> lines(String name, String text) {
        return Docs.check(name, text).stream()
                .map(f -> f.severity() + " " + f.logLine())
                .collect(Collectors.toList());
    }

    /** The errors, and the warnings about what a client sends as typed: the findings a client's request decides. */
    private static List<String> verdict(String name, String text) {
        return lines(name, text).stream()
                .filter(l -> l.startsWith("ERROR ") || l.contains("[placeholder-"))
                .collect(Collectors.toList());
    }

    private static void assertNoSecretIn(List<String> out, String secret) {
        TestTokens.assertNoFragment(String.join("\n", out), secret, "findings");
    }

    @Test
    void literalNpmTokenInANerfDartedKeyIsAnError() {
        String t = tokens.npm();
        List<String> out =
                lines(".npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=" + t + "\n");
        assertEquals(
                List.of("ERROR .npmrc:2: literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken"
                        + " [literal-credential] (fingerprint " + Fingerprint.of(t) + ")"),
                out);
        assertNoSecretIn(out, t);
    }

    @Test
    void literalOfAnyShapeInAnAuthKeyIsAnError() {
        String uuid = tokens.uuid();
        List<String> out = lines(".npmrc", "//nexus.example.com/repository/npm-private/:_authToken=" + uuid + "\n");
        assertEquals(
                List.of("ERROR .npmrc:1: literal value in //nexus.example.com/repository/npm-private/:_authToken"
                        + " [literal-credential] (fingerprint " + Fingerprint.of(uuid) + ")"),
                out);
    }

    @Test
    void placeholdersAreNotFindings() {
        assertEquals(
                List.of(),
                lines(
                        ".npmrc",
                        "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"
                                + "//npm.pkg.github.com/:_authToken=\"${GITHUB_TOKEN}\"\n//h.example/:_authToken=${T?}\n"));
        assertEquals(List.of(), lines(".yarnrc.yml", "npmAuthToken: \"${NPM_TOKEN:-}\"\n"));
        assertEquals(
                List.of(),
                lines("bunfig.toml", "[install.registry]\nurl = \"https://r.example/\"\ntoken = \"$NPM_TOKEN\"\n"));
    }

    @Test
    void aYarnPlaceholderWithoutFallbackIsItsOwnWarningAndTheSafeFormIsNot() {
        assertEquals(
                List.of(
                        "WARNING .yarnrc.yml:3: ${ACME_TOKEN} placeholder, which stops every yarn command when"
                                + " ACME_TOKEN is unset: write \"${ACME_TOKEN:-}\" in npmScopes.acme.npmAuthToken [yarn-required-placeholder]"),
                lines(
                        ".yarnrc.yml",
                        "npmScopes:\n  acme:\n    npmAuthToken: \"${ACME_TOKEN}\"\n"
                                + "npmAuthToken: \"${NPM_TOKEN:-}\"\nnpmRegistryServer: \"${REGISTRY}\"\n"));
        assertEquals(List.of(), lines(".yarnrc.yml", "npmAuthToken: \"${NPM_TOKEN-}\"\n"));
        assertEquals(List.of(), lines(".npmrc", "//r.example/:_authToken=${NPM_TOKEN}\n"));
    }

    @Test
    void commentedOutTokenLineIsStillAKnownToken() {
        String t = tokens.npm();
        List<String> out = lines(".npmrc", "# //registry.npmjs.org/:_authToken=" + t + "\n");
        assertEquals(
                List.of("ERROR .npmrc:1: npm access token (checksum valid) [known-token] (fingerprint "
                        + Fingerprint.of(t) + ")"),
                out);
    }

    @Test
    void commentedOutOpaqueValueIsALiteralInAComment() {
        String uuid = tokens.uuid();
        String opaque = tokens.opaque(32);
        List<String> out = lines(
                ".npmrc",
                ";//registry.npmjs.org/:_authToken=" + uuid + "\n" + "  # //npm.acme.example/:_authToken=" + opaque
                        + "\n");
        assertEquals(
                List.of(
                        "ERROR .npmrc:1: literal value in a comment (no client reads it, but it is committed) in"
                                + " //registry.npmjs.org/:_authToken [literal-credential] (fingerprint "
                                + Fingerprint.of(uuid) + ")",
                        "ERROR .npmrc:2: literal value in a comment (no client reads it, but it is committed) in"
                                + " //npm.acme.example/:_authToken [literal-credential] (fingerprint "
                                + Fingerprint.of(opaque) + ")"),
                out);
        assertNoSecretIn(out, uuid);
    }

    @Test
    void commentedOutYarnAuthTokenIsALiteralInAComment() {
        String opaque = tokens.opaque(32);
        assertEquals(
                List.of("ERROR .yarnrc.yml:3: literal value in a comment (no client reads it, but it is committed)"
                        + " in npmAuthToken [literal-credential] (fingerprint " + Fingerprint.of(opaque) + ")"),
                lines(
                        ".yarnrc.yml",
                        "npmScopes:\n  acme:\n    # npmAuthToken: \"" + opaque + "\"\n"
                                + "    npmAuthToken: \"${NPM_TOKEN:-}\"\n"));
        assertEquals(
                List.of(),
                lines(
                        ".yarnrc.yml",
                        "# npmAuthToken: \"${NPM_TOKEN}\"\n# npmAuthToken: <YOUR_TOKEN>\n"
                                + "# set npmAuthToken: abc123def456 in your home folder\n"));
    }

    @Test
    void commentedOutStandInsAndProseStaySilent() {
        assertEquals(
                List.of(),
                lines(
                        ".npmrc",
                        "#//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"
                                + "; //registry.npmjs.org/:_authToken=<YOUR_TOKEN>\n"
                                + "# //registry.npmjs.org/:_authToken=your token goes here\n"
                                + "# set //registry.npmjs.org/:_authToken=abc123def456 in ~/.npmrc\n"));
    }

    @Test
    void schemePrefixedAuthKeyThatYarn1SendsIsAnError() {
        String a = tokens.opaque(32);
        String b = tokens.uuid();
        List<String> out = lines(
                ".npmrc",
                "registry=https://npm.acme.example/\n" + "https://npm.acme.example/:_authToken=" + a
                        + "\nhttp://127.0.0.1:4873/:_authToken=" + b + "\n");
        assertEquals(
                List.of(
                        "ERROR .npmrc:2: literal value (sent by yarn 1 to a registry written as this URL) in"
                                + " https://npm.acme.example/:_authToken [literal-credential] (fingerprint "
                                + Fingerprint.of(a) + ")",
                        "ERROR .npmrc:3: literal value (sent by yarn 1 to a registry written as this URL) in"
                                + " http://127.0.0.1:4873/:_authToken [literal-credential] (fingerprint "
                                + Fingerprint.of(b) + ")"),
                out);
        assertEquals(List.of(), lines(".npmrc", "https://npm.acme.example/:_authToken=${NPM_TOKEN}\n"));
        // yarn 1 looks up <registry>/:_authToken, slash included: without it no client reads the key.
        assertEquals(
                List.of("ERROR .npmrc:1: literal value (no client reads a scheme key without its trailing slash)"
                        + " in https://npm.acme.example:_authToken [literal-credential] (fingerprint "
                        + Fingerprint.of(a) + ")"),
                lines(".npmrc", "https://npm.acme.example:_authToken=" + a + "\n"));
    }

    @Test
    void literalOnALineOnlyBunReadsIsAnError() {
        String a = tokens.opaque(32);
        String b = tokens.opaque(24);
        // npm's parser drops a line whose value holds U+2028 or U+2029; bun reads it and sends the value.
        List<String> out = lines(
                ".npmrc",
                "//a.example/:_authToken=" + a + "\u2028\n" + "//b.example/:_authToken=${NPM_TOKEN}\u2029" + b + "\n");
        assertEquals(
                List.of(
                        "ERROR .npmrc:1: literal value (read by bun, which sends a value holding U+2028 or U+2029: npm's parser"
                                + " drops the line) in //a.example/:_authToken [literal-credential] (fingerprint "
                                + Fingerprint.of(a) + ")",
                        "ERROR .npmrc:2: placeholder with a literal part (read by bun, which sends a value holding U+2028 or"
                                + " U+2029: npm's parser drops the line) in //b.example/:_authToken [placeholder-with-literal] (fingerprint "
                                + Fingerprint.of("${NPM_TOKEN}\u2029" + b) + ")"),
                out);
        assertNoSecretIn(out, a);
    }

    @Test
    void placeholderBunReadsWithTheNextSettingIsAWarningNotAnError() {
        // bun sends the placeholder text and the setting after the separator as one value: no secret in it.
        String why = "placeholder followed by U+2028 or U+2029 and more settings, which bun reads as one value and"
                + " sends as typed (npm's parser drops the line) in //r.example/:_authToken [placeholder-not-expanded]";
        for (String v : List.of(
                "$NPM_TOKEN",
                "%NPM_TOKEN%",
                "\"${NPM_TOKEN}",
                "${NPM_TOKEN?}",
                "${NPM_TOKEN:-${OTHER_TOKEN}}",
                "\"${NPM_TOKEN:-${OTHER_TOKEN}}\"")) {
            assertEquals(
                    List.of("WARNING .npmrc:1: " + why),
                    lines(".npmrc", "//r.example/:_authToken=" + v + "\u2028always-auth=true\n"),
                    v);
        }
        assertEquals(
                List.of("WARNING .npmrc:1: " + why),
                lines(".npmrc", "\"//r.example/:_authToken\"=$NPM_TOKEN\u2029always-auth=true\n"));
        List<String> standIn = lines(".npmrc", "//r.example/:_auth='YOUR_NPM_TOKEN'\u2029always-auth=true\n");
        assertEquals(1, standIn.size(), standIn::toString);
        assertTrue(standIn.get(0).startsWith("WARNING .npmrc:1: "), standIn::toString);
        // a literal before the separator, or a credential after it, is still an error
        String a = tokens.opaque(32);
        List<String> out = lines(
                ".npmrc",
                "//r.example/:_authToken=" + a + "\u2028always-auth=true\n"
                        + "//s.example/:_authToken=${NPM_TOKEN}\u2028//t.example/:_authToken=" + a + "\n");
        assertEquals(2, out.size(), out::toString);
        assertTrue(out.stream().allMatch(l -> l.startsWith("ERROR ")), out::toString);
        assertNoSecretIn(out, a);
    }

    @Test
    void yarnAuthIdentUserNameBeforeThePlaceholderIsNoLiteral() {
        // yarn 2+ expands the placeholder after the user name; the name itself is no secret.
        RuleHarness harness = RuleHarness.forCatalogue();
        String yml = "npmRegistryServer: \"https://r.example\"\nnpmAuthIdent: \"%s\"\n";
        harness.test(
                ".yarnrc.yml",
                yml.formatted("bob:${NPM_TOKEN}"),
                warning("yarn-required-placeholder", 2, "npmAuthIdent"));
        harness.test(
                ".yarnrc.yml",
                yml.formatted("bob:${NPM_TOKEN:-${OTHER_TOKEN}}"),
                warning("yarn-required-placeholder", 2, "npmAuthIdent"));
        harness.testNoFindings(".yarnrc.yml", yml.formatted("bob:${NPM_TOKEN:-}"));
        String p = tokens.opaque(24);
        harness.hiding(p)
                .test(
                        ".yarnrc.yml",
                        "npmAuthIdent: \"bob:" + p + "\"\nnpmScopes:\n  a:\n    npmAuthIdent: \"bob:${NPM_TOKEN:-" + p
                                + "}\"\n",
                        error("literal-credential", 1, "npmAuthIdent"),
                        error("placeholder-with-literal", 4, "npmScopes.a.npmAuthIdent"));
    }

    @Test
    void bunfigLiteralFallbackIsSentByBunAndIsAnError() {
        String t = tokens.opaque(32);
        RuleHarness harness = RuleHarness.forCatalogue().hiding(t);
        harness.test(
                "bunfig.toml",
                "[install]\nregistry = { url = \"https://r.example/\", token = \"${NPM_TOKEN:-" + t + "}\" }\n",
                error("placeholder-with-literal", 2, "install.registry.token"));
        harness.test(
                "bunfig.toml",
                "[install]\nregistry = { url = \"https://r.example/\", username = \"bob\", password = \"${NPM_TOKEN-"
                        + t + "}\" }\n",
                error("placeholder-with-literal", 2, "install.registry.password"));
        harness.test(
                "bunfig.toml",
                "[install]\nregistry = \"https://bob:${NPM_TOKEN:-" + t + "}@r.example/\"\n",
                error("credentials-in-url", 2, "install.registry"));
        // a placeholder fallback is no literal: bun still sends it as typed
        harness.test(
                "bunfig.toml",
                "[install]\nregistry = { url = \"https://r.example/\", token = \"${NPM_TOKEN:-${OTHER}}\" }\n",
                warning("placeholder-not-expanded", 2, "install.registry.token"));
    }

    @Test
    void bunfigUrlUserInfoIsSentAsTyped() {
        assertEquals(
                List.of("WARNING bunfig.toml:2: placeholder in a URL's user info, which bun sends as typed in"
                        + " install.registry [placeholder-not-expanded]"),
                lines("bunfig.toml", "[install]\nregistry = \"https://bob:${NPM_TOKEN}@r.example/\"\n"));
        assertEquals(
                List.of("WARNING bunfig.toml:2: stand-in in a URL's user info, which bun sends as typed in"
                        + " install.registry [dummy-credential]"),
                lines("bunfig.toml", "[install]\nregistry = \"https://bob:changeme@r.example/\"\n"));
        assertEquals(List.of(), lines("bunfig.toml", "[install]\nregistry = \"https://r.example/\"\n"));
    }

    @Test
    void yarnrcUrlUserInfoBarePlaceholderAndStandInAreSentAsTyped() {
        RuleHarness.forCatalogue()
                .test(
                        ".yarnrc",
                        "registry \"http://bob:$NPM_TOKEN@r.example/\"\n",
                        warning("placeholder-not-expanded", 1, "registry"));
        RuleHarness.forCatalogue()
                .test(
                        ".yarnrc",
                        "registry \"http://bob:changeme-token-here@r.example/\"\r\n",
                        warning("dummy-credential", 1, "registry"));
    }

    @Test
    void literalBunReadsAfterALoneCrIsAnError() {
        String a = tokens.opaque(32);
        List<String> out =
                lines(".npmrc", "registry=https://r.example/\rx=//r.example/:_authToken=" + a + "\r").stream()
                        .filter(l -> l.startsWith("ERROR"))
                        .toList();
        assertEquals(
                List.of("ERROR .npmrc:2: literal value (read by bun, which joins a registry line and the lines after"
                        + " a lone CR into one URL and sends the auth in it) in //r.example/:_authToken [literal-credential]"
                        + " (fingerprint " + Fingerprint.of(a) + ")"),
                out);
        assertNoSecretIn(out, a);
        // a placeholder there is expanded by bun
        assertTrue(lines(".npmrc", "registry=https://r.example/\rx=//r.example/:_authToken=${NPM_TOKEN}\r").stream()
                .noneMatch(l -> l.startsWith("ERROR")));
    }

    @Test
    void quotesLeftAroundANestedFallbackOrStandInAndArrayFormsAreNoLiteral() {
        for (String v : List.of(
                "\"${NPM_TOKEN:-${OTHER_TOKEN}}\" # note",
                "'${NPM_TOKEN:-${OTHER_TOKEN}}' ; note",
                "\"${NPM_TOKEN:-${OTHER_TOKEN}}",
                "\"PASTE_TOKEN_HERE",
                "\"<your-token>",
                "'YOUR_NPM_TOKEN")) {
            List<String> out = lines(".npmrc", "//r.example/:_authToken=" + v + "\n");
            assertEquals(1, out.size(), v + ": " + out);
            assertTrue(out.get(0).startsWith("WARNING"), v + ": " + out);
        }
        for (String v : List.of("${NPM_TOKEN # note", "'${NPM_TOKEN'", "${NPM_TOKEN")) {
            List<String> out = lines(".npmrc", "//r.example/:_authToken[]=" + v + "\n");
            assertTrue(out.stream().noneMatch(l -> l.startsWith("ERROR")) && !out.isEmpty(), v + ": " + out);
        }
        // an array entry is sent as typed, a literal fallback with it
        String t = tokens.opaque(24);
        List<String> out = lines(".npmrc", "//r.example/:_authToken[]=${NPM_TOKEN-" + t + "}\n");
        assertTrue(
                out.stream().anyMatch(l -> l.startsWith("ERROR") && l.contains("[placeholder-with-literal]")),
                out::toString);
        assertNoSecretIn(out, t);
    }

    @Test
    void placeholderOnALineOnlyBunReadsIsNoFinding() {
        assertEquals(List.of(), lines(".npmrc", "//a.example/:_authToken=${NPM_TOKEN}\u2028\n"));
    }

    @Test
    void unterminatedPlaceholderIsSentAsTypedNotALiteral() {
        assertEquals(
                List.of("WARNING .npmrc:1: unterminated ${ placeholder, which every client sends as typed in"
                        + " //r.example/:_authToken [placeholder-not-expanded]"),
                lines(".npmrc", "//r.example/:_authToken=${NPM_TOKEN\n"));
        assertEquals(
                List.of("ERROR .npmrc:1: placeholder with a literal part in //r.example/:_authToken"
                        + " [placeholder-with-literal] (fingerprint " + Fingerprint.of("${NPM_TOKEN:-s3cr3tv4lu3")
                        + ")"),
                lines(".npmrc", "//r.example/:_authToken=${NPM_TOKEN:-s3cr3tv4lu3\n"));
    }

    @Test
    void fallbackThatIsItselfAPlaceholderIsNoLiteral() {
        assertEquals(
                List.of("WARNING .npmrc:1: fallback placeholder, which npm and bun send as typed (pnpm expands the"
                        + " inner one, yarn 1 stops) in //r.example/:_authToken [placeholder-not-expanded]"),
                lines(".npmrc", "//r.example/:_authToken=${NPM_TOKEN:-${OTHER_TOKEN}}\n"));
        // yarn 4 expands both: no literal, nothing sent as typed (other rules may still advise on the form).
        assertEquals(List.of(), verdict(".yarnrc.yml", "npmAuthToken: \"${NPM_TOKEN:-${OTHER_TOKEN}}\"\n"));
        assertEquals(List.of(), verdict(".yarnrc.yml", "npmAuthToken: \"${NPM_TOKEN:-${OTHER_TOKEN:-}}\"\n"));
        assertEquals(
                List.of(
                        "ERROR .yarnrc.yml:1: placeholder with a literal part in npmAuthToken [placeholder-with-literal]"
                                + " (fingerprint " + Fingerprint.of("${NPM_TOKEN:-${OTHER_TOKEN:-s3cr3tv4lu3}}") + ")"),
                lines(".yarnrc.yml", "npmAuthToken: \"${NPM_TOKEN:-${OTHER_TOKEN:-s3cr3tv4lu3}}\"\n"));
    }

    @Test
    void preflightAsksForNoSingleVariableOfANestedFallback() {
        FindingSink sink = new FindingSink(".yarnrc.yml");
        new PreflightVariableRule(java.util.Map.of("NPM_TOKEN", "x"), Severity.ERROR)
                .check(Docs.parse(".yarnrc.yml", "npmAuthToken: \"${NPM_TOKEN:-${OTHER_TOKEN}}\"\n"), sink);
        assertEquals(List.of(), sink.findings(), "yarn 4 sends NPM_TOKEN; OTHER_TOKEN need not be set");
    }

    @Test
    void placeholderInAnArrayIsSentAsTyped() {
        assertEquals(
                List.of("WARNING .npmrc:1: placeholder in a key[] array, which npm, pnpm and yarn 1 send as typed"
                        + " (bun ignores arrays) in //r.example/:_authToken [placeholder-not-expanded]"),
                lines(".npmrc", "//r.example/:_authToken[]=${NPM_TOKEN}\n"));
    }

    @Test
    void quotesLeftInTheValueAreSentWithIt() {
        List<String> out = lines(
                ".npmrc",
                "//a.example/:_authToken=\"${NPM_TOKEN}\" # note\n"
                        + "//b.example/:_authToken=\"${NPM_TOKEN}\n//c.example/:_authToken='${NPM_TOKEN}\n");
        String why = "placeholder with quote characters left in the value, which npm, yarn 1 and bun send with it in ";
        assertEquals(
                List.of(
                        "WARNING .npmrc:1: " + why + "//a.example/:_authToken [placeholder-not-expanded]",
                        "WARNING .npmrc:2: " + why + "//b.example/:_authToken [placeholder-not-expanded]",
                        "WARNING .npmrc:3: " + why + "//c.example/:_authToken [placeholder-not-expanded]"),
                out);
    }

    @Test
    void yarn1ExpandsNothingInYarnrc() {
        assertEquals(
                List.of("WARNING .yarnrc:1: placeholder in a URL's user info, which yarn 1 sends as typed (it"
                        + " expands no variable in .yarnrc) in registry [placeholder-not-expanded]"),
                lines(".yarnrc", "registry \"https://bob:${NPM_PASS}@npm.acme.example/\"\n"));
    }

    @Test
    void inlineCommentCutsTheValueAsNpmDoes() {
        // npm reads "abc" as the token; the rest is a comment.
        List<String> out = lines(".npmrc", "//h.example/:_authToken=q7Rk2Lm9Xw # rotated monthly\n");
        assertEquals(
                List.of("ERROR .npmrc:1: literal value in //h.example/:_authToken [literal-credential] (fingerprint "
                        + Fingerprint.of("q7Rk2Lm9Xw") + ")"),
                out);
    }

    @Test
    void jsonEscapedTokenInQuotesIsDecodedFirst() {
        String t = tokens.npm();
        String escaped = "\\u006e" + t.substring(1); // "n" written as a JSON escape
        List<String> out = lines(".npmrc", "//registry.npmjs.org/:_authToken=\"" + escaped + "\"\n");
        assertEquals(
                List.of("ERROR .npmrc:1: literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken"
                        + " [literal-credential] (fingerprint " + Fingerprint.of(t) + ")"),
                out);
    }

    @Test
    void base64AuthIsDecodedToNameWhatItHolds() {
        String gh = tokens.githubClassic();
        String auth = TestTokens.base64("ci-bot:" + gh);
        List<String> out = lines(".npmrc", "//npm.pkg.github.com/:_auth=" + auth + "\n");
        assertEquals(
                List.of(
                        "ERROR .npmrc:1: literal base64-encoded GitHub token (checksum valid) in //npm.pkg.github.com/:_auth"
                                + " [literal-credential] (fingerprint " + Fingerprint.of(auth) + ")"),
                out);
        assertNoSecretIn(out, gh);
    }

    @Test
    void azureStylePasswordIsBase64Password() {
        String pw = TestTokens.base64(tokens.opaque(52).toLowerCase());
        List<String> out = lines(
                ".npmrc",
                "//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:username=org\n"
                        + "//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:_password=" + pw + "\n");
        assertEquals(1, out.size());
        assertTrue(out.get(0).startsWith("ERROR .npmrc:2: literal base64 password in "), out.get(0));
    }

    @Test
    void fallbackLiteralIsAnError() {
        List<String> out = lines(".npmrc", "//r.example/:_authToken=${NPM_TOKEN:-s3cr3tv4lu3}\n");
        assertEquals(
                List.of("ERROR .npmrc:1: placeholder with a literal part in //r.example/:_authToken"
                        + " [placeholder-with-literal] (fingerprint " + Fingerprint.of("${NPM_TOKEN:-s3cr3tv4lu3}")
                        + ")"),
                out);
    }

    @Test
    void passwordInRegistryUrlIsAnError() {
        List<String> out = lines(".npmrc", "@acme:registry=https://deploy:hunter2pass@npm.acme.example/\n");
        assertEquals(
                List.of("ERROR .npmrc:1: password in a URL in @acme:registry [credentials-in-url] (fingerprint "
                        + Fingerprint.of("deploy:hunter2pass") + ")"),
                out);
        assertEquals(List.of(), lines(".npmrc", "registry=https://npm.acme.example/\nproxy=http://proxy:8080/\n"));
        assertEquals(List.of(), lines(".npmrc", "https-proxy=http://${PROXY_USER}:${PROXY_PASS}@proxy:8080/\n"));
    }

    @Test
    void inlinePrivateKeyIsAnError() {
        RuleHarness.forCatalogue()
                .test(
                        ".npmrc",
                        "key=\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\"\n"
                                + "cert=\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\"\n",
                        error("private-key", 1, "key"));
    }

    @Test
    void yarnBerryTokensAtEveryLevel() {
        String a = tokens.opaque(40);
        String b = tokens.npm();
        List<String> out = lines(
                ".yarnrc.yml",
                "npmAuthToken: " + a + "\nnpmScopes:\n  acme:\n    npmAuthToken: \"" + b
                        + "\"\nnpmRegistries:\n  \"//npm.acme.example\":\n    npmAuthIdent: \"user:pa55word\"\n");
        assertEquals(
                List.of(
                        "ERROR .yarnrc.yml:1: literal value in npmAuthToken [literal-credential] (fingerprint "
                                + Fingerprint.of(a) + ")",
                        "ERROR .yarnrc.yml:4: literal npm access token (checksum valid) in npmScopes.acme.npmAuthToken [literal-credential] (fingerprint "
                                + Fingerprint.of(b) + ")",
                        "ERROR .yarnrc.yml:7: literal value in npmRegistries.//npm.acme.example.npmAuthIdent [literal-credential] (fingerprint "
                                + Fingerprint.of("user:pa55word") + ")"),
                out);
    }

    @Test
    void bunfigTokenAndBracedPlaceholder() {
        String t = tokens.opaque(36);
        List<String> out = lines(
                "bunfig.toml",
                "[install.scopes]\nacme = { token = \"" + t + "\", url = \"https://r.example/\" }\n"
                        + "[install.registry]\nurl = \"https://r.example/\"\ntoken = \"${NPM_TOKEN}\"\n");
        assertEquals(
                List.of(
                        "ERROR bunfig.toml:2: literal value in install.scopes.acme.token [literal-credential] (fingerprint "
                                + Fingerprint.of(t) + ")",
                        "WARNING bunfig.toml:5: placeholder that bun does not expand in install.registry.token [placeholder-not-expanded]"),
                out);
    }

    @Test
    void warningsForPlaceholdersNpmDoesNotExpandDummiesAndEmptyValues() {
        List<String> out = lines(
                ".npmrc",
                "//a.example/:_authToken=$NPM_TOKEN\n//b.example/:_authToken=${{ secrets.NPM }}\n"
                        + "//c.example/:_authToken=<YOUR_TOKEN>\n//d.example/:_authToken=\n");
        assertEquals(
                List.of(
                        "WARNING .npmrc:1: placeholder that npm does not expand in //a.example/:_authToken [placeholder-not-expanded]",
                        "WARNING .npmrc:2: placeholder that npm does not expand in //b.example/:_authToken [placeholder-not-expanded]",
                        "WARNING .npmrc:3: stand-in value (a stand-in in brackets, as set-up pages print them) in //c.example/:_authToken [dummy-credential]",
                        "WARNING .npmrc:4: empty value in //d.example/:_authToken [dummy-credential]"),
                out);
    }

    @Test
    void aStandInIsOneWarningThatSaysWhyAndARandomPasswordStaysAnError() {
        String xs = "npm" + "_" + "x".repeat(36);
        List<String> out = lines(
                ".npmrc",
                "//a.example/:_authToken=" + "ACME_READ_TOKEN\n"
                        + "//b.example/:_authToken=" + xs + "\n"
                        + "//c.example/:_password=" + TestTokens.base64("username:password") + "\n"
                        + "//d.example/:_authToken=@@NPM_TOKEN@@\n"
                        + "//e.example/:_authToken=hT9!kq2L\n");
        assertEquals(
                List.of(
                        "ERROR .npmrc:5: literal value in //e.example/:_authToken [literal-credential] (fingerprint "
                                + Fingerprint.of("hT9!kq2L") + ")",
                        "WARNING .npmrc:1: stand-in value (looks like a variable name, not a token) in //a.example/:_authToken [dummy-credential]",
                        "WARNING .npmrc:2: stand-in value (a token prefix followed by a stand-in) in //b.example/:_authToken [dummy-credential]",
                        "WARNING .npmrc:3: stand-in value (decodes to a documentation pair such as user:password) in //c.example/:_password [dummy-credential]",
                        "WARNING .npmrc:4: stand-in value (a template of another tool: Maven filtering) in //d.example/:_authToken [dummy-credential]"),
                out);
    }

    @Test
    void unscopedAndDeprecatedKeys() {
        List<String> out = lines(".npmrc", "_authToken=${NPM_TOKEN}\nalways-auth=true\nemail=dev@example.com\n");
        assertEquals(
                List.of(
                        "WARNING .npmrc:1: auth key without a registry (npm 9+ refuses it; scope it as //registry.npmjs.org/:_authToken) in _authToken [unscoped-auth]",
                        "WARNING .npmrc:2: key npm no longer uses in always-auth [deprecated-key]",
                        "WARNING .npmrc:3: key npm no longer uses in email [deprecated-key]"),
                out);
    }

    @Test
    void npmShapedValueWithBadChecksumOutsideAuthKeyIsAWarning() {
        String t = tokens.npmBadChecksum();
        List<String> out = lines(".npmrc", "; example: " + t + "\n");
        assertEquals(
                List.of("WARNING .npmrc:1: npm access token shape with an invalid checksum [known-token] (fingerprint "
                        + Fingerprint.of(t) + ")"),
                out);
    }

    @Test
    void tokenPastedWhereTheKeyGoesIsNotPrinted() {
        String t = tokens.githubClassic();
        RuleHarness.forCatalogue()
                .hiding(t)
                .test(
                        ".npmrc",
                        "//npm.pkg.github.com/:_authToken " + t + "\n" + t + "\n",
                        error("known-token", 1, ""),
                        error("known-token", 2, ""));
    }

    @Test
    void authKeyForARegistryTheFileDoesNotUse() {
        List<String> out = lines(
                ".npmrc",
                "registry=https://npm.acme.example/npm/\n"
                        + "//npm.acme.example/:_authToken=${A_TOKEN}\n" // covers /npm/: fine
                        + "//npm.acme.example:443/npm/:_authToken=${B_TOKEN}\n" // default port kept: never matches
                        + "//other.example/:_authToken=${C_TOKEN}\n");
        assertEquals(
                List.of(
                        "WARNING .npmrc:3: auth key for a registry this file does not use in //npm.acme.example:443/npm/:_authToken [auth-without-registry]",
                        "WARNING .npmrc:4: auth key for a registry this file does not use in //other.example/:_authToken [auth-without-registry]"),
                out);
        // Scopes only: npm's default registry still counts; and a file with no registry line is not judged.
        assertEquals(
                List.of(),
                lines(
                        ".npmrc",
                        "@acme:registry=https://npm.acme.example/\n"
                                + "//npm.acme.example/:_authToken=${A}\n//registry.npmjs.org/:_authToken=${B}\n"));
        assertEquals(List.of(), lines(".npmrc", "//anywhere.example/:_authToken=${A}\n"));
    }

    @Test
    void scopeRegistryWithoutAuthInAFileWithAuth() {
        assertEquals(
                List.of(
                        "WARNING .npmrc:2: registry with no auth line in a file that has auth lines in @beta:registry [registry-without-auth]"),
                lines(
                        ".npmrc",
                        "@acme:registry=https://npm.acme.example/\n@beta:registry=https://npm.beta.example/\n"
                                + "//npm.acme.example/:_authToken=${A}\n"));
        assertEquals(List.of(), lines(".npmrc", "@acme:registry=https://npm.acme.example/\n"));
    }

    @Test
    void optionalPlaceholderIsFlaggedOnlyWhereAPnpmOrYarn1FrontendReadsTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"web\",\"packageManager\":\"pnpm@10.34.9\"}");
        String text = "//registry.npmjs.org/:_authToken=${NPM_TOKEN?}\n";
        ScanFile file = new ScanFile(
                ".npmrc",
                dir.resolve(".npmrc"),
                FileKind.NPMRC,
                Provenance.STAGED,
                text.getBytes(StandardCharsets.UTF_8));
        List<String> out = RuleCatalogue.check(new DocumentReader().read(file).document()).stream()
                .map(Finding::logLine)
                .toList();
        assertEquals(
                List.of(
                        ".npmrc:1: ${VAR?} placeholder, which pnpm rejects in //registry.npmjs.org/:_authToken [optional-placeholder]"),
                out);
        assertEquals(List.of(), lines(".npmrc", text), "unknown readers: npm's own placeholder");
    }

    @Test
    void aRequiredPlaceholderIsFlaggedWhereAPnpmOrYarn1FrontendReadsTheFile(@TempDir Path dir) throws Exception {
        String text = "@acme:registry=https://npm.acme.example/\n//npm.acme.example/:_authToken=${ACME_TOKEN}\n"
                + "//registry.npmjs.org/:_authToken=${NPM_TOKEN?}\n";
        ScanFile file = new ScanFile(
                ".npmrc",
                dir.resolve(".npmrc"),
                FileKind.NPMRC,
                Provenance.STAGED,
                text.getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"web\",\"packageManager\":\"yarn@1.22.22\"}");
        assertEquals(
                List.of(
                        ".npmrc:3: ${VAR?} placeholder, which yarn 1 rejects in //registry.npmjs.org/:_authToken"
                                + " [optional-placeholder]",
                        ".npmrc:2: ${ACME_TOKEN} placeholder, which stops every yarn 1 command while"
                                + " ACME_TOKEN is unset; put the token in the user config (mvn npmrc-guard:fix) in"
                                + " //npm.acme.example/:_authToken [project-placeholder]"),
                RuleCatalogue.check(new DocumentReader().read(file).document()).stream()
                        .map(Finding::logLine)
                        .toList());
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"web\",\"packageManager\":\"pnpm@10.34.9\"}");
        assertEquals(
                List.of(
                        ".npmrc:3: ${VAR?} placeholder, which pnpm rejects in //registry.npmjs.org/:_authToken"
                                + " [optional-placeholder]",
                        ".npmrc:2: ${ACME_TOKEN} placeholder: pnpm drops this whole file while"
                                + " ACME_TOKEN is unset, and 10.34.2+ ignores it when set; put the token in the user config"
                                + " (mvn npmrc-guard:fix) in"
                                + " //npm.acme.example/:_authToken [project-placeholder]"),
                RuleCatalogue.check(new DocumentReader().read(file).document()).stream()
                        .map(Finding::logLine)
                        .toList());
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"web\",\"packageManager\":\"npm@11.19.1\"}");
        assertEquals(
                List.of(), RuleCatalogue.check(new DocumentReader().read(file).document()), "npm expands it");
    }

    @Test
    void theTokenLineGenerateWritesForAPublishRegistryBesideAMirrorIsNoDeadKey(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("package.json"),
                "{\"name\":\"@acme/web\",\"version\":\"1.0.0\",\"packageManager\":\"npm@11.19.1\","
                        + "\"publishConfig\":{\"registry\":\"https://npm.acme.example/releases/\"}}");
        Files.writeString(dir.resolve(".npmrc"), "registry=https://mirror.example/npm/\n");
        io.github.npmrcguard.generate.GenerationResult generated = new io.github.npmrcguard.generate.Generator(
                        io.github.npmrcguard.generate.GeneratorOptions.builder()
                                .environment(java.util.Map.of())
                                .ci(false)
                                .homeDirectory(dir.resolve("no-home"))
                                .projectRoot(dir)
                                .build())
                .run(List.of(io.github.npmrcguard.generate.ModuleInput.of(dir)));
        assertEquals(false, generated.hasErrors(), generated.messages().toString());
        String text = Files.readString(dir.resolve(".npmrc"));
        assertEquals(
                "registry=https://mirror.example/npm/\n"
                        + "//mirror.example/npm/:_authToken=${MIRROR_EXAMPLE_TOKEN}\n"
                        + "//npm.acme.example/releases/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n",
                text);
        ScanFile file = new ScanFile(
                ".npmrc",
                dir.resolve(".npmrc"),
                FileKind.NPMRC,
                Provenance.STAGED,
                text.getBytes(StandardCharsets.UTF_8));
        assertEquals(
                List.of(),
                RuleCatalogue.check(new DocumentReader().read(file).document()).stream()
                        .map(Finding::logLine)
                        .toList(),
                "the publish target's token line is not dead: npm publish sends it there");
        // Without the publishConfig the same line is dead, and still said to be.
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"@acme/web\",\"version\":\"1.0.0\"}");
        assertEquals(
                List.of(".npmrc:3: auth key for a registry this file does not use in"
                        + " //npm.acme.example/releases/:_authToken [auth-without-registry]"),
                RuleCatalogue.check(new DocumentReader().read(file).document()).stream()
                        .map(Finding::logLine)
                        .toList());
        // A publish target elsewhere does not excuse a key for a third host.
        Files.writeString(
                dir.resolve("package.json"),
                "{\"name\":\"@acme/web\",\"publishConfig\":{\"registry\":\"https://npm.other.example/\"}}");
        assertEquals(
                1,
                RuleCatalogue.check(new DocumentReader().read(file).document()).size());
        // At a workspace root, a member's own publishConfig.registry counts the same.
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"root\",\"workspaces\":[\"packages/*\"]}");
        Files.createDirectories(dir.resolve("packages/web"));
        Files.writeString(
                dir.resolve("packages/web/package.json"),
                "{\"name\":\"@acme/web\",\"publishConfig\":{\"registry\":\"https://npm.acme.example/releases/\"}}");
        assertEquals(
                List.of(), RuleCatalogue.check(new DocumentReader().read(file).document()));
        // Read without its folder (a blob from history), the rule judges the content alone, as before.
        assertEquals(
                List.of("WARNING .npmrc:3: auth key for a registry this file does not use in"
                        + " //npm.acme.example/releases/:_authToken [auth-without-registry]"),
                lines(".npmrc", text));
    }

    @Test
    void npmrcInAModuleFolderWhoseFrontendIsBelowIsNotRead(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/main/frontend"));
        Files.writeString(dir.resolve("src/main/frontend/package.json"), "{\"name\":\"web\"}");
        String text = "registry=https://npm.acme.example/\n";
        ScanFile file = new ScanFile(
                "web/.npmrc",
                dir.resolve(".npmrc"),
                FileKind.NPMRC,
                Provenance.STAGED,
                text.getBytes(StandardCharsets.UTF_8));
        assertEquals(
                List.of("web/.npmrc:1: not read by npm or pnpm: the frontend in web/src/main/frontend reads"
                        + " web/src/main/frontend/.npmrc [unread-config]"),
                RuleCatalogue.check(new DocumentReader().read(file).document()).stream()
                        .map(Finding::logLine)
                        .toList());
        // A yarn 1 frontend reads every .npmrc above it: nothing to say then.
        Files.writeString(
                dir.resolve("src/main/frontend/package.json"),
                "{\"name\":\"web\",\"packageManager\":\"yarn@1.22.22\"}");
        assertEquals(
                List.of(), RuleCatalogue.check(new DocumentReader().read(file).document()));
    }

    @Test
    void unscopedAuthNamesTheKeyToUse() {
        assertEquals(
                List.of("WARNING .npmrc:2: auth key without a registry (npm 9+ refuses it; scope it as"
                        + " //npm.acme.example/npm/:_auth) in _auth [unscoped-auth]"),
                lines(".npmrc", "registry=https://npm.acme.example:443/npm/\n_auth=${NPM_AUTH}\n"));
    }

    @Test
    void configInsideAFolderMavenPackages() {
        assertEquals(
                List.of(
                        "WARNING web/src/main/resources/static/.npmrc:1: file inside a folder Maven packages into the artifact [packaged-config]"),
                lines("web/src/main/resources/static/.npmrc", "registry=https://registry.npmjs.org/\n"));
        assertEquals(List.of(), lines("web/src/main/frontend/.npmrc", "registry=https://registry.npmjs.org/\n"));
        assertEquals(
                List.of(),
                lines(
                        "arch/src/main/resources/archetype-resources/pom.xml",
                        "<?xml version=\"1.0\"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n"),
                "an archetype's template pom is not npm config");
    }

    @Test
    void ruleIdsAreUniqueAndEveryRuleHasHelp() {
        List<RuleInfo> infos = RuleCatalogue.infos();
        assertEquals(infos.size(), infos.stream().map(RuleInfo::id).distinct().count());
        infos.forEach(i -> assertTrue(i.help().length() > 40 && i.id().matches("[a-z]+(-[a-z]+)*"), i.id()));
    }
}
