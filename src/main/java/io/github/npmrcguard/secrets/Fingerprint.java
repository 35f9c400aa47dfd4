package io.github.npmrcguard.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Identifies a secret without revealing it: the first 8 hex digits of the SHA-256 of its UTF-8 bytes.
 * Eight hex digits are enough to tell a user's secrets apart and to allowlist one, and far too few to
 * help anyone guess it.
 */
public final class Fingerprint {
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{8}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Fingerprint() {}

    /** The fingerprint of {@code secret}: 8 lower-case hex digits. */
    public static String of(String secret) {
        byte[] digest = sha256(secret.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[8];
        for (int i = 0; i < 4; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(out);
    }

    /** Whether {@code text} has the shape of a fingerprint (for validating allowlist entries). */
    public static boolean isFingerprint(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
