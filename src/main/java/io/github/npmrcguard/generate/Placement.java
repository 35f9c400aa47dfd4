package io.github.npmrcguard.generate;

/**
 * Where one package manager's registry config goes (research note 2 and 7).
 *
 * <ul>
 * <li>npm: project {@code .npmrc} with registry and {@code ${VAR}} token lines.</li>
 * <li>pnpm, every version: 10.34.2 and later ignore a placeholder token in a project {@code .npmrc}, and
 * earlier ones drop the whole file, registry lines included, when the variable is unset, so a developer
 * without the token would ask the public registry for the private packages (seen with pnpm 9.15.9 in
 * RealClientsTest). So the token goes to the user config, which leaves the line out while the variable is
 * unset; the project file gets registry lines only, and only for configured registries.</li>
 * <li>yarn 1: it stops with "Failed to replace env in config" on an unset {@code ${VAR}} in any
 * {@code .npmrc} it reads, which would break every developer without the token; so it is treated like new
 * pnpm: registry lines in the project file, the token in the user config (yarn 1 honours
 * {@code NPM_CONFIG_USERCONFIG}).</li>
 * <li>yarn 2+: {@code .yarnrc.yml}; bun: {@code bunfig.toml}.</li>
 * </ul>
 *
 * @param projectFormat the project file's format
 * @param projectAuth   whether the project file carries the token placeholder
 * @param userConfig    whether the module gets the generated user config
 */
record Placement(ConfigFormat projectFormat, boolean projectAuth, boolean userConfig) {

    static Placement of(PackageManager pm, boolean userConfigForAll) {
        if (TokenPlacement.inUserConfig(pm)) {
            return new Placement(new NpmrcFormat(), false, true);
        }
        switch (pm.kind()) {
            case YARN_BERRY:
                return new Placement(new YarnrcYmlFormat(), true, userConfigForAll);
            case BUN:
                return new Placement(new BunfigFormat(), true, userConfigForAll);
            case NPM:
            default:
                return new Placement(new NpmrcFormat(), true, userConfigForAll);
        }
    }
}
