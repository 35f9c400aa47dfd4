package io.github.npmrcguard.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One version of one candidate file: its path relative to the scan root, its kind, where its content
 * comes from, and the bytes themselves (already read; the staged blob for {@link Provenance#STAGED}).
 *
 * @param path      relative to the scan root, with {@code /} separators, as in SARIF and log lines
 * @param location  the file in the working tree (it may not exist for a staged-only file)
 * @param kind      the format to parse it as
 * @param provenance where {@code content} comes from
 * @param content   the raw bytes
 */
public record ScanFile(String path, Path location, FileKind kind, Provenance provenance, byte[] content) {
    public ScanFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        // Never the content: it may hold a secret.
        return "ScanFile[" + path + ", " + kind + ", " + provenance + ", " + content.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanFile f
                && f.path.equals(path)
                && f.provenance == provenance
                && java.util.Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, provenance, java.util.Arrays.hashCode(content));
    }
}
