package io.github.npmrcguard.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a generator run is told.
 *
 * @param registries           configured registries; empty to use those the files declare, else none
 * @param userConfigForAll     write the user config for every frontend, not only where the package manager
 *                             needs it (pnpm 10.34.2+, yarn 1)
 * @param dryRun               write nothing; report each change as a diff
 * @param ci                   whether the build runs in CI (project files are then not written; see
 *                             {@link Generator})
 * @param environment          the process environment: which token variables are set, {@code CI}, and
 *                             {@code NPM_CONFIG_USERCONFIG}; values are never logged
 * @param homeDirectory        the user's home, whose {@code .npmrc} non-auth settings the user config carries
 * @param projectRoot          the root for relative names in messages and the highest folder searched for a
 *                             workspace root; null for none
 * @param requireTokens        whether a token variable the user config needs must be set (the CI preflight):
 *                             an unset one is then an error rather than a note
 */
public record GeneratorOptions(
        List<RegistrySpec> registries,
        boolean userConfigForAll,
        boolean dryRun,
        boolean ci,
        Map<String, String> environment,
        Path homeDirectory,
        Path projectRoot,
        boolean requireTokens) {

    /** @throws IllegalArgumentException when two registries are configured for the same scope */
    public GeneratorOptions {
        registries = List.copyOf(registries);
        Set<String> keys = new HashSet<>();
        for (RegistrySpec r : registries) {
            if (!keys.add(r.registryKey())) {
                throw new IllegalArgumentException("two registries are configured for "
                        + (r.isScoped() ? r.scope() : "the default (unscoped) registry")
                        + "; npm uses one registry per scope");
            }
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(homeDirectory, "homeDirectory");
        projectRoot = projectRoot == null ? null : projectRoot.toAbsolutePath().normalize();
    }

    /** A builder starting from the process environment and home folder, no registries, not a dry run. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether an environment says the build runs in CI: {@code CI} is set to anything but empty,
     * {@code false} or {@code 0}. GitHub Actions, GitLab CI, CircleCI, Travis, Bitbucket, Buildkite and
     * Azure Pipelines' hosted agents set it; a Jenkins job can set it in its environment.
     */
    public static boolean isCi(Map<String, String> environment) {
        String value = environment.get("CI");
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return !v.isEmpty() && !v.equals("false") && !v.equals("0");
    }

    /** Builds options; CI is read from the environment unless set explicitly. */
    public static final class Builder {
        private final List<RegistrySpec> registries = new ArrayList<>();
        private boolean userConfigForAll;
        private boolean dryRun;
        private Boolean ci;
        private boolean requireTokens;
        private Map<String, String> environment = System.getenv();
        private Path homeDirectory = Path.of(System.getProperty("user.home"));
        private Path projectRoot;

        private Builder() {}

        /** Adds a configured registry; configured registries replace those the files declare. */
        public Builder registry(RegistrySpec registry) {
            registries.add(Objects.requireNonNull(registry, "registry"));
            return this;
        }

        /** Adds configured registries, in order. */
        public Builder registries(List<RegistrySpec> all) {
            all.forEach(this::registry);
            return this;
        }

        /** Writes the user config for every frontend, not only for pnpm 10.34.2+ and yarn 1. */
        public Builder userConfigForAll(boolean value) {
            this.userConfigForAll = value;
            return this;
        }

        /** Writes nothing; every change is reported as a diff. */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /** Makes an unset token variable that the user config needs an error (the CI preflight). */
        public Builder requireTokens(boolean value) {
            this.requireTokens = value;
            return this;
        }

        /** Overrides what the environment's {@code CI} variable says. */
        public Builder ci(boolean value) {
            this.ci = value;
            return this;
        }

        /** The environment to read {@code CI}, token variable presence and {@code NPM_CONFIG_USERCONFIG} from. */
        public Builder environment(Map<String, String> value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /** The user's home, whose {@code .npmrc} network settings the user config carries over. */
        public Builder homeDirectory(Path value) {
            this.homeDirectory = Objects.requireNonNull(value, "homeDirectory");
            return this;
        }

        /** The root for relative paths in messages, and the highest folder searched for a workspace root. */
        public Builder projectRoot(Path value) {
            this.projectRoot = value;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException when two registries are configured for the same scope
         */
        public GeneratorOptions build() {
            return new GeneratorOptions(
                    registries,
                    userConfigForAll,
                    dryRun,
                    ci != null ? ci : isCi(environment),
                    environment,
                    homeDirectory,
                    projectRoot,
                    requireTokens);
        }
    }
}
