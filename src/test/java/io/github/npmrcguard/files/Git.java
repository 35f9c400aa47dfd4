package io.github.npmrcguard.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Test support: real git repositories in a temp folder, isolated from the machine's git config. */
final class Git {
    private final Path sandbox;
    private final Map<String, String> env;

    /** @param sandbox a fresh temp folder; git's HOME goes in it and discovery stops at it */
    Git(Path sandbox) throws IOException {
        this.sandbox = sandbox;
        Path home = Files.createDirectories(sandbox.resolve("home"));
        env = new HashMap<>(System.getenv());
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        // "Not a work tree" must not depend on whether the temp folder happens to sit in a repository.
        env.put("GIT_CEILING_DIRECTORIES", sandbox.toString());
    }

    Map<String, String> env() {
        return env;
    }

    GitCli cli() {
        return GitCli.fromEnvironment(env, Duration.ofSeconds(60));
    }

    ScanSetReader reader() {
        return new ScanSetReader(cli(), SafeReader.FILES);
    }

    ScanSetReader reader(SafeReader.ContentSource source) {
        return new ScanSetReader(cli(), source);
    }

    /** A reader that finds no git binary on its PATH. */
    ScanSetReader readerWithoutGit() {
        Map<String, String> noGit = new HashMap<>(env);
        noGit.put("PATH", sandbox.resolve("no-bin-here").toString());
        return new ScanSetReader(GitCli.fromEnvironment(noGit, Duration.ofSeconds(60)), SafeReader.FILES);
    }

    /** A new repository with a local identity. */
    Path init(String name) throws IOException {
        Path repo = Files.createDirectories(sandbox.resolve(name));
        run(repo, "init", "-q");
        run(repo, "config", "user.name", "Test");
        run(repo, "config", "user.email", "test@example.invalid");
        run(repo, "config", "commit.gpgsign", "false");
        return repo;
    }

    /** Runs git in {@code dir}; fails the test when it fails. Returns stdout. */
    String run(Path dir, String... args) throws IOException {
        Result r = exec(dir, args);
        assertEquals(0, r.exit, () -> "git " + String.join(" ", args) + ": " + r.err);
        return r.out;
    }

    record Result(int exit, String out, String err) {}

    Result exec(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(sandbox, "out", ".txt");
        Path err = Files.createTempFile(sandbox, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("git timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Runs a plain command (mkfifo, chown, ...); fails the test when it fails. */
    static void command(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", cmd) + ": " + out);
    }

    static final Predicate<String> NOTHING = p -> false;

    /** Each version as {@code path|PROVENANCE|content}, in the set's order: one string to compare exactly. */
    static List<String> versions(ScanSet set) {
        return set.files().stream()
                .map(f -> f.path() + "|" + f.provenance() + "|" + new String(f.content(), StandardCharsets.UTF_8))
                .collect(Collectors.toList());
    }

    /** Each problem as {@code path|message|blocking}. */
    static List<String> problems(ScanSet set) {
        return set.problems().stream()
                .map(p -> p.path() + "|" + p.message() + "|" + p.blocking())
                .collect(Collectors.toList());
    }

    static boolean runningAsRoot() throws IOException {
        Path probe = Files.createTempFile("uid", ".probe");
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid"));
        } finally {
            Files.delete(probe);
        }
    }
}
