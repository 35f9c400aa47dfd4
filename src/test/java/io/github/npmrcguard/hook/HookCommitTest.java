package io.github.npmrcguard.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installed hook, run by real {@code git commit}s: the script, the JVM it starts, and git's temporary indexes. */
class HookCommitTest {
    @TempDir
    Path tmp;

    private final String token = new TestTokens(23L).npm();

    private static final String PLACEHOLDER = "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n";

    private String literal() {
        return "//registry.npmjs.org/:_authToken=" + token + "\n";
    }

    private String findingLine(String path) {
        return path + ":1: literal npm access token (checksum valid) in //registry.npmjs.org/:_authToken"
                + " [literal-credential] (fingerprint " + Fingerprint.of(token) + ")";
    }

    private static final byte[] CONFIG = new HookConfig("", List.of(), List.of()).toBytes();

    private Path installed(Sandbox box, String script) throws IOException {
        return installed(box, script, "repo");
    }

    private Path installed(Sandbox box, String script, String name) throws IOException {
        Path repo = box.init(name);
        Sandbox.write(repo.resolve("README"), "readme\n");
        box.run(repo, "add", "README");
        box.run(repo, "commit", "-q", "-m", "first");
        new HookInstaller(box.git()).install(repo, script, CONFIG);
        return repo;
    }

