package io.github.npmrcguard.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Secrets that tests make at run time (registry passwords and tokens), and the means to keep them out of
 * test output: a fingerprint to name one, a redaction for any text that may hold one, and a scan of a
 * folder for files that hold one.
 *
 * <p>A fingerprint is the first 8 hex digits of the SHA-256 of the value, as in the plugin's own reports.
 * Nothing here ever returns or prints a part of a secret.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /**
     * A set of secrets to redact; blank values are ignored (they would match everywhere).
     *
     * @param values the secrets, none of them null
     */
    public static Secrets of(String... values) {
        List<String> v = new ArrayList<>();
        for (String value : values) {
            if (!Objects.requireNonNull(value, "secret").isBlank()) {
                v.add(value);
            }
        }
        // The longest first, so that a secret holding another is replaced whole.
        v.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Secrets(List.copyOf(v));
    }

    /** A new random secret: {@code bytes} bytes from {@link SecureRandom}, base64url without padding. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The first 8 hex digits of the SHA-256 of {@code value}: names a secret without showing it. */
    public static String fingerprint(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code text} with each secret replaced by {@code <secret sha256:xxxxxxxx>}; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, "<secret sha256:" + fingerprint(v) + ">");
        }
        return out;
    }

    /** How many times the secrets occur in {@code text}, without overlaps. */
    public int count(String text) {
        int n = 0;
        for (String v : values) {
            for (int i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + v.length())) {
                n++;
            }
        }
        return n;
    }

    /**
     * The files under {@code root} whose bytes hold one of the secrets (as UTF-8), as paths relative to
     * {@code root}. Folders named in {@code skipFolders} are not entered; links are not followed.
     */
    public List<String> filesHoldingAny(Path root, Set<String> skipFolders) throws IOException {
        List<byte[]> needles =
                values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> hits = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root)
                                && skipFolders.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    byte[] content = Files.readAllBytes(file);
                    if (needles.stream().anyMatch(n -> indexOf(content, n) >= 0)) {
                        hits.add(root.relativize(file).toString());
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return hits;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "Secrets" + values.stream().map(Secrets::fingerprint).toList();
    }
}
