package io.github.npmrcguard.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which git to run and with what environment: the first on the PATH, its environment made predictable. */
final class GitExecutable {
    /**
     * Inherited variables that would point git at another repository than the one holding {@code -C dir}
     * (a Maven run from a git hook inherits a GIT_DIR relative to another folder), or change how it reads
     * our pathspecs.
     */
    private static final List<String> STRIPPED = List.of(
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_COMMON_DIR",
            "GIT_PREFIX",
            "GIT_LITERAL_PATHSPECS",
            "GIT_GLOB_PATHSPECS",
            "GIT_NOGLOB_PATHSPECS",
            "GIT_ICASE_PATHSPECS");

    private GitExecutable() {}

    /**
     * The first {@code git} executable in {@code path}'s absolute entries. Empty and relative entries are
     * skipped: they resolve against the current folder, which is the project being scanned, so a
     * committed {@code ./git} must not be run.
     */
    static Optional<Path> findOnPath(String path, boolean windows) {
        if (path == null) {
            return Optional.empty();
        }
        List<String> names = windows ? List.of("git.exe", "git") : List.of("git");
        for (String entry : path.split(Pattern.quote(File.pathSeparator))) {
            Path dir;
            try {
                dir = Path.of(entry);
            } catch (InvalidPathException e) {
                continue;
            }
            if (entry.isEmpty() || !dir.isAbsolute()) {
                continue;
            }
            for (String name : names) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code env} for a git child process: location and pathspec variables removed ({@link #STRIPPED}; a
     * relative {@code GIT_INDEX_FILE} too, it would resolve against another folder), messages in English so
     * the fallback cases can be recognised, no credential prompt, no optional index writes.
     */
    static Map<String, String> childEnvironment(Map<String, String> env) {
        Map<String, String> child = new HashMap<>(env);
        for (String name : STRIPPED) {
            child.remove(name);
        }
        String index = child.get("GIT_INDEX_FILE");
        if (index != null && !isAbsolute(index)) {
            child.remove("GIT_INDEX_FILE");
        }
        child.put("LC_ALL", "C");
        child.put("GIT_TERMINAL_PROMPT", "0");
        child.put("GIT_OPTIONAL_LOCKS", "0");
        return child;
    }

    private static boolean isAbsolute(String path) {
        try {
            return Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
