package io.github.npmrcguard.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The per-registry key prefix npm matches credentials by (research note 3.3): {@code //host[:port]/path/}
 * with no scheme, no default port (WHATWG URL drops 443 for https and 80 for http, so a key that keeps it
 * never matches), the host lower-cased, the path kept as written and a trailing slash forced (pnpm up to 10
 * and yarn 1 ignore a key without it).
 *
 * <p>Messages never quote the URL: a URL that is refused may carry a password.
 */
public final class NerfDart {
    private NerfDart() {}

    /**
     * The nerf dart of a registry URL, e.g. {@code https://Registry.NPMjs.org:443/} →
     * {@code //registry.npmjs.org/}, {@code http://127.0.0.1:4873} → {@code //127.0.0.1:4873/}.
     *
     * @param url an http or https registry URL
     * @return {@code //host[:port]/path/}
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL, carries user info,
     *                                  a query or a fragment
     */
    public static String of(String url) {
        URI uri = parse(url);
        return "//" + authority(uri) + path(uri);
    }

    /**
     * The URL as the generator writes it: scheme and host lower-cased, default port dropped, trailing slash
     * forced, so that the {@code registry=} line and its auth key always derive from the same text.
     *
     * @param url an http or https registry URL
     * @return the normalised URL, e.g. {@code https://registry.npmjs.org/}
     * @throws IllegalArgumentException as {@link #of(String)}
     */
    public static String normalizedUrl(String url) {
        URI uri = parse(url);
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority(uri) + path(uri);
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a registry URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a registry URL is not a valid http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("a registry URL must start with https:// or http://");
        }
        if (uri.getRawUserInfo() != null) {
            // The user info is a credential: say so without repeating it.
            throw new IllegalArgumentException("a registry URL carries user info (a user name or password before"
                    + " '@'); remove it and give the token through a token variable instead");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("a registry URL has no host name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a registry URL must not have a query (?...) or fragment (#...)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.indexOf(';') >= 0 || path.indexOf('=') >= 0) {
            // npm's ini cuts a key at '=' and a value at ';': no auth key could name this registry.
            throw new IllegalArgumentException("a registry URL path must not contain ';' or '='");
        }
        return uri.normalize();
    }

    private static String authority(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = (port == 443 && uri.getScheme().equalsIgnoreCase("https"))
                || (port == 80 && uri.getScheme().equalsIgnoreCase("http"));
        return port < 0 || defaultPort ? host : host + ":" + port;
    }

    private static String path(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? path : path + "/";
    }
}
