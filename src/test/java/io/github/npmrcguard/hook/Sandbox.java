package io.github.npmrcguard.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.npmrcguard.files.GitPaths;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Test support: real git repositories in a temp folder, isolated from the machine's git config. */
final class Sandbox {
    private final Path dir;
    final Map<String, String> env;

    Sandbox(Path dir) throws IOException {
        this.dir = dir;
        Path home = Files.createDirectories(dir.resolve("home"));
        env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CEILING_DIRECTORIES", dir.toString());
        for (String who : List.of("AUTHOR", "COMMITTER")) { // also for clones, such as a submodule's
            env.put("GIT_" + who + "_NAME", "Test");
            env.put("GIT_" + who + "_EMAIL", "test@example.invalid");
        }
    }

    GitPaths git() {
        return GitPaths.fromEnvironment(env);
    }

    Path init(String name) throws IOException {
        Path repo = Files.createDirectories(dir.resolve(name));
        run(repo, "init", "-q", "-b", "main");
        run(repo, "config", "user.name", "Test");
        run(repo, "config", "user.email", "test@example.invalid");
        run(repo, "config", "commit.gpgsign", "false");
        return repo.toRealPath();
    }

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    String run(Path in, String... args) throws IOException {
        Result r = exec(in, args);
        assertEquals(0, r.exit, () -> "git " + String.join(" ", args) + ": " + r.all());
        return r.out;
    }

    Result exec(Path in, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(Arrays.asList(args));
        return command(in, cmd);
    }

    Result command(Path in, List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(in.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + cmd);
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

    /** The hook script for the classes under test: the JVM running the tests and the jars its classes come from. */
    static String script(String version) {
        Set<Path> jars = new LinkedHashSet<>();
        for (Class<?> c : List.of(
                StagedCheck.class,
                org.snakeyaml.engine.v2.api.LoadSettings.class,
                org.tomlj.Toml.class,
                org.antlr.v4.runtime.CharStream.class,
                org.codehaus.plexus.util.SelectorUtils.class)) {
            try {
                jars.add(Path.of(
                        c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return HookScript.render(
                version,
                Path.of(System.getProperty("java.home"), "bin", "java"),
                new ArrayList<>(jars),
                File.pathSeparator);
    }
}
