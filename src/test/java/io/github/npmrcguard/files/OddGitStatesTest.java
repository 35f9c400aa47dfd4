package io.github.npmrcguard.files;

import static io.github.npmrcguard.files.Git.NOTHING;
import static io.github.npmrcguard.files.Git.problems;
import static io.github.npmrcguard.files.Git.versions;
import static io.github.npmrcguard.files.Git.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan set in the git states the README's "Odd git states" table lists. Each state either works or
 * falls back to the plain walk with one note saying why. States tested elsewhere: a merge conflict
 * ({@code ScanSetReaderTest.mergeConflictReadsEveryStageThenTheWorkingCopy}), {@code safe.directory}
 * ({@code repositoryGitRefusesForItsOwnerIsWalkedWithANoteNamingTheFix}), a linked worktree's own index
 * ({@code linkedWorktreeIsReadFromItsOwnIndex}), no git on the PATH
 * ({@code withoutGitOnThePathEveryCandidateIsReadWithTheUsualFoldersPrunedAndANote}), a folder in no
 * repository ({@code folderInNoWorkTreeIsWalkedSilently}); the history goal's in {@code HistoryScannerTest}.
 */
class OddGitStatesTest {
    @TempDir
    Path tmp;

    Git git;

    @BeforeEach
    void setUp() throws IOException {
        git = new Git(tmp);
    }

    private Path commitAll(Path repo, String message) throws IOException {
        git.run(repo, "add", "-A");
        git.run(repo, "commit", "-qm", message);
        return repo;
    }

