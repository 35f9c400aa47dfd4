package io.github.npmrcguard.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.concurrent.atomic.AtomicInteger;

/** What the registry and the package-manager runs share: finding executables, free ports, killing trees. */
final class Processes {
    static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private Processes() {}

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
     * A proxy on 127.0.0.1 that goes nowhere: it answers every request ({@code GET http://host/...} or
     * {@code CONNECT host:443}) with {@code 403 Forbidden} and closes the connection, counting them. A
     * refusal that clients do not retry (a dropped connection makes yarn 1 and bun retry for seconds), and
     * holding the port keeps any other server from getting it.
     */
    static final class DeadEnd {
        private static final byte[] ANSWER = ("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 54\r\nConnection: close\r\n\r\n"
                        + "npmrc-guard test sandbox: no host but 127.0.0.1 (403)\n")
                .getBytes(StandardCharsets.US_ASCII);

        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        DeadEnd() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on loopback", e);
            }
            Thread t = new Thread(this::acceptAll, "dead-end proxy on 127.0.0.1:" + socket.getLocalPort());
            t.setDaemon(true);
            t.start();
        }

        private void acceptAll() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    Thread answer = new Thread(() -> answer(s), "dead-end answer");
                    answer.setDaemon(true);
                    answer.start();
                } catch (IOException e) {
                    // one failed accept: go on
                }
            }
        }

        private static void answer(Socket s) {
            try (s) {
                s.setSoTimeout(2000);
                InputStream in = s.getInputStream();
                int matched = 0;
                // Read the request head (up to the blank line) so that the client is not reset mid-send.
                for (int n = 0, b; matched < 4 && n < 16384 && (b = in.read()) >= 0; n++) {
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                s.getOutputStream().write(ANSWER);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // the client went away: nothing to answer
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        /** How many connections it has taken (and refused) so far. */
        int connections() {
            return connections.get();
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
