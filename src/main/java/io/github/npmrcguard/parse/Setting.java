package io.github.npmrcguard.parse;

/**
 * One key and its value as the file's own client reads it, with the 1-based line it stands on.
 *
 * <p>{@code value} is the decoded value (npm: comment cut, quotes removed and JSON-decoded, {@code \;}
 * unescaped; YAML/TOML: the scalar's value). It may be a secret: never print it, never put it in an
 * exception message, never let {@link #toString()} show it.
 *
 * @param line   1-based line of the file as stored (CRLF, LF and a lone CR each end one line)
 * @param key    the whole key as written after the client's own decoding, e.g.
 *               {@code //registry.npmjs.org/:_authToken}, {@code npmScopes.acme.npmAuthToken},
 *               {@code install.scopes.acme.token}; for an npm {@code key[]} array, without the {@code []}
 * @param name   the setting's own name, the last part of the key: {@code _authToken}, {@code registry},
 *               {@code npmAuthToken}, {@code token}, {@code url}, ...
 * @param scope  what the setting applies to: the nerf dart ({@code //host/path/}) or {@code @scope} for
 *               npm keys, {@code npmScopes.acme} / {@code npmRegistries.//host} for yarn, {@code install.scopes.acme}
 *               for bun; empty at top level
 * @param value  the decoded value; {@code "true"} for an npm key written without {@code =}
 * @param section the npm ini {@code [section]} the key stands under, or empty (npm ignores sectioned keys)
 * @param quoted whether the value was written in quotes
 * @param array  whether it is an entry of an npm {@code key[]} array, whose values npm, pnpm and yarn 1 send
 *               without expanding variables (and bun ignores)
 * @param readBy empty when the file's clients read the setting; otherwise the one client that reads it where
 *               the others do not (bun, reading an {@code .npmrc} line that npm's parser drops)
 */
public record Setting(
        int line,
        String key,
        String name,
        String scope,
        String value,
        String section,
        boolean quoted,
        boolean array,
        String readBy) {

    /** A setting every client of its file reads, not in an array. */
    public Setting(int line, String key, String name, String scope, String value, String section, boolean quoted) {
        this(line, key, name, scope, value, section, quoted, false, "");
    }

    @Override
    public String toString() {
        return "Setting[line " + line + ", key " + key + ", value <" + value.length() + " chars>]";
    }
}
