package io.github.npmrcguard.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.generate.GeneratorOptions;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.testsupport.Docs;
import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** fix on a pnpm or yarn 1 frontend moves the token to the user config, as generate places it. */
class FixerUserConfigTest {
    @TempDir
    Path root;

    private final TestTokens tokens = new TestTokens(4);

    @ParameterizedTest
    @ValueSource(strings = {"pnpm@10.34.9", "pnpm@9.15.9", "yarn@1.22.22"})
    void theTokenLineLeavesTheProjectFileForTheUserConfig(String packageManager) throws Exception {
        String a = tokens.opaque(32);
        String b = tokens.opaque(32);
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path web = Files.createDirectories(root.resolve("web"));
        Files.writeString(
                web.resolve("package.json"), "{\"name\":\"web\",\"packageManager\":\"" + packageManager + "\"}\n");
        String npmrc = "# team registry\r\n@acme:registry=https://npm.acme.example/\r\n//npm.acme.example/:_authToken="
                + a + "\r\n//other.example/:_authToken=" + b + "\r\nsave-exact=true\r\n";
        Files.writeString(web.resolve(".npmrc"), npmrc);
        List<Finding> findings = Docs.check("web/.npmrc", npmrc).stream()
                .filter(f -> f.rule().id().equals("literal-credential"))
                .toList();
        assertEquals(2, findings.size(), findings.toString());

        Fixer.Report report = new Fixer(
                        new VariableNames(Map.of()),
                        GeneratorOptions.builder()
                                .environment(Map.of("NPM_ACME_EXAMPLE_TOKEN", "set"))
                                .homeDirectory(root.resolve("home")))
                .fix(root, new ScanResult(findings, List.of(), List.of(), 1, true), false);

        // Compared without printing: the file holds a (generated) token.
        assertTrue(
                Files.readString(web.resolve(".npmrc"))
                        .equals("# team registry\r\n@acme:registry=https://npm.acme.example/"
                                + "\r\n//other.example/:_authToken=" + b + "\r\nsave-exact=true\r\n"),
                "only the moved line is gone, and the token of a registry the file does not name is left for the user");
        assertEquals(
                "# Written by npmrc-guard for NPM_CONFIG_USERCONFIG; rewritten on every build. Do not commit.\n"
                        + "# Tokens come from environment variables; this file holds placeholders only.\n"
                        + "@acme:registry=https://npm.acme.example/\n"
                        + "//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n",
                Files.readString(root.resolve("target/npmrc-guard/.npmrc")));
        assertEquals(1, report.fixed().size());
        assertEquals(
                "web/.npmrc:3: removed the line with " + findings.get(0).what() + " in //npm.acme.example/:_authToken;"
                        + " the user config reads ${NPM_ACME_EXAMPLE_TOKEN} instead (fingerprint "
                        + findings.get(0).fingerprint()
                        + ")",
                report.fixed().get(0).logLine(false));
        assertEquals(1, report.manual().size(), "a token for a registry the file does not name would be lost");
        assertTrue(
                report.manual()
                        .get(0)
                        .logLine()
                        .contains("pnpm and yarn 1 cannot read a placeholder from a project" + " .npmrc"),
                report.manual().get(0).logLine());
        assertEquals(
                List.of("web/.npmrc: pnpm and yarn 1 read its token from the user config, so the token line was"
                        + " removed and target/npmrc-guard/.npmrc was written the way generate writes it. Point"
                        + " NPM_CONFIG_USERCONFIG at that file in the frontend build (with the generate goal bound,"
                        + " frontend-maven-plugin: <environmentVariables><NPM_CONFIG_USERCONFIG>${npmrcguard.userconfig.file}"
                        + "</NPM_CONFIG_USERCONFIG></environmentVariables>)"),
                report.notes());
        String printed = String.join("\n", report.notes())
                + report.fixed().get(0).logLine(false)
                + report.manual().get(0).logLine();
        TestTokens.assertNoFragment(printed, a, "fix output");
        TestTokens.assertNoFragment(printed, b, "fix output");
    }

    @Test
    void anNpmFrontendKeepsItsPlaceholderInTheProjectFile() throws Exception {
        String a = tokens.opaque(32);
        Files.writeString(root.resolve("package.json"), "{\"name\":\"web\",\"packageManager\":\"npm@11.19.1\"}\n");
        String npmrc = "@acme:registry=https://npm.acme.example/\n//npm.acme.example/:_authToken=" + a + "\n";
        Files.writeString(root.resolve(".npmrc"), npmrc);
        List<Finding> findings = Docs.check(".npmrc", npmrc);
        Fixer.Report report = new Fixer(new VariableNames(Map.of()))
                .fix(root, new ScanResult(findings, List.of(), List.of(), 1, true), false);
        assertEquals(
                "@acme:registry=https://npm.acme.example/\n//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n",
                Files.readString(root.resolve(".npmrc")));
        assertEquals(List.of(), report.notes());
        assertFalse(Files.exists(root.resolve("target")));
    }
}
