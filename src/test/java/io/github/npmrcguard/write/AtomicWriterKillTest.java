package io.github.npmrcguard.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtomicWriter} as {@code fix} and {@code generate} use it, killed (SIGKILL, no shutdown hooks) at
 * random points in forked JVMs that rewrite one file in a loop: after every kill, and at every moment while
 * two writers race, the file is exactly one of the contents written, never a mix, a truncation or empty,
 * and it keeps its mode. A kill may leave a {@code .<name>.<hex>.tmp} file beside it (the writer's temporary
 * file, named so it is recognisably a leftover); it never replaces the target.
 */
class AtomicWriterKillTest {
    @TempDir
    Path tmp;

    private static byte[] content(char fill, int size, String head) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) fill);
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, b, 0, h.length);
        b[size - 1] = '\n';
        return b;
    }

    private Process child(Path target, Path... contents) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                AtomicWriterChild.class.getName(),
                target.toString()));
        for (Path c : contents) {
            cmd.add(c.toString());
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static void awaitReady(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"ready".equals(line)) {
            fail("the writer JVM did not start: " + line);
        }
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the writer JVM did not die");
    }

    private static String which(byte[] actual, byte[]... expected) {
        for (int i = 0; i < expected.length; i++) {
            if (Arrays.equals(actual, expected[i])) {
                return "content " + i;
            }
        }
        return null;
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void killedAtAnyPointTheFileIsExactlyOldOrNewAndKeepsItsMode() throws Exception {
        byte[] a = content('a', 300_000, "//r.example/:_authToken=${NPM_TOKEN}\n");
        byte[] b = content('b', 200_001, "registry=https://r.example/\n");
        Path ca = Files.write(tmp.resolve("a.bin"), a);
        Path cb = Files.write(tmp.resolve("b.bin"), b);
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Path target = Files.write(dir.resolve(".npmrc"), a);
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, mode);
        Random random = new Random(11);
        int kills = Integer.getInteger("atomic.kills", 25);
        int sawA = 0;
        int sawB = 0;
        for (int i = 0; i < kills; i++) {
            Process p = child(target, cb, ca);
            awaitReady(p);
            Thread.sleep(random.nextInt(40));
            kill(p);
            byte[] now = Files.readAllBytes(target);
            String got = which(now, a, b);
            if (got == null) {
                fail("kill " + i + ": .npmrc holds neither content (" + now.length + " bytes)");
            }
            sawA += got.equals("content 0") ? 1 : 0;
            sawB += got.equals("content 1") ? 1 : 0;
            assertEquals(mode, Files.getPosixFilePermissions(target), "kill " + i + ": mode");
            assertTrue(Files.isRegularFile(target));
        }
        assertEquals(kills, sawA + sawB);
        try (Stream<Path> left = Files.list(dir)) {
            for (Path p : left.toList()) {
                String name = p.getFileName().toString();
                assertTrue(name.equals(".npmrc") || name.matches("\\.\\.npmrc\\.[0-9]+-[0-9a-f]+-[0-9]+\\.tmp"), name);
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoWritersAtOnceLeaveOneWholeFileAndReadersNeverSeeAMix() throws Exception {
        byte[] a = content('a', 250_000, "a\n");
        byte[] b = content('b', 180_000, "b\n");
        byte[] c = content('c', 120_000, "c\n");
        byte[] d = content('d', 90_000, "d\n");
        Path dir = Files.createDirectories(tmp.resolve("race"));
        Path target = Files.write(dir.resolve("bunfig.toml"), a);
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(target, mode);
        Process one = child(target, Files.write(tmp.resolve("b"), b), Files.write(tmp.resolve("c"), c));
        Process two = child(target, Files.write(tmp.resolve("d"), d), Files.write(tmp.resolve("a"), a));
        try {
            awaitReady(one);
            awaitReady(two);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            int reads = 0;
            while (System.nanoTime() < until) {
                byte[] now = Files.readAllBytes(target);
                if (which(now, a, b, c, d) == null) {
                    fail("read " + reads + ": a mix of writers (" + now.length + " bytes)");
                }
                reads++;
            }
            assertTrue(reads > 10, "reads: " + reads);
        } finally {
            kill(one);
            kill(two);
        }
        assertTrue(which(Files.readAllBytes(target), a, b, c, d) != null, "after both were killed");
        assertEquals(mode, Files.getPosixFilePermissions(target));
    }
}
