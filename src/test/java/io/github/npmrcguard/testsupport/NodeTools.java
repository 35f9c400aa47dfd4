package io.github.npmrcguard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Installs pinned npm packages for tests, once per machine, and hands out paths to what they ship.
 *
 * <p>Each {@link Spec} goes to its own folder under the cache root: {@code <name>@<version>} (a scope's
 * {@code /} becomes {@code +}), in {@code ${user.home}/.cache/npmrc-guard/node-tools/} unless the system
 * property {@value #CACHE_PROPERTY} names another root. The install runs npm with no install scripts, no
 * audit and no funding messages, into a fresh temporary folder next to the target, and the folder is
 * renamed into place only when it is complete; a file lock (across JVMs) and a monitor (across threads)
 * make sure one installer runs at a time, and the others reuse its result. A stamp file records what was
 * installed, so a changed spec (another pin, lockfile or step) installs again.
 *
 * <p>Repeatability: the version is exact, transitive pins go into npm {@code overrides}, and a spec with a
 * {@linkplain Spec#lockfile lockfile} is installed with {@code npm ci}, which checks every tarball's
 * integrity against it. Lockfiles are written without {@code resolved} URLs (no registry host in the
 * repository); npm fetches from whatever registry the machine is set up for.
 *
 * <p>When npm is missing or the install fails, {@link #install} throws an {@link AssertionError} that says
 * what to do: a test that needs a tool fails, it is never skipped, so CI cannot pass without it.
 */
public final class NodeTools {

    /** System property: the cache root, instead of {@code ~/.cache/npmrc-guard/node-tools}. */
    public static final String CACHE_PROPERTY = "npmrcguard.nodeTools";
    /** System property: the npm executable to run, instead of {@code npm} found on the PATH. */
    public static final String NPM_PROPERTY = "npmrcguard.npm";

    private static final String STAMP = ".npmrc-guard-node-tool";
    private static final String LOG = "npm-install.log";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    /** One monitor per install folder: a JVM cannot take the same file lock twice. */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path cacheRoot;
    private final String npm;

    /**
     * Tools in {@code cacheRoot}, installed with {@code npm}.
     *
     * @param cacheRoot where installs go, one folder each
     * @param npm       the npm executable: a path, or a bare name looked up on the PATH
     */
    public NodeTools(Path cacheRoot, String npm) {
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
        this.npm = Objects.requireNonNull(npm, "npm");
    }

    /** Tools in the default cache (or {@value #CACHE_PROPERTY}), installed with the npm on the PATH. */
    public static NodeTools defaults() {
        String root = System.getProperty(CACHE_PROPERTY, "");
        Path cache = root.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "npmrc-guard", "node-tools")
                : Path.of(root);
        return new NodeTools(cache, System.getProperty(NPM_PROPERTY, "npm"));
    }

    /** The folder this spec is (or would be) installed in. */
    public Path folder(Spec spec) {
        return cacheRoot.resolve(spec.folderName());
    }

    /**
     * Installs {@code spec} unless the cache already holds exactly it.
     *
     * @return the installed prefix
     * @throws AssertionError if npm is missing or the install fails, with npm's output
     */
    public Installation install(Spec spec) {
        Path dir = folder(spec);
        String stamp = spec.stamp();
        if (isCurrent(dir, stamp)) {
            return new Installation(spec, dir);
        }
        synchronized (MONITORS.computeIfAbsent(dir, k -> new Object())) {
            try {
                Files.createDirectories(cacheRoot);
                Path lockFile = cacheRoot.resolve(spec.folderName() + ".lock");
                try (FileChannel channel =
                                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    if (!isCurrent(dir, stamp)) { // another JVM may have finished while we waited
                        installLocked(spec, dir, stamp);
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("could not install " + spec + " into " + dir + ": " + e, e);
            }
        }
        return new Installation(spec, dir);
    }

    private void installLocked(Spec spec, Path dir, String stamp) throws IOException {
        deleteLeftovers(spec.folderName()); // from a JVM killed mid-install; we hold the lock
        Path tmp = cacheRoot.resolve(spec.folderName() + ".tmp-" + UUID.randomUUID());
        Files.createDirectory(tmp);
        try {
            Files.writeString(tmp.resolve("package.json"), spec.packageJson());
            if (spec.lockfile != null) {
                Files.writeString(tmp.resolve("package-lock.json"), spec.lockfileText());
            }
            runNpm(spec, tmp);
            for (String file : spec.executables) {
                makeExecutable(tmp.resolve(file), spec);
            }
            for (Step step : spec.steps) {
                step.action().run(tmp);
            }
            Files.writeString(tmp.resolve(STAMP), stamp);
            Path old = null;
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                old = cacheRoot.resolve(spec.folderName() + ".old-" + UUID.randomUUID());
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            }
            if (old != null) {
                deleteTree(old);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    private void runNpm(Spec spec, Path prefix) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(npmExecutable(spec));
        command.add(spec.lockfile != null ? "ci" : "install");
        command.addAll(List.of(
                "--prefix",
                prefix.toString(),
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                "--no-update-notifier",
                "--omit-lockfile-registry-resolved"));
        Path log = prefix.resolve(LOG);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(prefix.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "could not start npm to install " + spec + " (" + String.join(" ", command)
                            + "): " + e.getMessage() + ". Tests need Node.js 20+ with npm on the PATH"
                            + " (or -D" + NPM_PROPERTY + "=/path/to/npm).",
                    e);
        }
        boolean finished;
        try {
            finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while npm installed " + spec, e);
        }
        if (!finished) {
            process.destroyForcibly();
        }
        if (!finished || process.exitValue() != 0) {
            throw new AssertionError((finished
                            ? "npm failed (exit " + process.exitValue() + ")"
                            : "npm did not finish in " + TIMEOUT.toMinutes() + " minutes")
                    + " installing " + spec + "\ncommand: " + String.join(" ", command)
                    + "\noutput (last lines):\n" + tail(log, 40));
        }
    }

    /** {@code npm} as configured, or found on the PATH; fails with what to install if there is none. */
    private String npmExecutable(Spec spec) {
        if (npm.contains("/") || npm.contains("\\")) {
            if (!Files.isRegularFile(Path.of(npm))) {
                throw new AssertionError("npm not found at " + npm + " (from -D" + NPM_PROPERTY + "), needed to"
                        + " install " + spec + " for tests");
            }
            return npm;
        }
        List<String> names = WINDOWS ? List.of(npm + ".cmd", npm + ".exe", npm) : List.of(npm);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : names) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new AssertionError("'" + npm + "' is not on the PATH, and tests need it to install " + spec
                + ". Install Node.js 20+ with npm (CI must do so before mvn test), or set -D" + NPM_PROPERTY
                + "=/path/to/npm.");
    }

    private static void makeExecutable(Path file, Spec spec) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(spec + " has no file " + file + " to make executable");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) { // npm runs no install scripts here, so a package's own chmod never ran
            Set<PosixFilePermission> permissions =
                    EnumSet.copyOf(view.readAttributes().permissions());
            permissions.addAll(Set.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            view.setPermissions(permissions);
        }
    }

    private static boolean isCurrent(Path dir, String stamp) {
        try {
            return Files.readString(dir.resolve(STAMP)).equals(stamp);
        } catch (IOException e) {
            return false;
        }
    }

    private void deleteLeftovers(String folderName) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(
                cacheRoot,
                p -> p.getFileName().toString().startsWith(folderName + ".tmp-")
                        || p.getFileName().toString().startsWith(folderName + ".old-"))) {
            for (Path p : stream) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() { // does not follow links out of the tree
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        if (e != null) {
                            throw e;
                        }
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(WINDOWS ? "NUL" : "/dev/null");
    }

    /** Work done on the installed prefix after npm, before it is moved into place. */
    @FunctionalInterface
    public interface PostInstall {
        /**
         * @param prefix the install folder, holding {@code node_modules}
         */
        void run(Path prefix) throws IOException;
    }

    private record Step(String description, PostInstall action) {}

    /**
     * What to install: one package at an exact version, with optional pins for its dependencies, a
     * lockfile, files to make executable and other steps. Immutable; each method returns a new spec.
     */
    public static final class Spec {
        private static final Pattern EXACT =
                Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
        private static final Pattern NAME = Pattern.compile("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");

        private final String name;
        private final String version;
        private final Map<String, String> pins;
        private final String lockfile;
        private final List<String> executables;
        private final List<Step> steps;

        private Spec(
                String name,
                String version,
                Map<String, String> pins,
                String lockfile,
                List<String> executables,
                List<Step> steps) {
            this.name = name;
            this.version = version;
            this.pins = pins;
            this.lockfile = lockfile;
            this.executables = executables;
            this.steps = steps;
        }

        /**
         * A package at an exact version.
         *
         * @throws IllegalArgumentException for a bad name or a version that is a range or a tag
         */
        public static Spec of(String name, String exactVersion) {
            return new Spec(checkName(name), checkVersion(name, exactVersion), Map.of(), null, List.of(), List.of());
        }

        /** Pins a (transitive) dependency to an exact version through npm {@code overrides}. */
        public Spec pin(String dependency, String exactVersion) {
            Map<String, String> p = new LinkedHashMap<>(pins);
            p.put(checkName(dependency), checkVersion(dependency, exactVersion));
            return new Spec(name, version, p, lockfile, executables, steps);
        }

        /**
         * Installs with {@code npm ci} from this lockfile, a classpath resource made from this spec's
         * {@code package.json} (see {@link #packageJson()}) with
         * {@code npm install --package-lock-only --omit-lockfile-registry-resolved}.
         */
        public Spec lockfile(String classpathResource) {
            return new Spec(name, version, pins, Objects.requireNonNull(classpathResource), executables, steps);
        }

        /** After install, sets the execute bits of this file (relative to the prefix), where the OS has them. */
        public Spec executable(String relativePath) {
            List<String> e = new ArrayList<>(executables);
            e.add(relativePath);
            return new Spec(name, version, pins, lockfile, List.copyOf(e), steps);
        }

        /**
         * After install, runs {@code step} on the prefix. The description is part of the cache stamp: change
         * it when the step changes, so caches made by the old step are installed again.
         */
        public Spec afterInstall(String description, PostInstall step) {
            List<Step> s = new ArrayList<>(steps);
            s.add(new Step(Objects.requireNonNull(description), Objects.requireNonNull(step)));
            return new Spec(name, version, pins, lockfile, executables, List.copyOf(s));
        }

        /** The package name. */
        public String name() {
            return name;
        }

        /** The exact version. */
        public String version() {
            return version;
        }

        /** The {@code package.json} written into the prefix before npm runs. */
        public String packageJson() {
            StringBuilder s = new StringBuilder("{\n  \"name\": \"npmrc-guard-node-tool\",\n  \"private\": true,\n"
                            + "  \"dependencies\": {\n    \"")
                    .append(name)
                    .append("\": \"")
                    .append(version)
                    .append("\"\n  }");
            if (!pins.isEmpty()) {
                s.append(",\n  \"overrides\": {");
                String sep = "\n";
                for (Map.Entry<String, String> pin : pins.entrySet()) {
                    s.append(sep)
                            .append("    \"")
                            .append(pin.getKey())
                            .append("\": \"")
                            .append(pin.getValue())
                            .append('"');
                    sep = ",\n";
                }
                s.append("\n  }");
            }
            return s.append("\n}\n").toString();
        }

        String folderName() {
            return name.replace('/', '+') + "@" + version;
        }

        String lockfileText() {
            try (InputStream in = NodeTools.class.getClassLoader().getResourceAsStream(lockfile)) {
                if (in == null) {
                    throw new AssertionError("no lockfile resource " + lockfile + " for " + this);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Everything that decides the install's content, so a changed spec installs again. */
        String stamp() {
            StringBuilder s = new StringBuilder(packageJson());
            if (lockfile != null) {
                s.append("lockfile sha-256 ").append(sha256(lockfileText())).append('\n');
            }
            executables.forEach(e -> s.append("executable ").append(e).append('\n'));
            steps.forEach(step -> s.append("step ").append(step.description()).append('\n'));
            return s.toString();
        }

        private static String checkName(String name) {
            if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
                throw new IllegalArgumentException("not an npm package name: " + name);
            }
            return name;
        }

        private static String checkVersion(String name, String version) {
            if (!EXACT.matcher(Objects.requireNonNull(version, "version")).matches()) {
                throw new IllegalArgumentException(name + ": pin an exact version, not " + version);
            }
            return version;
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return name + "@" + version;
        }
    }

    /**
     * An installed spec.
     *
     * @param spec   what was installed
     * @param prefix the folder holding {@code node_modules}
     */
    public record Installation(Spec spec, Path prefix) {

        /**
         * A command from {@code node_modules/.bin}.
         *
         * @throws AssertionError if the installed packages have no such bin
         */
        public Path bin(String name) {
            Path bin = prefix.resolve("node_modules").resolve(".bin").resolve(WINDOWS ? name + ".cmd" : name);
            if (!Files.exists(bin)) {
                throw new AssertionError(spec + " installs no bin '" + name + "' in " + bin.getParent());
            }
            return bin;
        }

        /**
         * A file of the install, relative to the prefix, e.g. {@code node_modules/pkg/bin/tool}.
         *
         * @throws AssertionError if there is no such file
         */
        public Path file(String relativePath) {
            Path file = prefix.resolve(relativePath);
            if (!Files.exists(file)) {
                throw new AssertionError(spec + " has no " + relativePath + " in " + prefix);
            }
            return file;
        }
    }
}
