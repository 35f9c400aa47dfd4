package io.github.npmrcguard.files;

import static io.github.npmrcguard.files.Git.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class GitCliTest {
    @TempDir
    Path tmp;

    private Path script(String name, String body) throws IOException {
        Path file = write(tmp.resolve("bin/" + name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void gitIsFoundOnlyInAbsolutePathEntries() throws IOException {
        Path git = script("git", "exit 0");
        Path bin = git.getParent();
        assertEquals(
                Optional.of(git), GitExecutable.findOnPath(tmp.resolve("nothing") + File.pathSeparator + bin, false));
        // A relative entry resolves against the project folder: a committed ./bin/git must not run.
        String relative = Path.of("").toAbsolutePath().relativize(bin).toString();
        assertTrue(Files.isExecutable(Path.of(relative, "git")), relative);
        assertEquals(
                Optional.empty(), GitExecutable.findOnPath(relative + File.pathSeparator + File.pathSeparator, false));
        assertEquals(Optional.empty(), GitExecutable.findOnPath(null, false));
        assertFalse(GitCli.fromEnvironment(Map.of("PATH", tmp.resolve("nothing").toString()), Duration.ofSeconds(5))
                .available());
    }

    @Test
    void childEnvironmentDropsInheritedRepositoryLocationsAndFixesTheLanguage() {
        Map<String, String> child = GitExecutable.childEnvironment(Map.of(
                "GIT_DIR",
                ".git",
                "GIT_WORK_TREE",
                "/w",
                "GIT_INDEX_FILE",
                ".git/next-index.lock",
                "GIT_LITERAL_PATHSPECS",
                "1",
                "LC_ALL",
                "de_DE.UTF-8",
                "PATH",
                "/usr/bin"));
        assertEquals(
                Map.of("PATH", "/usr/bin", "LC_ALL", "C", "GIT_TERMINAL_PROMPT", "0", "GIT_OPTIONAL_LOCKS", "0"),
                child);
        assertEquals(
                "/abs/index",
                GitExecutable.childEnvironment(Map.of("GIT_INDEX_FILE", "/abs/index"))
                        .get("GIT_INDEX_FILE"));
    }

    @Test
    void stderrFirstLineIsShortenedAndMasksUserInfoInUrls() {
        assertEquals(
                "fatal: unable to access 'https://***@host.example/repo/': 401",
                GitCli.firstLine("\nfatal: unable to access 'https://user:TOK1@host.example/repo/': 401\nmore\n"));
        assertEquals(303, GitCli.firstLine("x".repeat(1000)).length());
        assertEquals("", GitCli.firstLine(""));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void gitThatHangsIsKilledAfterTheTimeout() throws IOException {
        Path sleeper = script("git", "sleep 30");
        GitCli cli = new GitCli(sleeper, GitExecutable.childEnvironment(System.getenv()), Duration.ofMillis(500));
        Files.createDirectories(tmp.resolve(".git")); // so that the scan asks git at all

        GitException e =
                assertThrows(GitException.class, () -> new ScanSetReader(cli, SafeReader.FILES).read(tmp, Git.NOTHING));

        assertEquals(-1, e.exitCode());
        assertTrue(e.getMessage().endsWith("` failed: timed out after 500 ms"), e.getMessage());
        assertTrue(e.command().startsWith("git -C " + tmp + " ls-files"), e.command());
    }

    @Test
    void refusalsAreRecognisedFromGitsMessages() {
        assertEquals(
                GitCli.Refusal.NOT_A_WORK_TREE,
                GitRefusals.refusal(
                        result(128, "fatal: not a git repository (or any of the parent directories): .git\n")));
        assertEquals(
                GitCli.Refusal.NOT_A_WORK_TREE,
                GitRefusals.refusal(result(128, "fatal: this operation must be run in a work tree\n")));
        assertEquals(
                GitCli.Refusal.DUBIOUS_OWNERSHIP,
                GitRefusals.refusal(result(128, "fatal: detected dubious ownership in repository at '/r'\n")));
        assertNull(GitRefusals.refusal(result(128, "fatal: index file corrupt\n")));
        // A .git that leads nowhere: git names it, without "(or any of the parent directories)".
        assertEquals(
                GitCli.Refusal.BROKEN_REPOSITORY,
                GitRefusals.refusal(
                        result(128, "fatal: not a git repository: /w/feature/../repo/.git/worktrees/feature\n")));
        assertEquals(
                GitCli.Refusal.BROKEN_REPOSITORY,
                GitRefusals.refusal(result(128, "fatal: invalid gitfile format: /w/.git\n")));
        assertEquals(
                GitCli.Refusal.BROKEN_REPOSITORY,
                GitRefusals.refusal(result(128, "fatal: no path in gitfile: /w/.git\n")));
        assertNull(GitRefusals.refusal(result(0, "")));
    }

    @Test
    void noRepositoryFoundWhereADotGitIsIsABrokenOneAndAPlainFolderIsNot() throws IOException {
        GitCli.Result none = result(128, "fatal: not a git repository (or any of the parent directories): .git\n");
        Path plain = Files.createDirectories(tmp.resolve("plain/sub"));
        Path damaged = Files.createDirectories(tmp.resolve("damaged/.git"));
        Files.createDirectories(tmp.resolve("damaged/web"));

        assertEquals(GitCli.Refusal.NOT_A_WORK_TREE, GitRefusals.refusal(none, plain));
        assertEquals(GitCli.Refusal.BROKEN_REPOSITORY, GitRefusals.refusal(none, damaged.getParent()));
        assertEquals(GitCli.Refusal.BROKEN_REPOSITORY, GitRefusals.refusal(none, tmp.resolve("damaged/web")));
        // Discovery stopped at a file system boundary: the .git above is not git's to read.
        assertEquals(
                GitCli.Refusal.NOT_A_WORK_TREE,
                GitRefusals.refusal(
                        result(
                                128,
                                "fatal: not a git repository (or"
                                        + " any parent up to mount point /w)\nStopping at filesystem boundary\n"),
                        tmp.resolve("damaged/web")));
    }

    @Test
    void aDotGitAboveACeilingFolderIsNotABrokenRepository() throws IOException {
        // A plain folder inside a repository, hidden from git by GIT_CEILING_DIRECTORIES (the benchmark's plain
        // trees, a test fixture): git was told not to look up there, so nothing is broken.
        GitCli.Result none = result(128, "fatal: not a git repository (or any of the parent directories): .git\n");
        Files.createDirectories(tmp.resolve("repo/.git"));
        Path plain = Files.createDirectories(tmp.resolve("repo/work/plain/sub"));
        String ceiling = tmp.resolve("repo/work").toString();

        assertEquals(GitCli.Refusal.NOT_A_WORK_TREE, GitRefusals.refusal(none, plain, ceiling));
        assertEquals(GitCli.Refusal.NOT_A_WORK_TREE, GitRefusals.refusal(none, plain, "relative:" + ceiling));
        assertEquals(GitCli.Refusal.BROKEN_REPOSITORY, GitRefusals.refusal(none, plain, null));
        assertEquals(
                GitCli.Refusal.BROKEN_REPOSITORY,
                GitRefusals.refusal(none, plain, tmp.resolve("elsewhere").toString()));
    }

    private static GitCli.Result result(int exit, String stderr) {
        return new GitCli.Result("git ls-files", exit, new byte[0], stderr);
    }

    @Test
    void catFileReadsBlobsAndReportsMissingAndOversizedOnes() throws IOException {
        Git git = new Git(tmp);
        Path repo = git.init("repo");
        write(repo.resolve("a"), "alpha\n");
        write(repo.resolve("b"), "b".repeat(100));
        git.run(repo, "add", "-A");
        String a = git.run(repo, "rev-parse", ":a").strip();
        String b = git.run(repo, "rev-parse", ":b").strip();
        String missing = "0123456789012345678901234567890123456789";

        Map<String, Blob> blobs = CatFileReads.readBlobs(git.cli(), repo, List.of(a, b, missing, a), 50);

        assertArrayEquals(
                "alpha\n".getBytes(StandardCharsets.UTF_8), blobs.get(a).content());
        assertNull(blobs.get(b).content());
        assertEquals(100, blobs.get(b).size());
        assertTrue(blobs.get(missing).missing());
        assertEquals(3, blobs.size());
    }

    @Test
    void openBlobStreamsABlobAndItsCloseReportsAMissingOne() throws IOException {
        Git git = new Git(tmp);
        Path repo = git.init("repo");
        write(repo.resolve("b"), "b".repeat(100_000));
        git.run(repo, "add", "-A");
        String b = git.run(repo, "rev-parse", ":b").strip();
        try (java.io.InputStream in = CatFileReads.openBlob(git.cli(), repo, b)) {
            assertArrayEquals("b".repeat(100_000).getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        java.io.InputStream missing =
                CatFileReads.openBlob(git.cli(), repo, "0123456789012345678901234567890123456789");
        assertEquals(0, missing.readAllBytes().length);
        GitException e = assertThrows(GitException.class, missing::close);
        assertTrue(e.getMessage().contains("cat-file blob"), e.getMessage());
        // Closed before the end: git is stopped, and that is no failure.
        CatFileReads.openBlob(git.cli(), repo, b).close();
    }

    @Test
    void aWorkingCopysBlobIdIsGitsOwn() throws IOException {
        Git git = new Git(tmp);
        Path repo = git.init("repo");
        Path file = write(repo.resolve("c"), "some content\n");
        git.run(repo, "add", "-A");
        String id = git.run(repo, "rev-parse", ":c").strip();
        assertEquals(id, GitBlobId.ofFile(file, "SHA-1"));
        assertTrue(StagedVersions.isStagedBlob(file, List.of("0123456789012345678901234567890123456789", id)));
        write(repo.resolve("c"), "some content\r\n");
        assertFalse(StagedVersions.isStagedBlob(file, List.of(id)));
    }
}
