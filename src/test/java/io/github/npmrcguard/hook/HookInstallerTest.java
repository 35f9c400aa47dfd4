package io.github.npmrcguard.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookInstallerTest {
    @TempDir
    Path tmp;

    /** A stand-in for the check: says it ran, and refuses when the staged tree has a file named REFUSE. */
    private static final String PROBE = "#!/bin/sh\necho probe-ran\n"
            + "if git diff --cached --name-only | grep -q REFUSE; then echo probe-refused; exit 1; fi\nexit 0\n";

    private static final byte[] CONFIG = new HookConfig("", List.of(), List.of()).toBytes();

    private static final String HUSKY = "#!/usr/bin/env sh\necho husky-ran\nexit 0\n";

    private Sandbox.Result commit(Sandbox box, Path repo, String file) throws IOException {
        Sandbox.write(repo.resolve(file), file + "\n");
        box.run(repo, "add", "--", file);
        return box.exec(repo, "commit", "-q", "-m", "add " + file);
    }

    @Test
    void installsAHookThatRunsAndRefuses() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        HookInstaller.Outcome outcome = new HookInstaller(box.git()).install(repo, PROBE, CONFIG);
        assertNull(outcome.lineToAdd());
        assertTrue(Files.isExecutable(repo.resolve(".git/hooks/pre-commit")));
        assertTrue(Files.isRegularFile(repo.resolve(".git/npmrc-guard/config.properties")));

        Sandbox.Result ok = commit(box, repo, "a.txt");
        assertEquals(0, ok.exit(), ok.all());
        assertTrue(ok.all().contains("probe-ran"), ok.all());

        Sandbox.Result refused = commit(box, repo, "REFUSE");
        assertEquals(1, refused.exit(), refused.all());
        assertTrue(refused.all().contains("probe-refused"), refused.all());
    }

    @Test
    void installingAgainChangesNothing() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        HookInstaller installer = new HookInstaller(box.git());
        installer.install(repo, PROBE, CONFIG);
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Path runner = repo.resolve(".git/npmrc-guard/pre-commit");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(hook, old);
        Files.setLastModifiedTime(runner, old);
        byte[] before = Files.readAllBytes(hook);

        HookInstaller.Outcome again = installer.install(repo, PROBE, CONFIG);

        assertEquals(List.of(), again.done());
        assertFalse(again.scriptWritten());
        assertEquals(old, Files.getLastModifiedTime(hook));
        assertEquals(old, Files.getLastModifiedTime(runner));
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(hook));
    }

    @Test
    void aNewVersionRewritesItsScriptOnly() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        HookInstaller installer = new HookInstaller(box.git());
        assertTrue(installer.install(repo, Sandbox.script("1.0.0"), CONFIG).scriptWritten());
        Sandbox.write(repo.resolve(".git/npmrc-guard/" + HookScript.ARCHIVE), "made for 1.0.0\n");
        String hookBefore = Files.readString(repo.resolve(".git/hooks/pre-commit"));

        HookInstaller.Outcome update = installer.install(repo, Sandbox.script("1.1.0"), CONFIG);

        assertEquals(1, update.done().size(), update.done().toString());
        assertTrue(update.scriptWritten());
        assertFalse(Files.exists(repo.resolve(".git/npmrc-guard/" + HookScript.ARCHIVE))); // the old jars' classes
        assertTrue(Files.readString(repo.resolve(".git/npmrc-guard/pre-commit")).contains("plugin 1.1.0:"));
        assertEquals(hookBefore, Files.readString(repo.resolve(".git/hooks/pre-commit")));
    }

    @Test
    void chainsAnExistingHuskyStyleHookThatStillRuns() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        Path hook = Sandbox.write(repo.resolve(".git/hooks/pre-commit"), HUSKY);
        hook.toFile().setExecutable(true);

        HookInstaller.Outcome outcome = new HookInstaller(box.git()).install(repo, PROBE, CONFIG);

        assertNull(outcome.lineToAdd());
        assertEquals("#!/usr/bin/env sh\n" + HookInstaller.LINE + "\necho husky-ran\nexit 0\n", Files.readString(hook));
        Sandbox.Result ok = commit(box, repo, "a.txt");
        assertEquals(0, ok.exit(), ok.all());
        assertTrue(ok.all().contains("probe-ran") && ok.all().contains("husky-ran"), ok.all());
        Sandbox.Result refused = commit(box, repo, "REFUSE");
        assertEquals(1, refused.exit(), refused.all());
        assertFalse(refused.all().contains("husky-ran"), refused.all());

        // installing again adds no second line
        new HookInstaller(box.git()).install(repo, PROBE, CONFIG);
        assertEquals("#!/usr/bin/env sh\n" + HookInstaller.LINE + "\necho husky-ran\nexit 0\n", Files.readString(hook));
    }

    @Test
    void uninstallRemovesOnlyItsOwn() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path chained = box.init("chained");
        Path hook = Sandbox.write(chained.resolve(".git/hooks/pre-commit"), HUSKY);
        hook.toFile().setExecutable(true);
        Sandbox.write(chained.resolve(".git/npmrc-guard/notes.txt"), "someone else's\n");
        HookInstaller installer = new HookInstaller(box.git());
        installer.install(chained, PROBE, CONFIG);

        installer.uninstall(chained);

        assertEquals(HUSKY, Files.readString(hook));
        assertTrue(Files.isExecutable(hook));
        assertFalse(Files.exists(chained.resolve(".git/npmrc-guard/pre-commit")));
        assertTrue(Files.exists(chained.resolve(".git/npmrc-guard/notes.txt")));

        Path own = box.init("own");
        installer.install(own, PROBE, CONFIG);
        installer.uninstall(own);
        assertFalse(Files.exists(own.resolve(".git/hooks/pre-commit")));
        assertFalse(Files.exists(own.resolve(".git/npmrc-guard")));

        Path foreign = box.init("foreign");
        Path other = Sandbox.write(foreign.resolve(".git/hooks/pre-commit"), HUSKY);
        assertEquals(List.of(), installer.uninstall(foreign).done());
        assertEquals(HUSKY, Files.readString(other));
    }

    @Test
    void honoursCoreHooksPath() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        box.run(repo, "config", "core.hooksPath", ".hooks");
        Sandbox.write(repo.resolve(".gitignore"), ".hooks/\n");

        new HookInstaller(box.git()).install(repo, PROBE, CONFIG);

        assertTrue(Files.isRegularFile(repo.resolve(".hooks/pre-commit")));
        assertFalse(Files.exists(repo.resolve(".git/hooks/pre-commit")));
        // the script and its settings stay out of the work tree
        assertTrue(Files.isRegularFile(repo.resolve(".git/npmrc-guard/pre-commit")));
        Sandbox.Result refused = commit(box, repo, "REFUSE");
        assertEquals(1, refused.exit(), refused.all());
    }

    @Test
    void uninstallKeepsTheLineInAHooksFolderOtherRepositoriesShare() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path first = box.init("first");
        Path second = box.init("second");
        Path global = tmp.resolve("global-hooks");
        box.run(first, "config", "--global", "core.hooksPath", global.toString());
        HookInstaller installer = new HookInstaller(box.git());
        installer.install(first, PROBE, CONFIG);
        installer.install(second, PROBE, CONFIG);
        Path hook = global.resolve("pre-commit");
        String shared = Files.readString(hook);

        HookInstaller.Outcome out = installer.uninstall(first);

        assertEquals(shared, Files.readString(hook), "the other repository's check still runs from this line");
        assertTrue(
                out.done().get(0).startsWith("kept the npmrc-guard line in " + hook),
                out.done().toString());
        assertFalse(Files.exists(first.resolve(".git/npmrc-guard/pre-commit")));
        Sandbox.Result unchecked = commit(box, first, "REFUSE");
        assertEquals(0, unchecked.exit(), unchecked.all());
        assertFalse(unchecked.all().contains("probe-ran"), unchecked.all());
        Sandbox.Result refused = commit(box, second, "REFUSE");
        assertEquals(1, refused.exit(), refused.all());
    }

    @Test
    void aTrackedHookIsLeftAloneAndTheLineToAddIsGiven() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        box.run(repo, "config", "core.hooksPath", ".githooks");
        Path hook = Sandbox.write(repo.resolve(".githooks/pre-commit"), HUSKY);
        box.run(repo, "add", ".githooks/pre-commit");

        HookInstaller.Outcome outcome = new HookInstaller(box.git()).install(repo, PROBE, CONFIG);

        assertEquals(HookInstaller.LINE, outcome.lineToAdd());
        assertEquals(HUSKY, Files.readString(hook));
        assertTrue(
                outcome.done().get(outcome.done().size() - 1).contains("git tracks it"),
                outcome.done().toString());
    }

    @Test
    void aHookInAnotherLanguageIsLeftAlone() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        String python = "#!/usr/bin/env python3\nprint('hi')\n";
        Path hook = Sandbox.write(repo.resolve(".git/hooks/pre-commit"), python);

        HookInstaller.Outcome outcome = new HookInstaller(box.git()).install(repo, PROBE, CONFIG);

        assertEquals(HookInstaller.LINE, outcome.lineToAdd());
        assertEquals(python, Files.readString(hook));
    }

    @Test
    void aLinkedWorktreeUsesTheRepositorysHooks() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path repo = box.init("repo");
        commit(box, repo, "first.txt");
        box.run(repo, "worktree", "add", "-q", tmp.resolve("linked").toString());
        Path linked = tmp.resolve("linked").toRealPath();

        new HookInstaller(box.git()).install(linked, PROBE, CONFIG);

        assertTrue(Files.isRegularFile(repo.resolve(".git/hooks/pre-commit")));
        assertTrue(Files.isRegularFile(repo.resolve(".git/npmrc-guard/pre-commit")));
        Sandbox.Result refusedThere = commit(box, linked, "REFUSE");
        assertEquals(1, refusedThere.exit(), refusedThere.all());
        Sandbox.Result refusedHere = commit(box, repo, "REFUSE");
        assertEquals(1, refusedHere.exit(), refusedHere.all());
    }

    @Test
    void aSubmoduleGetsItsOwnHook() throws IOException {
        Sandbox box = new Sandbox(tmp);
        Path lib = box.init("lib");
        commit(box, lib, "first.txt");
        Path app = box.init("app");
        box.run(app, "-c", "protocol.file.allow=always", "submodule", "add", "-q", lib.toString(), "lib");
        Path sub = app.resolve("lib");

        new HookInstaller(box.git()).install(sub, PROBE, CONFIG);

        assertTrue(Files.isRegularFile(app.resolve(".git/modules/lib/hooks/pre-commit")));
        assertTrue(Files.isRegularFile(app.resolve(".git/modules/lib/npmrc-guard/pre-commit")));
        assertFalse(Files.exists(app.resolve(".git/hooks/pre-commit")));
        Sandbox.Result refused = commit(box, sub, "REFUSE");
        assertEquals(1, refused.exit(), refused.all());
        assertTrue(refused.all().contains("probe-refused"), refused.all());
    }
}
