package io.github.npmrcguard.fix;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.rules.SafeText;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the environment variable a rewritten credential reads, deterministically:
 * <ul>
 * <li>a configured registry's {@code tokenVariable}, by nerf dart;
 * <li>{@code NPM_TOKEN} for registry.npmjs.org and for keys that name no registry;
 * <li>else the registry's host, upper-cased with every other character an underscore, plus {@code _TOKEN}:
 * {@code //npm.pkg.github.com/:_authToken} reads {@code NPM_PKG_GITHUB_COM_TOKEN};
 * <li>for a yarn or bun scope, the scope name: {@code npmScopes.acme} reads {@code ACME_NPM_TOKEN}.
 * </ul>
 * A host or scope that SafeText would not print (no lower-case host name, no valid scope name) names no
 * variable: the key then reads {@code NPM_TOKEN}, as one that names no registry does.
 * {@code _auth} and yarn's {@code npmAuthIdent} end in {@code _AUTH} instead of {@code _TOKEN}, and
 * {@code _password} / bun's {@code password} in {@code _PASSWORD}, since they hold other values.
 */
public final class VariableNames {
    private final Map<String, String> configured;

    /** @param configured variable names by nerf dart ({@code //host/path/}), from the plugin's registries */
    public VariableNames(Map<String, String> configured) {
        this.configured = Map.copyOf(configured);
    }

    /** The variable for a credential setting of a file of this kind. */
    public String variableFor(FileKind kind, Setting s) {
        String suffix = suffix(s.name());
        String base;
        switch (kind) {
            case NPMRC:
            case YARNRC: {
                String nerf = s.scope().startsWith("//") ? s.scope() : "";
                if (configured.containsKey(nerf) && suffix.equals("_TOKEN")) {
                    return configured.get(nerf);
                }
                base = hostPart(nerf);
                break;
            }
            case YARNRC_YML:
                base = s.scope().startsWith("npmScopes.") ? scopeBase(s.scope().substring("npmScopes.".length()))
                        : s.scope().startsWith("npmRegistries.") ? hostPart(s.scope().substring("npmRegistries.".length()))
                        : "NPM";
                break;
            case BUNFIG_TOML:
            default:
                base = s.scope().startsWith("install.scopes.")
                        ? scopeBase(s.scope().substring("install.scopes.".length())) : "NPM";
                break;
        }
        return base + suffix;
    }

    private static String suffix(String name) {
        switch (name) {
            case "_auth":
            case "npmAuthIdent":
                return "_AUTH";
            case "_password":
            case "password":
                return "_PASSWORD";
            default:
                return "_TOKEN";
        }
    }

    /** {@code //npm.pkg.github.com/} → {@code NPM_PKG_GITHUB_COM}; npmjs and no host → {@code NPM}. */
    private static String hostPart(String nerfDart) {
        String host = nerfDart.replaceFirst("^(https?:)?//", "");
        int slash = host.indexOf('/');
        host = slash >= 0 ? host.substring(0, slash) : host;
        host = host.substring(host.lastIndexOf('@') + 1); // user info is no part of the name, and may be secret
        if (host.isEmpty() || host.equals("registry.npmjs.org") || !SafeText.isPrintableHost(host)) {
            // No host, or one that is no lower-case host name and so may be a secret typed where the host
            // goes: the variable's name is written to the file and printed, so it must not carry it.
            return "NPM";
        }
        return sanitize(host);
    }

    private static String scopeBase(String scope) {
        if (!SafeText.isPrintableScope(scope)) {
            return "NPM"; // no valid scope name, so perhaps a secret typed where the scope goes
        }
        return sanitize(scope.replaceFirst("^@", "")) + "_NPM";
    }

    private static String sanitize(String text) {
        String s = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "R_" + s : s;
    }
}
