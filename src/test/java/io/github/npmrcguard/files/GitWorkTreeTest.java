package io.github.npmrcguard.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitWorkTreeTest {
    @TempDir
    Path tmp;

    @Test
    void topLevelOfAFolderDeepInAWorkTreeIsTheWorkTreeRoot() throws IOException {
        Git git = new Git(tmp);
        Path repo = git.init("my repo");
        Path deep = Files.createDirectories(repo.resolve("a/b"));

        assertEquals(Optional.of(repo.toRealPath()), GitWorkTree.topLevel(deep, git.cli()));
        assertEquals(Optional.of(repo.toRealPath()), GitWorkTree.topLevel(repo, git.cli()));
    }

    @Test
    void noTopLevelOutsideAWorkTreeWithoutGitOrForAMissingFolder() throws IOException {
        Git git = new Git(tmp);
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Path repo = git.init("repo");
        Map<String, String> noGit = new HashMap<>(git.env());
        noGit.put("PATH", tmp.resolve("empty").toString());

        assertEquals(Optional.empty(), GitWorkTree.topLevel(plain, git.cli()));
        assertEquals(Optional.empty(), GitWorkTree.topLevel(repo.resolve(".git"), git.cli()));
        assertEquals(Optional.empty(), GitWorkTree.topLevel(tmp.resolve("missing"), git.cli()));
        assertEquals(
                Optional.empty(), GitWorkTree.topLevel(repo, GitCli.fromEnvironment(noGit, Duration.ofSeconds(30))));
    }

    @Test
    void theTopLevelIsAnsweredWithoutGitOnlyWhereGitWouldSayTheSame() throws IOException {
        Git git = new Git(tmp);
        Path repo = git.init("repo");
        Path deep = Files.createDirectories(repo.resolve("a/b"));
        assertEquals(repo.toRealPath(), GitWorkTree.plainTopLevel(repo, git.cli()));
        assertEquals(null, GitWorkTree.plainTopLevel(deep, git.cli()), "a subfolder is git's question");

        // core.worktree moves the work tree away from the folder holding .git: git must answer.
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        git.run(repo, "config", "core.worktree", elsewhere.toString());
        assertEquals(null, GitWorkTree.plainTopLevel(repo, git.cli()));
        assertEquals(Optional.of(elsewhere.toRealPath()), GitWorkTree.topLevel(repo, git.cli()));

        // A linked worktree has a .git file: its top is where that file is.
        Path main = git.init("main");
        git.run(main, "commit", "--allow-empty", "-q", "-m", "first");
        Path linked = tmp.resolve("linked");
        git.run(main, "worktree", "add", "-q", linked.toString());
        assertEquals(linked.toRealPath(), GitWorkTree.plainTopLevel(linked, git.cli()));
        assertEquals(Optional.of(linked.toRealPath()), GitWorkTree.topLevel(linked, git.cli()));
    }
}