    /** Adds {@code source} as a submodule at {@code path} of {@code repo} (a local path needs the file protocol). */
    private void addSubmodule(Path repo, Path source, String path) throws IOException {
        git.run(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", source.toString(), path);
    }

    // --- Submodules ---

    @Test
    void checkedOutSubmoduleIsReadAsItsOwnRepositoryWithPathsUnderItsFolderAndNestedOnesToo() throws IOException {
        Path inner = git.init("inner");
        write(inner.resolve(".npmrc"), "inner\n");
        commitAll(inner, "inner");
        Path ui = git.init("ui");
        write(ui.resolve(".npmrc"), "ui committed\n");
        write(ui.resolve(".gitignore"), "local/\n");
        commitAll(ui, "ui");
        addSubmodule(ui, inner, "vendor/inner");
        git.run(ui, "commit", "-qm", "inner");
        Path top = git.init("top");
        write(top.resolve(".npmrc"), "top\n");
        commitAll(top, "top");
        addSubmodule(top, ui, "libs/ui");
        git.run(top, "commit", "-qm", "ui");
        git.run(top, "-c", "protocol.file.allow=always", "submodule", "update", "-q", "--init", "--recursive");
        Path sub = top.resolve("libs/ui");
        // The submodule's own states: a staged change, a working copy beyond it, untracked and ignored files.
        write(sub.resolve(".npmrc"), "ui staged\n");
        git.run(sub, "add", ".npmrc");
        write(sub.resolve(".npmrc"), "ui working\n");
        write(sub.resolve("web/.yarnrc"), "ui untracked\n");
        write(sub.resolve("local/.npmrc"), "ui ignored\n");

        ScanSet set = git.reader().read(top, NOTHING);

        assertTrue(set.git());
        assertEquals(
                List.of(
                        ".npmrc|STAGED|top\n",
                        "libs/ui/.npmrc|STAGED|ui staged\n",
                        "libs/ui/.npmrc|WORKING_COPY|ui working\n",
                        "libs/ui/local/.npmrc|IGNORED|ui ignored\n",
                        "libs/ui/vendor/inner/.npmrc|STAGED|inner\n",
                        "libs/ui/web/.yarnrc|UNTRACKED|ui untracked\n"),
                versions(set));
        assertEquals(List.of(), set.notes());
        assertEquals(List.of(), set.problems());
        // The same from a root inside the submodule's parent folder: paths stay relative to the root.
        assertEquals(
                List.of(
                        "ui/.npmrc|STAGED|ui staged\n",
                        "ui/.npmrc|WORKING_COPY|ui working\n",
                        "ui/local/.npmrc|IGNORED|ui ignored\n",
                        "ui/vendor/inner/.npmrc|STAGED|inner\n",
                        "ui/web/.yarnrc|UNTRACKED|ui untracked\n"),
                versions(git.reader().read(top.resolve("libs"), NOTHING)));
    }

    @Test
    void excludedSubmoduleIsNotEnteredAndExcludesApplyInsideSubmodules() throws IOException {
        Path ui = git.init("ui");
        write(ui.resolve(".npmrc"), "ui\n");
        write(ui.resolve("docs/.npmrc"), "docs\n");
        commitAll(ui, "ui");
        Path top = git.init("top");
        addSubmodule(top, ui, "libs/ui");
        addSubmodule(top, ui, "third/ui");
        git.run(top, "commit", "-qm", "subs");

        ScanSet set = git.reader().read(top, p -> p.equals("third") || p.equals("libs/ui/docs"));

        assertEquals(List.of("libs/ui/.npmrc|STAGED|ui\n"), versions(set));
    }

    @Test
    void gitmodulesPathOutsideTheRepositoryOrAnUntrackedNestedRepositoryIsNotEntered() throws IOException {
        Path outside = git.init("outside");
        write(outside.resolve(".npmrc"), "outside\n");
        commitAll(outside, "o");
        Path nested = git.init("top/nested"); // a repository inside, never added: not a submodule
        write(nested.resolve(".npmrc"), "nested\n");
        commitAll(nested, "n");
        Path top = tmp.resolve("top");
        git.run(top, "init", "-q");
        write(
                top.resolve(".gitmodules"),
                "[submodule \"a\"]\n\tpath = ../outside\n[submodule \"b\"]\n\tpath = nested\n");
        write(top.resolve(".npmrc"), "top\n");
        git.run(top, "add", ".gitmodules", ".npmrc");

        ScanSet set = git.reader().read(top, NOTHING);

        assertEquals(List.of(".npmrc|STAGED|top\n"), versions(set));
        assertEquals(List.of(), set.notes());
    }

    @Test
    void submoduleThatIsNotInitialisedIsSkippedWithoutANote() throws IOException {
        Path ui = git.init("ui");
        write(ui.resolve(".npmrc"), "ui\n");
        commitAll(ui, "ui");
        Path origin = git.init("origin");
        write(origin.resolve(".npmrc"), "top\n");
        commitAll(origin, "top");
        addSubmodule(origin, ui, "libs/ui");
        git.run(origin, "commit", "-qm", "ui");
        git.run(tmp, "clone", "-q", origin.toString(), "clone"); // no --recurse-submodules: libs/ui is empty
        Path clone = tmp.resolve("clone");
        assertTrue(Files.isDirectory(clone.resolve("libs/ui")));

        ScanSet set = git.reader().read(clone, NOTHING);

        assertTrue(set.git());
        assertEquals(List.of(".npmrc|STAGED|top\n"), versions(set));
        assertEquals(List.of(), set.notes());
        assertEquals(List.of(), set.problems());
    }

    @Test
    void submoduleWhoseGitFilePointsNowhereIsWalkedWithOneNoteNamingIt() throws IOException {
        Path ui = git.init("ui");
        write(ui.resolve(".npmrc"), "ui\n");
        commitAll(ui, "ui");
        Path top = git.init("top");
        write(top.resolve(".npmrc"), "top\n");
        commitAll(top, "top");
        addSubmodule(top, ui, "libs/ui");
        git.run(top, "commit", "-qm", "ui");
        write(top.resolve("libs/ui/.git"), "gitdir: ../../.git/modules/gone\n");

        ScanSet set = git.reader().read(top, NOTHING);

        assertTrue(set.git());
        assertEquals(List.of(".npmrc|STAGED|top\n", "libs/ui/.npmrc|NO_GIT|ui\n"), versions(set));
        assertEquals(1, set.notes().size(), set.notes()::toString);
        String note = set.notes().get(0);
        assertTrue(
                note.startsWith("git cannot open the repository: its .git is a file pointing to a missing"
                        + " folder, or a damaged folder (git says: fatal: not a git repository: "),
                note);
        assertTrue(note.endsWith("); scanned every matching file in submodule libs/ui without git"), note);
    }

    @Test
    void submodulesCostNoProcessWhenThereIsNoneAndTwoPlusTwoPerCheckedOutOne() throws Exception {
        Path log = tmp.resolve("git-calls.log");
        ScanSetReader counted = countingReader(log);
        Path plain = git.init("plain");
        write(plain.resolve(".npmrc"), "p\n");
        commitAll(plain, "p");

        counted.read(plain, NOTHING);
        List<String> plainCalls = Files.readAllLines(log);
        Files.delete(log);

        Path ui = git.init("ui");
        write(ui.resolve(".npmrc"), "ui\n");
        commitAll(ui, "ui");
        addSubmodule(plain, ui, "libs/ui");
        git.run(plain, "commit", "-qm", "ui");
        counted.read(plain, NOTHING);
        List<String> withSubmodule = Files.readAllLines(log);

        // Two listings, and no cat-file: the working copies hold the staged blobs.
        assertEquals(2, plainCalls.size(), plainCalls::toString);
        // Then a cat-file for the .gitmodules blob and one ls-files to confirm the submodule, and its own two.
        assertEquals(6, withSubmodule.size(), withSubmodule::toString);
        assertEquals(
                2,
                withSubmodule.stream()
                        .filter(c -> c.startsWith("-C " + plain.resolve("libs/ui") + " "))
                        .count(),
                withSubmodule::toString);
    }

    @Test
    void aFolderWithNoDotGitAtOrAboveItIsWalkedWithoutStartingGit() throws Exception {
        Path log = tmp.resolve("git-calls.log");
        ScanSetReader counted = countingReader(log);
        Path plain = Files.createDirectories(tmp.resolve("no-repo/web"));
        write(plain.resolve(".npmrc"), "registry=https://r.example/\n");

        ScanSet set = counted.read(plain, NOTHING);

        assertFalse(Files.exists(log), () -> "git was started: " + log);
        assertFalse(set.git());
        assertEquals(List.of(), set.notes());
        assertEquals(List.of(".npmrc"), set.files().stream().map(ScanFile::path).toList());
        // With a repository above, git is asked, and it answers for the subfolder.
        Path repo = git.init("repo");
        Path sub = Files.createDirectories(repo.resolve("web"));
        write(sub.resolve(".npmrc"), "registry=https://r.example/\n");
        assertTrue(counted.read(sub, NOTHING).git());
        assertTrue(Files.exists(log));
        // Reached through a link from a folder with no .git above: git walks up the physical path, so does this.
        Path link = Files.createSymbolicLink(
                Files.createDirectories(tmp.resolve("links")).resolve("web"), sub);
        assertTrue(counted.read(link, NOTHING).git());
    }

    /** A reader whose git is a wrapper script that logs each call, then runs the real git. */
    private ScanSetReader countingReader(Path log) throws IOException {
        Path realGit = GitExecutable.findOnPath(System.getenv("PATH"), false).orElseThrow();
        Path bin = Files.createDirectories(tmp.resolve("counting-bin"));
        Path wrapper = Files.writeString(
                bin.resolve("git"),
                "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\nexec '" + realGit + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(git.env());
        env.put("PATH", bin.toString());
        return new ScanSetReader(GitCli.fromEnvironment(env, Duration.ofSeconds(60)), SafeReader.FILES);
    }

    // --- Clones and checkouts ---

    @Test
    void shallowCloneIsReadFromItsIndex() throws IOException {
        Path origin = git.init("origin");
        write(origin.resolve(".npmrc"), "old\n");
        commitAll(origin, "1");
        write(origin.resolve(".npmrc"), "new\n");
        commitAll(origin, "2");
        git.run(tmp, "clone", "-q", "--depth", "1", "file://" + origin, "shallow");
        Path shallow = tmp.resolve("shallow");
        assertEquals("true\n", git.run(shallow, "rev-parse", "--is-shallow-repository"));

        ScanSet set = git.reader().read(shallow, NOTHING);

        assertTrue(set.git());
        assertEquals(List.of(".npmrc|STAGED|new\n"), versions(set));
        assertEquals(List.of(), set.notes());
    }

    @Test
    void detachedHeadIsReadFromTheIndexOfTheCommitCheckedOut() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "first\n");
        commitAll(repo, "1");
        write(repo.resolve(".npmrc"), "second\n");
        commitAll(repo, "2");
        git.run(repo, "checkout", "-q", "--detach", "HEAD~1");
        assertEquals(1, git.exec(repo, "symbolic-ref", "-q", "HEAD").exit(), "HEAD should be detached");
        write(repo.resolve("web/.yarnrc"), "new\n");

        ScanSet set = git.reader().read(repo, NOTHING);

        assertTrue(set.git());
        assertEquals(List.of(".npmrc|STAGED|first\n", "web/.yarnrc|UNTRACKED|new\n"), versions(set));
        assertEquals(List.of(), set.notes());
    }

