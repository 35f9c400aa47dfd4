package io.github.npmrcguard.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs the git CLI: finds the executable, gives it a predictable environment, captures stdout and stderr on
 * their own threads (so neither pipe can fill up and stall git), and kills it after a timeout.
 */
final class GitCli {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final int STDERR_LIMIT = 64 * 1024;

    /** Why git would not answer for a folder, in the cases where the scan walks the folder instead. */
    enum Refusal {
        /** The folder is in no git work tree (or inside a {@code .git} folder). */
        NOT_A_WORK_TREE,
        /** git refuses the repository because another user owns it ({@code safe.directory}). */
        DUBIOUS_OWNERSHIP,
        /**
         * There is a {@code .git} but git cannot open it: a {@code .git} file pointing to a folder that is
         * gone (a moved linked worktree or submodule), or a damaged {@code .git} folder.
         */
        BROKEN_REPOSITORY
    }

    /** A finished git process. */
    record Result(String command, int exitCode, byte[] stdout, String stderr) {
        /** git's first stderr line, masked and shortened: safe for a log line or an exception message. */
        String stderrFirstLine() {
            return firstLine(stderr);
        }
    }

    private final Path executable;
    private final Map<String, String> environment;
    private final Duration timeout;

    /**
     * @param executable  the git binary, or null when there is none
     * @param environment the complete environment of the git processes
     */
    GitCli(Path executable, Map<String, String> environment, Duration timeout) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /** git as found on this JVM's PATH, with this JVM's environment. */
    static GitCli system() {
        return fromEnvironment(System.getenv(), DEFAULT_TIMEOUT);
    }

    /** git as found on {@code env}'s PATH, run with {@code env} (adjusted as {@link GitExecutable#childEnvironment} says). */
    static GitCli fromEnvironment(Map<String, String> env, Duration timeout) {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return new GitCli(
                GitExecutable.findOnPath(env.get("PATH"), windows).orElse(null),
                GitExecutable.childEnvironment(env),
                timeout);
    }

    /**
     * Whether git, started in {@code dir}, could find a repository at all: a {@code .git} entry in the folder
     * or one above it, below any ceiling folder, on the physical path as git walks it. The location
     * variables that could point elsewhere ({@code GIT_DIR}, ...) are stripped from git's environment, so
     * without such an entry git can only answer "not a git repository", and it is not started to hear that.
     */
    boolean mayFindRepository(Path dir) {
        try {
            return GitRefusals.gitEntryAtOrAbove(dir.toRealPath(), environment.get("GIT_CEILING_DIRECTORIES"));
        } catch (IOException | RuntimeException e) {
            return true; // let git say what is wrong
        }
    }

    /** Whether git runs with this environment variable set. */
    boolean setsVariable(String name) {
        return environment.containsKey(name);
    }

    /** The same git with more variables in its environment (set after the scrubbing, so they hold). */
    GitCli withVariables(Map<String, String> variables) {
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(variables);
        return new GitCli(executable, env, timeout);
    }

    /** Whether there is a git binary to run. */
    boolean available() {
        return executable != null;
    }

    /** Starts {@code git -C dir args...}; {@link Running#await()} collects it. */
    Running start(Path dir, List<String> args) throws IOException {
        Process process = launch(dir, args);
        return new Running(commandLine(dir, args), process);
    }

    /** Runs {@code git -C dir args...} to the end. */
    Result run(Path dir, List<String> args) throws IOException {
        return start(dir, args).await();
    }

    /** Runs {@code git -C dir args...} to the end with {@code input} on its stdin (fed from a thread of its own). */
    Result run(Path dir, List<String> args, byte[] input) throws IOException {
        Process process = launch(dir, args);
        return new Running(commandLine(dir, args), process, input).await();
    }

    /** {@link GitRefusals#refusal(Result, Path)} as this git sees it: above a ceiling folder it does not look. */
    Refusal refusalFor(Result result, Path dir) {
        return GitRefusals.refusal(result, dir, environment.get("GIT_CEILING_DIRECTORIES"));
    }

    /** A GitException for a result git did not expect to fail. */
    static GitException failure(Result result) {
        return new GitException(result.command(), result.exitCode(), result.stderrFirstLine());
    }

