package io.github.npmrcguard.parse;

/**
 * Splits an npm-style config key into what it applies to and its own name, so that rules can look at names
 * ({@code _authToken}, {@code registry}) without re-parsing keys.
 */
final class NpmKeys {
    private NpmKeys() {}

    /** A key's scope (nerf dart or {@code @scope}, or empty) and name. */
    record ScopeAndName(String scope, String name) {}

    /**
     * <ul>
     * <li>{@code //host/path/:_authToken} → {@code //host/path/} and {@code _authToken}: the split is at the
     * last {@code :} when the name after it is not empty and holds no {@code /} (so {@code //host:4873/} is
     * not split at its port, {@code //host:4873:_authToken} is, and pnpm's {@code //host/:@scope:_authToken}
     * gets the name {@code _authToken});</li>
     * <li>{@code https://host/path/:_authToken} and {@code http://...} → {@code https://host/path/} and
     * {@code _authToken}, split the same way: npm ignores such a key, but yarn 1 looks one up for a registry
     * written as that URL (its first try, before it drops the scheme);</li>
     * <li>{@code @scope:registry} → {@code @scope} and {@code registry};</li>
     * <li>anything else → empty scope, the key as name.</li>
     * </ul>
     */
    static ScopeAndName split(String key) {
        if (key.startsWith("//") || (key.startsWith("@") && key.length() > 1) || hasHttpScheme(key)) {
            int colon = key.lastIndexOf(':');
            if (colon > 0 && colon < key.length() - 1 && key.indexOf('/', colon + 1) < 0) {
                return new ScopeAndName(key.substring(0, colon), key.substring(colon + 1));
            }
        }
        return new ScopeAndName("", key);
    }

    /** Whether a key starts with {@code http://} or {@code https://}, in any case (yarn 1 strips either). */
    static boolean hasHttpScheme(String key) {
        return key.regionMatches(true, 0, "http://", 0, 7) || key.regionMatches(true, 0, "https://", 0, 8);
    }
}
