package io.github.npmrcguard.rules;

import io.github.npmrcguard.secrets.TokenCatalogue;
import io.github.npmrcguard.secrets.TokenMatch;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** Words for what a secret value is ("npm access token", "base64 user:password"), never its content. */
final class Describe {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");

    private Describe() {
    }

    /** Describes a literal credential value, decoding base64 first when the key stores it encoded. */
    static String literal(String value, boolean base64) {
        TokenMatch whole = TokenCatalogue.get().whole(value.strip());
        if (whole != null) {
            return "literal " + tokenWords(whole);
        }
        if (base64) {
            String decoded = decodeBase64(value.strip());
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

    /**
     * Strict base64 (standard or URL alphabet, padding optional) that decodes to printable UTF-8 text, or
     * {@code null}. Used only to name what a value is and to look for tokens inside it.
     */
    static String decodeBase64(String value) {
        if (value.length() < 4 || !BASE64.matcher(value).matches()) {
            return null;
        }
        try {
            byte[] bytes = (value.indexOf('-') >= 0 || value.indexOf('_') >= 0)
                    ? Base64.getUrlDecoder().decode(value)
                    : Base64.getDecoder().decode(value);
            String text = new String(bytes, StandardCharsets.UTF_8);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
                    return null;
                }
            }
            return text;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
