package io.github.npmrcguard.testsupport;

import io.github.npmrcguard.secrets.Base62Checksum;
import java.util.Random;

/**
 * Makes a value from a sample recipe of {@code io.github.npmrcguard.secrets.TokenFormat}: parts joined by
 * {@code " + "}, each {@code N alphabet} (N random characters), {@code N*c} (c, N times), {@code crc} (the
 * base62 CRC32 of the random characters since the last literal) or a literal. Token-shaped values exist
 * only while a test runs.
 */
public final class TokenRecipe {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Random random;

    public TokenRecipe(long seed) {
        this.random = new Random(seed);
    }

    /** A value made by {@code recipe}. */
    public String make(String recipe) {
        StringBuilder out = new StringBuilder();
        StringBuilder sinceLiteral = new StringBuilder();
        for (String part : recipe.split(" \\+ ")) {
            String[] words = part.split(" ");
            if (part.equals("crc")) {
                out.append(Base62Checksum.of(sinceLiteral));
            } else if (words.length == 2 && words[0].matches("[0-9]+")) {
                String chars = random(Integer.parseInt(words[0]), alphabet(words[1]));
                out.append(chars);
                sinceLiteral.append(chars);
            } else if (part.matches("[0-9]+\\*.")) {
                int star = part.indexOf('*');
                out.append(String.valueOf(part.charAt(star + 1)).repeat(Integer.parseInt(part.substring(0, star))));
            } else {
                out.append(part);
                sinceLiteral.setLength(0);
            }
        }
        return out.toString();
    }

    private static String alphabet(String name) {
        switch (name) {
            case "base62":
                return BASE62;
            case "hex":
                return "0123456789abcdef";
            case "lower":
                return "abcdefghijklmnopqrstuvwxyz";
            case "lowernum":
                return "0123456789abcdefghijklmnopqrstuvwxyz";
            case "b64url":
                return BASE62 + "-_";
            default:
                throw new IllegalArgumentException("no alphabet " + name);
        }
    }

    private String random(int n, String alphabet) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
