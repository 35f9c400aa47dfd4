package io.github.npmrcguard.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.npmrcguard.files.GitHistory;
import java.io.IOException;
import java.io.OutputStream;
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

/** Test support: a real git repository in a temp folder, isolated from the machine's git config. */
final class TestRepo {
    final Path sandbox;
    final Path dir;
    private final Map<String, String> env;

    private TestRepo(Path sandbox, Path dir, Map<String, String> env) {
        this.sandbox = sandbox;
        this.dir = dir;
        this.env = env;
    }

    /** The environment for git in {@code sandbox}: its own HOME, no system config, discovery stops there. */
    static Map<String, String> sandboxEnv(Path sandbox) throws IOException {
        Path home = Files.createDirectories(sandbox.resolve("home"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CEILING_DIRECTORIES", sandbox.toString());
        return env;
    }

    /** A new repository {@code name} in {@code sandbox}, with a local identity and {@code main} as its branch. */
    static TestRepo init(Path sandbox, String name) throws IOException {
        Path dir = Files.createDirectories(sandbox.resolve(name));
        TestRepo repo = new TestRepo(sandbox, dir, sandboxEnv(sandbox));
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.name", "Test");
        repo.git("config", "user.email", "test@example.invalid");
        repo.git("config", "commit.gpgsign", "false");
        return repo;
    }

    /** An existing repository (a clone made with {@link #git}) in this sandbox. */
    TestRepo at(Path other) {
        return new TestRepo(sandbox, other, env);
    }

    GitHistory history() {
        return GitHistory.fromEnvironment(env, Duration.ofSeconds(60));
    }

    HistoryScanner scanner() {
        return new HistoryScanner(history());
    }

    /**
     * Writes the files ({@code path, content} pairs; null content deletes), stages everything and commits at
     * {@code date} (ISO-8601 with an offset, as author and committer date). Returns the commit id.
     */
    String commit(String message, String date, String... pathsAndContents) throws IOException {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = dir.resolve(pathsAndContents[i]);
            if (pathsAndContents[i + 1] == null) {
                Files.delete(file);
            } else {
                Files.createDirectories(file.getParent());
                Files.writeString(file, pathsAndContents[i + 1], StandardCharsets.UTF_8);
            }
        }
        git("add", "-A");
        gitAt(date, "commit", "-q", "--allow-empty", "-m", message);
        return git("rev-parse", "HEAD").strip();
    }

    /** Runs git with author and committer date {@code date}; fails the test when it fails. */
    String gitAt(String date, String... args) throws IOException {
        Map<String, String> dated = new HashMap<>(env);
        dated.put("GIT_AUTHOR_DATE", date);
        dated.put("GIT_COMMITTER_DATE", date);
        return run(dated, null, args);
    }

    /** Runs git in the repository; fails the test when it fails. Returns stdout. */
    String git(String... args) throws IOException {
        return run(env, null, args);
    }

    /** Runs git with {@code input} on its stdin. */
    String gitWithInput(byte[] input, String... args) throws IOException {
        return run(env, input, args);
    }

    private String run(Map<String, String> environment, byte[] input, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        Path out = Files.createTempFile(sandbox, "out", ".txt");
        Path err = Files.createTempFile(sandbox, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input);
            }
        }
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("git timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        Files.delete(out);
        Files.delete(err);
        assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + ": " + stderr);
        return stdout;
    }
}
