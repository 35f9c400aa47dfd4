package io.github.npmrcguard.auth;

import io.github.npmrcguard.rules.SafeText;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one rule that names the environment variable holding a registry's credential, for {@code generate}
 * and {@code fix} alike, so that both goals (and, on pnpm, the user config and the project file) name the
 * same variable for one registry and never one variable for two hosts:
 * <ul>
 * <li>the {@code tokenVariable} the configuration gives the registry, by nerf dart;
 * <li>{@code NPM_TOKEN} for the public registry and for a credential that names no registry;
 * <li>else the registry's host (and port), upper-cased with every other character an underscore:
 * {@code //npm.acme.example/} reads {@code NPM_ACME_EXAMPLE_TOKEN};
 * <li>a yarn or bun scope whose registry the file does not say: the scope name, {@code ACME_NPM_TOKEN}.
 * </ul>
 * A host or scope that SafeText would not print (no lower-case host name, no valid scope name) names no
 * variable: the credential then reads {@code NPM_TOKEN}, as one that names no registry does (the name is
 * written to files and printed, so it must not carry what may be a secret typed where the host goes).
 */
public final class TokenVariables {
    /** The public registry's variable, as in npm's own CI/CD guide. */
    public static final String PUBLIC = "NPM_TOKEN";
    /** The suffix of a token's variable; passwords and {@code _auth} values get their own. */
    public static final String TOKEN_SUFFIX = "_TOKEN";

    private static final Set<String> PUBLIC_HOSTS = Set.of("registry.npmjs.org", "registry.yarnpkg.com");

    private static final int MAX_BASE = 54;

    private final Map<String, String> configured;

    /** @param configured variable names by nerf dart ({@code //host/path/}), as the configuration gives them */
    public TokenVariables(Map<String, String> configured) {
        this.configured = Map.copyOf(configured);
    }

    /** The rule with nothing configured. */
    public static TokenVariables unconfigured() {
        return new TokenVariables(Map.of());
    }

    /** The token variable of the registry at this URL (as written, before any normalising) or nerf dart. */
    public String token(String urlOrNerfDart) {
        return forRegistry(urlOrNerfDart, TOKEN_SUFFIX);
    }

    /**
     * The variable for a credential of the registry with this URL or nerf dart ({@code ""} when the
     * credential names no registry); a configured name applies to the token only.
     */
    public String forRegistry(String urlOrNerfDart, String suffix) {
        String nerfDart = nerfDart(urlOrNerfDart);
        if (suffix.equals(TOKEN_SUFFIX) && configured.containsKey(nerfDart)) {
            return configured.get(nerfDart);
        }
        return hostPart(nerfDart) + suffix;
    }

    /** The variable for a credential of a scope whose registry is not known: {@code acme} reads {@code ACME_NPM_TOKEN}. */
    public String forScope(String scope, String suffix) {
        if (!SafeText.isPrintableScope(scope)) {
            return "NPM" + suffix;
        }
        return sanitize(scope.replaceFirst("^@", "")) + "_NPM" + suffix;
    }

    /** Whether the URL or nerf dart is the public registry's. */
    public static boolean isPublic(String urlOrNerfDart) {
        return PUBLIC_HOSTS.contains(host(nerfDart(urlOrNerfDart)));
    }

    /**
     * {@code //host[:port]/path}: the scheme and a default port dropped as npm's nerf dart drops them, but
     * the host's case kept, so that a host that is no lower-case name (perhaps a secret typed there) is
     * still refused by {@link #hostPart}.
     */
    private static String nerfDart(String urlOrNerfDart) {
        String s = urlOrNerfDart.strip();
        if (s.startsWith("//") || s.isEmpty()) {
            return s;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        boolean https = lower.startsWith("https://");
        if (!https && !lower.startsWith("http://")) {
            return ""; // not a URL (a placeholder, say): it names no registry we can tell
        }
        String rest = s.substring(https ? "https:".length() : "http:".length());
        return rest.replaceFirst("^(//[^/]*?)" + (https ? ":443" : ":80") + "(?=/|$)", "$1");
    }

    private static String host(String nerfDart) {
        String host = nerfDart.replaceFirst("^(https?:)?//", "");
        int slash = host.indexOf('/');
        host = slash >= 0 ? host.substring(0, slash) : host;
        return host.substring(host.lastIndexOf('@') + 1); // user info is no part of the name, and may be secret
    }

    /** {@code //npm.acme.example/} → {@code NPM_ACME_EXAMPLE}; the public registry and no host → {@code NPM}. */
    private static String hostPart(String nerfDart) {
        String host = host(nerfDart);
        if (host.isEmpty() || PUBLIC_HOSTS.contains(host) || !SafeText.isPrintableHost(host)) {
            return "NPM";
        }
        String name = sanitize(host);
        // Room for the longest suffix within the 64 characters a variable name may have here.
        return name.length() > MAX_BASE ? name.substring(0, MAX_BASE) : name;
    }

    private static String sanitize(String text) {
        String s = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "R_" + s : s;
    }
}
