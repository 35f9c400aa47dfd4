package io.github.npmrcguard.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The object id git gives a blob in a SHA-1 repository: the SHA-1 of {@code "blob <size>\0"} and the bytes,
 * as {@code git hash-object} computes it. A working copy whose id is its staged entry's id holds the staged
 * bytes exactly, so the scan need not ask git for that blob. Written out here rather than taken from
 * {@code MessageDigest}: asking the JDK for a digest loads its security providers into a build's
 * cold JVM, for a few hundred small files. The id names content that is committed or about to be; nothing
 * secret is derived from it and it is never printed for a finding.
 */
final class GitBlobId {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GitBlobId() {}

    /** The 40 lowercase hex digits of the blob id of {@code content}. */
    static String sha1(byte[] content) {
        byte[] header = ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII);
        long bits = 8L * (header.length + (long) content.length);
        int total = header.length + content.length;
        // The message, a 0x80 byte, zeros, then the length in bits: a whole number of 64-byte blocks.
        int padded = ((total + 8) / 64 + 1) * 64;
        byte[] message = new byte[padded];
        System.arraycopy(header, 0, message, 0, header.length);
        System.arraycopy(content, 0, message, header.length, content.length);
        message[total] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            message[padded - 1 - i] = (byte) (bits >>> (8 * i));
        }
        int[] h = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
        int[] w = new int[80];
        for (int block = 0; block < padded; block += 64) {
            compress(h, message, block, w);
        }
        char[] out = new char[40];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 8; j++) {
                out[8 * i + j] = HEX[h[i] >>> (28 - 4 * j) & 0xf];
            }
        }
        return new String(out);
    }

    /**
     * One 64-byte block of {@code message} at {@code block} into the state {@code h}; {@code w} is scratch. A method
     * of its own, called per block, so that the JIT compiles it after some hundred blocks (a few dozen files)
     * rather than the whole digest after some hundred files. Rotations written out and the rounds in four loops,
     * not Integer.rotateLeft and a branch per round: until then it runs in the interpreter, where each call and
     * branch counts.
     */
    private static void compress(int[] h, byte[] message, int block, int[] w) {
        for (int i = 0; i < 16; i++) {
            int at = block + 4 * i;
            w[i] = (message[at] & 0xff) << 24
                    | (message[at + 1] & 0xff) << 16
                    | (message[at + 2] & 0xff) << 8
                    | message[at + 3] & 0xff;
        }
        for (int i = 16; i < 80; i++) {
            int x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
            w[i] = x << 1 | x >>> 31;
        }
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        int t;
        for (int i = 0; i < 20; i++) {
            t = (a << 5 | a >>> 27) + (b & c | ~b & d) + e + 0x5A827999 + w[i];
            e = d;
            d = c;
            c = b << 30 | b >>> 2;
            b = a;
            a = t;
        }
        for (int i = 20; i < 40; i++) {
            t = (a << 5 | a >>> 27) + (b ^ c ^ d) + e + 0x6ED9EBA1 + w[i];
            e = d;
            d = c;
            c = b << 30 | b >>> 2;
            b = a;
            a = t;
        }
        for (int i = 40; i < 60; i++) {
            t = (a << 5 | a >>> 27) + (b & c | b & d | c & d) + e + 0x8F1BBCDC + w[i];
            e = d;
            d = c;
            c = b << 30 | b >>> 2;
            b = a;
            a = t;
        }
        for (int i = 60; i < 80; i++) {
            t = (a << 5 | a >>> 27) + (b ^ c ^ d) + e + 0xCA62C1D6 + w[i];
            e = d;
            d = c;
            c = b << 30 | b >>> 2;
            b = a;
            a = t;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }

    /**
     * git's object id of a file's content as a blob, read as a stream (for files too large to hold): the
     * digest of "blob <size>\0" and the bytes, SHA-1 or SHA-256; "" when the file changed while read.
     */
    static String ofFile(Path file, String algorithm) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
        long size = Files.size(file);
        digest.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
        long read = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = SafeReader.open(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                read += n;
            }
        }
        if (read != size) {
            return ""; // it changed while read: matches no id
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
