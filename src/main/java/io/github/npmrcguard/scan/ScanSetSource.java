package io.github.npmrcguard.scan;

import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.files.ScanSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Lists and reads the candidate files under a root (git-aware in production, anything in tests). */
@FunctionalInterface
public interface ScanSetSource {
    /**
     * @param excluded tests a root-relative {@code /}-separated path of a file or folder
     * @param ready    may be given, on the calling thread, versions already read while the source is still
     *                 listing or reading others, so that the scan checks them meanwhile; each at most once, and
     *                 each also in the returned set. A source that lists everything before reading need not
     *                 call it.
     * @throws IOException when git or the file system fails in a way that leaves the scan incomplete
     */
    ScanSet read(Path root, Predicate<String> excluded, Consumer<ScanFile> ready) throws IOException;
}
