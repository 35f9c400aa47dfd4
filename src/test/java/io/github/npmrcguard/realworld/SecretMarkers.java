package io.github.npmrcguard.realworld;

import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the {@code {{SECRET:kind}}} markers that stand, in the committed corpus, for the secrets the real
 * files held: each becomes a value of the same shape made when the test runs. {@code {{SECRET:kind#n}}}
 * repeats one value within a file, as the original repeated it.
 */
final class SecretMarkers {
    private static final Pattern MARKER = Pattern.compile("\\{\\{SECRET:([A-Za-z0-9_]+?)(\\d*)(#\\d+)?}}");
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final TestTokens tokens;
    private final Random random;

    SecretMarkers(long seed) {
        this.tokens = new TestTokens(seed);
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    /** A file's text with every marker expanded, and the values made for it. */
    record Expanded(String text, List<String> secrets) {}

    Expanded expand(String text) {
        Map<String, String> shared = new HashMap<>();
        List<String> secrets = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kind = m.group(1);
            int length = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
            String value = m.group(3) == null ? null : shared.get(m.group(0));
            if (value == null) {
                value = make(kind, length);
                secrets.add(value);
                if (m.group(3) != null) {
                    shared.put(m.group(0), value);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Expanded(out.toString(), List.copyOf(secrets));
    }

    private String make(String kind, int length) {
        switch (kind) {
            case "npm":
                return tokens.npm();
            case "ghp":
                return tokens.githubClassic();
            case "github_pat":
                return tokens.githubFineGrained();
            case "glpat":
                return tokens.gitlab();
            case "uuid":
                return tokens.uuid();
            case "UUID":
                return tokens.uuid().toUpperCase(Locale.ROOT);
            case "alnum":
                return tokens.base62(length);
            case "hex":
                return from("0123456789abcdef", length);
            case "ulid":
                return from(CROCKFORD, 26);
            case "b64auth":
                return TestTokens.base64("ci-" + from(LOWER_ALNUM, 6) + ":" + tokens.base62(20));
            case "b64weak":
                // A weak, word-made password such as people set on a local registry: still a credential.
                return TestTokens.base64("admin:admin" + from("0123456789", 4));
            case "b64pw":
                return TestTokens.base64(tokens.base62(length == 0 ? 28 : length));
            case "b64azure":
                return TestTokens.base64(from(LOWER_ALNUM, 52));
            case "b64x":
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                return Base64.getEncoder().encodeToString(bytes);
            default:
                throw new IllegalArgumentException("unknown secret marker kind: " + kind);
        }
    }

    private String from(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** Text of a UTF-8 file. */
    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
