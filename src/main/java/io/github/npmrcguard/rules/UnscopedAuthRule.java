package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.NerfDart;
import io.github.npmrcguard.parse.Setting;
import java.util.Set;

/**
 * A top-level {@code _authToken}, {@code _auth}, {@code _password} or {@code username} in {@code .npmrc}:
 * npm 9+ refuses the whole file ({@code ERR_INVALID_AUTH}); auth must be scoped to a registry.
 */
public final class UnscopedAuthRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "unscoped-auth",
            Severity.WARNING,
            "Auth key not scoped to a registry",
            "npm 9 and later refuse a top-level _authToken, _auth, _password or username (ERR_INVALID_AUTH). "
                    + "Prefix the key with the registry it is for, without the scheme and with a trailing slash: "
                    + "//registry.npmjs.org/:_authToken=${NPM_TOKEN}.");

    private static final Set<String> AUTH = Set.of("_authToken", "_auth", "_password", "username");

    /** The nerf dart of the file's {@code registry=} line, else npm's default registry. */
    private static String defaultRegistryDart(ConfigDocument doc) {
        String dart = "//registry.npmjs.org/";
        for (Setting s : doc.settings()) {
            if (s.key().equals("registry") && s.section().isEmpty()) {
                try {
                    dart = NerfDart.of(s.value());
                } catch (IllegalArgumentException e) {
                    // a URL with user info or no scheme: keep the default rather than echo it
                }
            }
        }
        return dart;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean readsContentOnly() {
        return true;
    }

    @Override
    public void check(ConfigDocument doc, FindingSink sink) {
        if (doc.kind() != FileKind.NPMRC) {
            return;
        }
        String registry = defaultRegistryDart(doc);
        for (Setting s : doc.settings()) {
            if (s.scope().isEmpty() && s.section().isEmpty() && AUTH.contains(s.key())) {
                sink.report(
                        INFO,
                        s.line(),
                        "auth key without a registry (npm 9+ refuses it; scope it as " + registry + ":" + s.key() + ")",
                        s.key(),
                        Secret.none());
            }
        }
    }
}
