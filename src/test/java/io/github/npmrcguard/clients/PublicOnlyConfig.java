package io.github.npmrcguard.clients;

import io.github.npmrcguard.generate.GenerationResult;
import io.github.npmrcguard.generate.Generator;
import io.github.npmrcguard.generate.GeneratorOptions;
import io.github.npmrcguard.generate.ModuleInput;
import io.github.npmrcguard.testsupport.LocalRegistry;
import io.github.npmrcguard.testsupport.PackageManagers.Client;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the {@code generate} goal writes for a project that declares no registry (the README's setup on a
 * project that installs public packages only), in CI with the token variable unset. The loopback registry
 * is the client's default registry (the sandbox's fallback), standing in for the public one.
 */
record PublicOnlyConfig() implements ConfigWriter {

    static String describe() {
        return "generate, no registry declared";
    }

    @Override
    public Map<String, String> write(Path project, Client client, LocalRegistry registry) throws IOException {
        Path packageJson = project.resolve("package.json");
        String json = Files.readString(packageJson, StandardCharsets.UTF_8);
        String pm = client == Client.NPM ? "npm@11.19.1" : client.command() + "@" + client.pinnedVersion();
        Files.writeString(
                packageJson,
                json.replaceFirst("\\{", "{\n  \"packageManager\": \"" + pm + "\","),
                StandardCharsets.UTF_8);
        GeneratorOptions options = GeneratorOptions.builder()
                .environment(Map.of("CI", "true"))
                .ci(true)
                .requireTokens(true)
                .homeDirectory(project.resolve("no-home"))
                .projectRoot(project)
                .build();
        GenerationResult result = new Generator(options).run(List.of(ModuleInput.of(project)));
        if (result.hasErrors()) {
            throw new AssertionError("generate failed: " + result.messages());
        }
        for (String name : List.of(".npmrc", ".yarnrc.yml", "bunfig.toml")) {
            if (Files.exists(project.resolve(name))) {
                throw new AssertionError("generate wrote " + name + " for a registry nobody declared");
            }
        }
        return result.userConfigFor(project)
                .map(p -> Map.of("NPM_CONFIG_USERCONFIG", p.toString()))
                .orElse(Map.of());
    }
}
