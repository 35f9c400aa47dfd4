package io.github.npmrcguard.clients;

import io.github.npmrcguard.generate.GenerationResult;
import io.github.npmrcguard.generate.Generator;
import io.github.npmrcguard.generate.GeneratorOptions;
import io.github.npmrcguard.generate.ModuleInput;
import io.github.npmrcguard.generate.RegistrySpec;
import io.github.npmrcguard.testsupport.LocalRegistry;
import io.github.npmrcguard.testsupport.PackageManagers.Client;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The config the {@code generate} goal writes, made by the real {@link Generator} for the registry's
 * {@code @acme} scope with {@code NPM_TOKEN}: the project declares its package manager the way projects do
 * ({@code packageManager}), and the generator picks the file and form for it. The environment the generator
 * sees says whether the variable is set, as a build's would.
 *
 * @param tokenSet whether {@code NPM_TOKEN} is set when the generator runs (and when the client runs)
 */
record GeneratedConfig(boolean tokenSet) implements ConfigWriter {

    static String describe() {
        return "written by generate";
    }

    @Override
    public Map<String, String> write(Path project, Client client, LocalRegistry registry) throws IOException {
        Path packageJson = project.resolve("package.json");
        String json = Files.readString(packageJson, StandardCharsets.UTF_8);
        json = json.replaceFirst("\\{", "{\n  \"packageManager\": \"" + packageManager(client) + "\",");
        Files.writeString(packageJson, json, StandardCharsets.UTF_8);

        GeneratorOptions options = GeneratorOptions.builder()
                .registry(new RegistrySpec(registry.url(), LocalRegistry.SCOPE, RealClientsTest.TOKEN_VARIABLE))
                .environment(tokenSet ? Map.of(RealClientsTest.TOKEN_VARIABLE, "set-in-ci") : Map.of())
                .ci(false)
                .homeDirectory(project.resolve("no-home"))
                .projectRoot(project)
                .build();
        GenerationResult result = new Generator(options).run(java.util.List.of(ModuleInput.of(project)));
        if (result.hasErrors()) {
            throw new AssertionError("generate failed: " + result.messages());
        }
        return result.userConfigFor(project)
                .map(p -> Map.of("NPM_CONFIG_USERCONFIG", p.toString()))
                .orElse(Map.of());
    }

    private static String packageManager(Client client) {
        switch (client) {
            case NPM:
                return "npm@11.19.1";
            case YARN_1:
                return "yarn@" + client.pinnedVersion();
            case YARN_4:
                return "yarn@" + client.pinnedVersion();
            case BUN:
                return "bun@" + client.pinnedVersion();
            default:
                return "pnpm@" + client.pinnedVersion();
        }
    }
}