    @Test
    void sparseCheckoutStillReadsTrackedFilesOutsideTheSetFromTheIndex() throws IOException {
        List<List<String>> modes = List.of(
                List.of("set", "--cone", "app"),
                List.of("set", "--cone", "--sparse-index", "app"),
                List.of("set", "--no-cone", "/app/"));
        int n = 0;
        for (List<String> mode : modes) {
            Path repo = git.init("sparse" + n++);
            write(repo.resolve("app/.npmrc"), "in the set\n");
            write(repo.resolve("lib/.npmrc"), "outside\n");
            write(repo.resolve("lib/deep/.yarnrc"), "outside deep\n");
            commitAll(repo, "c");
            String[] args = new String[mode.size() + 1];
            args[0] = "sparse-checkout";
            for (int i = 0; i < mode.size(); i++) {
                args[i + 1] = mode.get(i);
            }
            git.run(repo, args);
            assertFalse(Files.exists(repo.resolve("lib/.npmrc")), () -> mode + ": lib/.npmrc is checked out");

            ScanSet set = git.reader().read(repo, NOTHING);

            assertEquals(
                    List.of(
                            "app/.npmrc|STAGED|in the set\n",
                            "lib/.npmrc|STAGED|outside\n",
                            "lib/deep/.yarnrc|STAGED|outside deep\n"),
                    versions(set),
                    mode::toString);
            assertEquals(List.of(), set.problems(), mode::toString);
            assertEquals(List.of(), set.notes(), mode::toString);
        }
    }

