package io.github.npmrcguard.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** What the registry and the package-manager runs share: finding executables, free ports, killing trees. */
final class Processes {
    static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private Processes() {
    }

    /**
     * {@code name} on this JVM's PATH.
     *
     * @throws AssertionError naming what to install, if it is not there: a test never skips for it
     */
    static Path onPath(String name, String neededFor) {
        List<String> names = WINDOWS ? List.of(name + ".exe", name + ".cmd", name) : List.of(name);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String n : names) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, n))) {
                    return Path.of(dir, n).toAbsolutePath();
                }
            }
        }
        throw new AssertionError("'" + name + "' is not on the PATH, and tests need it for " + neededFor
                + ". Install Node.js 20+ with npm (CI must do so before mvn test).");
    }

    /**
     * A PATH for child processes that holds only what they need: the folders of node and npm, then the
     * system folders (for {@code sh}). Nothing else of the caller's PATH is passed on.
     */
    static String childPath(Path... executables) {
        Set<String> dirs = new LinkedHashSet<>();
        for (Path e : executables) {
            dirs.add(e.getParent().toString());
        }
        if (!WINDOWS) {
            dirs.addAll(List.of("/usr/local/bin", "/usr/bin", "/bin"));
        }
        return String.join(File.pathSeparator, dirs);
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago (the caller must cope with losing a race). */
    static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(false);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /**
     * Ends {@code process} and every process it started: a polite signal first, then, after
     * {@code grace}, a forced kill of whatever is left. Descendants are collected first, so that children
     * re-parented when their parent dies are not lost.
     */
    static void killTree(Process process, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        process.descendants().forEach(all::add);
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) { // timeout, interruption: fall through to the forced kill
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        try {
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of a UTF-8 text file, or a note that there is none. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e + ")";
        }
    }

    static File nullDevice() {
        return new File(WINDOWS ? "NUL" : "/dev/null");
    }
}
