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

        assertEquals(
                "# team registry\r\n@acme:registry=https://npm.acme.example/\r\n"
                        + "# npmrc-guard:token //other.example/ (its token line is in the user config that"
                        + " npmrc-guard's generate writes)\r\nsave-exact=true\r\n",
                Files.readString(web.resolve(".npmrc")),
                "the line of a declared registry is gone; that of a registry the file does not name gives way to the"
                        + " comment that keeps it declared");
        assertEquals(
                "# Written by npmrc-guard for NPM_CONFIG_USERCONFIG; rewritten on every build. Do not commit.\n"
                        + "# Tokens come from environment variables; this file holds placeholders only.\n"
                        + "@acme:registry=https://npm.acme.example/\n"
                        + "//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n"
                        + "# OTHER_EXAMPLE_TOKEN is not set: no token line for //other.example/\n",
                Files.readString(root.resolve("target/npmrc-guard/.npmrc")));
        assertEquals(2, report.fixed().size());
        assertEquals(
                "web/.npmrc:3: removed the line with " + findings.get(0).what() + " in //npm.acme.example/:_authToken;"
                        + " the user config reads ${NPM_ACME_EXAMPLE_TOKEN} instead (fingerprint "
                        + findings.get(0).fingerprint()
                        + ")",
                report.fixed().get(0).logLine(false));
        assertEquals(List.of(), report.manual());
        assertEquals(
                List.of(
                        "web/.npmrc: wrote '# npmrc-guard:token //other.example/ (its token line is in the user config"
                                + " that npmrc-guard's generate writes)' in place of the token line: it tells generate"
                                + " that //other.example/ needs a token although the file has no registry line for"
                                + " it; keep it",
                        "target/npmrc-guard/.npmrc: OTHER_EXAMPLE_TOKEN is not set, so //other.example/ gets no token"
                                + " line (requests to it go without credentials)",
                        "web/.npmrc: pnpm and yarn 1 read its token from the user config, so the token line was"
                                + " removed and target/npmrc-guard/.npmrc was written the way generate writes it. Point"
                                + " NPM_CONFIG_USERCONFIG at that file in the frontend build (with the generate goal bound,"
                                + " frontend-maven-plugin: <environmentVariables><NPM_CONFIG_USERCONFIG>${npmrcguard.userconfig.file}"
                                + "</NPM_CONFIG_USERCONFIG></environmentVariables>)"),
                report.notes());
        String printed = String.join("\n", report.notes())
                + report.fixed().get(0).logLine(false)
                + report.fixed().get(1).logLine(false);
        TestTokens.assertNoFragment(printed, a, "fix output");
        TestTokens.assertNoFragment(printed, b, "fix output");
    }

    /** What npm login writes, committed in a pnpm or yarn 1 project: the public registry has no registry line. */
    @ParameterizedTest
    @ValueSource(strings = {"pnpm@10.34.9", "pnpm@9.15.9", "yarn@1.22.22"})
    void aPublicRegistryTokenMovesAndStaysDeclaredAfterACleanBuild(String packageManager) throws Exception {
        String a = tokens.npm();
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.writeString(
                root.resolve("package.json"), "{\"name\":\"web\",\"packageManager\":\"" + packageManager + "\"}\n");
        String npmrc = "save-exact=true\n//registry.npmjs.org/:_authToken=" + a + "\n";
        Files.writeString(root.resolve(".npmrc"), npmrc);
        List<Finding> findings = Docs.check(".npmrc", npmrc).stream()
                .filter(f -> f.severity() == io.github.npmrcguard.rules.Severity.ERROR)
                .toList();
        assertEquals(1, findings.size(), findings.toString());

        Fixer.Report dry = new Fixer(
                        new VariableNames(Map.of()),
                        GeneratorOptions.builder().environment(Map.of()).homeDirectory(root.resolve("home")))
                .fix(root, new ScanResult(findings, List.of(), List.of(), 1, true), true);
        assertEquals(npmrc, Files.readString(root.resolve(".npmrc")), "a dry run writes nothing");
        assertFalse(Files.exists(root.resolve("target")));
        assertEquals(List.of(), dry.manual());
        assertTrue(
                dry.notes()
                        .get(dry.notes().size() - 1)
                        .startsWith(".npmrc: the token line would be replaced by the"
                                + " comment, and generate would then write the token line into the user config"),
                dry.notes().toString());

        Fixer.Report report = new Fixer(
                        new VariableNames(Map.of()),
                        GeneratorOptions.builder().environment(Map.of()).homeDirectory(root.resolve("home")))
                .fix(root, new ScanResult(findings, List.of(), List.of(), 1, true), false);
        assertEquals(List.of(), report.manual());
        assertEquals("${NPM_TOKEN}", report.fixed().get(0).placeholder());
        String fixed = "save-exact=true\n# npmrc-guard:token //registry.npmjs.org/ (its token line is in the user"
                + " config that npmrc-guard's generate writes)\n";
        assertEquals(fixed, Files.readString(root.resolve(".npmrc")));
        assertEquals(List.of(), Docs.check(".npmrc", fixed), "check finds nothing in what fix leaves");

        // mvn clean, then the build's generate with the variable set: the token line is back, and no registry line.
        deleteTree(root.resolve("target"));
        io.github.npmrcguard.generate.GenerationResult generated = new io.github.npmrcguard.generate.Generator(
                        GeneratorOptions.builder()
                                .environment(Map.of("NPM_TOKEN", "set"))
                                .ci(false)
                                .homeDirectory(root.resolve("home"))
                                .projectRoot(root)
                                .build())
                .run(List.of(io.github.npmrcguard.generate.ModuleInput.of(root)));
        assertFalse(generated.hasErrors(), generated.messages().toString());
        assertEquals(fixed, Files.readString(root.resolve(".npmrc")), "generate leaves the project file alone");
        assertEquals(
                "# Written by npmrc-guard for NPM_CONFIG_USERCONFIG; rewritten on every build. Do not commit.\n"
                        + "# Tokens come from environment variables; this file holds placeholders only.\n"
                        + "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n",
                Files.readString(root.resolve("target/npmrc-guard/.npmrc")));
        assertEquals(
                ".npmrc npmrc-guard:token comment", generated.frontends().get(0).registrySource());

        // The CI preflight holds the declared registry to its token.
        deleteTree(root.resolve("target"));
        io.github.npmrcguard.generate.GenerationResult ci = new io.github.npmrcguard.generate.Generator(
                        GeneratorOptions.builder()
                                .environment(Map.of())
                                .ci(true)
                                .requireTokens(true)
                                .homeDirectory(root.resolve("home"))
                                .projectRoot(root)
                                .build())
                .run(List.of(io.github.npmrcguard.generate.ModuleInput.of(root)));
        assertTrue(ci.hasErrors(), "NPM_TOKEN unset in CI: " + ci.messages());
        String printed =
                String.join("\n", report.notes()) + report.fixed().get(0).logLine(false);
        TestTokens.assertNoFragment(printed, a, "fix output");
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
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
