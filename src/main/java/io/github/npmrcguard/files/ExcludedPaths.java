package io.github.npmrcguard.files;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** The user's excludes on a path and each folder above it, each folder asked once. */
final class ExcludedPaths {
    /** Folders longer than this are asked every time: a path thousands of folders deep would fill the heap. */
    private static final int MAX_CACHED_FOLDER = 1024;

    private final Predicate<String> excluded;
    private final Map<String, Boolean> folders = new HashMap<>();

    ExcludedPaths(Predicate<String> excluded) {
        this.excluded = excluded;
    }

    /** Whether {@code path} (relative, {@code /}-separated) or a folder above it is excluded. */
    boolean test(String path) {
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            String folder = path.substring(0, i);
            boolean out;
            if (i <= MAX_CACHED_FOLDER) {
                Boolean known = folders.get(folder);
                out = known != null ? known : excluded.test(folder);
                if (known == null) {
                    folders.put(folder, out);
                }
            } else {
                out = excluded.test(folder);
            }
            if (out) {
                return true;
            }
        }
        return excluded.test(path);
    }
}
