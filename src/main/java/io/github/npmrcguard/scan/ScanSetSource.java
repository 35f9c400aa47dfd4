package io.github.npmrcguard.scan;

import io.github.npmrcguard.files.ScanSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Lists and reads the candidate files under a root (git-aware in production, anything in tests). */
@FunctionalInterface
public interface ScanSetSource {
    /**
     * @param excluded tests a root-relative {@code /}-separated path of a file or folder
     * @throws IOException when git or the file system fails in a way that leaves the scan incomplete
     */
    ScanSet read(Path root, Predicate<String> excluded) throws IOException;
}
