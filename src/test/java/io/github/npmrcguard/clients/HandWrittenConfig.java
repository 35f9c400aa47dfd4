package io.github.npmrcguard.clients;

import io.github.npmrcguard.testsupport.LocalRegistry;
import io.github.npmrcguard.testsupport.PackageManagers.Client;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Config in the forms the {@code generate} goal will write (PRODUCT.md, "generate"; research section 7),
 * written by hand: each holds the registry URLs and a placeholder, never a token. Two extra forms show
 * why the planned ones are what they are.
 */
public enum HandWrittenConfig implements ConfigWriter {

    /** npm, yarn 1: a project {@code .npmrc} with {@code ${NPM_TOKEN}} under the registry's nerf dart. */
    PROJECT_NPMRC("project .npmrc, ${NPM_TOKEN}") {
        @Override
        public Map<String, String> write(Path project, Client client, LocalRegistry registry) throws IOException {
            writeFile(project.resolve(".npmrc"), npmrc(registry));
            return Map.of();
        }
    },

    /**
     * pnpm: the same lines in a user config under {@code target/}, named by {@code NPM_CONFIG_USERCONFIG}
     * (as actions/setup-node does), because pnpm 10.34.2 and newer do not expand variables in
     * credentials that come from a project {@code .npmrc}, and user config is still trusted.
     */
    USER_NPMRC_IN_TARGET("target/npmrc via NPM_CONFIG_USERCONFIG, ${NPM_TOKEN}") {
        @Override
        public Map<String, String> write(Path project, Client client, LocalRegistry registry) throws IOException {
            Path file = project.resolve("target").resolve("npmrc");
            Files.createDirectories(file.getParent());
            writeFile(file, npmrc(registry));
            return Map.of("NPM_CONFIG_USERCONFIG", file.toAbsolutePath().toString());
        }
    },

    /**
     * yarn 2+: {@code .yarnrc.yml} (it never reads {@code .npmrc}), the token as {@code ${NPM_TOKEN:-}}, so
     * that an unset variable means "no credential" instead of an error that stops every yarn command.
     */
    YARNRC_YML("project .yarnrc.yml, \"${NPM_TOKEN:-}\"") {
        @Override
        public Map<String, String> write(Path project, Client client, LocalRegistry registry) throws IOException {
            writeFile(project.resolve(".yarnrc.yml"), yarnrc(registry, "${NPM_TOKEN:-}"));
            return Map.of();
        }
    },

    /** Contrast for yarn 4: plain {@code ${NPM_TOKEN}}, which yarn refuses when the variable is unset. */
    YARNRC_YML_NO_DEFAULT("project .yarnrc.yml, \"${NPM_TOKEN}\" (contrast)") {
        @Override
        public Map<String, String> write(Path project, Client client, LocalRegistry registry) throws IOException {
            writeFile(project.resolve(".yarnrc.yml"), yarnrc(registry, "${NPM_TOKEN}"));
            return Map.of();
        }
    },

    /** bun: {@code bunfig.toml}, where only the {@code "$NAME"} form is expanded. */
    BUNFIG("project bunfig.toml, \"$NPM_TOKEN\"") {
        @Override
        public Map<String, String> write(Path project, Client client, LocalRegistry registry) throws IOException {
            String url = registry.url();
            writeFile(
                    project.resolve("bunfig.toml"),
                    "[install]\n"
                            + "registry = \"" + url + "\"\n"
                            + "\n"
                            + "[install.scopes]\n"
                            + "acme = { url = \"" + url + "\", token = \"$NPM_TOKEN\" }\n");
            return Map.of();
        }
    };

    private final String description;

    HandWrittenConfig(String description) {
        this.description = description;
    }

    /** Where the config goes and its placeholder, for reports. */
    public String description() {
        return description;
    }

    /** The form the plugin plans for this client. */
    public static HandWrittenConfig planned(Client client) {
        return switch (client) {
            case NPM, YARN_1 -> PROJECT_NPMRC;
            case PNPM_9, PNPM_10 -> USER_NPMRC_IN_TARGET;
            case YARN_4 -> YARNRC_YML;
            case BUN -> BUNFIG;
        };
    }

    /** Default and scope registry, and the token placeholder under the nerf dart (no scheme, trailing /). */
    static String npmrc(LocalRegistry registry) {
        return "registry=" + registry.url() + "\n"
                + LocalRegistry.SCOPE + ":registry=" + registry.url() + "\n"
                + registry.nerfDart() + ":_authToken=${NPM_TOKEN}\n";
    }

    static String yarnrc(LocalRegistry registry, String tokenPlaceholder) {
        return "npmRegistryServer: \"" + registry.url() + "\"\n"
                + "npmScopes:\n"
                + "  " + LocalRegistry.SCOPE.substring(1) + ":\n"
                + "    npmRegistryServer: \"" + registry.url() + "\"\n"
                + "    npmAuthToken: \"" + tokenPlaceholder + "\"\n";
    }

    static void writeFile(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
