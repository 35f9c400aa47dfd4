package io.github.npmrcguard.generate;

/**
 * One place a module's build runs a package manager: an execution of frontend-maven-plugin (goals
 * {@code npm}, {@code pnpm}, {@code yarn}, ...) or of exec-maven-plugin running one, with what its
 * configuration says about the user config.
 *
 * @param plugin         the plugin's artifactId
 * @param execution      the execution's id
 * @param pluginLevel    whether the plugin has a configuration of its own (next to its executions), which
 *                       every execution inherits
 * @param hasEnvironment whether the execution's configuration already has {@code <environmentVariables>}
 * @param pluginEnvironment whether the plugin's own configuration has {@code <environmentVariables>}
 * @param userConfig     the {@code NPM_CONFIG_USERCONFIG} value it sets, as the model holds it, or null
 */
public record BuildRun(
        String plugin,
        String execution,
        boolean pluginLevel,
        boolean hasEnvironment,
        boolean pluginEnvironment,
        String userConfig) {
    /** The project property {@code generate} sets to the generated user config's path. */
    public static final String USERCONFIG_PROPERTY = "npmrcguard.userconfig.file";
    /** The variable npm, pnpm and yarn 1 read their user config's path from. */
    public static final String USERCONFIG_VARIABLE = "NPM_CONFIG_USERCONFIG";
}
