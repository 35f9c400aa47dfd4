package io.github.npmrcguard.generate;

import java.nio.file.Path;

/** Names files in messages: relative to the project root when under it, with {@code /} separators. */
final class PathDisplay {
    private final Path root;

    PathDisplay(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    String of(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (root != null && p.startsWith(root)) {
            String relative = root.relativize(p).toString().replace('\\', '/');
            return relative.isEmpty() ? "." : relative;
        }
        return p.toString().replace('\\', '/');
    }
}
