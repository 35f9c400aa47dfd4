package io.github.npmrcguard.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Questions about the git work tree a folder is in, answered by the git CLI. */
public final class GitWorkTree {
    private GitWorkTree() {}

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
        if (!git.mayFindRepository(dir)) {
            return Optional.empty();
        }
        Path plainTop = plainTopLevel(dir, git);
        if (plainTop != null) {
            return Optional.of(plainTop);
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

    /**
     * {@code dir} itself when it plainly is the top of its work tree: a {@code .git} folder (with a
     * {@code HEAD}) or {@code .git} file there, and nothing that could move the work tree elsewhere
     * ({@code GIT_DIR}, {@code GIT_WORK_TREE}, a {@code worktree} setting in the repository config). That is
     * where Maven usually starts, and answering it here saves starting git. Anything
     * less plain is left to git; a {@code .git} that git then refuses is reported by the scan.
     */
    static Path plainTopLevel(Path dir, GitCli git) {
        if (git.setsVariable("GIT_DIR") || git.setsVariable("GIT_WORK_TREE")) {
            return null;
        }
        Path dotGit = dir.resolve(".git");
        try {
            if (Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
                // A linked worktree or a submodule: its work tree is here if the repository it names is there.
                String text = Files.size(dotGit) < 4096 ? Files.readString(dotGit, StandardCharsets.UTF_8) : "";
                if (!text.startsWith("gitdir: ")) {
                    return null;
                }
                Path gitDir = dir.resolve(text.substring("gitdir: ".length()).strip());
                return Files.isRegularFile(gitDir.resolve("HEAD")) ? dir.toRealPath() : null;
            }
            if (!Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(dotGit.resolve("HEAD"))) {
                return null;
            }
            Path config = dotGit.resolve("config");
            if (Files.isRegularFile(config)
                    && Files.size(config) < 1 << 20
                    && Files.readString(config, StandardCharsets.ISO_8859_1)
                            .toLowerCase(Locale.ROOT)
                            .contains("worktree")) {
                return null;
            }
            return dir.toRealPath();
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }
}