    /**
     * Reads blobs with ONE {@code git cat-file --batch} process: ids are fed from a separate thread while
     * this one reads, so neither pipe can fill up and deadlock. Blobs larger than {@code maxBytes} are
     * drained and returned without content.
     */
    Map<String, Blob> readBlobs(Path dir, Collection<String> objectIds, long maxBytes) throws IOException {
        if (objectIds.isEmpty()) {
            return new HashMap<>();
        }
        List<String> args = List.of("cat-file", "--batch", "--buffer");
        String command = commandLine(dir, args);
        Process process = launch(dir, args);
        ProcessPipes.Pump stderr = new ProcessPipes.Pump(process.getErrorStream(), STDERR_LIMIT);
        ProcessPipes.Watchdog watchdog = new ProcessPipes.Watchdog(process, timeout);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(objectIds));
        Thread writer = ProcessPipes.daemon("git cat-file feeder", new Runnable() {
            @Override
            public void run() {
                try (OutputStream out = new BufferedOutputStream(process.getOutputStream())) {
                    for (String id : ids) {
                        out.write((id + "\n").getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException e) {
                    // git died early: the reader sees the end of its output, its exit code and stderr say why
                }
            }
        });
        writer.start();
        Map<String, Blob> blobs;
        try (InputStream in = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
            blobs = readBatch(in, ids, maxBytes);
        } catch (IOException | NumberFormatException e) {
            process.destroyForcibly();
            Result r = finish(command, process, new byte[0], stderr, watchdog);
            throw new GitException(
                    command,
                    watchdog.timedOut() ? -1 : r.exitCode(),
                    watchdog.timedOut()
                            ? timedOutMessage()
                            : nonEmpty(r.stderrFirstLine(), "its output could not be read"));
        }
        Result r = finish(command, process, new byte[0], stderr, watchdog);
        ProcessPipes.join(writer);
        if (watchdog.timedOut()) {
            throw new GitException(command, -1, timedOutMessage());
        }
        if (r.exitCode() != 0) {
            throw failure(r);
        }
        return blobs;
    }

    /**
     * Streams one blob with {@code git cat-file blob <id>}, for a blob too large for {@link #readBlobs}: read
     * it to the end, then close it, which waits for git and throws a {@link GitException} when git failed (a
     * missing object, say) or timed out. Closing it before the end stops git.
     */
    InputStream openBlob(Path dir, String objectId) throws IOException {
        List<String> args = List.of("cat-file", "blob", objectId);
        String command = commandLine(dir, args);
        Process process = launch(dir, args);
        try {
            process.getOutputStream().close(); // git reads no stdin here
        } catch (IOException e) {
            // git may have exited already
        }
        ProcessPipes.Pump stderr = new ProcessPipes.Pump(process.getErrorStream(), STDERR_LIMIT);
        ProcessPipes.Watchdog watchdog = new ProcessPipes.Watchdog(process, timeout);
        return new FilterInputStream(process.getInputStream()) {
            private boolean ended;
            private boolean closed;

            @Override
            public int read() throws IOException {
                int b = super.read();
                ended |= b < 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                ended |= n < 0;
                return n;
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                if (!ended) {
                    process.destroyForcibly(); // the reader stopped early: its own exception says why
                }
                super.close();
                Result r = finish(command, process, new byte[0], stderr, watchdog);
                if (watchdog.timedOut()) {
                    throw new GitException(command, -1, timedOutMessage());
                }
                if (ended && r.exitCode() != 0) {
                    throw failure(r);
                }
            }
        };
    }

    /**
     * Starts git with its stdin and stdout left to the caller, for output read as it comes (a history walk, a
     * {@code cat-file --batch} fed and read at once); stderr is collected and the timeout applies as for
     * every process.
     */
    Streamed stream(Path dir, List<String> args) throws IOException {
        Process process = launch(dir, args);
        return new Streamed(
                commandLine(dir, args),
                process,
                new ProcessPipes.Pump(process.getErrorStream(), STDERR_LIMIT),
                new ProcessPipes.Watchdog(process, timeout));
    }

    /** A git process whose stdin and stdout the caller uses; {@link #finish} or {@link #kill} ends it. */
    final class Streamed {
        private final String command;
        private final Process process;
        private final ProcessPipes.Pump stderr;
        private final ProcessPipes.Watchdog watchdog;

        private Streamed(String command, Process process, ProcessPipes.Pump stderr, ProcessPipes.Watchdog watchdog) {
            this.command = command;
            this.process = process;
            this.stderr = stderr;
            this.watchdog = watchdog;
        }

        String command() {
            return command;
        }

        OutputStream stdin() {
            return process.getOutputStream();
        }

        InputStream stdout() {
            return process.getInputStream();
        }

        /** Waits for git, its output read to the end; throws a {@link GitException} when it failed or timed out. */
        void finish() throws GitException {
            closeQuietly(process.getOutputStream());
            Result r = GitCli.finish(command, process, new byte[0], stderr, watchdog);
            if (watchdog.timedOut()) {
                throw new GitException(command, -1, timedOutMessage());
            }
            if (r.exitCode() != 0) {
                throw failure(r);
            }
        }

        /**
         * Stops git, for a reader that could not go on, and returns the exception to throw: git's own reason
         * when it gave one, else that its output could not be read.
         */
        GitException kill() {
            process.destroyForcibly();
            closeQuietly(process.getOutputStream());
            Result r = GitCli.finish(command, process, new byte[0], stderr, watchdog);
            return new GitException(
                    command,
                    watchdog.timedOut() ? -1 : r.exitCode(),
                    watchdog.timedOut()
                            ? timedOutMessage()
                            : nonEmpty(r.stderrFirstLine(), "its output could not be read"));
        }

        private void closeQuietly(OutputStream out) {
            try {
                out.close();
            } catch (IOException e) {
                // git has gone: its exit code says why
            }
        }
    }

    private Process launch(Path dir, List<String> args) throws IOException {
        if (executable == null) {
            throw new IOException("git not found on the PATH");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        cmd.add("-C");
        cmd.add(dir.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(environment);
        pb.directory(dir.toFile());
        return pb.start();
    }

    /** The command line for messages: without the executable's path. */
    static String commandLine(Path dir, List<String> args) {
        return "git -C " + dir + " " + String.join(" ", args);
    }

    /** A started git process whose stdout and stderr are being collected. */
    final class Running {
        private final String command;
        private final Process process;
        private final ProcessPipes.Pump stdout;
        private final ProcessPipes.Pump stderr;
        private final ProcessPipes.Watchdog watchdog;

        private Running(String command, Process process) {
            this(command, process, null);
        }

        /** @param input what git reads on stdin, or null for none */
        private Running(String command, Process process, byte[] input) {
            this.command = command;
            this.process = process;
            if (input == null) {
                try {
                    process.getOutputStream().close(); // git reads no stdin here
                } catch (IOException e) {
                    // nothing to close: git may have exited already
                }
            } else {
                ProcessPipes.daemon("git input feeder", new Runnable() {
                            @Override
                            public void run() {
                                try (OutputStream in = process.getOutputStream()) {
                                    in.write(input);
                                } catch (IOException e) {
                                    // git died early: its exit code and stderr say why
                                }
                            }
                        })
                        .start();
            }
            this.stdout = new ProcessPipes.Pump(process.getInputStream(), Integer.MAX_VALUE - 16);
            this.stderr = new ProcessPipes.Pump(process.getErrorStream(), STDERR_LIMIT);
            this.watchdog = new ProcessPipes.Watchdog(process, timeout);
        }

        /** Stops git if it still runs and lets its output go: for a listing nobody will read. */
        void discard() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            finish(command, process, null, stderr, watchdog);
        }

        /** Waits for git to finish (at most the timeout) and returns what it wrote. */
        Result await() throws GitException {
            Result r = finish(command, process, null, stderr, watchdog);
            if (watchdog.timedOut()) {
                throw new GitException(command, -1, timedOutMessage());
            }
            byte[] out = stdout.bytes();
            if (stdout.failure() != null) {
                throw new GitException(command, -1, "its output could not be read");
            }
            return new Result(command, r.exitCode(), out, r.stderr());
        }
    }

    private static Result finish(
            String command, Process process, byte[] out, ProcessPipes.Pump stderr, ProcessPipes.Watchdog watchdog) {
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            exit = -1;
        }
        watchdog.cancel();
        String err = new String(stderr.bytes(), StandardCharsets.UTF_8);
        return new Result(command, exit, out, err);
    }

    /**
     * Reads {@code git cat-file --batch}'s answers to {@code ids}, in their order, from {@code in}. Blobs larger
     * than {@code maxBytes} are drained and returned without content.
     *
     * @throws IOException or NumberFormatException on output that is not the answers to these ids
     */
    static Map<String, Blob> readBatch(InputStream in, List<String> ids, long maxBytes) throws IOException {
        Map<String, Blob> blobs = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String header = readHeader(in);
            String[] parts = header.split(" ");
            if (parts.length == 2 && parts[1].equals("missing")) {
                blobs.put(parts[0], new Blob(null, true, -1));
                continue;
            }
            if (parts.length != 3) {
                throw new EOFException("unexpected output");
            }
            long size = Long.parseLong(parts[2]);
            byte[] content = size <= maxBytes ? in.readNBytes((int) size) : null;
            if (content == null) {
                skipFully(in, size);
            } else if (content.length != size) {
                throw new EOFException("truncated output");
            }
            if (in.read() != '\n') {
                throw new EOFException("unexpected output");
            }
            // The index only holds blobs for files; anything else is as good as missing.
            blobs.put(parts[0], parts[1].equals("blob") ? new Blob(content, false, size) : new Blob(null, true, -1));
        }
        return blobs;
    }

    private static String readHeader(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0 || line.size() > 4096) {
                throw new EOFException("unexpected output");
            }
            line.write(c);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("truncated output");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private String timedOutMessage() {
        return "timed out after "
                + (timeout.toSeconds() >= 1 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms");
    }

    static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        line = URL_USER_INFO.matcher(line).replaceAll("$1***@");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String nonEmpty(String s, String otherwise) {
        return s == null || s.isEmpty() ? otherwise : s;
    }
}
