package io.github.npmrcguard.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.allow.AllowlistEntry;
import io.github.npmrcguard.allow.PathExcludes;
import io.github.npmrcguard.files.GitHistory;
import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryScannerTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final Predicate<String> NOTHING = p -> false;
    private static final String PLACEHOLDER =
            "registry=https://registry.npmjs.org/\n" + "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n";

    @TempDir
    Path tmp;

    private final TestTokens tokens = new TestTokens(20250301);

    private static String npmrc(String token) {
        return "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=" + token + "\n";
    }

    private static String date(String day) {
        return day + "T10:00:00+00:00";
    }

    private HistoryResult scan(TestRepo repo) throws IOException {
        return scan(repo, HistoryRange.all(), Allowlist.none());
    }

    private HistoryResult scan(TestRepo repo, HistoryRange range, Allowlist allowlist) throws IOException {
        return repo.scanner().scan(repo.dir, range, NOTHING, allowlist, TODAY);
    }

    /** Everything the result would print, to check that no part of a secret is in it. */
    private static String printed(HistoryResult r) {
        StringBuilder s = new StringBuilder(r.toString());
        r.logLines().forEach(l -> s.append('\n').append(l));
        r.allowed().forEach(a -> s.append('\n').append(a.logLine()));
        r.notes().forEach(n -> s.append('\n').append(n));
        return s.append('\n').append(r.summary()).toString();
    }

    @Test
    void tokenAddedThenRemovedIsStillReportedAtTheCommitThatAddedIt() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String token = tokens.npm();
        repo.commit("placeholder", date("2025-01-01"), ".npmrc", PLACEHOLDER);
        String added = repo.commit(
                "add web", date("2025-02-01"), "web/.npmrc", npmrc(token), "web/App.java", "class App {}\n");
        repo.commit("oops", date("2025-02-02"), "web/.npmrc", PLACEHOLDER);
        repo.commit("unrelated", date("2025-02-03"), "web/App.java", "class App { }\n");

        HistoryResult r = scan(repo);

        assertEquals(1, r.findings().size(), r::toString);
        HistoryFinding f = r.findings().get(0);
        assertEquals(Fingerprint.of(token), f.fingerprint());
        assertEquals("literal-credential", f.rule().id());
        assertEquals(added, f.commitId());
        assertEquals(added.substring(0, 8), f.commit());
        assertEquals(LocalDate.of(2025, 2, 1), f.date());
        assertEquals("web/.npmrc", f.path());
        assertEquals(2, f.line());
        assertEquals(1, f.commits());
        assertEquals(1, f.paths());
        assertEquals(
                added.substring(0, 8) + " 2025-02-01 web/.npmrc:2: " + f.what()
                        + " in //registry.npmjs.org/:_authToken [literal-credential] (fingerprint "
                        + Fingerprint.of(token)
                        + "; in 1 commit)",
                f.logLine());
        assertEquals(List.of(f.logLine()), r.logLines());
        assertTrue(r.allowed().isEmpty());
        assertEquals(List.of(), r.notes());
        assertEquals(4, r.commitsWalked());
        assertEquals(3, r.commitsWithCandidates());
        assertEquals(2, r.distinctBlobsRead(), "the placeholder content is one blob at both paths");
        assertFalse(r.passed());
        TestTokens.assertNoFragment(printed(r), token, "the history result");
    }

    private static String frontendPom(String npmToken) {
        return "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <artifactId>web</artifactId>\n  <build>\n"
                + "    <plugins>\n      <plugin>\n        <groupId>com.github.eirslett</groupId>\n"
                + "        <artifactId>frontend-maven-plugin</artifactId>\n        <configuration>\n"
                + "          <environmentVariables>\n            <NPM_TOKEN>" + npmToken + "</NPM_TOKEN>\n"
                + "          </environmentVariables>\n        </configuration>\n      </plugin>\n    </plugins>\n"
                + "  </build>\n</project>\n";
    }

    @Test
    void pomLiteralEnvTokenAddedThenRemovedIsReportedAtTheCommitThatAddedIt() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String token = tokens.opaque(40); // no token format: only the pom rule can find it
        repo.commit("placeholder", date("2025-01-01"), "web/pom.xml", frontendPom("${env.NPM_TOKEN}"));
        String added = repo.commit("literal", date("2025-02-01"), "web/pom.xml", frontendPom(token));
        repo.commit("revert", date("2025-02-02"), "web/pom.xml", frontendPom("${env.NPM_TOKEN}"));

        HistoryScanner scanner = repo.scanner();
        HistoryResult r = scanner.scan(repo.dir, HistoryRange.all(), NOTHING, Allowlist.none(), TODAY);

        assertEquals(1, r.findings().size(), r::toString);
        HistoryFinding f = r.findings().get(0);
        assertEquals("pom-literal-env-token", f.rule().id());
        assertEquals(Fingerprint.of(token), f.fingerprint());
        assertEquals(added, f.commitId());
        assertEquals("web/pom.xml", f.path());
        assertEquals(11, f.line());
        assertEquals(1, f.commits());
        assertEquals(
                added.substring(0, 8) + " 2025-02-01 web/pom.xml:11: " + f.what()
                        + " in frontend-maven-plugin environmentVariables/NPM_TOKEN [pom-literal-env-token]"
                        + " (fingerprint " + Fingerprint.of(token) + "; in 1 commit)",
                f.logLine());
        assertFalse(r.passed());
        assertEquals(2, r.distinctBlobsRead());
        assertEquals(1, scanner.documentsRead(), "the placeholder version is decided by its bytes");
        TestTokens.assertNoFragment(printed(r), token, "the history result");
    }

    @Test
    void sameTokenInTwoFilesAndFiveCommitsIsOneFindingWithCounts() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String token = tokens.npm();
        String first = repo.commit("1", date("2025-01-01"), "web/.npmrc", npmrc(token));
        repo.commit("2", date("2025-01-02"), "api/.npmrc", "# api\n" + npmrc(token));
        repo.commit("3", date("2025-01-03"), "web/.npmrc", "# web\n" + npmrc(token));
        repo.commit("4", date("2025-01-04"), "api/.npmrc", "# api v2\n" + npmrc(token));
        repo.commit("5", date("2025-01-05"), "web/.npmrc", "# web v2\n" + npmrc(token));
        repo.commit("6", date("2025-01-06"), "README.md", "nothing to see\n");

        HistoryResult r = scan(repo);

        assertEquals(1, r.findings().size(), r::toString);
        HistoryFinding f = r.findings().get(0);
        assertEquals(first, f.commitId());
        assertEquals("web/.npmrc", f.path());
        assertEquals(2, f.line());
        assertEquals(5, f.commits());
        assertEquals(2, f.paths());
        assertTrue(
                f.logLine().endsWith("(fingerprint " + Fingerprint.of(token) + "; in 5 commits, 2 paths)"),
                f.logLine());
        assertEquals(5, r.distinctBlobsRead());
        assertEquals(6, r.commitsWalked());
    }

    @Test
    void historyOfPlaceholdersAndWarningsOnlyReportsNothing() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        repo.commit("1", date("2025-01-01"), ".npmrc", PLACEHOLDER);
        // Warnings (a placeholder npm does not expand, a dummy value, a deprecated key) are check's business.
        repo.commit(
                "2", date("2025-01-02"), ".npmrc", "//registry.npmjs.org/:_authToken=$NPM_TOKEN\nalways-auth=true\n");
        repo.commit(
                "3",
                date("2025-01-03"),
                "web/.npmrc",
                "//registry.npmjs.org/:_authToken=changeme\n",
                ".yarnrc.yml",
                "npmAuthToken: \"${NPM_TOKEN:-}\"\n",
                "bunfig.toml",
                "[install.scopes]\nmyorg = { token = \"$NPM_TOKEN\", url = \"https://npm.example.com/\" }\n");
        repo.commit(
                "4",
                date("2025-01-04"),
                "docs/npmrc-howto.md",
                "//registry.npmjs.org/:_authToken=" + tokens.npm()
                        + "\n"); // matches the loose pathspec but is no npm config file

        HistoryResult r = scan(repo);

        assertEquals(List.of(), r.findings());
        assertEquals(List.of(), r.allowed());
        assertTrue(r.passed());
        assertEquals(5, r.distinctBlobsRead(), "the markdown file is not read");
        assertEquals(4, r.commitsWithCandidates());
    }

    @Test
    void tokenOnlyOnAnotherBranchIsFound() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String token = tokens.githubClassic();
        repo.commit("1", date("2025-01-01"), ".npmrc", PLACEHOLDER);
        repo.git("checkout", "-q", "-b", "experiment");
        String onBranch = repo.commit(
                "try",
                date("2025-01-02"),
                ".npmrc",
                "@acme:registry=https://npm.pkg.github.com/\n//npm.pkg.github.com/:_authToken=" + token + "\n");
        repo.git("checkout", "-q", "main");
        repo.commit("2", date("2025-01-03"), "README.md", "main\n");

        HistoryResult r = scan(repo);

        assertEquals(1, r.findings().size(), r::toString);
        assertEquals(onBranch, r.findings().get(0).commitId());
        assertEquals(2, r.findings().get(0).line());
    }

    @Test
    void sinceDateWalksOnlyCommitsFromThatDayOn() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String old = tokens.npm();
        String recent = tokens.npm();
        repo.commit("old", "2025-02-28T23:30:00+00:00", "old/.npmrc", npmrc(old));
        String c2 = repo.commit("recent", "2025-03-01T00:30:00+00:00", "new/.npmrc", npmrc(recent));
        repo.commit("later", "2025-03-02T12:00:00+00:00", "README.md", "x\n");

        HistoryResult r = scan(repo, HistoryRange.parse("2025-03-01", ZoneOffset.UTC), Allowlist.none());

        assertEquals(
                List.of(Fingerprint.of(recent)),
                r.findings().stream().map(HistoryFinding::fingerprint).toList());
        assertEquals(c2, r.findings().get(0).commitId());
        assertEquals(2, r.commitsWalked());
        assertEquals("all refs, commits since 2025-03-01", r.range());

        // A plain date is the start of that day in the given zone: at +01:00, 2025-03-01 begins at 23:00 UTC.
        HistoryResult earlier = scan(repo, HistoryRange.parse("2025-03-01", ZoneOffset.ofHours(1)), Allowlist.none());
        assertEquals(2, earlier.findings().size());

        HistoryResult instant =
                scan(repo, HistoryRange.parse("2025-03-01T01:00:00Z", ZoneOffset.UTC), Allowlist.none());
        assertEquals(List.of(), instant.findings());
        assertEquals(1, instant.commitsWalked());

        HistoryResult none = scan(repo, HistoryRange.parse("2026-01-01", ZoneOffset.UTC), Allowlist.none());
        assertEquals(0, none.commitsWalked());
        assertEquals(List.of("no commits in all refs, commits since 2026-01-01"), none.notes());
    }

    @Test
    void sinceRangeWalksOnlyTheCommitsOfTheRange() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String released = tokens.npm();
        String fresh = tokens.npm();
        repo.commit("1", date("2025-01-01"), ".npmrc", npmrc(released));
        repo.commit("2", date("2025-01-02"), ".npmrc", PLACEHOLDER);
        repo.git("tag", "v1.0");
        String c3 = repo.commit("3", date("2025-01-03"), "web/.npmrc", npmrc(fresh));
        repo.commit("4", date("2025-01-04"), "web/.npmrc", PLACEHOLDER);

        HistoryResult r = scan(repo, HistoryRange.parse("v1.0..main", ZoneOffset.UTC), Allowlist.none());

        assertEquals(
                List.of(Fingerprint.of(fresh)),
                r.findings().stream().map(HistoryFinding::fingerprint).toList());
        assertEquals(c3, r.findings().get(0).commitId());
        assertEquals(2, r.commitsWalked());
        assertEquals("v1.0..main", r.range());

        HistoryException e = assertThrows(
                HistoryException.class,
                () -> scan(repo, HistoryRange.parse("v0.9..main", ZoneOffset.UTC), Allowlist.none()));
        assertEquals(HistoryException.Reason.UNKNOWN_REVISION, e.reason());
        assertEquals("since 'v0.9..main': 'v0.9' names no commit in this repository", e.getMessage());
    }

    @Test
    void allowlistedFingerprintPassesAndIsListedWithItsReason() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String revoked = tokens.npm();
        repo.commit("1", date("2025-01-01"), ".npmrc", npmrc(revoked));
        repo.commit("2", date("2025-01-02"), ".npmrc", PLACEHOLDER);
        String fp = Fingerprint.of(revoked);

        HistoryResult r = scan(
                repo, HistoryRange.all(), new Allowlist(List.of(new AllowlistEntry(fp, "revoked 2025-03-02", null))));

        assertTrue(r.passed(), r::toString);
        assertEquals(1, r.allowed().size());
        AllowedHistoryFinding a = r.allowed().get(0);
        assertEquals(fp, a.finding().fingerprint());
        assertEquals("allowlist", a.by());
        assertEquals("revoked 2025-03-02", a.reason());
        assertTrue(
                a.logLine().endsWith("(fingerprint " + fp + "; in 1 commit) allowed by allowlist: revoked 2025-03-02"),
                a.logLine());
        assertEquals(List.of(fp), r.fingerprints());
        TestTokens.assertNoFragment(printed(r), revoked, "the history result");

        HistoryResult expired = scan(
                repo,
                HistoryRange.all(),
                new Allowlist(List.of(new AllowlistEntry(fp, "until it is revoked", LocalDate.of(2025, 5, 31)))));
        assertEquals(1, expired.findings().size());
        assertEquals(
                "allowlist entry expired on 2025-05-31",
                expired.findings().get(0).note());
        assertTrue(expired.findings().get(0).logLine().endsWith("(allowlist entry expired on 2025-05-31)"));
    }

    @Test
    void allowCommentAllowsTheSecretInTheVersionsThatCarryIt() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String fixture = tokens.npm();
        String leaked = tokens.npm();
        repo.commit(
                "fixture",
                date("2025-01-01"),
                "fixtures/.npmrc",
                "# npmrc-guard:allow fake token for the registry tests\n//localhost:4873/:_authToken=" + fixture
                        + "\n");
        repo.commit(
                "leak",
                date("2025-01-02"),
                ".npmrc",
                "# npmrc-guard:allow\n//registry.npmjs.org/:_authToken=" + leaked + "\n");

        HistoryResult r = scan(repo);

        assertEquals(1, r.allowed().size(), r::toString);
        assertEquals("allow comment", r.allowed().get(0).by());
        assertEquals("fake token for the registry tests", r.allowed().get(0).reason());
        assertEquals(Fingerprint.of(fixture), r.allowed().get(0).finding().fingerprint());
        // An allow comment without a reason allows nothing, as in check.
        assertEquals(1, r.findings().size());
        assertEquals(Fingerprint.of(leaked), r.findings().get(0).fingerprint());
        assertEquals(
                "the allow comment above gives no reason, so it allows nothing",
                r.findings().get(0).note());

        // The same secret later committed without the comment is reported.
        String bare = repo.commit(
                "copy", date("2025-01-03"), "other/.npmrc", "//localhost:4873/:_authToken=" + fixture + "\n");
        HistoryResult again = scan(repo);
        HistoryFinding copied = again.findings().stream()
                .filter(f -> f.fingerprint().equals(Fingerprint.of(fixture)))
                .findFirst()
                .orElseThrow();
        assertEquals(bare, copied.commitId());
        assertEquals(2, copied.commits());
        assertEquals(List.of(), again.allowed());
    }

    @Test
    void mergeCommitsDoNotCountWhatTheBranchWrote() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String token = tokens.npm();
        repo.commit("1", date("2025-01-01"), ".npmrc", PLACEHOLDER);
        repo.git("checkout", "-q", "-b", "feature");
        String onFeature = repo.commit("f", date("2025-01-02"), "web/.npmrc", npmrc(token));
        repo.git("checkout", "-q", "main");
        repo.commit("2", date("2025-01-03"), "README.md", "main\n");
        repo.gitAt(date("2025-01-04"), "merge", "-q", "--no-ff", "--no-edit", "feature");
        repo.git("branch", "-D", "feature");

        HistoryResult r = scan(repo);

        assertEquals(1, r.findings().size(), r::toString);
        assertEquals(onFeature, r.findings().get(0).commitId());
        assertEquals(1, r.findings().get(0).commits(), "the merge wrote nothing new");
        assertEquals(4, r.commitsWalked());
    }

    @Test
    void secretThatOnlyAMergeIntroducedIsReportedAtTheMerge() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String token = tokens.npm();
        repo.commit("1", date("2025-01-01"), "web/.npmrc", PLACEHOLDER);
        repo.git("checkout", "-q", "-b", "feature");
        repo.commit("f", date("2025-01-02"), "README.md", "feature\n");
        repo.git("checkout", "-q", "main");
        repo.commit("2", date("2025-01-03"), "api/App.java", "class App {}\n");
        repo.git("merge", "-q", "--no-ff", "--no-commit", "feature");
        Files.writeString(repo.dir.resolve("web/.npmrc"), npmrc(token), StandardCharsets.UTF_8);
        repo.git("add", "web/.npmrc");
        repo.gitAt(date("2025-01-04"), "commit", "-q", "-m", "merge feature, resolved by hand");
        String merge = repo.git("rev-parse", "HEAD").strip();

        HistoryResult r = scan(repo);

        assertEquals(1, r.findings().size(), r::toString);
        assertEquals(merge, r.findings().get(0).commitId());
    }

    @Test
    void sideBranchThatAddedAndRemovedATokenBeforeItsMergeIsStillScanned() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String token = tokens.npm();
        repo.commit("1", date("2025-01-01"), ".npmrc", PLACEHOLDER);
        repo.git("checkout", "-q", "-b", "feature");
        String added = repo.commit("add", date("2025-01-02"), ".npmrc", npmrc(token));
        repo.commit("remove", date("2025-01-03"), ".npmrc", PLACEHOLDER);
        repo.git("checkout", "-q", "main");
        repo.commit("2", date("2025-01-04"), "README.md", "main\n");
        repo.gitAt(date("2025-01-05"), "merge", "-q", "--no-ff", "--no-edit", "feature");
        repo.git("branch", "-D", "feature"); // reachable only through the merge, which is TREESAME for .npmrc

        HistoryResult r = scan(repo);

        assertEquals(1, r.findings().size(), r::toString);
        assertEquals(added, r.findings().get(0).commitId());
    }

    @Test
    void eachDistinctBlobIsReadOnceInOneBatch() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String token = tokens.npm();
        String leaked = npmrc(token);
        repo.commit("1", date("2025-01-01"), "a/.npmrc", PLACEHOLDER, "b/.npmrc", PLACEHOLDER);
        repo.commit("2", date("2025-01-02"), "a/.npmrc", leaked, "c/.npmrc", leaked);
        repo.commit("3", date("2025-01-03"), "a/.npmrc", PLACEHOLDER);
        repo.commit("4", date("2025-01-04"), "a/.npmrc", leaked, "b/.npmrc", leaked); // back to a known blob
        repo.commit("5", date("2025-01-05"), "d/.yarnrc", "\"//registry.npmjs.org/:_authToken\" \"${NPM_TOKEN}\"\n");

        GitHistory git = repo.history();
        RecordingBlobs blobs = new RecordingBlobs(git);
        HistoryScanner scanner = new HistoryScanner(git, blobs);
        HistoryResult r = scanner.scan(repo.dir, HistoryRange.all(), NOTHING, Allowlist.none(), TODAY);

        assertEquals(1, blobs.batches.size(), "one batch");
        List<String> ids = blobs.batches.get(0);
        assertEquals(3, ids.size(), "the placeholder, the leaked file and the .yarnrc: " + ids);
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertEquals(3, r.distinctBlobsRead());
        assertEquals(8, r.candidateChanges());
        assertEquals(1, r.findings().size());
        assertEquals(2, r.findings().get(0).commits());
        assertEquals(3, r.findings().get(0).paths());
    }

    @Test
    void excludedPathsAreNotRead() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        repo.commit(
                "1",
                date("2025-01-01"),
                "src/test/fixtures/.npmrc",
                npmrc(tokens.npm()),
                "node_modules/pkg/.npmrc",
                npmrc(tokens.npm()),
                ".npmrc",
                PLACEHOLDER);

        HistoryResult r = repo.scanner()
                .scan(
                        repo.dir,
                        HistoryRange.all(),
                        new PathExcludes(List.of("**/fixtures/**")),
                        Allowlist.none(),
                        TODAY);

        assertEquals(List.of(), r.findings());
        assertEquals(1, r.distinctBlobsRead());
    }

    @Test
    void theWholeRepositoryIsScannedFromASubfolderAndFromABareClone() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String token = tokens.npm();
        String added = repo.commit("1", date("2025-01-01"), "web/.npmrc", npmrc(token), "api/pom.xml", "<project/>\n");

        HistoryResult fromSub =
                repo.scanner().scan(repo.dir.resolve("api"), HistoryRange.all(), NOTHING, Allowlist.none(), TODAY);
        assertEquals("web/.npmrc", fromSub.findings().get(0).path());

        repo.git(
                "clone",
                "-q",
                "--bare",
                repo.dir.toString(),
                tmp.resolve("bare.git").toString());
        HistoryResult bare =
                repo.scanner().scan(tmp.resolve("bare.git"), HistoryRange.all(), NOTHING, Allowlist.none(), TODAY);
        assertEquals(added, bare.findings().get(0).commitId());
    }

    @Test
    void userConfigurationDoesNotChangeTheWalk() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        for (String[] kv : new String[][] {
            {"log.showSignature", "true"},
            {"log.showRoot", "false"},
            {"diff.renames", "copies"},
            {"core.abbrev", "12"},
            {"color.ui", "always"},
            {"diff.relative", "true"},
            {"log.decorate", "full"},
            {"diff.noprefix", "true"}
        }) {
            repo.git("config", kv[0], kv[1]);
        }
        String token = tokens.npm();
        String root =
                repo.commit("1", date("2025-01-01"), "web/.npmrc", npmrc(token), "api/App.java", "class App {}\n");
        repo.git("mv", "web/.npmrc", "web/.npmrc.ci"); // a rename, which diff.renames would pair up
        repo.commit("2", date("2025-01-02"));

        HistoryResult r =
                repo.scanner().scan(repo.dir.resolve("api"), HistoryRange.all(), NOTHING, Allowlist.none(), TODAY);

        assertEquals(1, r.findings().size(), r::toString);
        assertEquals(root, r.findings().get(0).commitId());
        assertEquals(2, r.findings().get(0).commits());
        assertEquals(2, r.findings().get(0).paths());
        assertEquals(1, r.distinctBlobsRead());
    }

    @Test
    void pathsWithUnusualCharactersAreReportedAsTheyAre() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        // Written with fast-import, so the names do not depend on this JVM's file name encoding.
        String first = npmrc(tokens.npm());
        String second = "npmAuthToken: " + tokens.npm() + "\n";
        String stream = "commit refs/heads/main\ncommitter Test <test@example.invalid> 1735725600 +0000\ndata 1\nx\n"
                + "M 100644 inline fr\u00f6nt end/.npmrc\ndata " + first.length() + "\n" + first + "\n"
                + "M 100644 inline \"a\\tb\\nc/.yarnrc.yml\"\ndata " + second.length() + "\n" + second + "\n\n";
        repo.gitWithInput(stream.getBytes(StandardCharsets.UTF_8), "fast-import", "--quiet");

        HistoryResult r = scan(repo);

        assertEquals(
                List.of("a\tb\nc/.yarnrc.yml", "fr\u00f6nt end/.npmrc"),
                r.findings().stream().map(HistoryFinding::path).sorted().toList());
    }

    @Test
    void repositoryWithoutCommitsGivesAnEmptyResultAndANote() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        Files.writeString(repo.dir.resolve(".npmrc"), npmrc(tokens.npm())); // not committed: not history

        HistoryResult r = scan(repo);

        assertEquals(List.of(), r.findings());
        assertEquals(List.of(HistoryScanner.NOTE_NO_COMMITS), r.notes());
        assertEquals(0, r.commitsWalked());
        assertEquals(0, r.distinctBlobsRead());
    }

    @Test
    void folderOutsideAnyRepositoryIsAClearError() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo"); // for the sandbox's environment
        Path plain = Files.createDirectories(tmp.resolve("plain"));

        HistoryException e = assertThrows(HistoryException.class, () -> repo.scanner()
                .scan(plain, HistoryRange.all(), NOTHING, Allowlist.none(), TODAY));

        assertEquals(HistoryException.Reason.NOT_A_REPOSITORY, e.reason());
        assertEquals(plain + " is not in a git repository: there is no history to scan", e.getMessage());
    }

    @Test
    void missingGitIsAClearError() throws IOException {
        Map<String, String> env = new HashMap<>(TestRepo.sandboxEnv(tmp));
        env.put("PATH", tmp.resolve("no-bin-here").toString());
        HistoryScanner scanner = new HistoryScanner(GitHistory.fromEnvironment(env, Duration.ofSeconds(5)));

        HistoryException e = assertThrows(
                HistoryException.class, () -> scanner.scan(tmp, HistoryRange.all(), NOTHING, Allowlist.none(), TODAY));

        assertEquals(HistoryException.Reason.NO_GIT, e.reason());
        assertTrue(e.getMessage().startsWith("git not found on the PATH"), e.getMessage());
    }

    @Test
    void shallowCloneIsScannedWithANoteThatTheHistoryIsIncomplete() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String token = tokens.npm();
        repo.commit("1", date("2025-01-01"), ".npmrc", npmrc(token));
        repo.commit("2", date("2025-01-02"), ".npmrc", PLACEHOLDER);
        repo.git(
                "clone",
                "-q",
                "--depth",
                "1",
                "file://" + repo.dir,
                tmp.resolve("shallow").toString());

        HistoryResult r = repo.at(tmp.resolve("shallow"))
                .scanner()
                .scan(tmp.resolve("shallow"), HistoryRange.all(), NOTHING, Allowlist.none(), TODAY);

        assertEquals(List.of(), r.findings(), "the token is beyond the boundary");
        assertEquals(List.of(HistoryScanner.NOTE_SHALLOW), r.notes());
        assertEquals(1, r.commitsWalked());
    }

    @Test
    void commitOnlyADetachedHeadInALinkedWorktreeReachesIsScannedFromEitherWorktree() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        repo.commit("1", date("2025-01-01"), ".npmrc", PLACEHOLDER);
        Path feature = tmp.resolve("feature");
        repo.git("worktree", "add", "-q", "--detach", feature.toString());
        String token = tokens.npm();
        String detached = repo.at(feature).commit("2", date("2025-01-02"), "web/.npmrc", npmrc(token));

        for (Path root : List.of(feature, repo.dir)) {
            HistoryResult r = repo.scanner().scan(root, HistoryRange.all(), NOTHING, Allowlist.none(), TODAY);

            assertEquals(1, r.findings().size(), root::toString);
            assertEquals(detached, r.findings().get(0).commitId());
            assertEquals(List.of(), r.notes());
            TestTokens.assertNoFragment(printed(r), token, "the history result");
        }
    }

    @Test
    void submoduleHistoryIsItsOwnRepositorysScannedWithTheRootInIt() throws IOException {
        TestRepo ui = TestRepo.init(tmp, "ui");
        String token = tokens.npm();
        String added = ui.commit("1", date("2025-01-01"), ".npmrc", npmrc(token));
        ui.commit("2", date("2025-01-02"), ".npmrc", PLACEHOLDER);
        TestRepo top = TestRepo.init(tmp, "top");
        top.commit("1", date("2025-01-03"), ".npmrc", PLACEHOLDER);
        top.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", ui.dir.toString(), "libs/ui");
        top.commit("2", date("2025-01-04"));

        HistoryResult superproject = scan(top);
        HistoryResult submodule =
                top.scanner().scan(top.dir.resolve("libs/ui"), HistoryRange.all(), NOTHING, Allowlist.none(), TODAY);

        assertEquals(List.of(), superproject.findings(), "the superproject records only the submodule's commit id");
        assertEquals(2, superproject.commitsWalked());
        assertEquals(1, submodule.findings().size());
        assertEquals(added, submodule.findings().get(0).commitId());
        TestTokens.assertNoFragment(printed(submodule), token, "the history result");
    }

    @Test
    void repositoryOwnedByAnotherUserIsAClearErrorNamingTheFix() throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Integer.valueOf(0).equals(Files.getAttribute(tmp, "unix:uid")),
                "only root can hand a folder to another user here");
        TestRepo repo = TestRepo.init(tmp, "repo");
        repo.commit("1", date("2025-01-01"), ".npmrc", PLACEHOLDER);
        Process chown = new ProcessBuilder("chown", "-R", "65534:65534", repo.dir.toString()).start();
        assertEquals(0, chown.waitFor());

        HistoryException e = assertThrows(HistoryException.class, () -> scan(repo));

        assertEquals(HistoryException.Reason.DUBIOUS_OWNERSHIP, e.reason());
        assertTrue(
                e.getMessage().startsWith("git refused the repository because another user owns it"), e.getMessage());
        assertTrue(e.getMessage().endsWith("safe.directory " + repo.dir.toRealPath()), e.getMessage());
    }

    @Test
    void otherGitFailureIsAnErrorNamingTheCommandAndGitsMessage() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        repo.commit("1", date("2025-01-01"), ".npmrc", PLACEHOLDER);
        Files.writeString(repo.dir.resolve(".git/refs/heads/broken"), "0123456789012345678901234567890123456789\n");

        io.github.npmrcguard.files.GitException e =
                assertThrows(io.github.npmrcguard.files.GitException.class, () -> scan(repo));

        assertEquals(128, e.exitCode());
        assertTrue(
                e.getMessage().endsWith("failed with exit code 128: fatal: bad object refs/heads/broken"),
                e.getMessage());
    }

    @Test
    void gitFileThatPointsToAMissingRepositoryIsAClearErrorThatSaysSo() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        repo.commit("1", date("2025-01-01"), ".npmrc", PLACEHOLDER);
        Path feature = tmp.resolve("feature");
        repo.git("worktree", "add", "-q", "-b", "feature", feature.toString());
        try (var paths = Files.walk(repo.dir)) { // the main repository, and with it the worktree's git dir
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        HistoryException e = assertThrows(HistoryException.class, () -> repo.scanner()
                .scan(feature, HistoryRange.all(), NOTHING, Allowlist.none(), TODAY));

        assertEquals(HistoryException.Reason.BROKEN_REPOSITORY, e.reason());
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "git cannot open the repository of " + feature + ": its .git is a"
                                        + " file pointing to a missing folder, or a damaged folder (git says: fatal: not a git repository: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("); there is no history to scan"), e.getMessage());
    }

    @Test
    void hugeBlobIsSkippedWithANote() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String token = tokens.npm();
        StringBuilder huge = new StringBuilder(npmrc(token));
        String filler = "# " + "x".repeat(1021) + "\n";
        while (huge.length() <= GitHistory.MAX_BLOB_BYTES) {
            huge.append(filler);
        }
        String big = repo.commit("1", date("2025-01-01"), "big/.npmrc", huge.toString(), ".npmrc", npmrc(token));

        HistoryResult r = scan(repo);

        assertEquals(List.of("big/.npmrc as of " + big.substring(0, 8) + ": larger than 16 MiB: not read"), r.notes());
        assertEquals(1, r.findings().size());
        assertEquals(".npmrc", r.findings().get(0).path());
        assertEquals(1, r.findings().get(0).paths());
    }
}
