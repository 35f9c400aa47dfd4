package io.github.npmrcguard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.fix.CredentialRewriter;
import io.github.npmrcguard.fix.VariableNames;
import io.github.npmrcguard.generate.GenerationResult;
import io.github.npmrcguard.generate.Generator;
import io.github.npmrcguard.generate.GeneratorOptions;
import io.github.npmrcguard.generate.ModuleInput;
import io.github.npmrcguard.generate.RegistrySpec;
import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One naming rule: two registries get two variables, and generate and fix name them alike. */
class TokenVariablesTest {
    private static final String SCOPED = "https://npm.acme.example/repository/npm-private/";
    private static final String DEFAULT = "https://nexus.example.com:443/npm/";

    private final TestTokens tokens = new TestTokens(15);

    @TempDir
    Path tmp;

    @Test
    void theRuleNamesEachRegistryAfterItsHost() {
        TokenVariables rule = new TokenVariables(Map.of("//npm.acme.example/repository/npm-private/", "ACME_TOKEN"));
        assertEquals("ACME_TOKEN", rule.token(SCOPED), "the configuration's name wins");
        assertEquals("NEXUS_EXAMPLE_COM_TOKEN", rule.token(DEFAULT), "the default port is no part of the name");
        assertEquals("NEXUS_EXAMPLE_COM_TOKEN", rule.token("//nexus.example.com/npm/"));
        assertEquals("R_127_0_0_1_4873_TOKEN", rule.token("http://127.0.0.1:4873/"));
        assertEquals("NPM_TOKEN", rule.token("https://registry.npmjs.org/"));
        assertEquals("NPM_TOKEN", rule.token("https://registry.yarnpkg.com"));
        assertEquals("NPM_TOKEN", rule.token("${REGISTRY_URL}"), "no URL names no registry");
        assertEquals("ACME_NPM_PASSWORD", rule.forScope("@acme", "_PASSWORD"));
        String longHost = "a".repeat(60) + ".example";
        assertTrue(rule.token("https://" + longHost + "/").length() <= 64, "fits the 64 characters a name may have");
        assertTrue(TokenVariables.isPublic("https://registry.npmjs.org/") && !TokenVariables.isPublic(DEFAULT));
    }

    /** Two registries configured without a tokenVariable: two variables, in the project file and in fix. */
    @Test
    void twoRegistriesGetTwoVariablesInGenerateAndFixAlike() throws IOException {
        Path web = Files.createDirectories(tmp.resolve("web"));
        Files.writeString(web.resolve("package.json"), "{\"name\":\"web\",\"version\":\"1.0.0\"}\n");
        Files.writeString(web.resolve("package-lock.json"), "{}");
        GenerationResult r = run(Map.of(), "web");
        String npmrc = Files.readString(web.resolve(".npmrc"));
        assertEquals(
                "@acme:registry=https://npm.acme.example/repository/npm-private/\n"
                        + "//npm.acme.example/repository/npm-private/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n"
                        + "registry=https://nexus.example.com/npm/\n"
                        + "//nexus.example.com/npm/:_authToken=${NEXUS_EXAMPLE_COM_TOKEN}\n",
                npmrc,
                r.messages().toString());

        assertEquals(
                List.of("NPM_ACME_EXAMPLE_TOKEN", "NEXUS_EXAMPLE_COM_TOKEN"),
                fixNames(
                        FileKind.NPMRC,
                        "@acme:registry=" + SCOPED + "\n//npm.acme.example/repository/npm-private/:_authToken=%s\n"
                                + "registry=" + DEFAULT + "\n//nexus.example.com/npm/:_authToken=%s\n"));
        // yarn 4 and bun name a scope's token after the registry the same file gives the scope.
        assertEquals(
                List.of("NPM_ACME_EXAMPLE_TOKEN", "NEXUS_EXAMPLE_COM_TOKEN"),
                fixNames(
                        FileKind.YARNRC_YML,
                        "npmScopes:\n  acme:\n    npmRegistryServer: \"" + SCOPED + "\"\n    npmAuthToken: \"%s\"\n"
                                + "npmRegistryServer: \"" + DEFAULT + "\"\nnpmAuthToken: \"%s\"\n"));
        assertEquals(
                List.of("NEXUS_EXAMPLE_COM_TOKEN", "NPM_ACME_EXAMPLE_TOKEN"),
                fixNames(
                        FileKind.BUNFIG_TOML,
                        "[install]\nregistry = { url = \"" + DEFAULT + "\", token = \"%s\" }\n[install.scopes]\n"
                                + "acme = { url = \"" + SCOPED + "\", token = \"%s\" }\n"));
    }

    /** On pnpm the user config generate writes names the variables fix gives the project file's keys. */
    @Test
    void onPnpmTheUserConfigAndFixNameTheSameVariables() throws IOException {
        Path web = Files.createDirectories(tmp.resolve("web"));
        Files.writeString(web.resolve("package.json"), "{\"name\":\"web\",\"version\":\"1.0.0\"}\n");
        Files.writeString(web.resolve("pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
        List<String> fixed = fixNames(
                FileKind.NPMRC,
                "@acme:registry=" + SCOPED + "\n//npm.acme.example/repository/npm-private/:_authToken=%s\n"
                        + "registry=" + DEFAULT + "\n//nexus.example.com/npm/:_authToken=%s\n");
        GenerationResult r = run(Map.of(fixed.get(0), "set", fixed.get(1), "set"), "web");
        String userConfig = Files.readString(r.userConfigFor(web).orElseThrow());
        assertTrue(
                userConfig.contains("//npm.acme.example/repository/npm-private/:_authToken=${" + fixed.get(0) + "}\n")
                        && userConfig.contains("//nexus.example.com/npm/:_authToken=${" + fixed.get(1) + "}\n"),
                userConfig);
        assertNotEquals(fixed.get(0), fixed.get(1));
    }

    private GenerationResult run(Map<String, String> env, String module) {
        GeneratorOptions options = GeneratorOptions.builder()
                .registry(new RegistrySpec(SCOPED, "@acme", null))
                .registry(new RegistrySpec(DEFAULT, "", null))
                .environment(env)
                .ci(false)
                .homeDirectory(tmp.resolve("home"))
                .projectRoot(tmp)
                .build();
        GenerationResult r = new Generator(options).run(List.of(ModuleInput.of(tmp.resolve(module))));
        assertTrue(!r.hasErrors(), r.messages().toString());
        return r;
    }

    /** The variables fix writes for two literal tokens in a file of this kind, in line order. */
    private List<String> fixNames(FileKind kind, String template) {
        String a = tokens.opaque(32);
        String b = tokens.opaque(32);
        CredentialRewriter.Result result = new CredentialRewriter(new VariableNames(Map.of()))
                .rewrite(
                        kind,
                        template.formatted(a, b).getBytes(StandardCharsets.UTF_8),
                        Set.of(Fingerprint.of(a), Fingerprint.of(b)));
        assertEquals(2, result.edits().size(), String.valueOf(result.refusal()));
        return result.edits().stream()
                .map(e -> e.placeholder().replaceAll("[^A-Z0-9_]", ""))
                .toList();
    }
}
