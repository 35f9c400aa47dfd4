package io.github.npmrcguard.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Paths the operating system refuses because they are too long. The JDK names files by absolute path, so a
 * file deeper than {@code PATH_MAX} (4,096 bytes on Linux, 1,024 on macOS) cannot be looked at, however
 * short the path below the scan root is; git, which works relative to the work tree's top, reaches a
 * little further, then warns and skips the folder.
 */
final class LongPaths {
    static final String PATH_TOO_LONG = "path longer than the operating system allows (PATH_MAX): not read";
    static final String WALK_TOO_LONG =
            "path longer than the operating system allows (PATH_MAX): neither it nor anything under it was read";

    /** Linux's PATH_MAX; elsewhere the reason text (English in the usual C and UTF-8 locales) decides. */
    private static final int PATH_MAX = 4096;

    private static final int NAME_MAX = 255;

    private LongPaths() {}

    /**
     * Whether {@code e}, raised for {@code file}, says its path is too long. The JDK's reason text is the
     * C library's, in the JVM's locale, so the length is judged too: a path of PATH_MAX bytes or more, or
     * a name over NAME_MAX bytes.
     */
    static boolean tooLong(Path file, IOException e) {
        if (e instanceof FileSystemException f
                && f.getReason() != null
                && f.getReason().contains("too long")) {
            return true;
        }
        Path absolute = file.toAbsolutePath();
        if (absolute.toString().getBytes(StandardCharsets.UTF_8).length >= PATH_MAX) {
            return true;
        }
        for (Path name : absolute) {
            if (name.toString().getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
                return true;
            }
        }
        return false;
    }
}
