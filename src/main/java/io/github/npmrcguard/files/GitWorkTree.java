package io.github.npmrcguard.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Questions about the git work tree a folder is in, answered by the git CLI. */
public final class GitWorkTree {
    private GitWorkTree() {
    }

    /**
     * The top folder of the git work tree holding {@code dir} ({@code git rev-parse --show-toplevel}), the
     * default scan root.
     *
     * @return empty when {@code dir} is in no work tree, there is no git on the PATH, or git fails or
     *         refuses the repository; the scan itself then reports what git said
     */
    public static Optional<Path> topLevel(Path dir) {
        return topLevel(dir, GitCli.system());
    }

    static Optional<Path> topLevel(Path dir, GitCli git) {
        if (!git.available() || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            GitCli.Result r = git.run(dir.toAbsolutePath(), List.of("rev-parse", "--show-toplevel"));
            if (r.exitCode() != 0) {
                return Optional.empty();
            }
            String out = new String(r.stdout(), StandardCharsets.UTF_8);
            // Only the one line end git adds: a folder name may end in whitespace.
            out = out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
            return out.isEmpty() ? Optional.empty() : Optional.of(Path.of(out));
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }
}
