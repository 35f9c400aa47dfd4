package io.github.npmrcguard.parse;

import java.util.Set;

/**
 * The shape of the settings {@link PomParser} makes, so that rules can tell them apart without loading the
 * parser (and with it StAX). Keys read well in a log line:
 * <ul>
 * <li>an environment variable: key {@code frontend-maven-plugin environmentVariables/NPM_TOKEN}, scope
 * {@code frontend-maven-plugin environmentVariables}, name {@code NPM_TOKEN};</li>
 * <li>arguments: key {@code frontend-maven-plugin arguments} (one string) or {@code exec-maven-plugin arguments}
 * (one setting per {@code <argument>}), or {@code exec-maven-plugin commandlineArgs}; scope the plugin, name the
 * parameter;</li>
 * <li>a URL parameter: key {@code frontend-maven-plugin npmRegistryURL} (also {@code pnpmRegistryURL} and the
 * download roots); scope the plugin, name the parameter;</li>
 * <li>a property those settings read, directly or through other properties: key {@code properties/npm.token}, or
 * {@code profiles/ci/properties/npm.token} for a profile's; scope the key without the name, name the property.</li>
 * </ul>
 */
public final class PomKeys {
    /** {@code com.github.eirslett:frontend-maven-plugin}. */
    public static final String FRONTEND = "frontend-maven-plugin";
    /** {@code org.codehaus.mojo:exec-maven-plugin}. */
    public static final String EXEC = "exec-maven-plugin";
    /** The groupIds of {@link #FRONTEND} and {@link #EXEC}. */
    static final String FRONTEND_GROUP = "com.github.eirslett";

    static final String EXEC_GROUP = "org.codehaus.mojo";

    /** The map parameter both plugins pass to the child process's environment. */
    public static final String ENVIRONMENT = "environmentVariables";
    /** Parameters that end up on the child's command line as arguments. */
    public static final Set<String> ARGUMENTS = Set.of("arguments", "commandlineArgs");
    /** frontend-maven-plugin parameters that hold a URL (the registry ones become {@code --registry=}). */
    public static final Set<String> URLS = Set.of(
            "npmRegistryURL",
            "pnpmRegistryURL",
            "nodeDownloadRoot",
            "npmDownloadRoot",
            "pnpmDownloadRoot",
            "yarnDownloadRoot",
            "bunDownloadRoot",
            "downloadRoot");

    private static final String ENVIRONMENT_SCOPE_SUFFIX = " " + ENVIRONMENT;

    private PomKeys() {}

    /** Whether a pom setting is an entry of a plugin's {@code environmentVariables}. */
    public static boolean isEnvironmentVariable(Setting s) {
        return s.scope().endsWith(ENVIRONMENT_SCOPE_SUFFIX);
    }

    /** Whether a pom setting is a plugin's arguments (a whole string, or one {@code <argument>}). */
    public static boolean isArguments(Setting s) {
        return isPlugin(s.scope()) && ARGUMENTS.contains(s.name());
    }

    /** Whether a pom setting is a plugin's URL parameter. */
    public static boolean isUrl(Setting s) {
        return isPlugin(s.scope()) && URLS.contains(s.name());
    }

    /** Whether a pom setting is a property ({@code <properties>} of the project or of a profile). */
    public static boolean isProperty(Setting s) {
        return s.scope().equals("properties")
                || s.scope().startsWith("profiles/") && s.scope().endsWith("/properties");
    }

    /** Whether a pom setting reaches a child process: an environment variable, arguments or a URL parameter. */
    public static boolean isPluginParameter(Setting s) {
        return isEnvironmentVariable(s) || isArguments(s) || isUrl(s);
    }

    private static boolean isPlugin(String scope) {
        return scope.equals(FRONTEND) || scope.equals(EXEC);
    }

    /** The key of a plugin parameter, e.g. {@code frontend-maven-plugin npmRegistryURL}. */
    static String pluginKey(String plugin, String parameter) {
        return plugin + " " + parameter;
    }
}
