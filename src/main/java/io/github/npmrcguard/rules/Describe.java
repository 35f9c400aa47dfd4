package io.github.npmrcguard.rules;

import io.github.npmrcguard.secrets.Base64Text;
import io.github.npmrcguard.secrets.TokenCatalogue;
import io.github.npmrcguard.secrets.TokenMatch;

/** Words for what a secret value is ("npm access token", "base64 user:password"), never its content. */
final class Describe {

    private Describe() {}

    /** Describes a literal credential value, decoding base64 first when the key stores it encoded. */
    static String literal(String value, boolean base64) {
        TokenMatch whole = TokenCatalogue.get().whole(value.strip());
        if (whole != null) {
            return "literal " + tokenWords(whole);
        }
        if (base64) {
            String decoded = Base64Text.decode(value.strip());
            if (decoded != null) {
                String secretPart = decoded.contains(":") ? decoded.substring(decoded.indexOf(':') + 1) : decoded;
                TokenMatch inner = TokenCatalogue.get().whole(secretPart);
                if (inner != null) {
                    return "literal base64-encoded " + tokenWords(inner);
                }
                return decoded.contains(":") ? "literal base64 user:password" : "literal base64 password";
            }
        }
        return "literal value";
    }

    static String tokenWords(TokenMatch m) {
        String words = m.format().description();
        return m.checksumValid() ? words + " (checksum valid)" : words;
    }
}
