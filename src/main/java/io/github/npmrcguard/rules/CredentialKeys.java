package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Which settings hold a credential, per format (research note sections 2.4, 2.5 and 3.1). */
public final class CredentialKeys {
    private static final Set<String> NPM_SECRETS = Set.of("_authToken", "_auth", "_password");
    private static final Set<String> NPM_BASE64 = Set.of("_auth", "_password");
    private static final Set<String> BERRY_SECRETS = Set.of("npmAuthToken", "npmAuthIdent");
    private static final Set<String> BUN_SECRETS = Set.of("token", "password");
    /** npm's own config variables that hold a secret: {@code npm_config_//host/:_authToken}, top-level {@code _auth}. */
    private static final Pattern NPM_CONFIG_SECRET =
            Pattern.compile("(?i)npm_config_(?://[^=]*:)?_(?:authToken|auth|password)");
    /** An auth key set on a command line: npm's (optionally nerf-darted) or yarn 2+'s (optionally scoped). */
    private static final Pattern ARGUMENT_KEY =
            Pattern.compile("(?://[^\\s=]*:)?_(?:authToken|auth|password)|(?:[\\w@./-]+\\.)?npmAuth(?:Token|Ident)");

    private CredentialKeys() {}

    /** Whether the setting's value is a credential: a token, a password, or base64 of either. */
    public static boolean isCredential(FileKind kind, Setting s) {
        switch (kind) {
            case NPMRC:
            case YARNRC:
                return NPM_SECRETS.contains(s.name());
            case YARNRC_YML:
                return BERRY_SECRETS.contains(s.name());
            case BUNFIG_TOML:
                return BUN_SECRETS.contains(s.name()) && s.key().startsWith("install.");
            default:
                return false;
        }
    }

    /**
     * Whether an environment variable of this name hands a registry credential to a package manager:
     * {@code NPM_TOKEN}, {@code NODE_AUTH_TOKEN} (actions/setup-node), {@code YARN_NPM_AUTH_TOKEN} and
     * {@code YARN_NPM_AUTH_IDENT}, any {@code *_AUTH_TOKEN}, {@code *_AUTH_IDENT} or {@code *_NPM_TOKEN}, and npm's
     * own {@code npm_config_//host/:_authToken} ({@code _auth}, {@code _password}; nerf-darted or top-level, any
     * case).
     */
    public static boolean isTokenVariable(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals("NPM_TOKEN")
                || upper.endsWith("_AUTH_TOKEN")
                || upper.endsWith("_AUTH_IDENT")
                || upper.endsWith("_NPM_TOKEN")
                || NPM_CONFIG_SECRET.matcher(name).matches();
    }

    /**
     * Whether a command-line word names an npm or yarn auth key, once its leading dashes are gone:
     * {@code //host/:_authToken}, {@code _auth}, {@code _password}, {@code npmAuthToken},
     * {@code npmScopes.acme.npmAuthToken}, {@code npmAuthIdent}.
     */
    public static boolean isArgumentKey(String key) {
        return ARGUMENT_KEY.matcher(key).matches();
    }

    /**
     * Whether the value is stored base64-encoded ({@code _auth} is base64 of user:password, {@code _password}
     * base64 of the password; yarn's {@code npmAuthIdent} may be either plain user:password or base64).
     */
    public static boolean isBase64(FileKind kind, Setting s) {
        return ((kind == FileKind.NPMRC || kind == FileKind.YARNRC) && NPM_BASE64.contains(s.name()))
                || (kind == FileKind.YARNRC_YML && s.name().equals("npmAuthIdent"));
    }
}
