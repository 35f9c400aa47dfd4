package io.github.npmrcguard.fix;

import io.github.npmrcguard.auth.TokenVariables;
import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.List;
import java.util.Map;

/**
 * Chooses the environment variable a rewritten credential reads, by the one naming rule that
 * {@code generate} uses too ({@link TokenVariables}): the credential's registry names it. In an
 * {@code .npmrc} that is the key's nerf dart; in {@code .yarnrc.yml} and {@code bunfig.toml} a scope's
 * credential belongs to the registry the same file gives that scope; a scope whose registry the file does
 * not say is named after the scope (another config file may give it one).
 * {@code _auth} and yarn's {@code npmAuthIdent} end in {@code _AUTH} instead of {@code _TOKEN}, and
 * {@code _password} / bun's {@code password} in {@code _PASSWORD}, since they hold other values.
 */
public final class VariableNames {
    private static final String SCOPES = "npmScopes.";
    private static final String REGISTRIES = "npmRegistries.";
    private static final String BUN_SCOPES = "install.scopes.";

    private final TokenVariables rule;

    /** @param configured variable names by nerf dart ({@code //host/path/}), from the plugin's registries */
    public VariableNames(Map<String, String> configured) {
        this.rule = new TokenVariables(configured);
    }

    /** The variable for a credential setting of a file of this kind, which names no other setting. */
    public String variableFor(FileKind kind, Setting s) {
        return variableFor(kind, s, List.of());
    }

    /** The variable for a credential setting of a file of this kind, whose settings are {@code all}. */
    public String variableFor(FileKind kind, Setting s, List<Setting> all) {
        String suffix = suffix(s.name());
        switch (kind) {
            case NPMRC:
            case YARNRC:
                return rule.forRegistry(s.scope().startsWith("//") ? s.scope() : "", suffix);
            case YARNRC_YML:
                if (s.scope().startsWith(SCOPES)) {
                    String server = value(all, s.scope() + ".npmRegistryServer");
                    return server == null
                            ? rule.forScope(s.scope().substring(SCOPES.length()), suffix)
                            : rule.forRegistry(server, suffix);
                }
                return rule.forRegistry(
                        s.scope().startsWith(REGISTRIES)
                                ? s.scope().substring(REGISTRIES.length())
                                : orEmpty(value(all, "npmRegistryServer")),
                        suffix);
            case BUNFIG_TOML:
            default:
                if (s.scope().startsWith(BUN_SCOPES)) {
                    String url = value(all, s.scope() + ".url");
                    return url == null
                            ? rule.forScope(s.scope().substring(BUN_SCOPES.length()), suffix)
                            : rule.forRegistry(url, suffix);
                }
                return rule.forRegistry(orEmpty(value(all, "install.registry.url")), suffix);
        }
    }

    private static String value(List<Setting> all, String key) {
        String out = null;
        for (Setting s : all) {
            if (s.key().equals(key)) {
                out = s.value().strip(); // the last one wins, as in every client
            }
        }
        return out;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
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
                return TokenVariables.TOKEN_SUFFIX;
        }
    }
}
