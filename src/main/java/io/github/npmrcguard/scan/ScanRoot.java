package io.github.npmrcguard.scan;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which folder a build scans: the {@code npmrcguard.root} setting when given; else the git work
 * tree that holds the Maven execution root; else the multi-module root; else the current folder.
 */
public final class ScanRoot {
    private ScanRoot() {}

    /**
     * @param configured     the {@code npmrcguard.root} setting, or null
     * @param executionRoot  where Maven was started (or the {@code -f} project's folder)
     * @param multiModuleDir Maven's multi-module project directory, or null
     * @param gitTopLevel    answers the work tree top level of a folder, empty outside git
     */
    public static Path resolve(
            Path configured, Path executionRoot, Path multiModuleDir, Function<Path, Optional<Path>> gitTopLevel) {
        if (configured != null) {
            return configured.toAbsolutePath().normalize();
        }
        if (executionRoot != null) {
            Optional<Path> top = gitTopLevel.apply(executionRoot);
            if (top.isPresent()) {
                return top.get().toAbsolutePath().normalize();
            }
        }
        if (multiModuleDir != null) {
            return multiModuleDir.toAbsolutePath().normalize();
        }
        return (executionRoot != null ? executionRoot : Path.of(""))
                .toAbsolutePath()
                .normalize();
    }
}
