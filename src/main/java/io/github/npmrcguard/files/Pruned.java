package io.github.npmrcguard.files;

import java.util.Set;

/**
 * The folders a scan never enters: dependencies and build output, where a config file is a copy or a package's
 * own, never the project's ({@code node_modules} is never a finding at all). Apart from {@link TreeWalk}, so
 * that a scan with git, which never walks, does not load the walk.
 */
final class Pruned {
    /** Folder names never entered by the walk without git. */
    static final Set<String> FOLDERS = Set.of("node_modules", ".git", "target", "build", "dist");
    /** A two-level pruned folder: yarn berry's package cache. */
    static final String YARN_CACHE = ".yarn/cache";

    private Pruned() {}

    /** Whether the walk skips the folder at this root-relative path. */
    static boolean folder(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        return FOLDERS.contains(name) || path.equals(YARN_CACHE) || path.endsWith("/" + YARN_CACHE);
    }

    /** Whether {@code path} has a {@code node_modules} folder in it: never scanned, whatever git says. */
    static boolean underNodeModules(String path) {
        return path.startsWith("node_modules/")
                || path.contains("/node_modules/")
                || path.equals("node_modules")
                || path.endsWith("/node_modules");
    }
}
