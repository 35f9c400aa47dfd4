package io.github.npmrcguard.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.allow.AllowlistEntry;
import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.testsupport.FileNames;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedCheckTest {
    @TempDir
    Path tmp;

    private final String token = new TestTokens(17L).npm();

    private String npmrc() {
        return "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=" + token + "\n";
    }

    private static final String PLACEHOLDER =
            "registry=https://registry.npmjs.org/\n" + "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n";

    private String findingLine(String path) {
        return path + ":2: literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken"
                + " [literal-credential] (fingerprint " + Fingerprint.of(token) + ")";
    }

    private record Run(int status, String out) {}

    private Run check(Sandbox box, Path cwd, HookConfig config) throws IOException {
        return check(box.env, cwd, config);
    }

    /** The check run as the script runs it, with what is staged piped in, which must not change its answer. */
    private Run check(Map<String, String> env, Path cwd, HookConfig config) throws IOException {
        Run run = check(env, cwd, config, null);
        byte[] piped = piped(env, cwd);
        if (piped.length > 0) {
            // git, if the check ran it after all, would read an empty index and find nothing staged
            Map<String, String> noIndex = new HashMap<>(env);
            noIndex.put("GIT_INDEX_FILE", tmp.resolve("no-index").toString());
            assertEquals(run, check(noIndex, cwd, config, piped), "with what is staged piped in");
        }
        return run;
    }

    private Run check(Map<String, String> env, Path cwd, HookConfig config, byte[] piped) throws IOException {
        Path settings = Files.write(Files.createTempFile(tmp, "config", ".properties"), config.toBytes());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = piped == null
                ? StagedCheck.run(new String[] {settings.toString()}, env, cwd, out)
                : StagedCheck.run(
                        new String[] {settings.toString(), StagedCheck.STAGED_ON_STDIN},
                        env,
                        cwd,
                        new ByteArrayInputStream(piped),
                        out);
        String text = bytes.toString(StandardCharsets.UTF_8);
        TestTokens.assertNoFragment(text, token, "the hook's output");
        return new Run(status, text);
    }

    /** What the hook script pipes into the check in {@code cwd}; empty when git lists nothing. */
    private static byte[] piped(Map<String, String> env, Path cwd) throws IOException {
        String sh =
                "list=$(" + HookScript.STAGED_LIST + ") && [ -n \"$list\" ] && { " + HookScript.STAGED_BLOBS + "; }";
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", sh).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        return out;
    }

    @Test
    void pipedInputThatIsNotWholeIsReadFromGitInstead() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        Sandbox.write(repo.resolve("front end/.npmrc"), npmrc());
        box.run(repo, "add", "-A");
        byte[] piped = piped(box.env, repo);
        Run whole = check(box.env, repo, plain(), null);

        for (int cut : new int[] {0, 10, piped.length / 2, piped.length - 1}) {
            byte[] part = java.util.Arrays.copyOf(piped, cut);
            assertEquals(whole, check(box.env, repo, plain(), part), "cut at " + cut);
        }
        assertEquals(HookScript.REFUSED, whole.status(), whole.out());
        assertTrue(whole.out().contains(findingLine("front end/.npmrc")), whole.out());
    }

    private static HookConfig plain() {
        return new HookConfig("", List.of(), List.of());
    }

    @Test
    void aStagedTokenIsRefusedWithCheckLinesAndTheFix() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        Sandbox.write(repo.resolve(".npmrc"), npmrc());
        box.run(repo, "add", ".npmrc");

        Run run = check(box, repo, plain());

        assertEquals(HookScript.REFUSED, run.status(), run.out());
        assertEquals(
                List.of("npmrc-guard: commit refused:", findingLine(".npmrc")),
                run.out().lines().limit(2).toList());
        assertTrue(run.out().contains("run mvn npmrc-guard:fix"), run.out());
        assertTrue(run.out().contains("Then stage the changed files (git add '.npmrc') and commit again."), run.out());
    }

    @Test
    void placeholdersAllowCommentsAndAllowlistEntriesPass() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        Sandbox.write(repo.resolve("a/.npmrc"), PLACEHOLDER);
        Sandbox.write(
                repo.resolve("b/.npmrc"),
                "registry=https://registry.npmjs.org/\n"
                        + "# npmrc-guard:allow a throwaway token for the docs\n//registry.npmjs.org/:_authToken="
                        + token + "\n");
        box.run(repo, "add", "-A");
        assertEquals(new Run(0, ""), check(box, repo, plain()));

        Sandbox.write(repo.resolve("c/.npmrc"), npmrc());
        box.run(repo, "add", "-A");
        assertEquals(HookScript.REFUSED, check(box, repo, plain()).status());
        HookConfig allowed = new HookConfig(
                "", List.of(), List.of(new AllowlistEntry(Fingerprint.of(token), "revoked in the test", null)));
        assertEquals(new Run(0, ""), check(box, repo, allowed));
    }

    @Test
    void warningsAreShownAndDoNotBlock() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        Sandbox.write(
                repo.resolve(".npmrc"),
                "registry=https://registry.npmjs.org/\n" + "//registry.npmjs.org/:_authToken=$NPM_TOKEN\n");
        box.run(repo, "add", ".npmrc");

        Run run = check(box, repo, plain());

        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().startsWith("npmrc-guard: warning: .npmrc:2: "), run.out());
    }

    @Test
    void onlyWhatIsStagedCounts() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        Sandbox.write(repo.resolve(".npmrc"), PLACEHOLDER);
        box.run(repo, "add", ".npmrc");
        box.run(repo, "commit", "-q", "-m", "placeholder");
        Sandbox.write(repo.resolve(".npmrc"), npmrc()); // the working copy only
        Sandbox.write(repo.resolve("untracked/.npmrc"), npmrc());

        assertEquals(new Run(0, ""), check(box, repo, plain()));
    }

    @Test
    void aFirstCommitInAnEmptyRepositoryIsChecked() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        Sandbox.write(repo.resolve("web/.yarnrc.yml"), "npmAuthToken: \"" + token + "\"\n");
        box.run(repo, "add", "-A");

        Run run = check(box, repo, plain());

        assertEquals(HookScript.REFUSED, run.status(), run.out());
        assertTrue(run.out().contains("web/.yarnrc.yml:1: "), run.out());
    }

    @Test
    void deletionsPassAndRenamesAreCheckedAtTheirNewPath() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        Sandbox.write(repo.resolve("old/.npmrc"), npmrc());
        box.run(repo, "add", "-A");
        box.run(repo, "commit", "-q", "--no-verify", "-m", "a token slipped through");

        Files.createDirectories(repo.resolve("new"));
        box.run(repo, "mv", "old/.npmrc", "new/.npmrc");
        Run renamed = check(box, repo, plain());
        assertEquals(HookScript.REFUSED, renamed.status(), renamed.out());
        assertTrue(renamed.out().contains(findingLine("new/.npmrc")), renamed.out());
        assertFalse(renamed.out().contains("old/.npmrc"), renamed.out());

        box.run(repo, "rm", "-q", "-f", "new/.npmrc");
        assertEquals(new Run(0, ""), check(box, repo, plain()));
    }

    @Test
    void pathsWithSpacesAndNonAsciiNames() throws IOException {
        FileNames.assumeUnicode();
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        String path = "front end/m\u00fcnchen \u65e5\u672c/.npmrc";
        Sandbox.write(repo.resolve(path), npmrc());
        box.run(repo, "add", "-A");

        Run run = check(box, repo, plain());

        assertEquals(HookScript.REFUSED, run.status(), run.out());
        assertTrue(run.out().contains(findingLine(path)), run.out());
        assertTrue(run.out().contains("(git add '" + path + "')"), run.out());
    }

    @Test
    void aStagedFileTooLargeToParseIsSearchedForTokens() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        StringBuilder big = new StringBuilder();
        String filler = "# " + "x".repeat(1000) + "\n";
        while (big.length() < 17 << 20) {
            big.append(filler);
        }
        big.append("//registry.npmjs.org/:_authToken=").append(token).append('\n');
        Sandbox.write(repo.resolve(".npmrc"), big.toString());
        box.run(repo, "add", ".npmrc");

        Run run = check(box, repo, plain());

        assertEquals(HookScript.REFUSED, run.status(), run.out());
        assertTrue(run.out().contains("(fingerprint " + Fingerprint.of(token) + ")"), run.out());
    }

    @Test
    void excludesAndTheScanRootApply() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        Sandbox.write(repo.resolve("docs/examples/.npmrc"), npmrc());
        Sandbox.write(repo.resolve("node_modules/pkg/.npmrc"), npmrc());
        box.run(repo, "add", "-f", "-A");
        assertEquals(new Run(0, ""), check(box, repo, new HookConfig("", List.of("docs/examples/**"), List.of())));

        Sandbox.write(repo.resolve("web/app/.npmrc"), npmrc());
        box.run(repo, "add", "-A");
        Run run = check(box, repo, new HookConfig("web/", List.of("docs/**"), List.of()));
        assertEquals(HookScript.REFUSED, run.status(), run.out());
        assertTrue(run.out().contains(findingLine("app/.npmrc")), run.out());
        assertTrue(run.out().contains("(git add 'web/app/.npmrc')"), run.out());
    }

    @Test
    void aSubmoduleIsCheckedOnItsOwn() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path lib = box.init("lib");
        Sandbox.write(lib.resolve("README"), "lib\n");
        box.run(lib, "add", "-A");
        box.run(lib, "commit", "-q", "-m", "lib");
        Path app = box.init("app");
        box.run(app, "-c", "protocol.file.allow=always", "submodule", "add", "-q", lib.toString(), "lib");
        Path sub = app.resolve("lib");
        Sandbox.write(sub.resolve(".npmrc"), npmrc());
        box.run(sub, "add", ".npmrc");

        Run run = check(box, sub, plain());

        assertEquals(HookScript.REFUSED, run.status(), run.out());
        assertTrue(run.out().contains(findingLine(".npmrc")), run.out());
        assertEquals(0, check(box, app, plain()).status()); // the superproject stages only the submodule's commit
    }

    @Test
    void whatCannotBeCheckedSaysSoInOneLineAndPasses() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        Sandbox.write(repo.resolve(".npmrc"), npmrc());
        box.run(repo, "add", ".npmrc");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = StagedCheck.run(
                new String[] {tmp.resolve("gone.properties").toString()},
                box.env,
                repo,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(HookScript.NOT_CHECKED, status);
        assertEquals(
                List.of("npmrc-guard: this commit was NOT checked for npm credentials (its settings file "
                        + tmp.resolve("gone.properties")
                        + " cannot be read); to repair the hook, run mvn npmrc-guard:install-hook"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());

        Map<String, String> noGit = new HashMap<>(box.env);
        noGit.put("PATH", tmp.resolve("nothing").toString());
        Run run = check(noGit, repo, plain());
        assertEquals(HookScript.NOT_CHECKED, run.status());
        assertTrue(run.out().contains("(no git on the PATH)"), run.out());
    }
}
