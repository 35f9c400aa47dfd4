package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import java.util.Set;

/** Which settings hold a credential, per format (research note sections 2.4, 2.5 and 3.1). */
public final class CredentialKeys {
    private static final Set<String> NPM_SECRETS = Set.of("_authToken", "_auth", "_password");
    private static final Set<String> NPM_BASE64 = Set.of("_auth", "_password");
    private static final Set<String> BERRY_SECRETS = Set.of("npmAuthToken", "npmAuthIdent");
    private static final Set<String> BUN_SECRETS = Set.of("token", "password");

    private CredentialKeys() {
    }

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
     * Whether the value is stored base64-encoded ({@code _auth} is base64 of user:password, {@code _password}
     * base64 of the password; yarn's {@code npmAuthIdent} may be either plain user:password or base64).
     */
    public static boolean isBase64(FileKind kind, Setting s) {
        return ((kind == FileKind.NPMRC || kind == FileKind.YARNRC) && NPM_BASE64.contains(s.name()))
                || (kind == FileKind.YARNRC_YML && s.name().equals("npmAuthIdent"));
    }
}
