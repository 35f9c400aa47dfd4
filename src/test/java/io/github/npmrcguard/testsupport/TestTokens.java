package io.github.npmrcguard.testsupport;

import io.github.npmrcguard.secrets.Base62Checksum;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Token-shaped test values, made when the test runs from a seed. None is committed: this repository is
 * scanned by its own plugin and by other secret scanners.
 */
public final class TestTokens {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String HEX = "0123456789abcdef";

    private final Random random;

    public TestTokens(long seed) {
        this.random = new Random(seed);
    }

    public String base62(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(BASE62.charAt(random.nextInt(62)));
        }
        return s.toString();
    }

    private String checksummed(String prefix) {
        String body = base62(30);
        return prefix + body + Base62Checksum.of(body);
    }

    /** An npm token whose checksum holds. */
    public String npm() {
        return checksummed("npm" + "_");
    }

    /** An npm-shaped token whose checksum fails. */
    public String npmBadChecksum() {
        String good = npm();
        char last = good.charAt(good.length() - 1);
        return good.substring(0, good.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    /** A classic GitHub personal access token with a valid checksum. */
    public String githubClassic() {
        return checksummed("gh" + "p_");
    }

    public String githubFineGrained() {
        return "github" + "_pat_" + base62(22) + "_" + base62(59);
    }

    public String gitlab() {
        return "gl" + "pat-" + base62(20);
    }

    public String gitlabJob() {
        return "gl" + "cbt-" + base62(2) + "_" + base62(20);
    }

    public String jfrogApiKey() {
        return "AK" + "Cp" + base62(69);
    }

    public String jfrogReference() {
        return "cmVm" + "dGtu" + base62(56);
    }

    public String jwt() {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ("{\"sub\":\"" + base62(12) + "\",\"name\":\"ci-user\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + base62(43);
    }

    /** A legacy npm token, or a Nexus/Verdaccio one: a v4 UUID. */
    public String uuid() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                s.append('-');
            }
            s.append(HEX.charAt(random.nextInt(16)));
        }
        return s.toString();
    }

    /** An opaque token with no known shape (CodeArtifact, Verdaccio legacy, Azure PAT). */
    public String opaque(int length) {
        return base62(length);
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts that no 8-character window of {@code secret} appears in {@code text}. */
    public static void assertNoFragment(String text, String secret, String where) {
        for (int i = 0; i + 8 <= secret.length(); i++) {
            if (text.contains(secret.substring(i, i + 8))) {
                throw new AssertionError("a fragment of a secret appears in " + where);
            }
        }
    }
}
