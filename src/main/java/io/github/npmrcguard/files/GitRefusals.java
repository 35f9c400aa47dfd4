package io.github.npmrcguard.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why git refused to answer for a folder, told from its exit code, its message and the folders above; and
 * what a scan that walked the folder instead says about it.
 */
final class GitRefusals {
    private static final Pattern DUBIOUS_PATH = Pattern.compile("repository at '([^'\\n]*)'");

    private GitRefusals() {}

    /**
     * How git refused to work on a folder, or null when the failure is none of the fallback cases. Without
     * the folder, "not a git repository" is always {@link Refusal#NOT_A_WORK_TREE}.
     */
    static GitCli.Refusal refusal(GitCli.Result result) {
        return refusal(result, null);
    }

    /**
     * How git refused to work on {@code dir}, or null when the failure is none of the fallback cases. When git
     * finds no repository but a {@code .git} exists in {@code dir} or a folder above it, git passed over a
     * damaged one: {@link Refusal#BROKEN_REPOSITORY}.
     */
    static GitCli.Refusal refusal(GitCli.Result result, Path dir) {
        return refusal(result, dir, null);
    }

    /**
     * @param ceilings {@code GIT_CEILING_DIRECTORIES}: a {@code .git} in or above one of these folders is one
     *                 git was told not to see, not a damaged one it passed over
     */
    static GitCli.Refusal refusal(GitCli.Result result, Path dir, String ceilings) {
        if (result.exitCode() == 0) {
            return null;
        }
        String err = result.stderr();
        // "not a git repository: <dir>" (no "(or any ...)") is a .git file whose folder is gone.
        if (err.contains("not a git repository: ")
                || err.contains("invalid gitfile format")
                || err.contains("no path in gitfile")) {
            return GitCli.Refusal.BROKEN_REPOSITORY;
        }
        if (err.contains("not a git repository") && !err.contains("mount point")) {
            return dir != null && gitEntryAtOrAbove(dir, ceilings)
                    ? GitCli.Refusal.BROKEN_REPOSITORY
                    : GitCli.Refusal.NOT_A_WORK_TREE;
        }
        if (err.contains("not a git repository") || err.contains("must be run in a work tree")) {
            return GitCli.Refusal.NOT_A_WORK_TREE;
        }
        if (err.contains("dubious ownership")) {
            return GitCli.Refusal.DUBIOUS_OWNERSHIP;
        }
        return null;
    }

    /**
     * Whether {@code dir} or a folder above it holds a {@code .git} entry, of any type, looking no higher than
     * git does: not into a ceiling folder ({@code GIT_CEILING_DIRECTORIES}) or above it.
     */
    static boolean gitEntryAtOrAbove(Path dir, String ceilings) {
        Set<Path> ceilingFolders = new HashSet<>();
        if (ceilings != null) {
            for (String c : ceilings.split(java.io.File.pathSeparator)) {
                try {
                    if (!c.isEmpty() && Path.of(c).isAbsolute()) {
                        Path ceiling = Path.of(c).normalize();
                        ceilingFolders.add(ceiling);
                        if (Files.isDirectory(ceiling)) {
                            ceilingFolders.add(ceiling.toRealPath()); // git compares resolved paths
                        }
                    }
                } catch (InvalidPathException | IOException e) {
                    // git skips what it cannot use; so does this
                }
            }
        }
        Path start = dir.toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            if (!d.equals(start) && (ceilingFolders.contains(d) || realIn(d, ceilingFolders))) {
                return false;
            }
            if (Files.exists(d.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean realIn(Path folder, Set<Path> ceilings) {
        if (ceilings.isEmpty()) {
            return false;
        }
        try {
            return ceilings.contains(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The note for a scan that walked the files {@code where} (under the root, in a submodule) because git
     * refused the repository another user owns: with the command that makes git answer for it.
     */
    static String dubiousNote(String stderr, Path root, String where) {
        Matcher m = DUBIOUS_PATH.matcher(stderr);
        String repo = m.find() ? m.group(1) : root.toString();
        return "git refused the repository because another user owns it (safe.directory): scanned every"
                + " matching file " + where + " without git; to use git, run: git config --global --add"
                + " safe.directory " + repo;
    }

    /** The note for a scan that walked the files {@code where} because git could not open the repository. */
    static String brokenNote(GitCli.Result listed, String where) {
        return "git cannot open the repository: its .git is a file pointing to a missing folder, or a damaged"
                + " folder (git says: " + listed.stderrFirstLine() + "); scanned every matching file " + where
                + " without git";
    }
}
