package io.github.npmrcguard.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where git keeps things for a work tree, as the git CLI resolves them (worktrees, {@code core.hooksPath}). */
public final class GitPaths {
    private final GitCli git;

    private GitPaths(GitCli git) {
        this.git = git;
    }

    /** git as found on {@code env}'s PATH, run with {@code env}. */
    public static GitPaths fromEnvironment(Map<String, String> env) {
        return new GitPaths(GitCli.fromEnvironment(env, GitCli.DEFAULT_TIMEOUT));
    }

    /** The top of the work tree holding {@code dir}; empty outside one, or without git. */
    public Optional<Path> topLevel(Path dir) {
        return GitWorkTree.topLevel(dir, git);
    }

    /**
     * {@code git rev-parse --git-path name}, absolute: {@code hooks} is the hooks folder git runs hooks from
     * ({@code core.hooksPath} applied; for a linked worktree, the main repository's); any other name is a
     * path in the work tree's git folder (for a linked worktree, its own).
     */
    public Path gitPath(Path dir, String name) throws IOException {
        return revParse(dir, List.of("rev-parse", "--git-path", name), name);
    }

    /** {@code git rev-parse --git-common-dir}, absolute: the git folder a repository's linked worktrees share. */
    public Path commonDir(Path dir) throws IOException {
        return revParse(dir, List.of("rev-parse", "--git-common-dir"), "the common folder");
    }

    private Path revParse(Path dir, List<String> args, String name) throws IOException {
        GitCli.Result r = git.run(dir, args);
        if (r.exitCode() != 0) {
            throw GitCli.failure(r);
        }
        String out = new String(r.stdout(), StandardCharsets.UTF_8);
        out = out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
        try {
            return dir.resolve(out).toAbsolutePath().normalize(); // git answers relative to -C's folder
        } catch (InvalidPathException e) {
            throw new IOException("git named an unusable path for " + name, e);
        }
    }

    /** Whether {@code file}, inside the work tree whose top is {@code top}, is tracked by git. */
    public boolean tracked(Path top, Path file) throws IOException {
        Path relative;
        try {
            relative = top.toRealPath()
                    .relativize(file.toAbsolutePath().getParent().toRealPath().resolve(file.getFileName()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (relative.startsWith("..")) {
            return false;
        }
        String spec = ":(top,literal)" + relative.toString().replace('\\', '/');
        GitCli.Result r = git.run(top, List.of("ls-files", "-z", "--", spec));
        if (r.exitCode() != 0) {
            throw GitCli.failure(r);
        }
        return r.stdout().length > 0;
    }

    /** Whether there is a git binary to run. */
    public boolean available() {
        return git.available();
    }
}
