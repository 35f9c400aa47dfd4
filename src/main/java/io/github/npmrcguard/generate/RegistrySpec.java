package io.github.npmrcguard.generate;

import io.github.npmrcguard.auth.TokenVariables;
import io.github.npmrcguard.parse.NerfDart;
import io.github.npmrcguard.rules.SafeText;
import io.github.npmrcguard.secrets.TokenCatalogue;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One registry to write config for: its URL, the npm scope it serves (or none, for the default registry)
 * and the environment variable that will hold its token. The URL is normalised on construction (see
 * {@link NerfDart#normalizedUrl(String)}), the scope to {@code @name} in lower case (npm scopes are lower
 * case, and setup-node lower-cases them too).
 *
 * @param url           the registry URL, normalised
 * @param scope         {@code @name}, or empty for the default registry
 * @param tokenVariable the variable name in the placeholder, e.g. {@code NPM_TOKEN}; null or blank for the
 *                      name {@link TokenVariables} gives the registry
 * @param publishOnly   whether it is only published to ({@code publishConfig.registry}): it gets its token
 *                      but no registry line, which would send installs there too
 */
public record RegistrySpec(String url, String scope, String tokenVariable, boolean publishOnly) {
    /** The public registry's variable, as in npm's own CI/CD guide. */
    public static final String DEFAULT_TOKEN_VARIABLE = TokenVariables.PUBLIC;
    /** The public npm registry, used when neither the configuration nor the files name one. */
    public static final String NPMJS = "https://registry.npmjs.org/";

    private static final int MAX_VARIABLE = 64;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SCOPE = Pattern.compile("@[a-z0-9][a-z0-9._~-]*");

    /**
     * @throws IllegalArgumentException for a URL {@link NerfDart} refuses, a scope that is not an npm scope,
     *                                  or a variable name that no shell could export
     */
    public RegistrySpec {
        String written = url;
        url = NerfDart.normalizedUrl(url);
        scope = normalizeScope(scope);
        tokenVariable = tokenVariable == null || tokenVariable.isBlank()
                ? TokenVariables.unconfigured().token(written)
                : tokenVariable.strip();
        if (TokenCatalogue.get().whole(tokenVariable) != null || tokenVariable.length() > MAX_VARIABLE) {
            // Someone pasted the token where its variable's name goes: refuse without repeating it.
            throw new IllegalArgumentException("a token variable looks like a token itself; give the name of the"
                    + " environment variable that holds the token, such as NPM_TOKEN");
        }
        if (!VARIABLE.matcher(tokenVariable).matches()) {
            throw new IllegalArgumentException("a token variable is not a valid environment variable name"
                    + " (letters, digits and '_', not starting with a digit)");
        }
    }

    /** A registry that installs use as well. */
    public RegistrySpec(String url, String scope, String tokenVariable) {
        this(url, scope, tokenVariable, false);
    }

    /** An unscoped registry with the variable the naming rule gives it. */
    public static RegistrySpec of(String url) {
        return new RegistrySpec(url, "", null);
    }

    /** The public npm registry with the given token variable. */
    public static RegistrySpec npmjs(String tokenVariable) {
        return new RegistrySpec(NPMJS, "", tokenVariable);
    }

    private static String normalizeScope(String scope) {
        if (scope == null || scope.isBlank()) {
            return "";
        }
        String s = scope.strip().toLowerCase(Locale.ROOT);
        if (!s.startsWith("@")) {
            s = "@" + s;
        }
        if (!SCOPE.matcher(s).matches()) {
            // Not quoted unless it has a scope's shape: it may be a secret typed where the scope goes.
            throw new IllegalArgumentException(
                    "scope '" + SafeText.key(scope.strip()) + "' is not an npm scope such" + " as @acme");
        }
        return s;
    }

    /** Whether this registry serves one scope rather than being the default registry. */
    public boolean isScoped() {
        return !scope.isEmpty();
    }

    /** The scope without its {@code @}, as yarn 2+ and bun write it; empty when unscoped. */
    public String scopeName() {
        return isScoped() ? scope.substring(1) : "";
    }

    /** {@code //host[:port]/path/}. */
    public String nerfDart() {
        return NerfDart.of(url);
    }

    /** The npm key that selects this registry: {@code registry} or {@code @scope:registry}. */
    public String registryKey() {
        return isScoped() ? scope + ":registry" : "registry";
    }

    /** The npm key of its token: {@code //host/path/:_authToken}. */
    public String authKey() {
        return nerfDart() + ":_authToken";
    }

    /** The same registry with another token variable. */
    public RegistrySpec withTokenVariable(String variable) {
        return Objects.equals(variable, tokenVariable) ? this : new RegistrySpec(url, scope, variable, publishOnly);
    }

    /** The same registry, published to only. */
    RegistrySpec forPublishing() {
        return publishOnly ? this : new RegistrySpec(url, scope, tokenVariable, true);
    }
}
