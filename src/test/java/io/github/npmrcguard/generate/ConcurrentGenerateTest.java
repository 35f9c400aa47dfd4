package io.github.npmrcguard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds generating into the same project at once (two {@code mvn} processes, or {@code -T} on two
 * checkouts sharing a folder): two JVMs run the real {@link Generator} over one project many times each,
 * while this one reads the file. Every read sees the old content or the generated one, never a mix; at the
 * end the file is exactly what a single run writes, with its mode, and no temporary file is left.
 */
class ConcurrentGenerateTest {
    private static final String OLD = "registry=https://registry.npmjs.org/\n; kept comment\n";

    @TempDir
    Path tmp;

    private Path project(String name) throws IOException {
        TreeBuilder t = new TreeBuilder(Files.createDirectories(tmp.resolve(name)));
        t.file("app/pom.xml", "<project/>");
        t.packageJson("app/src/main/frontend", "");
        t.file("app/src/main/frontend/package-lock.json", "{}");
        Path npmrc = t.file("app/src/main/frontend/.npmrc", OLD);
        Files.setPosixFilePermissions(npmrc, PosixFilePermissions.fromString("rw-r-----"));
        return t.root();
    }

    private Process child(Path root, int runs) throws IOException {
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                GenerateChild.class.getName(),
                root.toString(),
                tmp.resolve("home").toString(),
                String.valueOf(runs),
                root.resolve("app/src/main/frontend/.npmrc").toString(),
                OLD);
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoProcessesGeneratingAtOnceLeaveTheSingleRunResultAndNoTemporaryFile() throws Exception {
        Path single = project("single");
        new Generator(GeneratorOptions.builder()
                        .environment(Map.of())
                        .homeDirectory(tmp.resolve("home"))
                        .projectRoot(single)
                        .build())
                .run(List.of(ModuleInput.of(single.resolve("app"))));
        byte[] expected = Files.readAllBytes(single.resolve("app/src/main/frontend/.npmrc"));
        byte[] old = OLD.getBytes(StandardCharsets.UTF_8);
        assertNotEquals(new String(old, StandardCharsets.UTF_8), new String(expected, StandardCharsets.UTF_8));

        Path shared = project("shared");
        Path npmrc = shared.resolve("app/src/main/frontend/.npmrc");
        Process one = child(shared, 150);
        Process two = child(shared, 150);
        int reads = 0;
        int sawNew = 0;
        while (one.isAlive() || two.isAlive()) {
            byte[] now = Files.readAllBytes(npmrc);
            if (!java.util.Arrays.equals(now, old) && !java.util.Arrays.equals(now, expected)) {
                fail("read " + reads + ": neither the old file nor the generated one:\n"
                        + new String(now, StandardCharsets.UTF_8));
            }
            sawNew += java.util.Arrays.equals(now, expected) ? 1 : 0;
            reads++;
        }
        for (Process p : List.of(one, two)) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertEquals("done", out.strip());
        }
        assertTrue(reads > 10 && sawNew > 0, reads + " reads, " + sawNew + " of the generated file");
        assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(npmrc));
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), Files.getPosixFilePermissions(npmrc));
        try (Stream<Path> left = Files.list(npmrc.getParent())) {
            assertEquals(
                    List.of(".npmrc", "package-lock.json", "package.json"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
