package io.github.npmrcguard.files;

import static io.github.npmrcguard.files.Git.NOTHING;
import static io.github.npmrcguard.files.Git.problems;
import static io.github.npmrcguard.files.Git.versions;
import static io.github.npmrcguard.files.Git.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.npmrcguard.testsupport.FileNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ScanSetReaderTest {
    @TempDir
    Path tmp;

    Git git;

    @BeforeEach
    void setUp() throws IOException {
        git = new Git(tmp);
    }

    @Test
    void trackedFileIsReadFromTheIndexAndAChangedWorkingCopyIsASecondVersion() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "committed\n");
        git.run(repo, "add", ".npmrc");
        git.run(repo, "commit", "-qm", "c");
        write(repo.resolve(".npmrc"), "staged\n");
        git.run(repo, "add", ".npmrc");
        write(repo.resolve(".npmrc"), "working\n");

        ScanSet set = git.reader().read(repo, NOTHING);

        assertTrue(set.git());
        assertEquals(List.of(".npmrc|STAGED|staged\n", ".npmrc|WORKING_COPY|working\n"), versions(set));
        assertEquals(List.of(), set.problems());
        assertEquals(List.of(), set.notes());
        assertEquals(repo.resolve(".npmrc"), set.files().get(0).location());
        assertEquals(FileKind.NPMRC, set.files().get(0).kind());
    }

    @Test
    void listingsStartedEarlyGiveTheSameScanAndUnusedOnesAreStoppedOnClose() throws IOException {
        Path repo = git.init("repo");
        Path other = git.init("other");
        write(repo.resolve(".npmrc"), "committed\n");
        write(repo.resolve("web/.yarnrc"), "untracked\n");
        git.run(repo, "add", ".npmrc");
        write(other.resolve(".npmrc"), "other\n");
        List<String> expected = versions(git.reader().read(repo, NOTHING));
        assertEquals(List.of(".npmrc|STAGED|committed\n", "web/.yarnrc|UNTRACKED|untracked\n"), expected);

        // git's trace says which processes ran (the listings of so small a tree may be done before anyone looks).
        Path trace = tmp.resolve("git-trace");
        Map<String, String> env = new HashMap<>(git.env());
        env.put("GIT_TRACE", trace.toString());
        try (ScanSetReader reader =
                new ScanSetReader(GitCli.fromEnvironment(env, Duration.ofSeconds(60)), SafeReader.FILES)) {
            reader.startEarly(repo);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (listingsIn(trace) < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(2, listingsIn(trace), "the walk and the staged listing started before the read");
            assertEquals(expected, versions(reader.read(repo, NOTHING)));
            assertEquals(2, listingsIn(trace), "the read used them, and listed nothing of its own");
            assertEquals(0, gitChildren(), "the read ended them");

            reader.startEarly(repo);
            assertEquals(
                    List.of(".npmrc|UNTRACKED|other\n"),
                    versions(reader.read(other, NOTHING)),
                    "started for another root: stopped, and this root listed afresh");
            assertEquals(0, gitChildren());

            reader.startEarly(repo);
        }
        assertEquals(0, gitChildren(), "closed unused: stopped");
    }

    /** How many {@code git ls-files} a GIT_TRACE file shows started. */
    private static long listingsIn(Path trace) throws IOException {
        if (!Files.exists(trace)) {
            return 0;
        }
        return Files.readAllLines(trace).stream()
                .filter(l -> l.contains("trace: built-in: git ls-files"))
                .count();
    }

    /** This JVM's live git children. */
    private static long gitChildren() {
        return ProcessHandle.current()
                .children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("git"))
                .count();
    }

    @Test
    void aTrackedFileWhoseFolderIsNowALinkIsReadOnlyWhereTheLinkStaysInsideTheRoot() throws IOException {
        Path repo = git.init("repo");
        Path outside = tmp.resolve("outside");
        for (String dir : List.of("away", "inside", "round/trip")) {
            write(repo.resolve(dir + "/.npmrc"), "staged " + dir + "\n");
        }
        git.run(repo, "add", "-A");
        // Each tracked folder replaced by a link: out of the root; to another folder of the root; out and back in.
        write(outside.resolve("away/.npmrc"), "outside\n");
        write(repo.resolve("real/.npmrc"), "real\n");
        write(repo.resolve("real/trip/.npmrc"), "staged round/trip\n");
        for (String dir : List.of("away", "inside", "round")) {
            try (var files = Files.walk(repo.resolve(dir))) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        Files.createSymbolicLink(repo.resolve("away"), outside.resolve("away"));
        Files.createSymbolicLink(repo.resolve("inside"), repo.resolve("real"));
        Files.createDirectories(outside.resolve("back"));
        Files.createSymbolicLink(outside.resolve("back/round"), repo.resolve("real"));
        Files.createSymbolicLink(repo.resolve("round"), outside.resolve("back/round"));

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(List.of(new FileProblem("away/.npmrc", SafeReader.UNDER_LINK_OUT_OF_ROOT, false)), set.problems());
        assertEquals(
                List.of(
                        "away/.npmrc|STAGED|staged away\n",
                        "inside/.npmrc|STAGED|staged inside\n",
                        "inside/.npmrc|WORKING_COPY|real\n",
                        "real/.npmrc|UNTRACKED|real\n",
                        "real/trip/.npmrc|UNTRACKED|staged round/trip\n",
                        "round/trip/.npmrc|STAGED|staged round/trip\n"),
                versions(set),
                "a link out and back in leads inside the root: its file is read (and equals the staged one)");
    }

    @Test
    void aWorkingCopyWithTheStagedObjectIdIsTheStagedVersionGitIsAskedOnlyForTheOthers() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve("clean/.npmrc"), "clean\n");
        write(repo.resolve("edited/.npmrc"), "staged\n");
        git.run(repo, "add", "-A");
        write(repo.resolve("edited/.npmrc"), "edited\n");
        // Both staged objects gone from the store: one only a working copy with its id can stand in for.
        for (String staged : List.of("clean/.npmrc", "edited/.npmrc")) {
            String id = git.run(repo, "rev-parse", ":" + staged).strip();
            Files.delete(repo.resolve(".git/objects/" + id.substring(0, 2) + "/" + id.substring(2)));
        }

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(List.of("clean/.npmrc|STAGED|clean\n", "edited/.npmrc|WORKING_COPY|edited\n"), versions(set));
        assertEquals(List.of(new FileProblem("edited/.npmrc", RepositoryScan.STAGED_MISSING, true)), set.problems());
    }

    @Test
    void aTrackedFileKnownFromItsWorkingCopyIsHandedOverBeforeGitIsAskedForTheOtherBlobs() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve("a-edited/.npmrc"), "staged\n");
        write(repo.resolve("b-clean/.npmrc"), "clean\n");
        git.run(repo, "add", "-A");
        write(repo.resolve("a-edited/.npmrc"), "edited\n");
        List<String> handedOver = new ArrayList<>();

        ScanSet set = git.reader().read(repo, NOTHING, f -> handedOver.add(f.path() + "|" + f.provenance()));

        // b-clean's staged version is its working copy: checked while git reads a-edited's staged blob.
        assertEquals(
                List.of("b-clean/.npmrc|STAGED", "a-edited/.npmrc|STAGED", "a-edited/.npmrc|WORKING_COPY"), handedOver);
        assertEquals(
                List.of(
                        "a-edited/.npmrc|STAGED|staged\n",
                        "a-edited/.npmrc|WORKING_COPY|edited\n",
                        "b-clean/.npmrc|STAGED|clean\n"),
                versions(set),
                "the set itself stays in path order");
    }

    @Test
    void aStagedRecordsPathStartsAfterModeObjectIdStageAndTab() {
        String sha1 = "0123456789abcdef0123456789abcdef01234567";
        String sha256 = sha1 + "89abcdef0123456789abcdef";
        assertEquals(50, IndexRecords.stagedHeadEnd("100644 " + sha1 + " 0\t.npmrc"));
        assertEquals(74, IndexRecords.stagedHeadEnd("160000 " + sha256 + " 3\tsub\tmodule"));
        assertEquals(50, IndexRecords.stagedHeadEnd("120000 " + sha1 + " 2\t"));
        for (String notOne : List.of(
                "100648 " + sha1 + " 0\ta",
                "10064 " + sha1 + " 0\ta",
                "100644 " + sha1.toUpperCase(java.util.Locale.ROOT) + " 0\ta",
                "100644 " + sha1.substring(1) + " 0\ta",
                "100644 " + sha1 + "0 0\ta",
                "100644 " + sha1 + " 4\ta",
                "100644 " + sha1 + " 0 a",
                "100644  " + sha1 + " 0\ta",
                ".npmrc",
                "")) {
            assertEquals(-1, IndexRecords.stagedHeadEnd(notOne), notOne);
        }
    }

    @Test
    void anUnchangedWorkingCopyIsNotReadTwiceNorIsOneThatDiffersOnlyInLineEndings() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "a=1\nb=2\n");
        write(repo.resolve("web/.yarnrc.yml"), "x: 1\n");
        git.run(repo, "add", "-A");
        git.run(repo, "commit", "-qm", "c");
        write(repo.resolve("web/.yarnrc.yml"), "x: 1\r\n"); // what a core.autocrlf checkout writes

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(List.of(".npmrc|STAGED|a=1\nb=2\n", "web/.yarnrc.yml|STAGED|x: 1\n"), versions(set));
    }

    @Test
    void ciInjectedCredentialInTheWorkingCopyIsAWorkingCopyVersionNotCommitted() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n");
        git.run(repo, "add", "-A");
        git.run(repo, "commit", "-qm", "c");
        // What Azure npmAuthenticate does: rewrite the checked-out file in place.
        write(repo.resolve(".npmrc"), "//registry.npmjs.org/:_authToken=TOK1\n");

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(
                List.of(
                        ".npmrc|STAGED|//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n",
                        ".npmrc|WORKING_COPY|//registry.npmjs.org/:_authToken=TOK1\n"),
                versions(set));
        assertTrue(set.files().get(0).provenance().committed());
        assertFalse(set.files().get(1).provenance().committed());
    }

    @Test
    void stagedButNeverCommittedFileCounts() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve("app/bunfig.toml"), "[install]\n");
        git.run(repo, "add", "-A");

        assertEquals(
                List.of("app/bunfig.toml|STAGED|[install]\n"),
                versions(git.reader().read(repo, NOTHING)));
    }

    @Test
    void untrackedFileGitDoesNotIgnoreIsReadAsUntracked() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve("web/.npmrc"), "TOK1\n");
        write(repo.resolve("web/npmrc-notes.md"), "not a candidate\n"); // matched by the loose pathspec only

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(List.of("web/.npmrc|UNTRACKED|TOK1\n"), versions(set));
        assertTrue(set.git());
    }

    @Test
    void ignoredFilesAreReadAsIgnoredAndIgnoredBuildFoldersAreNotEntered() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".gitignore"), ".npmrc.local\nsecrets/\ntarget/\nlogs/\n");
        write(repo.resolve(".npmrc.local"), "TOK1\n");
        write(repo.resolve("secrets/deep/.npmrc"), "TOK2\n"); // in a folder git reports collapsed
        write(repo.resolve("secrets/readme.txt"), "x\n");
        write(repo.resolve("secrets/node_modules/p/.npmrc"), "TOK3\n");
        write(repo.resolve("target/classes/.npmrc"), "TOK4\n"); // build output: a copy, pruned
        write(repo.resolve("logs/a.log"), "x\n");
        git.run(repo, "add", ".gitignore");

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(List.of(".npmrc.local|IGNORED|TOK1\n", "secrets/deep/.npmrc|IGNORED|TOK2\n"), versions(set));
        assertFalse(Provenance.IGNORED.committed());
        assertEquals(List.of(), set.problems());
    }

    @Test
    void whichUntrackedFilesGitIgnoresIsAskedByNameEvenWhenANameLooksLikePathspecMagic() throws IOException {
        Path repo = git.init("repo");
        // check-ignore reads pathspecs: ":!a" unprefixed would be "everything but a".
        write(repo.resolve(".gitignore"), ":!a/\n");
        write(repo.resolve(":!a/.npmrc"), "a\n");
        write(repo.resolve(":b/.npmrc"), "b\n");
        write(repo.resolve("c*/.npmrc"), "c\n");

        assertEquals(
                List.of(":!a/.npmrc|IGNORED|a\n", ":b/.npmrc|UNTRACKED|b\n", "c*/.npmrc|UNTRACKED|c\n"),
                versions(git.reader().read(repo, NOTHING)));
    }

    @Test
    void anUntrackedFileUnderAFolderNamedLikeBuildOutputIsNotListedATrackedOneIs() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve("dist/.npmrc"), "tracked\n");
        git.run(repo, "add", "-A");
        write(repo.resolve("build/.npmrc"), "untracked, not ignored\n"); // pruned, as in the walk without git
        write(repo.resolve("app/dist/x/.npmrc"), "untracked too\n");

        assertEquals(
                List.of("dist/.npmrc|STAGED|tracked\n"), versions(git.reader().read(repo, NOTHING)));
    }

    @Test
    void ignoreRulesFromInfoExcludeAndTheUsersExcludesFileCountToo() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".git/info/exclude"), "a/.npmrc\n");
        Path global = write(tmp.resolve("home/global-ignore"), "b/.npmrc\n");
        git.run(repo, "config", "--global", "core.excludesFile", global.toString());
        write(repo.resolve("a/.npmrc"), "a\n");
        write(repo.resolve("b/.npmrc"), "b\n");
        write(repo.resolve("c/.npmrc"), "c\n");

        assertEquals(
                List.of("a/.npmrc|IGNORED|a\n", "b/.npmrc|IGNORED|b\n", "c/.npmrc|UNTRACKED|c\n"),
                versions(git.reader().read(repo, NOTHING)));
    }

    @Test
    void trackedFileInsideAnIgnoredFolderIsReadOnceAsStaged() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".gitignore"), "conf/\n");
        write(repo.resolve("conf/.npmrc"), "forced\n");
        write(repo.resolve("conf/other/.yarnrc"), "ignored\n");
        git.run(repo, "add", ".gitignore");
        git.run(repo, "add", "-f", "conf/.npmrc");

        assertEquals(
                List.of("conf/.npmrc|STAGED|forced\n", "conf/other/.yarnrc|IGNORED|ignored\n"),
                versions(git.reader().read(repo, NOTHING)));
    }

    @Test
    void nothingUnderNodeModulesIsReadTrackedUntrackedOrIgnored() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".gitignore"), "web/node_modules/\n");
        write(repo.resolve("node_modules/a/.npmrc"), "tracked\n");
        write(repo.resolve("pkg/node_modules/b/.npmrc"), "untracked\n");
        write(repo.resolve("web/node_modules/c/.npmrc"), "ignored\n");
        write(repo.resolve("web/.npmrc"), "kept\n");
        git.run(repo, "add", ".gitignore", "web/.npmrc");
        git.run(repo, "add", "-f", "node_modules/a/.npmrc");

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(List.of("web/.npmrc|STAGED|kept\n"), versions(set));
        assertEquals(
                List.of("web/.npmrc|NO_GIT|kept\n"),
                versions(git.readerWithoutGit().read(repo, NOTHING)));
    }

    @Test
    void rootInASubfolderOfTheWorkTreeGivesPathsRelativeToIt() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "top\n");
        write(repo.resolve("modules/web/.npmrc"), "web\n");
        write(repo.resolve("modules/web/sub/.yarnrc"), "sub\n");
        git.run(repo, "add", "-A");
        git.run(repo, "commit", "-qm", "c");
        write(repo.resolve("modules/web/.npmrc.ci"), "new\n");
        write(repo.resolve("modules/other/.npmrc"), "other\n");

        ScanSet set = git.reader().read(repo.resolve("modules/web"), NOTHING);

        assertEquals(
                List.of(".npmrc|STAGED|web\n", ".npmrc.ci|UNTRACKED|new\n", "sub/.yarnrc|STAGED|sub\n"), versions(set));
        assertEquals(repo.resolve("modules/web/sub/.yarnrc"), set.files().get(2).location());
    }

    @Test
    void rootInsideAnIgnoredFolderIsAllIgnored() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".gitignore"), "generated/\n");
        write(repo.resolve("generated/web/.npmrc"), "a\n");
        write(repo.resolve("generated/web/x/.yarnrc"), "b\n");
        write(repo.resolve("generated/web/node_modules/p/.npmrc"), "c\n");

        git.run(repo, "add", "-f", "generated/web/x/.yarnrc");

        // git answers "./" for the ignored folder itself, and fails ("not superset of prefix") below it.
        ScanSet top = git.reader().read(repo.resolve("generated"), NOTHING);
        ScanSet below = git.reader().read(repo.resolve("generated/web"), NOTHING);

        assertTrue(top.git());
        assertEquals(List.of("web/.npmrc|IGNORED|a\n", "web/x/.yarnrc|STAGED|b\n"), versions(top));
        assertTrue(below.git());
        assertEquals(List.of(".npmrc|IGNORED|a\n", "x/.yarnrc|STAGED|b\n"), versions(below));
    }

    @Test
    void mergeConflictReadsEveryStageThenTheWorkingCopy() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "base\n");
        git.run(repo, "add", "-A");
        git.run(repo, "commit", "-qm", "base");
        String main = git.run(repo, "rev-parse", "--abbrev-ref", "HEAD").strip();
        git.run(repo, "checkout", "-qb", "theirs");
        write(repo.resolve(".npmrc"), "theirs\n");
        git.run(repo, "commit", "-qam", "theirs");
        git.run(repo, "checkout", "-q", main);
        write(repo.resolve(".npmrc"), "ours\n");
        git.run(repo, "commit", "-qam", "ours");
        assertEquals(1, git.exec(repo, "merge", "-q", "theirs").exit()); // conflict

        ScanSet set = git.reader().read(repo, NOTHING);

        String markers = Files.readString(repo.resolve(".npmrc"));
        assertTrue(markers.contains("<<<<<<<"));
        assertEquals(
                List.of(
                        ".npmrc|STAGED|base\n",
                        ".npmrc|STAGED|ours\n",
                        ".npmrc|STAGED|theirs\n",
                        ".npmrc|WORKING_COPY|" + markers),
                versions(set));
    }

    @Test
    void fileDeletedFromTheWorkingTreeOrOutsideASparseCheckoutStillCountsAsStaged() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve("a/.npmrc"), "deleted\n");
        write(repo.resolve("b/.npmrc"), "sparse\n");
        git.run(repo, "add", "-A");
        git.run(repo, "commit", "-qm", "c");
        Files.delete(repo.resolve("a/.npmrc"));
        git.run(repo, "update-index", "--skip-worktree", "b/.npmrc");
        Files.delete(repo.resolve("b/.npmrc"));

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(List.of("a/.npmrc|STAGED|deleted\n", "b/.npmrc|STAGED|sparse\n"), versions(set));
        assertEquals(List.of(), set.problems());
    }

    @Test
    void pathsWithSpacesNewlinesAndTabsArriveIntact() throws IOException {
        Path repo = git.init("repo");
        List<String> names = List.of("with space/.npmrc", "new\nline/.yarnrc", "tab\there/.npmrc");
        for (String n : names) {
            write(repo.resolve(n), n + "\n");
        }
        git.run(repo, "add", "with space");
        git.run(repo, "add", "--", "new\nline/.yarnrc");

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(
                List.of(
                        "new\nline/.yarnrc|STAGED|new\nline/.yarnrc\n",
                        "tab\there/.npmrc|UNTRACKED|tab\there/.npmrc\n",
                        "with space/.npmrc|STAGED|with space/.npmrc\n"),
                versions(set));
    }

    @Test
    void nonAsciiPathsArriveIntact() throws IOException {
        FileNames.assumeUnicode();
        Path repo = git.init("repo");
        List<String> names = List.of("\u00fcn\u00ef c\u00f8d\u00e9/bunfig.toml", "\u00e9t\u00e9/.npmrc");
        for (String n : names) {
            write(repo.resolve(n), n + "\n");
        }
        git.run(repo, "add", "\u00fcn\u00ef c\u00f8d\u00e9");

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(
                List.of(
                        "\u00e9t\u00e9/.npmrc|UNTRACKED|\u00e9t\u00e9/.npmrc\n",
                        "\u00fcn\u00ef c\u00f8d\u00e9/bunfig.toml|STAGED|\u00fcn\u00ef c\u00f8d\u00e9/bunfig.toml\n"),
                versions(set));
    }

    @Test
    void manyLargeBlobsComeThroughOneCatFileWithoutDeadlock() throws IOException {
        Path repo = git.init("repo");
        // ~12 MB in total, far beyond a pipe buffer in both directions' worth of ids and content.
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String body = ("k" + i + "=v\n").repeat(40_000);
            write(repo.resolve(String.format("m%02d/.npmrc", i)), body);
            expected.add(String.format("m%02d/.npmrc|STAGED|", i) + body);
        }
        git.run(repo, "add", "-A");

        assertEquals(expected, versions(git.reader().read(repo, NOTHING)));
    }

    @Test
    void trackedSymbolicLinkIsSkipped() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve("shared.txt"), "x=1\n");
        Files.createSymbolicLink(repo.resolve(".npmrc"), Path.of("shared.txt"));
        git.run(repo, "add", "-A");

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(List.of(), versions(set));
        assertEquals(List.of(), set.problems());
    }

    @Test
    void untrackedSymbolicLinkIsReadInsideTheRootAndNotFollowedOutOfIt() throws IOException {
        Path outside = write(tmp.resolve("outside/secret.txt"), "outside\n");
        for (boolean withGit : new boolean[] {true, false}) {
            Path root = withGit ? git.init("repo") : Files.createDirectories(tmp.resolve("plain"));
            write(root.resolve("config/npmrc.txt"), "inside\n");
            Files.createDirectories(root.resolve("web"));
            Files.createSymbolicLink(root.resolve("web/.npmrc"), Path.of("../config/npmrc.txt"));
            Files.createSymbolicLink(root.resolve(".npmrc"), outside);
            write(root.resolve("node_modules/p/.npmrc"), "package\n");
            Files.createDirectories(root.resolve("a/b"));
            Files.createSymbolicLink(root.resolve("a/.npmrc"), Path.of("../node_modules/p/.npmrc"));
            Files.createDirectories(root.resolve(".git"));
            Files.createSymbolicLink(
                    root.resolve("a/b/.npmrc"), root.resolve(".git/config").toAbsolutePath());
            Files.writeString(
                    root.resolve(".git/config"),
                    Files.exists(root.resolve(".git/config"))
                            ? Files.readString(root.resolve(".git/config"))
                            : "[core]\n");

            ScanSet set = (withGit ? git.reader() : git.readerWithoutGit()).read(root, NOTHING);

            String p = withGit ? "UNTRACKED" : "NO_GIT";
            assertEquals(List.of("web/.npmrc|" + p + "|inside\n"), versions(set), "git: " + withGit);
            assertEquals(
                    List.of(
                            ".npmrc|" + SafeReader.LINK_OUT_OF_ROOT + "|false",
                            "a/.npmrc|" + SafeReader.LINK_INTO_PRUNED + "|false",
                            "a/b/.npmrc|" + SafeReader.LINK_INTO_PRUNED + "|false"),
                    problems(set));
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void symbolicLinkLoopsNeitherHangTheWalkNorFail() throws IOException {
        for (boolean withGit : new boolean[] {true, false}) {
            Path root = withGit ? git.init("repo") : Files.createDirectories(tmp.resolve("plain"));
            Files.createDirectories(root.resolve("a"));
            Files.createSymbolicLink(root.resolve("a/loop"), Path.of("..")); // a folder loop
            Files.createSymbolicLink(root.resolve(".npmrc"), Path.of(".npmrc")); // a link to itself
            write(root.resolve("a/.yarnrc"), "y\n");

            ScanSet set = (withGit ? git.reader() : git.readerWithoutGit()).read(root, NOTHING);

            String p = withGit ? "UNTRACKED" : "NO_GIT";
            assertEquals(List.of("a/.yarnrc|" + p + "|y\n"), versions(set), "git: " + withGit);
            assertEquals(List.of(".npmrc|" + SafeReader.LINK_UNRESOLVED + "|false"), problems(set));
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void fifoNamedNpmrcIsNeverOpened() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Git.command("mkfifo", plain.resolve(".npmrc").toString());

        ScanSet set = git.readerWithoutGit().read(plain, NOTHING);

        assertEquals(List.of(), versions(set));
        assertEquals(List.of(".npmrc|" + SafeReader.NOT_REGULAR + "|false"), problems(set));

        // With git: git lists no FIFO, untracked or ignored (its walk enters the ignored folder too); never opened.
        Path repo = git.init("repo");
        write(repo.resolve(".gitignore"), "local/\n");
        Git.command("mkfifo", repo.resolve(".npmrc").toString());
        Files.createDirectories(repo.resolve("local"));
        Git.command("mkfifo", repo.resolve("local/.npmrc").toString());

        ScanSet withGit = git.reader().read(repo, NOTHING);

        assertEquals(List.of(), versions(withGit));
        assertEquals(List.of(), problems(withGit));
    }

    @Test
    void folderNamedNpmrcIsNotAFileButItsContentIsScanned() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        write(plain.resolve(".npmrc/.npmrc"), "inner\n");
        assertEquals(
                List.of(".npmrc/.npmrc|NO_GIT|inner\n"),
                versions(git.readerWithoutGit().read(plain, NOTHING)));

        Path repo = git.init("repo");
        write(repo.resolve(".npmrc/.npmrc"), "inner\n");
        ScanSet set = git.reader().read(repo, NOTHING);
        assertEquals(List.of(".npmrc/.npmrc|UNTRACKED|inner\n"), versions(set));
        assertEquals(List.of(), set.problems());
    }

    @Test
    void trackedFileReplacedByAFolderKeepsItsStagedContent() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "staged\n");
        git.run(repo, "add", "-A");
        Files.delete(repo.resolve(".npmrc"));
        Files.createDirectories(repo.resolve(".npmrc"));

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(List.of(".npmrc|STAGED|staged\n"), versions(set));
        assertEquals(List.of(), set.problems());
    }

    @Test
    void unreadableFileIsABlockingProblemWhenItsContentCountsAndNamesNoContent() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".gitignore"), ".npmrc.local\n");
        write(repo.resolve(".npmrc"), "TOK1\n");
        write(repo.resolve(".npmrc.local"), "TOK2\n");
        write(repo.resolve(".yarnrc"), "fine\n");
        git.run(repo, "add", ".gitignore");
        // The JDK's own failure for a file whose mode denies us; as root chmod cannot produce it (see below).
        SafeReader.ContentSource denying = (file, limit) -> {
            if (file.getFileName().toString().startsWith(".npmrc")) {
                throw new AccessDeniedException(file.toString());
            }
            return SafeReader.FILES.read(file, limit);
        };

        ScanSet set = git.reader(denying).read(repo, NOTHING);

        assertEquals(List.of(".yarnrc|UNTRACKED|fine\n"), versions(set));
        assertEquals(
                List.of(
                        ".npmrc|" + SafeReader.PERMISSION_DENIED + "|true",
                        ".npmrc.local|" + SafeReader.PERMISSION_DENIED + "|false"),
                problems(set));

        ScanSet noGit =
                new ScanSetReader(new GitCli(null, git.env(), GitCli.DEFAULT_TIMEOUT), denying).read(repo, NOTHING);
        assertEquals(
                List.of(
                        ".npmrc|" + SafeReader.PERMISSION_DENIED + "|true",
                        ".npmrc.local|" + SafeReader.PERMISSION_DENIED + "|true"),
                problems(noGit));
    }

    @Test
    void fileModeThatDeniesReadingIsReportedWhereModesBite() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Path file = write(plain.resolve(".npmrc"), "TOK1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        boolean modesBite;
        try {
            Files.readAllBytes(file);
            modesBite = false; // root, or CAP_DAC_OVERRIDE: the mode does not stop us
        } catch (AccessDeniedException e) {
            modesBite = true;
        }
        assumeTrue(modesBite, "running with privileges that ignore file modes; the seam test above covers it");

        ScanSet set = git.readerWithoutGit().read(plain, NOTHING);

        assertEquals(List.of(), versions(set));
        assertEquals(List.of(".npmrc|" + SafeReader.PERMISSION_DENIED + "|true"), problems(set));
    }

    @Test
    void fileThatVanishesBetweenListingAndReadingIsANonBlockingProblem() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "gone soon\n");
        write(repo.resolve(".yarnrc"), "stays\n");
        SafeReader.ContentSource deleting = (file, limit) -> {
            if (file.getFileName().toString().equals(".npmrc")) {
                Files.delete(file); // after git listed it and we checked it, before we open it
            }
            return SafeReader.FILES.read(file, limit);
        };

        ScanSet set = git.reader(deleting).read(repo, NOTHING);

        assertEquals(List.of(".yarnrc|UNTRACKED|stays\n"), versions(set));
        assertEquals(List.of(".npmrc|" + SafeReader.VANISHED + "|false"), problems(set));
    }

    @Test
    void excludedFoldersArePrunedAndExcludedFilesSkippedInBothModes() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".gitignore"), "local/\n");
        write(repo.resolve("docs/a/.npmrc"), "doc\n");
        write(repo.resolve("docs/a/deeper/x/.npmrc"), "doc\n");
        write(repo.resolve("web/.npmrc"), "web\n");
        write(repo.resolve("web/.npmrc.example"), "example\n");
        write(repo.resolve("local/docs/.npmrc"), "ignored\n");
        write(repo.resolve("local/keep/.npmrc"), "ignored\n");
        git.run(repo, "add", "docs", "web/.npmrc", ".gitignore");
        List<String> asked = new ArrayList<>();
        java.util.function.Predicate<String> excluded = p -> {
            asked.add(p);
            return p.equals("docs") || p.equals("local/docs") || p.endsWith(".example");
        };

        ScanSet set = git.reader().read(repo, excluded);

        assertEquals(List.of("local/keep/.npmrc|IGNORED|ignored\n", "web/.npmrc|STAGED|web\n"), versions(set));
        assertFalse(
                asked.stream().anyMatch(p -> p.startsWith("docs/")), () -> "asked below an excluded folder: " + asked);

        asked.clear();
        ScanSet walked = git.readerWithoutGit().read(repo, excluded);

        assertEquals(List.of("local/keep/.npmrc|NO_GIT|ignored\n", "web/.npmrc|NO_GIT|web\n"), versions(walked));
        assertFalse(
                asked.stream().anyMatch(p -> p.startsWith("docs/")), () -> "walked into an excluded folder: " + asked);
    }

    @Test
    void withoutGitOnThePathEveryCandidateIsReadWithTheUsualFoldersPrunedAndANote() throws IOException {
        Path repo = git.init("repo"); // a repository, but no git binary to ask
        write(repo.resolve(".gitignore"), ".npmrc\n");
        write(repo.resolve(".npmrc"), "a\n");
        write(repo.resolve("web/.yarnrc.yml"), "b\n");
        write(repo.resolve("web/.bunfig.toml"), "c\n");
        for (String pruned : List.of("node_modules", "target", "build", "dist", ".yarn/cache", "web/.git", "x/dist")) {
            write(repo.resolve(pruned + "/.npmrc"), "pruned\n");
        }
        write(repo.resolve(".yarn/.yarnrc"), "d\n"); // .yarn itself is not pruned, only its cache

        ScanSet set = git.readerWithoutGit().read(repo, NOTHING);

        assertFalse(set.git());
        assertEquals(List.of(RepositoryScan.NOTE_NO_GIT), set.notes());
        assertEquals(
                List.of(
                        ".npmrc|NO_GIT|a\n",
                        ".yarn/.yarnrc|NO_GIT|d\n",
                        "web/.bunfig.toml|NO_GIT|c\n",
                        "web/.yarnrc.yml|NO_GIT|b\n"),
                versions(set));
        assertTrue(Provenance.NO_GIT.committed());
    }

    @Test
    void pomsAreCandidatesForGitAndForTheWalkButOtherPomLikeNamesAreNot() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve("pom.xml"), "<project/>\n");
        write(repo.resolve("web/pom.xml"), "<project>web</project>\n");
        write(repo.resolve("web/dependency-reduced-pom.xml"), "x\n"); // matched by the loose pathspec only
        write(repo.resolve("web/src/test/resources/pom.xml.bak"), "x\n");
        write(repo.resolve("web/target/classes/META-INF/maven/g/a/pom.xml"), "copy\n");
        write(repo.resolve(".gitignore"), "target/\n");
        git.run(repo, "add", "pom.xml", ".gitignore");
        git.run(repo, "commit", "-qm", "c");

        ScanSet set = git.reader().read(repo, NOTHING);

        assertEquals(
                List.of("pom.xml|STAGED|<project/>\n", "web/pom.xml|UNTRACKED|<project>web</project>\n"),
                versions(set));
        assertEquals(FileKind.POM, set.files().get(0).kind());
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        write(plain.resolve("pom.xml"), "<project/>\n");
        write(plain.resolve("web/pom.xml"), "w\n");
        write(plain.resolve("web/target/pom.xml"), "pruned\n");
        write(plain.resolve("web/dependency-reduced-pom.xml"), "x\n");
        assertEquals(
                List.of("pom.xml|NO_GIT|<project/>\n", "web/pom.xml|NO_GIT|w\n"),
                versions(git.readerWithoutGit().read(plain, NOTHING)));
    }

    @Test
    void folderInNoWorkTreeIsWalkedSilently() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        write(plain.resolve("a/.npmrc"), "a\n");

        ScanSet set = git.reader().read(plain, NOTHING);

        assertFalse(set.git());
        assertEquals(List.of(), set.notes());
        assertEquals(List.of("a/.npmrc|NO_GIT|a\n"), versions(set));
    }

    @Test
    void repositoryGitRefusesForItsOwnerIsWalkedWithANoteNamingTheFix() throws Exception {
        assumeTrue(Git.runningAsRoot(), "only root can hand a folder to another user here");
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "a\n");
        Git.command("chown", "-R", "65534:65534", repo.toString());

        ScanSet set = git.reader().read(repo, NOTHING);

        assertFalse(set.git());
        assertEquals(List.of(".npmrc|NO_GIT|a\n"), versions(set));
        assertEquals(1, set.notes().size());
        assertTrue(
                set.notes().get(0).startsWith("git refused the repository because another user owns it"),
                set.notes().get(0));
        assertTrue(
                set.notes().get(0).endsWith("safe.directory " + repo.toRealPath()),
                set.notes().get(0));
    }

    @Test
    void unexpectedGitFailureIsAGitExceptionNamingCommandExitCodeAndGitsMessage() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "a\n");
        git.run(repo, "add", "-A");
        Files.write(repo.resolve(".git/index"), "not an index at all".getBytes(StandardCharsets.US_ASCII));

        GitException e = assertThrows(GitException.class, () -> git.reader().read(repo, NOTHING));

        assertEquals(128, e.exitCode());
        assertTrue(e.command().startsWith("git -C " + repo + " ls-files -z --stage"), e.command());
        assertTrue(e.getMessage().contains("failed with exit code 128: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("fatal: .git/index: index file smaller than expected"), e.getMessage());
    }

    @Test
    void linkedWorktreeIsReadFromItsOwnIndex() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "main\n");
        git.run(repo, "add", "-A");
        git.run(repo, "commit", "-qm", "c");
        git.run(
                repo,
                "worktree",
                "add",
                "-q",
                "-b",
                "feature",
                tmp.resolve("feature").toString());
        Path feature = tmp.resolve("feature");
        write(feature.resolve(".npmrc"), "feature\n");
        git.run(feature, "add", ".npmrc");
        write(feature.resolve("web/.yarnrc"), "new\n");

        assertEquals(
                List.of(".npmrc|STAGED|feature\n", "web/.yarnrc|UNTRACKED|new\n"),
                versions(git.reader().read(feature, NOTHING)));
        assertEquals(List.of(".npmrc|STAGED|main\n"), versions(git.reader().read(repo, NOTHING)));
    }

    @Test
    void stagedBlobMissingFromTheObjectStoreIsABlockingProblem() throws IOException {
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "lost\n");
        write(repo.resolve(".yarnrc"), "kept\n");
        git.run(repo, "add", "-A");
        String id = git.run(repo, "rev-parse", ":.npmrc").strip();
        Files.delete(repo.resolve(".git/objects/" + id.substring(0, 2) + "/" + id.substring(2)));
        write(repo.resolve(".npmrc"), "edited\n");

        ScanSet set = git.reader().read(repo, NOTHING);

        // The working copy is still checked (as a version that differs from every staged one we could read). One
        // whose bytes have the lost blob's id would be that blob: see the test of working copies standing in.
        assertEquals(List.of(".npmrc|WORKING_COPY|edited\n", ".yarnrc|STAGED|kept\n"), versions(set));
        assertEquals(List.of(".npmrc|" + RepositoryScan.STAGED_MISSING + "|true"), problems(set));
    }

    @Test
    void inheritedGitDirDoesNotRedirectGitToAnotherRepository() throws IOException {
        Path other = git.init("other");
        write(other.resolve(".npmrc"), "other\n");
        git.run(other, "add", "-A");
        Path repo = git.init("repo");
        write(repo.resolve(".npmrc"), "mine\n");
        git.run(repo, "add", "-A");
        // What a Maven run from a git hook of another repository inherits.
        java.util.Map<String, String> env = new java.util.HashMap<>(git.env());
        env.put("GIT_DIR", other.resolve(".git").toString());
        env.put("GIT_WORK_TREE", other.toString());

        ScanSet set = new ScanSetReader(GitCli.fromEnvironment(env, java.time.Duration.ofSeconds(60)), SafeReader.FILES)
                .read(repo, NOTHING);

        assertEquals(List.of(".npmrc|STAGED|mine\n"), versions(set));
    }

    @Test
    void rootThatIsNotAFolderIsAnError() throws IOException {
        Path file = write(tmp.resolve("file.txt"), "x");
        assertThrows(
                java.nio.file.NotDirectoryException.class, () -> git.reader().read(file, NOTHING));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> git.reader().read(tmp.resolve("missing"), NOTHING));
    }

    @Test
    void recordsSplitOnNulAndDecodeUtf8() {
        byte[] out = "a b\0\u00fc/.npmrc\0".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("a b", "\u00fc/.npmrc"), IndexRecords.records(out));
        assertEquals(List.of("x"), IndexRecords.records("x".getBytes(StandardCharsets.UTF_8)));
    }
}
