package io.github.npmrcguard.secrets;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum of npm's and GitHub's 2021 token formats: the last six characters are the CRC32 of the
 * 30 random characters before them, base62-encoded (alphabet {@code 0-9A-Za-z}, most significant digit
 * first, left-padded with {@code 0}). A valid checksum means "almost surely a real token"; an invalid one
 * does not prove it is not one.
 */
public final class Base62Checksum {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62Checksum() {}

    /** The six checksum characters for these random characters. */
    public static String of(CharSequence random) {
        CRC32 crc = new CRC32();
        crc.update(random.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    /**
     * Whether {@code body} (the token without its prefix: 30 random characters then 6 checksum
     * characters) carries a valid checksum.
     */
    public static boolean valid(CharSequence body) {
        if (body.length() != 36) {
            return false;
        }
        return of(body.subSequence(0, 30)).contentEquals(body.subSequence(30, 36));
    }
}