    @Test
    void repositoryWithNoCommitsReadsStagedAndUntrackedFiles() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "staged\n");
        git.run(repo, "add", ".npmrc");
        write(repo.resolve("web/.npmrc"), "untracked\n");
        assertEquals(1, git.exec(repo, "rev-parse", "--verify", "-q", "HEAD").exit(), "there should be no commit");

        ScanSet set = git.reader().read(repo, NOTHING);

        assertTrue(set.git());
        assertEquals(List.of(".npmrc|STAGED|staged\n", "web/.npmrc|UNTRACKED|untracked\n"), versions(set));
        assertEquals(List.of(), set.notes());
    }

    // --- Linked worktrees and broken .git ---

    @Test
    void linkedWorktreeIsItsOwnTopLevelAndASubfolderOfItIsReadFromItsIndex() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve("web/.npmrc"), "main\n");
        commitAll(repo, "c");
        Path feature = tmp.resolve("feature");
        git.run(repo, "worktree", "add", "-q", "-b", "feature", feature.toString());
        write(feature.resolve("web/.npmrc"), "feature\n");
        git.run(feature, "add", "web/.npmrc");

        assertEquals(Optional.of(feature.toRealPath()), GitWorkTree.topLevel(feature.resolve("web"), git.cli()));
        ScanSet set = git.reader().read(feature.resolve("web"), NOTHING);
        assertTrue(set.git());
        assertEquals(List.of(".npmrc|STAGED|feature\n"), versions(set));
    }

    @Test
    void linkedWorktreeWhoseRepositoryIsGoneIsWalkedWithOneNote() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "main\n");
        commitAll(repo, "c");
        Path feature = tmp.resolve("feature");
        git.run(repo, "worktree", "add", "-q", "-b", "feature", feature.toString());
        write(feature.resolve("web/.yarnrc"), "w\n");
        deleteTree(repo); // the main repository, and with it the worktree's git dir

        for (Path root : List.of(feature, feature.resolve("web"))) {
            ScanSet set = git.reader().read(root, NOTHING);

            assertFalse(set.git());
            assertEquals(1, set.notes().size(), set.notes()::toString);
            String note = set.notes().get(0);
            assertTrue(
                    note.startsWith("git cannot open the repository: its .git is a file pointing to a"
                            + " missing folder, or a damaged folder (git says: fatal: not a git repository: "),
                    note);
            assertTrue(note.endsWith("); scanned every matching file under the root without git"), note);
            assertEquals(Optional.empty(), GitWorkTree.topLevel(root, git.cli()));
        }
        assertEquals(
                List.of(".npmrc|NO_GIT|main\n", "web/.yarnrc|NO_GIT|w\n"),
                versions(git.reader().read(feature, NOTHING)));
    }

    @Test
    void gitFileThatIsNoGitFileIsWalkedWithOneNote() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("odd"));
        write(dir.resolve(".git"), "not a gitfile\n");
        write(dir.resolve(".npmrc"), "a\n");

        ScanSet set = git.reader().read(dir, NOTHING);

        assertFalse(set.git());
        assertEquals(List.of(".npmrc|NO_GIT|a\n"), versions(set));
        assertEquals(1, set.notes().size(), set.notes()::toString);
        assertTrue(
                set.notes().get(0).contains("(git says: fatal: invalid gitfile format: "),
                set.notes().get(0));
    }

    @Test
    void damagedGitFolderIsWalkedWithOneNoteAlsoFromASubfolder() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve("web/.npmrc"), "a\n");
        commitAll(repo, "c");
        Files.delete(repo.resolve(".git/HEAD")); // git no longer takes the folder for a repository

        for (Path root : List.of(repo, repo.resolve("web"))) {
            ScanSet set = git.reader().read(root, NOTHING);

            assertFalse(set.git());
            assertEquals(1, set.notes().size(), set.notes()::toString);
            assertTrue(
                    set.notes().get(0).startsWith("git cannot open the repository: "),
                    set.notes().get(0));
            assertTrue(
                    set.notes()
                            .get(0)
                            .contains("(git says: fatal: not a git repository (or any of the parent"
                                    + " directories): .git)"),
                    set.notes().get(0));
        }
        assertEquals(List.of("web/.npmrc|NO_GIT|a\n"), versions(git.reader().read(repo, NOTHING)));
        assertEquals(List.of(), problems(git.reader().read(repo, NOTHING)));
    }

    // --- No usable git binary ---

    @Test
    void emptyFolderAsThePathMeansNoGitAndExactlyOneNote() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "a\n");
        commitAll(repo, "c");
        Map<String, String> env = new HashMap<>(git.env());
        env.put("PATH", Files.createDirectories(tmp.resolve("empty-bin")).toString());

        ScanSet set = new ScanSetReader(GitCli.fromEnvironment(env, Duration.ofSeconds(60)), SafeReader.FILES)
                .read(repo, NOTHING);

        assertFalse(set.git());
        assertEquals(List.of(RepositoryScan.NOTE_NO_GIT), set.notes());
        assertEquals(List.of(".npmrc|NO_GIT|a\n"), versions(set));
    }

    @Test
    void gitThatCannotBeStartedMeansTheWalkAndExactlyOneNote() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "a\n");
        commitAll(repo, "c");
        Path bin = Files.createDirectories(tmp.resolve("broken-bin"));
        // An executable whose interpreter does not exist: found on the PATH, but exec fails.
        Path broken = Files.writeString(bin.resolve("git"), "#!" + tmp.resolve("no-such-interpreter") + "\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(git.env());
        env.put("PATH", bin.toString());

        ScanSet set = new ScanSetReader(GitCli.fromEnvironment(env, Duration.ofSeconds(60)), SafeReader.FILES)
                .read(repo, NOTHING);

        assertFalse(set.git());
        assertEquals(List.of(RepositoryScan.NOTE_GIT_NOT_STARTED), set.notes());
        assertEquals(List.of(".npmrc|NO_GIT|a\n"), versions(set));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
