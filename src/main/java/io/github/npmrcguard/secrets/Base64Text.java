package io.github.npmrcguard.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** A value that may be base64 of text, as {@code _auth} and {@code _password} are: decoded only when it is. */
public final class Base64Text {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{4,}={0,2}");

    private Base64Text() {}

    /**
     * Strict base64 (standard or URL alphabet, padding optional) that decodes to printable UTF-8 text, or
     * {@code null}. Used to name what a value is and to look for tokens and stand-ins inside it.
     */
    public static String decode(String value) {
        if (!BASE64.matcher(value).matches()) {
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
