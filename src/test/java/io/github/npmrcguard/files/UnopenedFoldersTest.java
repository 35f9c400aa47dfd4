package io.github.npmrcguard.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git's warnings are written here as git prints them: a folder it cannot enter needs a user without rights. */
class UnopenedFoldersTest {
    @TempDir
    Path tmp;

    private Git git;
    private Path repo;

    @BeforeEach
    void repository() throws IOException {
        git = new Git(tmp);
        repo = git.init("repo");
    }

    private static String warning(String folder, String reason) {
        return UnopenedFolders.WARNING + folder + "': " + reason;
    }

    private Map<String, String> in(String stderr, Path root, ExcludedPaths excluded) throws IOException {
        return UnopenedFolders.in(stderr, git.cli(), root, excluded);
    }

    private static ExcludedPaths none() {
        return new ExcludedPaths(p -> false);
    }

    @Test
    void eachFolderGitCouldNotOpenWithItsReasonInWarningOrder() throws IOException {
        String stderr = String.join(
                "\n",
                "warning: in the working copy of 'a', LF will be replaced by CRLF",
                warning("web/locked/", "Permission denied"),
                warning("docs/it': here/", "Permission Denied"),
                warning("web/locked/", "File name too long"),
                "");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("web/locked", "permission denied"); // the first reason for a folder stands
        expected.put("docs/it': here", "permission denied"); // the name ends at the last "': "
        assertEquals(expected, in(stderr, repo, none()));
    }

    @Test
    void aNameGitCutShortIsKeptWithTheReasonThatItWas() throws IOException {
        String stderr = UnopenedFolders.WARNING + "web/" + "x".repeat(300);
        assertEquals(
                Map.of("web/" + "x".repeat(300), "path too long; git cut its name short"), in(stderr, repo, none()));
    }

    @Test
    void foldersAreNamedFromTheRootNotFromTheTopOfTheWorkTree() throws IOException {
        Path app = Files.createDirectories(repo.resolve("app"));
        String stderr = String.join(
                "\n",
                warning("app/web/locked/", "Permission denied"),
                warning("other/locked/", "Permission denied"),
                warning("app/", "Permission denied"));
        assertEquals(
                Map.of("web/locked", "permission denied"),
                in(stderr, app, none()),
                "outside the root, or the root itself: not the scan's to report");
    }

    @Test
    void foldersInNodeModulesOrExcludedAreLeftOut() throws IOException {
        String stderr = String.join(
                "\n",
                warning("web/node_modules/pkg/", "Permission denied"),
                warning("vendor/locked/", "Permission denied"),
                warning("web/locked/", "Permission denied"));
        assertEquals(
                List.of("web/locked"),
                List.copyOf(in(stderr, repo, new ExcludedPaths(p -> p.equals("vendor")))
                        .keySet()));
    }

    @Test
    void gitIsAskedWhereTheRootIsOnlyWhenAWarningNeedsIt() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("not-a-repository"));
        assertEquals(Map.of(), in("warning: something else\n", plain, none()));
        assertThrows(GitException.class, () -> in(warning("web/", "Permission denied"), plain, none()));
    }
}