    private Sandbox.Result commit(Sandbox box, Path repo, String... extra) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "commit", "-q", "-m", "change"));
        cmd.addAll(List.of(extra));
        Sandbox.Result r = box.command(repo, cmd);
        TestTokens.assertNoFragment(r.all(), token, "the commit's output");
        return r;
    }

    @Test
    void aStagedTokenIsRefusedAndAPlaceholderCommits() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = installed(box, Sandbox.script("test"), "the team's repo");
        Sandbox.write(repo.resolve(".npmrc"), literal());
        box.run(repo, "add", ".npmrc");

        Sandbox.Result refused = commit(box, repo);
        assertEquals(1, refused.exit(), refused.all());
        assertTrue(refused.all().contains(findingLine(".npmrc")), refused.all());
        assertEquals("first", box.run(repo, "log", "-1", "--format=%s").strip());

        Sandbox.write(repo.resolve(".npmrc"), PLACEHOLDER);
        box.run(repo, "add", ".npmrc");
        Sandbox.Result ok = commit(box, repo);
        assertEquals(0, ok.exit(), ok.all());
        assertEquals("", ok.all());
    }

    @Test
    void aDamagedClassArchiveIsIgnored() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = installed(box, Sandbox.script("test"));
        // the test classes are a folder, which the JVM cannot archive: the archive is not made, and no file is left
        assertFalse(HookArchive.make(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of(Path.of(StagedCheck.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())),
                ":",
                repo.resolve(".git/npmrc-guard"),
                repo));
        assertFalse(Files.exists(repo.resolve(".git/npmrc-guard/" + HookScript.ARCHIVE)));
        Sandbox.write(repo.resolve(".git/npmrc-guard/" + HookScript.ARCHIVE), "not an archive\n");
        Sandbox.write(repo.resolve(".npmrc"), literal());
        box.run(repo, "add", ".npmrc");

        Sandbox.Result refused = commit(box, repo);

        assertEquals(1, refused.exit(), refused.all());
        assertTrue(
                refused.all().startsWith("npmrc-guard: commit refused:\n" + findingLine(".npmrc") + "\n"),
                refused.all());
    }

    @Test
    void commitAllAndCommitOfNamedPathsCheckTheIndexTheyCommit() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = installed(box, Sandbox.script("test"));
        Sandbox.write(repo.resolve(".npmrc"), PLACEHOLDER);
        box.run(repo, "add", ".npmrc");
        assertEquals(0, commit(box, repo).exit());
        Sandbox.write(repo.resolve(".npmrc"), literal()); // changed, not staged

        Sandbox.Result all = commit(box, repo, "-a");
        assertEquals(1, all.exit(), all.all());
        assertTrue(all.all().contains(findingLine(".npmrc")), all.all());

        Sandbox.Result named = commit(box, repo, "--", ".npmrc");
        assertEquals(1, named.exit(), named.all());
        assertTrue(named.all().contains(findingLine(".npmrc")), named.all());
    }

    @Test
    void aMergeThatBringsATokenIsRefused() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = installed(box, Sandbox.script("test"));
        box.run(repo, "checkout", "-q", "-b", "topic");
        Sandbox.write(repo.resolve("web/.npmrc"), literal());
        box.run(repo, "add", "-A");
        box.run(repo, "commit", "-q", "--no-verify", "-m", "topic");
        box.run(repo, "checkout", "-q", "main");
        Sandbox.write(repo.resolve("other.txt"), "other\n");
        box.run(repo, "add", "-A");
        box.run(repo, "commit", "-q", "-m", "main moves on");
        box.run(repo, "merge", "-q", "--no-commit", "--no-ff", "topic");

        Sandbox.Result refused = commit(box, repo);

        assertEquals(1, refused.exit(), refused.all());
        assertTrue(refused.all().contains(findingLine("web/.npmrc")), refused.all());
        assertTrue(Files.exists(repo.resolve(".git/MERGE_HEAD")));
    }

    @Test
    void aCommitDuringAStoppedRebaseIsChecked() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = installed(box, Sandbox.script("test"));
        box.run(repo, "checkout", "-q", "-b", "topic");
        Sandbox.write(repo.resolve("README"), "topic\n");
        box.run(repo, "commit", "-q", "-am", "topic readme");
        box.run(repo, "checkout", "-q", "main");
        Sandbox.write(repo.resolve("README"), "main\n");
        box.run(repo, "commit", "-q", "-am", "main readme");
        box.run(repo, "checkout", "-q", "topic");
        assertEquals(1, box.exec(repo, "rebase", "-q", "main").exit()); // stops on the conflict
        Sandbox.write(repo.resolve("README"), "both\n");
        Sandbox.write(repo.resolve(".npmrc"), literal());
        box.run(repo, "add", "README", ".npmrc");

        Sandbox.Result refused = commit(box, repo);

        assertEquals(1, refused.exit(), refused.all());
        assertTrue(refused.all().contains(findingLine(".npmrc")), refused.all());
    }

    @Test
    void jarsGoneLetTheCommitThroughWithOneLine() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path gone = tmp.resolve("m2 cache/it's/io/github/npmrcguard/npmrc-guard-maven-plugin/9/plugin.jar");
        String script =
                HookScript.render("9", Path.of(System.getProperty("java.home"), "bin", "java"), List.of(gone), ":");
        Path repo = installed(box, script);
        Sandbox.write(repo.resolve(".npmrc"), literal());
        box.run(repo, "add", ".npmrc");

        Sandbox.Result r = commit(box, repo);

        assertEquals(0, r.exit(), r.all());
        assertEquals(
                List.of("npmrc-guard: this commit was NOT checked for npm credentials: the plugin's jars are"
                        + " gone from the local Maven repository (" + gone
                        + "); to repair, run mvn npmrc-guard:install-hook"),
                r.all().lines().toList());
    }

    @Test
    void noJavaLetsTheCommitThroughWithOneLine() throws IOException {
        Sandbox box = new Sandbox(tmp);
        String script = HookScript.render("9", tmp.resolve("no-jdk/bin/java"), List.of(tmp.resolve("x.jar")), ":");
        Path repo = installed(box, script);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("git", "sh", "dirname")) {
            for (String dir : List.of("/usr/bin/", "/bin/")) {
                if (Files.isExecutable(Path.of(dir + tool)) && !Files.exists(bin.resolve(tool))) {
                    Sandbox.write(bin.resolve(tool), "#!/bin/sh\nexec " + dir + tool + " \"$@\"\n")
                            .toFile()
                            .setExecutable(true);
                }
            }
        }
        box.env.put("PATH", bin.toString());
        box.env.remove("JAVA_HOME");
        // a commit that touches no config file starts no JVM, so it has nothing to say
        Sandbox.write(repo.resolve("docs/guide.md"), "guide\n");
        box.run(repo, "add", "docs/guide.md");
        assertEquals(new Sandbox.Result(0, "", ""), commit(box, repo));
        Sandbox.write(repo.resolve(".npmrc"), literal());
        box.run(repo, "add", ".npmrc");

        Sandbox.Result r = commit(box, repo);

        assertEquals(0, r.exit(), r.all());
        assertEquals(
                List.of("npmrc-guard: this commit was NOT checked for npm credentials: no java found (not at the"
                        + " build's, JAVA_HOME or the PATH); to repair, run mvn npmrc-guard:install-hook"),
                r.all().lines().toList());
        assertFalse(r.all().contains("Exception"));
    }
}
