package io.github.npmrcguard.files;

import java.util.Arrays;
import java.util.Objects;

/**
 * One blob read with {@code git cat-file --batch}.
 *
 * @param content the bytes, or null when it is missing or larger than the reader's limit
 * @param missing whether it is not in the object store (or not a blob)
 * @param size    its size in bytes, -1 when missing
 */
public record Blob(byte[] content, boolean missing, long size) {
    @Override
    public String toString() {
        // Never the content: it may hold a secret.
        return "Blob[" + (missing ? "missing" : size + " bytes" + (content == null ? ", not read" : "")) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Blob b && b.missing == missing && b.size == size && Arrays.equals(b.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(missing, size, Arrays.hashCode(content));
    }
}
