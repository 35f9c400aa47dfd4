package io.github.npmrcguard.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The folder walk used where git does not answer: the whole root without git, and the ignored folders git
 * reports collapsed. Links are not followed (so a link loop cannot trap it), and the folders in
 * {@link #PRUNED} are never entered.
 */
final class TreeWalk {
    /**
     * Folder names never entered: dependencies and build output, where a config file is a copy or a
     * package's own, never the project's ({@code node_modules} is never a finding at all).
     */
    static final Set<String> PRUNED = Set.of("node_modules", ".git", "target", "build", "dist");
    /** A two-level pruned folder: yarn berry's package cache. */
    static final String PRUNED_YARN_CACHE = ".yarn/cache";

    /** Receives what the walk finds. */
    interface Visitor {
        /** A file (or link) with a candidate name. */
        void candidate(String path, Path file);

        /** A candidate, or a folder, that could not be looked at. */
        void problem(String path, String message);
    }

    private TreeWalk() {
    }

    /** Whether the walk skips the folder at this root-relative path. */
    static boolean pruned(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        return PRUNED.contains(name) || path.equals(PRUNED_YARN_CACHE)
                || path.endsWith("/" + PRUNED_YARN_CACHE);
    }

    /** Whether {@code path} has a {@code node_modules} folder in it: never scanned, whatever git says. */
    static boolean underNodeModules(String path) {
        return path.startsWith("node_modules/") || path.contains("/node_modules/") || path.equals("node_modules")
                || path.endsWith("/node_modules");
    }

    /**
     * Walks {@code start} (a folder at or under {@code realRoot}), reporting candidates with paths relative
     * to {@code realRoot}.
     */
    static void walk(Path realRoot, Path start, Predicate<String> excluded, Visitor visitor) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(realRoot)) {
                    return FileVisitResult.CONTINUE;
                }
                String path = relative(realRoot, dir);
                return pruned(path) || excluded.test(path) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Path name = file.getFileName();
                if (name != null && FileKind.ofFileName(name.toString()) != null) {
                    String path = relative(realRoot, file);
                    if (!excluded.test(path)) {
                        visitor.candidate(path, file);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // gone since its folder was listed: nothing to read
                }
                String path = relative(realRoot, file);
                if (LongPaths.tooLong(file, e) && !excluded.test(path)) {
                    // Neither its kind nor what lies under it can be known: never skip it silently.
                    visitor.problem(path, LongPaths.WALK_TOO_LONG);
                    return FileVisitResult.CONTINUE;
                }
                Path name = file.getFileName();
                boolean candidate = name != null && FileKind.ofFileName(name.toString()) != null;
                if (excluded.test(path) || (!candidate && !Files.isDirectory(file))) {
                    return FileVisitResult.CONTINUE;
                }
                // An unlistable folder may hide candidates: say so rather than pass silently.
                boolean denied = e instanceof AccessDeniedException;
                visitor.problem(path, candidate
                        ? (denied ? SafeReader.PERMISSION_DENIED : SafeReader.IO_ERROR)
                        : (denied ? "folder could not be listed: permission denied"
                                : "folder could not be listed (I/O error)"));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@code file} relative to {@code root}, with {@code /} separators. */
    static String relative(Path root, Path file) {
        String rel = root.relativize(file).toString();
        return file.getFileSystem().getSeparator().equals("/") ? rel : rel.replace(file.getFileSystem().getSeparator(), "/");
    }
}
