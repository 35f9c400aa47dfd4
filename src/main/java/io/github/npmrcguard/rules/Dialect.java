package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;

/**
 * Whose rules of environment-variable expansion apply to a file's values (research note section 2).
 * Decides which placeholders are real placeholders and which are sent to the registry as typed.
 */
public enum Dialect {
    /** npm 7+ (and bun, pnpm, yarn 1 reading {@code .npmrc}): {@code ${VAR}} and {@code ${VAR?}}. */
    NPM("npm"),
    /** yarn 1's {@code .yarnrc}: {@code ${VAR}}; an unset variable is fatal. */
    YARN1("yarn 1"),
    /** yarn 2+'s {@code .yarnrc.yml}: {@code ${VAR}}, {@code ${VAR:-}} and {@code ${VAR-}}. */
    YARN_BERRY("yarn"),
    /** bun's {@code bunfig.toml}: only a whole value {@code $VAR}. */
    BUN("bun"),
    /**
     * Maven's {@code pom.xml}: every {@code ${...}} is a reference Maven resolves before a plugin sees the value
     * ({@code ${env.NPM_TOKEN}}, a property {@code ${npm.token}}, {@code ${project.basedir}}), not a literal.
     */
    MAVEN("Maven");

    private final String client;

    Dialect(String client) {
        this.client = client;
    }

    /** The client's name, for messages. */
    public String client() {
        return client;
    }

    /** The dialect of a file kind. */
    public static Dialect of(FileKind kind) {
        switch (kind) {
            case YARNRC:
                return YARN1;
            case YARNRC_YML:
                return YARN_BERRY;
            case BUNFIG_TOML:
                return BUN;
            case POM:
                return MAVEN;
            case NPMRC:
            default:
                return NPM;
        }
    }
}
