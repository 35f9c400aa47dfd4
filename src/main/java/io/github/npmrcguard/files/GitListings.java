package io.github.npmrcguard.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The git command lines a scan runs: the two listings of one repository, and the ignore check. */
final class GitListings {
    /**
     * Keeps git out of {@code node_modules}: git prunes a {@code node_modules} that is untracked and not
     * ignored instead of walking it, and drops tracked files there, which are never findings.
     */
    static final String NODE_MODULES_EXCLUDE = ":(exclude,glob)**/node_modules/**";

    /**
     * The repository's {@code .gitmodules}, listed (as {@code ../.gitmodules} from a subfolder) so that its
     * staged blob, read in the same batch, names the submodules: the listing's pathspecs cannot match a
     * submodule's own entry, and a listing without them costs a line per tracked file.
     */
    static final String GITMODULES_PATHSPEC = ":(top,literal).gitmodules";

    /** Tracked files with their index entries, and {@code .gitmodules}: the index alone, no walk of the work tree. */
    static final List<String> STAGED_LISTING = withGitmodules(args("ls-files", "-z", "--stage"));

    /**
     * Untracked files, ignored or not, in the one walk of the work tree a scan makes; which of them git ignores
     * is asked of {@link #CHECK_IGNORE} afterwards, for the candidates found (usually none). Without ignore
     * rules git enters ignored folders too, except the ones a plain walk prunes, which the pathspecs exclude
     * (an excluded folder is not entered). One walk, where there were two: the ignored files are no longer
     * listed by a walk of their own. An untracked file under a folder named like a pruned one ({@code build/.npmrc} not
     * ignored) is not listed, as in the walk without git; tracked ones are.
     */
    static final List<String> UNTRACKED_LISTING = prunedFolders(args("ls-files", "-z", "--others"));

    /** Which of the paths on stdin (NUL-separated, relative to the folder) git ignores: those it prints. */
    static final List<String> CHECK_IGNORE = List.of("check-ignore", "-z", "--stdin");

    /** The index mode of a submodule: a gitlink, the commit the superproject records. */
    static final String GITLINK_MODE = "160000";

    private GitListings() {}

    private static List<String> withGitmodules(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add(GITMODULES_PATHSPEC);
        return List.copyOf(all);
    }

    /** The listing, not entering the folders a plain walk prunes ({@link Pruned#FOLDERS}, {@code .yarn/cache}). */
    private static List<String> prunedFolders(List<String> args) {
        List<String> all = new ArrayList<>(args);
        for (String name : List.of("target", "build", "dist")) { // node_modules is in every listing; .git git skips
            all.add(":(exclude,glob)**/" + name + "/**");
        }
        all.add(":(exclude,glob)**/" + Pruned.YARN_CACHE + "/**");
        return List.copyOf(all);
    }

    private static List<String> args(String... head) {
        List<String> all = new ArrayList<>(Arrays.asList(head));
        all.add("--");
        all.addAll(FileKind.GIT_PATHSPECS);
        all.add(NODE_MODULES_EXCLUDE);
        return List.copyOf(all);
    }
}
