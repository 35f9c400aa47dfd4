package io.github.npmrcguard.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.auth.TokenVariables;
import io.github.npmrcguard.generate.GenerationResult;
import io.github.npmrcguard.generate.Generator;
import io.github.npmrcguard.generate.GeneratorOptions;
import io.github.npmrcguard.generate.ModuleInput;
import io.github.npmrcguard.testsupport.LocalRegistry;
import io.github.npmrcguard.testsupport.PackageManagers;
import io.github.npmrcguard.testsupport.PackageManagers.Client;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A frontend that publishes to the loopback registry through {@code publishConfig.registry}: the file generate
 * writes for it lets the real npm, yarn 4 and bun authenticate there with the variable set, and sends installs
 * nowhere new (no registry line; the sandbox's default registry stays a dead end).
 */
class PublishConfigRealClientsTest {
    private static final String NAME = LocalRegistry.SCOPE + "/published-by-ci";

    @TempDir
    static Path shared;

    static PackageManagers clients;
    static LocalRegistry registry;

    @BeforeAll
    static void startRegistry() throws Exception {
        clients = PackageManagers.defaults();
        registry = LocalRegistry.start(shared.resolve("registry"));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void npmAuthenticatesToThePublishRegistryWithTheGeneratedFile(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        Files.writeString(
                project.resolve("package.json"),
                """
                {
                  "name": "%s",
                  "version": "1.0.0",
                  "publishConfig": { "registry": "%s" }
                }
                """
                        .formatted(NAME, registry.url()));
        Files.writeString(project.resolve("index.js"), "module.exports = 1;\n");
        GenerationResult generated = new Generator(GeneratorOptions.builder()
                        .environment(Map.of())
                        .homeDirectory(tmp.resolve("no-home"))
                        .projectRoot(project)
                        .build())
                .run(List.of(ModuleInput.of(project)));
        assertFalse(generated.hasErrors(), generated.messages().toString());
        String variable = TokenVariables.unconfigured().token(registry.url());
        assertEquals(
                registry.nerfDart() + ":_authToken=${" + variable + "}\n",
                Files.readString(project.resolve(".npmrc")),
                "a token line and no registry line");

        int before = registry.requests().size();
        PackageManagers.Result whoami = clients.run(Client.NPM, project, "whoami", "--registry", registry.url())
                .home(tmp.resolve("home-whoami"))
                .secretEnv(variable, registry.token())
                .run();
        assertEquals(0, whoami.exitCode(), whoami.describe());
        assertTrue(whoami.output().contains(registry.user()), whoami.describe());
        assertEquals(0, whoami.secretsInOutput(), whoami.describe());

        PackageManagers.Result publish = clients.run(Client.NPM, project, "publish")
                .home(tmp.resolve("home-publish"))
                .secretEnv(variable, registry.token())
                .run();
        assertEquals(0, publish.exitCode(), publish.describe());
        assertEquals(0, publish.secretsInOutput(), publish.describe());
        List<LocalRegistry.Request> sent =
                registry.requests().subList(before, registry.requests().size());
        assertFalse(sent.isEmpty());
        assertTrue(sent.stream().allMatch(r -> r.bearer(registry.token())), sent.toString());
        assertTrue(sent.stream().anyMatch(r -> r.method().equals("PUT") && r.status() / 100 == 2), sent.toString());
        assertEquals(200, registry.get(NAME.replace("/", "%2f"), true), "the package is on the publish registry");
        assertEquals(List.of(), registry.secrets().filesHoldingAny(project, java.util.Set.of("node_modules")));
    }

    @Test
    void yarn4FindsThePublishRegistrysTokenInTheGeneratedEntry(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        Files.writeString(
                project.resolve("package.json"),
                """
                {
                  "name": "%s",
                  "version": "1.0.0",
                  "packageManager": "yarn@%s",
                  "publishConfig": { "registry": "%s" }
                }
                """
                        .formatted(NAME, Client.YARN_4.pinnedVersion(), registry.url()));
        GenerationResult generated = new Generator(GeneratorOptions.builder()
                        .environment(Map.of())
                        .homeDirectory(tmp.resolve("no-home"))
                        .projectRoot(project)
                        .build())
                .run(List.of(ModuleInput.of(project)));
        assertFalse(generated.hasErrors(), generated.messages().toString());
        String variable = TokenVariables.unconfigured().token(registry.url());
        String entry = registry.nerfDart().substring(0, registry.nerfDart().length() - 1);
        assertEquals(
                "npmRegistries:\n  \"" + entry + "\":\n    npmAuthToken: \"${" + variable + ":-}\"\n",
                Files.readString(project.resolve(".yarnrc.yml")),
                "a token entry and no npmRegistryServer");

        int before = registry.requests().size();
        PackageManagers.Result whoami = clients.run(Client.YARN_4, project, "npm", "whoami", "--publish")
                .home(tmp.resolve("home-whoami"))
                .secretEnv(variable, registry.token())
                .run();
        assertEquals(0, whoami.exitCode(), whoami.describe());
        assertTrue(whoami.output().contains(registry.user()), whoami.describe());
        assertEquals(0, whoami.secretsInOutput(), whoami.describe());
        List<LocalRegistry.Request> sent =
                registry.requests().subList(before, registry.requests().size());
        assertFalse(sent.isEmpty());
        assertTrue(sent.stream().allMatch(r -> r.bearer(registry.token())), sent.toString());
    }

    @Test
    void bunPublishesWithTheGeneratedNpmrcWhenGivenTheRegistry(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        Files.writeString(
                project.resolve("package.json"),
                """
                {
                  "name": "%s",
                  "version": "1.0.0",
                  "packageManager": "bun@%s",
                  "publishConfig": { "registry": "%s" }
                }
                """
                        .formatted(NAME + "-bun", Client.BUN.pinnedVersion(), registry.url()));
        GenerationResult generated = new Generator(GeneratorOptions.builder()
                        .environment(Map.of())
                        .homeDirectory(tmp.resolve("no-home"))
                        .projectRoot(project)
                        .build())
                .run(List.of(ModuleInput.of(project)));
        assertFalse(generated.hasErrors(), generated.messages().toString());
        String variable = TokenVariables.unconfigured().token(registry.url());
        assertEquals(
                registry.nerfDart() + ":_authToken=${" + variable + "}\n", Files.readString(project.resolve(".npmrc")));
        assertFalse(Files.exists(project.resolve("bunfig.toml")), "no registry for installs");

        int before = registry.requests().size();
        PackageManagers.Result publish = clients.run(Client.BUN, project, "publish", "--registry", registry.url())
                .home(tmp.resolve("home-publish"))
                .secretEnv(variable, registry.token())
                .run();
        assertEquals(0, publish.exitCode(), publish.describe());
        assertEquals(0, publish.secretsInOutput(), publish.describe());
        List<LocalRegistry.Request> sent =
                registry.requests().subList(before, registry.requests().size());
        assertFalse(sent.isEmpty());
        assertTrue(sent.stream().allMatch(r -> r.bearer(registry.token())), sent.toString());
        assertEquals(
                200, registry.get((NAME + "-bun").replace("/", "%2f"), true), "the package is on the publish registry");
    }

    @Test
    void pnpm10PublishesWithTheGeneratedUserConfig(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        Files.writeString(
                project.resolve("package.json"),
                """
                {
                  "name": "%s",
                  "version": "1.0.0",
                  "packageManager": "pnpm@%s",
                  "publishConfig": { "registry": "%s" }
                }
                """
                        .formatted(NAME + "-pnpm", Client.PNPM_10.pinnedVersion(), registry.url()));
        String variable = TokenVariables.unconfigured().token(registry.url());
        GenerationResult generated = new Generator(GeneratorOptions.builder()
                        .environment(Map.of(variable, "set-in-ci"))
                        .homeDirectory(tmp.resolve("no-home"))
                        .projectRoot(project)
                        .build())
                .run(List.of(ModuleInput.of(project)));
        assertFalse(generated.hasErrors(), generated.messages().toString());
        assertFalse(Files.exists(project.resolve(".npmrc")), "no project file for pnpm");
        Path userConfig = project.resolve("target/npmrc-guard/.npmrc");
        assertTrue(Files.readString(userConfig)
                .endsWith("\n" + registry.nerfDart() + ":_authToken=${" + variable + "}\n"));
        assertFalse(Files.readString(userConfig).contains("registry="), "no registry line");

        int before = registry.requests().size();
        PackageManagers.Result publish = clients.run(Client.PNPM_10, project, "publish", "--no-git-checks")
                .home(tmp.resolve("home-publish"))
                .env("NPM_CONFIG_USERCONFIG", userConfig.toString())
                .secretEnv(variable, registry.token())
                .run();
        assertEquals(0, publish.exitCode(), publish.describe());
        assertEquals(0, publish.secretsInOutput(), publish.describe());
        List<LocalRegistry.Request> sent =
                registry.requests().subList(before, registry.requests().size());
        assertFalse(sent.isEmpty());
        assertTrue(sent.stream().allMatch(r -> r.bearer(registry.token())), sent.toString());
        assertEquals(
                200,
                registry.get((NAME + "-pnpm").replace("/", "%2f"), true),
                "the package is on the publish registry");
    }
}
