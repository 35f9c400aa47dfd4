package io.github.npmrcguard.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Installs a small real package (semver, no dependencies) into a fresh cache per test. */
class NodeToolsTest {

    static final NodeTools.Spec SEMVER = NodeTools.Spec.of("semver", "7.7.3");

    @Test
    void specsTakeExactVersionsOnly() {
        for (String notExact : List.of("^7.7.3", "~7.7.3", "7.x", "latest", "7.7", ">=7.0.0", "")) {
            assertThrows(IllegalArgumentException.class, () -> NodeTools.Spec.of("semver", notExact), notExact);
            assertThrows(IllegalArgumentException.class, () -> SEMVER.pin("lru-cache", notExact), notExact);
        }
        assertThrows(IllegalArgumentException.class, () -> NodeTools.Spec.of("Not A Name", "1.0.0"));
        NodeTools.Spec.of("@scope/pkg", "1.0.0-rc.1+build.5"); // accepted
    }

    @Test
    void packageJsonPinsTheVersionAndOverridesTransitiveDependencies() {
        String json = NodeTools.Spec.of("@scope/tool", "1.2.3")
                .pin("@scope/tool-linux", "1.2.3")
                .packageJson();

        Object parsed = JsonReader.parse(json);
        assertEquals("1.2.3", JsonReader.string(parsed, "dependencies", "@scope/tool"));
        assertEquals("1.2.3", JsonReader.string(parsed, "overrides", "@scope/tool-linux"));
    }

    @Test
    void installsOnceRunsThePostInstallStepsAndReusesTheCache(@TempDir Path tmp) throws Exception {
        AtomicInteger installs = new AtomicInteger();
        NodeTools.Spec spec = SEMVER.executable("node_modules/semver/index.js")
                .afterInstall("count", prefix -> installs.incrementAndGet());
        NodeTools tools = new NodeTools(tmp.resolve("cache"), "npm");

        NodeTools.Installation first = tools.install(spec);
        NodeTools.Installation second = tools.install(spec);

        assertEquals(1, installs.get(), "the second call reuses the first install");
        assertEquals(tmp.resolve("cache/semver@7.7.3"), first.prefix());
        assertEquals(first.prefix(), second.prefix());
        assertEquals("1.2.3", run(first.bin("semver").toString(), "1.2.3", "-r", ">=1.0.0"));
        if (!isWindows()) {
            assertTrue(Files.isExecutable(first.file("node_modules/semver/index.js")));
        }
        assertThrows(AssertionError.class, () -> first.bin("no-such-bin"));
        try (Stream<Path> entries = Files.list(tmp.resolve("cache"))) {
            assertEquals(
                    List.of("semver@7.7.3", "semver@7.7.3.lock"),
                    entries.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary folder left");
        }
    }

    @Test
    void aChangedSpecInstallsAgainInThePlaceOfTheOld(@TempDir Path tmp) {
        NodeTools tools = new NodeTools(tmp.resolve("cache"), "npm");
        AtomicInteger installs = new AtomicInteger();
        tools.install(SEMVER.afterInstall("step v1", prefix -> installs.incrementAndGet()));

        NodeTools.Installation again =
                tools.install(SEMVER.afterInstall("step v2", prefix -> installs.incrementAndGet()));

        assertEquals(2, installs.get());
        assertTrue(Files.exists(again.file("node_modules/semver/package.json")));
    }

    @Test
    void twoJvmsInstallingAtOnceRunNpmOnce(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        Files.createDirectories(cache);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> jvms = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            jvms.add(new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            NodeToolsProbe.class.getName(),
                            cache.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("jvm" + i + ".log").toFile())
                    .start());
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(jvms.get(i).waitFor(5, TimeUnit.MINUTES), "JVM " + i + " finished");
            String log = Files.readString(tmp.resolve("jvm" + i + ".log"));
            assertEquals(0, jvms.get(i).exitValue(), log);
            assertEquals(
                    List.of(
                            cache.resolve("semver@7.7.3").toString(),
                            cache.resolve("semver@7.7.3").toString()),
                    log.lines().toList());
        }

        assertEquals(
                List.of("installed"),
                Files.readAllLines(cache.resolve("installs.log")),
                "four installers in two JVMs, one npm install");
    }

    @Test
    void aMissingNpmFailsWithWhatToInstall(@TempDir Path tmp) {
        NodeTools onPath = new NodeTools(tmp.resolve("cache"), "npm-that-does-not-exist");
        NodeTools atPath =
                new NodeTools(tmp.resolve("cache"), tmp.resolve("bin/npm").toString());

        AssertionError e1 = assertThrows(AssertionError.class, () -> onPath.install(SEMVER));
        AssertionError e2 = assertThrows(AssertionError.class, () -> atPath.install(SEMVER));

        assertTrue(e1.getMessage().contains("'npm-that-does-not-exist' is not on the PATH"), e1.getMessage());
        assertTrue(e1.getMessage().contains("semver@7.7.3"), e1.getMessage());
        assertTrue(e1.getMessage().contains("Install Node.js"), e1.getMessage());
        assertTrue(e2.getMessage().contains("npm not found at " + tmp.resolve("bin/npm")), e2.getMessage());
        assertFalse(Files.exists(tmp.resolve("cache/semver@7.7.3")));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in npm is a shell script")
    void aFailingInstallFailsWithNpmsOutputAndLeavesNothingBehind(@TempDir Path tmp) throws IOException {
        Path fakeNpm = tmp.resolve("npm");
        Files.writeString(fakeNpm, "#!/bin/sh\necho \"npm error 404 Not Found: $*\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(fakeNpm, PosixFilePermissions.fromString("rwx------"));
        NodeTools tools = new NodeTools(tmp.resolve("cache"), fakeNpm.toString());

        AssertionError e = assertThrows(AssertionError.class, () -> tools.install(SEMVER));

        assertTrue(e.getMessage().contains("npm failed (exit 1) installing semver@7.7.3"), e.getMessage());
        assertTrue(e.getMessage().contains("npm error 404 Not Found: install --prefix"), e.getMessage());
        try (Stream<Path> entries = Files.list(tmp.resolve("cache"))) {
            assertEquals(
                    List.of("semver@7.7.3.lock"),
                    entries.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in npm is a shell script")
    void aLockfileSpecInstallsWithNpmCi(@TempDir Path tmp) throws IOException {
        Path fakeNpm = tmp.resolve("npm");
        Path args = tmp.resolve("args");
        // Records its arguments and fails, so the test sees the command without a real install.
        Files.writeString(fakeNpm, "#!/bin/sh\necho \"$@\" > '" + args + "'\nexit 3\n");
        Files.setPosixFilePermissions(fakeNpm, PosixFilePermissions.fromString("rwx------"));
        NodeTools tools = new NodeTools(tmp.resolve("cache"), fakeNpm.toString());

        assertThrows(AssertionError.class, () -> tools.install(SarifMultitool.spec()));

        String command = Files.readString(args, StandardCharsets.UTF_8);
        assertTrue(command.startsWith("ci --prefix "), command);
        assertTrue(command.contains("--ignore-scripts"), command);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").startsWith("Windows");
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
