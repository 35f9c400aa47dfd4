package io.github.npmrcguard.rules;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.NerfDart;
import io.github.npmrcguard.parse.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An auth key that no registry of its file uses: npm sends a credential only to URLs under its nerf dart
 * (research note 3.3), so {@code //npm.acme.example/:_authToken} in a file whose registries are elsewhere
 * is dead, and the install that needs it fails with 401. Only files that name a registry are judged: a
 * file with auth lines alone may serve a registry set on the command line. A key for the registry a package
 * that reads the file publishes to ({@code publishConfig.registry}) is not dead: {@code npm publish} sends it
 * there, so the file need not install from that registry.
 */
public final class AuthWithoutRegistryRule implements Rule {
    public static final RuleInfo INFO = new RuleInfo(
            "auth-without-registry",
            Severity.WARNING,
            "Auth key that matches no registry of the file",
            "npm sends a credential only to requests under the auth key's //host/path/, compared literally: no "
                    + "scheme, no default port, host as written. This key matches none of the registries the file "
                    + "configures, so the credential is never sent. Derive the key from the registry URL: "
                    + "https://npm.acme.example:443/npm/ becomes //npm.acme.example/npm/:_authToken. A key for the "
                    + "publishConfig.registry of the package.json beside the file, or of a workspace member's, is "
                    + "not reported: npm publish sends it there.");

    static final Set<String> AUTH_NAMES = Set.of("_authToken", "_auth", "_password", "username");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ConfigDocument doc, FindingSink sink) {
        if (doc.kind() != FileKind.NPMRC) {
            return;
        }
        List<String> registries = registries(doc);
        if (registries.isEmpty()) {
            return;
        }
        for (Setting s : doc.settings()) {
            if (AUTH_NAMES.contains(s.name())
                    && s.scope().startsWith("//")
                    && !s.scope().contains("${")
                    && s.section().isEmpty()
                    && !coversAny(s.scope(), registries)
                    && !coversAny(s.scope(), publishTargets(doc))) {
                sink.report(INFO, s.line(), "auth key for a registry this file does not use", s.key(), Secret.none());
            }
        }
    }

    /** The nerf darts of the registries the file's packages publish to. */
    private static List<String> publishTargets(ConfigDocument doc) {
        List<String> out = new ArrayList<>();
        for (String url : doc.folder().publishRegistries()) {
            try {
                out.add(NerfDart.of(url));
            } catch (IllegalArgumentException e) {
                continue; // not a URL npm would publish to
            }
        }
        return out;
    }

    /** The nerf darts of the file's registry lines (npm's default registry too when only scopes are set). */
    static List<String> registries(ConfigDocument doc) {
        List<String> out = new ArrayList<>();
        boolean defaultSet = false;
        for (Setting s : doc.settings()) {
            if (s.name().equals("registry") && s.section().isEmpty()) {
                try {
                    out.add(NerfDart.of(s.value()));
                } catch (IllegalArgumentException e) {
                    continue; // credentials-in-url or a broken URL: other rules speak to it
                }
                defaultSet |= s.scope().isEmpty();
            }
        }
        if (!out.isEmpty() && !defaultSet) {
            out.add("//registry.npmjs.org/");
        }
        return out;
    }

    /**
     * Whether an auth key's nerf dart covers any of these registries: npm strips path segments from the request URL
     * until a key matches, so {@code //host/} covers {@code //host/npm/}. A key without its trailing slash
     * still works for npm, so it is compared with one.
     */
    static boolean coversAny(String keyDart, List<String> registryDarts) {
        for (String registryDart : registryDarts) {
            if (covers(keyDart, registryDart)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of these auth keys' nerf darts covers the registry. */
    static boolean anyCovers(List<String> keyDarts, String registryDart) {
        for (String keyDart : keyDarts) {
            if (covers(keyDart, registryDart)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one auth key's nerf dart covers a registry (see {@link #coversAny}). */
    static boolean covers(String keyDart, String registryDart) {
        String key = keyDart.endsWith("/") ? keyDart : keyDart + "/";
        return registryDart.startsWith(key);
    }
}
