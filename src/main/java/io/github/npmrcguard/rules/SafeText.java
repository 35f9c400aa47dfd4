package io.github.npmrcguard.rules;

import io.github.npmrcguard.parse.PomKeys;
import io.github.npmrcguard.secrets.TokenCatalogue;
import io.github.npmrcguard.secrets.TokenMatch;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes text from a config file safe to print. Keys are printed in findings, and a key can carry a
 * secret: a token pasted where the key goes, user info in a nerf dart, or a line with a space where the
 * {@code =} should be.
 */
public final class SafeText {
    private static final int MAX_KEY = 120;
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@\\s]+@");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CREDENTIAL_THEN_MORE =
            Pattern.compile("(_authToken|_auth|_password|npmAuthToken|npmAuthIdent)[^A-Za-z0-9_\\]\\[].+$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final List<String> POM_PLUGINS = List.of(PomKeys.FRONTEND, PomKeys.EXEC);

    private SafeText() {}

    /**
     * A key of a pom setting: a plugin's name, one space, then a key made safe as {@link #key} makes it
     * ({@code frontend-maven-plugin environmentVariables/NPM_TOKEN}). The space is the pom parser's own; in
     * other files a space in a key may be followed by a secret, so only this method keeps it. Also for a name
     * written in a pom's arguments ({@code NPM_TOKEN=...}): upper-case variable names are printed here.
     */
    public static String pomKey(String rawKey) {
        if (rawKey != null) {
            for (String plugin : POM_PLUGINS) {
                if (rawKey.startsWith(plugin + " ")) {
                    return plugin + " " + key(rawKey.substring(plugin.length() + 1), true);
                }
            }
        }
        return key(rawKey, true);
    }

    /**
     * Whether a registry's {@code host[:port]} may be printed (and so named in a variable): a lower-case host
     * name, an IPv4 address or a bracketed IPv6 literal. npm lower-cases hosts in nerf darts, so an upper-case
     * host never matches a registry; anything else may be a secret typed where the host belongs.
     */
    public static boolean isPrintableHost(String hostAndPort) {
        return hostAndPort != null && KeySegments.isPrintableHost(hostAndPort);
    }

    /** Whether a scope name ({@code @acme}, or yarn's and bun's {@code acme}) is a valid npm scope name. */
    public static boolean isPrintableScope(String scope) {
        return scope != null && KeySegments.isPrintableScope(scope);
    }

    /**
     * The key with anything that may be secret masked; empty for {@code null}. Hosts, paths, scope names and
     * other words are printed only when they have the shape such a thing has (see {@link KeySegments}).
     */
    public static String key(String rawKey) {
        return key(rawKey, false);
    }

    private static String key(String rawKey, boolean pom) {
        if (rawKey == null || rawKey.isEmpty()) {
            return "";
        }
        String key = rawKey;
        String cut = "";
        var ws = WHITESPACE.matcher(key);
        if (ws.find()) {
            // "key value" written without "=": the part after the space may be the secret.
            key = key.substring(0, ws.start());
            cut = " …";
        }
        var typo = CREDENTIAL_THEN_MORE.matcher(key);
        if (typo.find()) {
            // "_authToken:secret" or "_password-secret": a credential name with text after it, where only an
            // "=" should be. That text may be the secret.
            key = key.substring(0, typo.end(1));
            cut = " …";
        }
        key = USER_INFO.matcher(key).replaceAll("$1***@");
        List<TokenMatch> tokens = TokenCatalogue.get().find(key);
        for (int i = tokens.size() - 1; i >= 0; i--) {
            TokenMatch t = tokens.get(i);
            key = key.substring(0, t.start()) + "<" + t.format().description() + ">" + key.substring(t.end());
        }
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); ) {
            int c = key.codePointAt(i);
            out.appendCodePoint(Character.isISOControl(c) ? '?' : c);
            i += Character.charCount(c);
        }
        key = KeySegments.mask(out.toString(), pom) + cut;
        if (key.length() > MAX_KEY) {
            // A key this long is no ordinary config key; its tail could be anything.
            key = key.substring(0, MAX_KEY) + "…";
        }
        if (looksRandom(key)) {
            return "<a key that looks like a secret>";
        }
        return key;
    }

    /**
     * A long run of letters and digits with no separators, such as a token pasted alone on a line (npm then
     * reads it as a key whose value is {@code true}).
     */
    static boolean looksRandom(String key) {
        if (UUID.matcher(key).find()) {
            return true; // a legacy npm token or a Nexus/Verdaccio one
        }
        int run = 0;
        int classes = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '+' || c == '=') {
                classes |= Character.isDigit(c) ? 1 : Character.isUpperCase(c) ? 2 : Character.isLowerCase(c) ? 4 : 0;
                if (++run >= 24 || (run >= 16 && classes == 7)) {
                    return true; // long, or shorter but mixing digits, upper and lower case as tokens do
                }
            } else {
                run = 0;
                classes = 0;
            }
        }
        return false;
    }
}
