package io.github.npmrcguard.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The real npm-family clients, at pinned versions, run in a sandbox: what the plugin's generated config
 * must work with.
 *
 * <p>npm is the machine's own (on the PATH, or {@code -Dnpmrcguard.npm}), major version 11 or newer; the
 * others are npm packages installed once per machine through {@link NodeTools}: pnpm 9 and 10, yarn 1
 * ({@code yarn}), yarn 4 ({@code @yarnpkg/cli-dist}, run as {@code node bin/yarn.js}) and bun (the
 * platform package that the {@code bun} package would pull in as an optional dependency, e.g.
 * {@code @oven/bun-linux-x64}, chosen for this OS, CPU and libc, its {@code -baseline} build on an x64 CPU
 * without AVX2; {@code -Dnpmrcguard.bunPackage} overrides the choice).
 *
 * <p>Every run gets a sandbox, so that nothing of the machine or the developer leaks into it and nothing
 * leaves the machine:
 * <ul>
 *   <li>an environment built from scratch: no inherited {@code npm_config_*}, {@code NPM_CONFIG_*},
 *       {@code YARN_*}, {@code CI}, proxy or CA variables; only PATH (node's and npm's folders and the
 *       system folders), what the caller adds, and the sandbox settings below;</li>
 *   <li>an empty HOME of its own (by default a sibling of the project, {@code <project>.home}), holding
 *       the clients' caches, stores and logs, and {@code TMPDIR} and the {@code XDG_*} folders under it;</li>
 *   <li>a <em>fallback</em> default registry ({@link Invocation#fallbackRegistry}) in the lowest-ranked
 *       config each client reads (npm's and pnpm's global config, yarn 4's home {@code .yarnrc.yml}), so
 *       that a client whose project or user config is dropped (pnpm drops a whole file it cannot expand)
 *       asks the loopback registry, not the public one;</li>
 *   <li>yarn 4's network switched off except for 127.0.0.1 ({@code enableNetwork}), and for the others
 *       an HTTP(S) proxy on a loopback port that refuses every request with a 403
 *       ({@link Result#blocked()} counts them), with {@code NO_PROXY=127.0.0.1,localhost}, so that any
 *       other request (an update check, a mistaken registry) fails at once on this machine;</li>
 *   <li>no update notifiers, telemetry, audit or funding requests; yarn 4 links {@code node_modules}
 *       (not PnP) and pre-approves every package (its default 1-day age gate per scope would quarantine
 *       the fixture package, published seconds before);</li>
 *   <li>a timeout, after which the process tree is killed.</li>
 * </ul>
 * The sandbox adds no registry credentials of any kind: authentication comes only from the project's
 * config and the variables the caller passes.
 */
public final class PackageManagers {

    /** System property: the bun platform package to install, instead of the one chosen for this machine. */
    public static final String BUN_PACKAGE_PROPERTY = "npmrcguard.bunPackage";

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    /** A client at a pinned version. */
    public enum Client {
        /** The machine's npm (11 or newer). */
        NPM("npm", null),
        /** pnpm 9, the last 9.x: expands {@code ${VAR}} in a project {@code .npmrc}. */
        PNPM_9("pnpm", "9.15.9"),
        /** pnpm 10, the last 10.x (10.34.2 and newer ignore env-expanded credentials in a project .npmrc). */
        PNPM_10("pnpm", "10.34.9"),
        /** yarn classic. */
        YARN_1("yarn", "1.22.22"),
        /** yarn berry, the last 4.x. */
        YARN_4("yarn", "4.18.1"),
        /** bun. */
        BUN("bun", "1.4.5");

        private final String command;
        private final String version;

        Client(String command, String version) {
            this.command = command;
            this.version = version;
        }

        /** The command a user types: {@code npm}, {@code pnpm}, {@code yarn} or {@code bun}. */
        public String command() {
            return command;
        }

        /** The pinned version, or null for npm (the machine's). */
        public String pinnedVersion() {
            return version;
        }

        /** E.g. {@code pnpm 10}, {@code npm}. */
        public String label() {
            return version == null ? command : command + " " + version.substring(0, version.indexOf('.'));
        }
    }

    private final NodeTools tools;
    private final Path node;
    private final Map<Client, List<String>> commands = new EnumMap<>(Client.class);
    private final Map<Client, String> versions = new EnumMap<>(Client.class);
    private final Processes.DeadEnd deadEnd = new Processes.DeadEnd();

    /**
     * Clients installed with {@code tools}.
     *
     * @throws AssertionError if node is not on the PATH
     */
    public PackageManagers(NodeTools tools) {
        this.tools = Objects.requireNonNull(tools);
        this.node = Processes.onPath("node", "running npm-family clients");
    }

    /** Clients installed into the default {@link NodeTools} cache. */
    public static PackageManagers defaults() {
        return new PackageManagers(NodeTools.defaults());
    }

    /** What NodeTools installs for a client; null for npm, which is the machine's. */
    public static NodeTools.Spec spec(Client client) {
        return switch (client) {
            case NPM -> null;
            case PNPM_9, PNPM_10 -> NodeTools.Spec.of("pnpm", client.pinnedVersion());
            case YARN_1 -> NodeTools.Spec.of("yarn", client.pinnedVersion());
            case YARN_4 -> NodeTools.Spec.of("@yarnpkg/cli-dist", client.pinnedVersion());
            // npm runs no install scripts here, so the bun package's postinstall (which would copy the
            // platform binary into place) never runs: install the platform package itself.
            case BUN -> NodeTools.Spec.of(bunPackage(), client.pinnedVersion()).executable(bunBinary());
        };
    }

    /**
     * The command line that starts a client, installing it first if needed.
     *
     * @throws AssertionError if npm is missing or the install fails
     */
    public synchronized List<String> commandLine(Client client) {
        return commands.computeIfAbsent(client, c -> switch (c) {
            case NPM -> List.of(npm().toString());
            case PNPM_9, PNPM_10 -> List.of(node.toString(), installed(c, "node_modules/pnpm/bin/pnpm.cjs"));
            case YARN_1 -> List.of(node.toString(), installed(c, "node_modules/yarn/bin/yarn.js"));
            case YARN_4 -> List.of(node.toString(), installed(c, "node_modules/@yarnpkg/cli-dist/bin/yarn.js"));
            case BUN -> List.of(installed(c, bunBinary()));
        });
    }

    /** Installs every client now (e.g. before timing the runs). */
    public void installAll() {
        for (Client c : Client.values()) {
            commandLine(c);
        }
    }

    /**
     * The version the client reports ({@code --version}, run in a sandbox).
     *
     * @throws AssertionError if it is not the pinned version, or, for npm, older than 11
     */
    public synchronized String version(Client client) throws IOException, InterruptedException {
        String known = versions.get(client);
        if (known != null) {
            return known;
        }
        Path scratch = Files.createTempDirectory("npmrc-guard-version-");
        try {
            Path project = Files.createDirectory(scratch.resolve("p"));
            Result r = run(client, project, "--version")
                    .home(scratch.resolve("home"))
                    .run();
            String v = r.output().strip();
            v = v.lines().reduce((a, b) -> b).orElse(""); // the last line: some print notices before it
            if (r.exitCode() != 0 || !v.matches("\\d+\\.\\d+\\.\\d+.*")) {
                throw new AssertionError(
                        client.label() + " --version failed (exit " + r.exitCode() + "):\n" + r.output());
            }
            if (client.pinnedVersion() != null && !v.equals(client.pinnedVersion())) {
                throw new AssertionError(
                        client.label() + " reports version " + v + ", pinned " + client.pinnedVersion());
            }
            if (client == Client.NPM && Integer.parseInt(v.substring(0, v.indexOf('.'))) < 11) {
                throw new AssertionError("npm " + v + " is on the PATH; these tests need npm 11 or newer "
                        + "(what the research recorded); install it or set -D" + NodeTools.NPM_PROPERTY);
            }
            versions.put(client, v);
            return v;
        } finally {
            deleteTree(scratch);
        }
    }

    /** {@code <client> install} in {@code project}, with the flags that keep it quiet and local. */
    public Invocation install(Client client, Path project) {
        return new Invocation(client, project, installArguments(client));
    }

    /** Any client command in {@code project}, e.g. {@code run(YARN_4, dir, "config", "get", "npmScopes")}. */
    public Invocation run(Client client, Path project, String... arguments) {
        return new Invocation(client, project, List.of(arguments));
    }

    private static List<String> installArguments(Client client) {
        return switch (client) {
            case NPM -> List.of("install", "--no-audit", "--no-fund");
            case PNPM_9, PNPM_10 -> List.of("install");
            case YARN_1 -> List.of("install", "--non-interactive", "--no-progress");
            case YARN_4 -> List.of("install");
            case BUN -> List.of("install", "--no-progress");
        };
    }

    private Path npm() {
        String configured = System.getProperty(NodeTools.NPM_PROPERTY, "npm");
        if (configured.contains("/") || configured.contains("\\")) {
            Path p = Path.of(configured);
            if (!Files.isExecutable(p)) {
                throw new AssertionError("npm not found at " + configured + " (from -D" + NodeTools.NPM_PROPERTY + ")");
            }
            return p.toAbsolutePath();
        }
        return Processes.onPath(configured, "the npm client tests");
    }

    private String installed(Client client, String file) {
        return tools.install(spec(client)).file(file).toString();
    }

    /** The bun platform package for this machine, e.g. {@code @oven/bun-linux-x64}. */
    public static String bunPackage() {
        String configured = System.getProperty(BUN_PACKAGE_PROPERTY, "");
        if (!configured.isBlank()) {
            return configured;
        }
        String osName = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String os = osName.startsWith("windows")
                ? "windows"
                : osName.startsWith("mac") ? "darwin" : osName.contains("freebsd") ? "freebsd" : "linux";
        String archName = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String arch = archName.equals("aarch64") || archName.equals("arm64") ? "aarch64" : "x64";
        StringBuilder name =
                new StringBuilder("@oven/bun-").append(os).append('-').append(arch);
        if (os.equals("linux")
                && (Files.exists(Path.of("/lib/ld-musl-x86_64.so.1"))
                        || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1")))) {
            name.append("-musl");
        }
        if (arch.equals("x64") && os.equals("linux") && !linuxCpuHasAvx2()) {
            name.append("-baseline"); // the default build needs AVX2 and dies with SIGILL without it
        }
        return name.toString();
    }

    private static boolean linuxCpuHasAvx2() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(l -> Arrays.asList(
                                    l.substring(l.indexOf(':') + 1).trim().split("\\s+"))
                            .contains("avx2"))
                    .orElse(false);
        } catch (IOException e) {
            return false; // the baseline build runs everywhere
        }
    }

    private static String bunBinary() {
        String pkg = bunPackage();
        return "node_modules/" + pkg + "/bin/bun" + (pkg.contains("-windows-") ? ".exe" : "");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One client run being set up; {@link #run()} runs it. */
    public final class Invocation {
        private final Client client;
        private final Path project;
        private final List<String> arguments;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> secretValues = new ArrayList<>();
        private Path home;
        private String fallbackRegistry;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Invocation(Client client, Path project, List<String> arguments) {
            this.client = client;
            this.project = project.toAbsolutePath().normalize();
            this.arguments = List.copyOf(arguments);
        }

        /** Adds a variable to the client's environment (a name the sandbox sets itself is overridden). */
        public Invocation env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Adds variables to the client's environment, as {@link #env(String, String)}. */
        public Invocation env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /** Adds a secret variable: as {@link #env}, and its value is redacted from the run's output. */
        public Invocation secretEnv(String name, String value) {
            secretValues.add(value);
            return env(name, value);
        }

        /** Other secrets to redact from the output (and count in {@link Result#secretsInOutput()}). */
        public Invocation redact(String... values) {
            secretValues.addAll(List.of(values));
            return this;
        }

        /**
         * The default registry of last resort (see the class comment). Without one, the dead-end port is
         * used, so that a request that would go to the public registry fails here instead.
         */
        public Invocation fallbackRegistry(String url) {
            this.fallbackRegistry = url;
            return this;
        }

        /** The HOME folder to use: must be missing or empty. Default: {@code <project>.home} beside it. */
        public Invocation home(Path home) {
            this.home = home;
            return this;
        }

        /** The time after which the client's process tree is killed; default 3 minutes. */
        public Invocation timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Runs the client, output (stdout and stderr together) into {@code <home>/<client>.log}.
         *
         * @throws AssertionError if the client cannot be installed or started
         */
        public Result run() throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(commandLine(client));
            command.addAll(arguments);
            Path h = (home != null ? home : project.resolveSibling(project.getFileName() + ".home"))
                    .toAbsolutePath()
                    .normalize();
            if (Files.isDirectory(h)) {
                try (var entries = Files.list(h)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalStateException("HOME " + h + " is not empty: each run gets a new one");
                    }
                }
            }
            Files.createDirectories(h);
            Map<String, String> environment = sandbox(h);
            environment.putAll(env);
            Path log = h.resolve(client.name().toLowerCase(Locale.ROOT) + ".log");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Processes.nullDevice()));
            pb.environment().clear();
            pb.environment().putAll(environment);
            int blockedBefore = deadEnd.connections();
            long start = System.nanoTime();
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new AssertionError("could not start " + client.label() + ": " + String.join(" ", command), e);
            }
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                Processes.killTree(process, Duration.ofSeconds(5));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            String raw = Files.readString(log, StandardCharsets.UTF_8);
            Secrets secrets = Secrets.of(secretValues.toArray(String[]::new));
            return new Result(
                    client,
                    List.copyOf(command),
                    finished ? process.exitValue() : -1,
                    !finished,
                    secrets.redact(raw),
                    elapsed,
                    secrets.count(raw),
                    deadEnd.connections() - blockedBefore,
                    h);
        }

        private Map<String, String> sandbox(Path h) throws IOException {
            String registry = fallbackRegistry != null ? fallbackRegistry : "http://127.0.0.1:" + deadEnd.port() + "/";
            String deadProxy = "http://127.0.0.1:" + deadEnd.port();
            Map<String, String> e = new LinkedHashMap<>();
            e.put("PATH", Processes.childPath(node, npm()));
            e.put("HOME", h.toString());
            if (Processes.WINDOWS) {
                e.put("USERPROFILE", h.toString());
                e.put("APPDATA", h.resolve("AppData/Roaming").toString());
                e.put("LOCALAPPDATA", h.resolve("AppData/Local").toString());
                e.put("SystemRoot", System.getenv().getOrDefault("SystemRoot", "C:\\Windows"));
            }
            e.put("TMPDIR", Files.createDirectories(h.resolve("tmp")).toString());
            e.put("XDG_CONFIG_HOME", h.resolve(".config").toString());
            e.put("XDG_CACHE_HOME", h.resolve(".cache").toString());
            e.put("XDG_DATA_HOME", h.resolve(".local/share").toString());
            e.put("XDG_STATE_HOME", h.resolve(".local/state").toString());
            e.put("LANG", "C.UTF-8");
            e.put("NO_COLOR", "1");
            e.put("FORCE_COLOR", "0");
            e.put("DO_NOT_TRACK", "1");
            for (String proxy : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")) {
                e.put(proxy, deadProxy);
            }
            e.put("NO_PROXY", "127.0.0.1,localhost");
            e.put("no_proxy", "127.0.0.1,localhost");
            switch (client) {
                case NPM, PNPM_9, PNPM_10, YARN_1 -> {
                    // The global config ranks below user and project config: it is only the fallback.
                    Path global = h.resolve("global-npmrc");
                    // No retries: a refused connection (the dead proxy) fails at once instead of after a minute.
                    Files.writeString(global, "registry=" + registry + "\nupdate-notifier=false\nfetch-retries=0\n");
                    e.put("NPM_CONFIG_GLOBALCONFIG", global.toString());
                    if (client == Client.YARN_1) {
                        Files.writeString(
                                h.resolve(".yarnrc"),
                                "disable-self-update-check true\n" + "cache-folder \"" + h.resolve("yarn-cache")
                                        + "\"\n");
                    }
                }
                case YARN_4 ->
                    Files.writeString(
                            h.resolve(".yarnrc.yml"),
                            """
                        enableTelemetry: false
                        enableNetwork: false
                        networkSettings:
                          "127.0.0.1":
                            enableNetwork: true
                        unsafeHttpWhitelist:
                          - "127.0.0.1"
                        npmRegistryServer: "%s"
                        npmPreapprovedPackages:
                          - "**"
                        nodeLinker: node-modules
                        enableGlobalCache: false
                        cacheFolder: "%s"
                        globalFolder: "%s"
                        enableImmutableInstalls: false
                        """
                                    .formatted(registry, h.resolve("yarn-cache"), h.resolve("yarn-global")));
                case BUN ->
                    e.put("BUN_INSTALL_CACHE_DIR", h.resolve("bun-cache").toString());
            }
            return e;
        }
    }

    /**
     * What a client run did.
     *
     * @param client          the client
     * @param command         the command line
     * @param exitCode        its exit code, -1 if it timed out
     * @param timedOut        whether it was killed at the timeout
     * @param output          stdout and stderr together, secrets redacted
     * @param elapsed         wall time
     * @param secretsInOutput how often a secret occurred in the raw output (should be 0: no client should
     *                        print a credential)
     * @param blocked         connections the dead-end proxy took while the client ran: attempts to reach
     *                        a host other than 127.0.0.1 (exact when runs do not overlap)
     * @param home            the run's HOME, with the log and the caches
     */
    public record Result(
            Client client,
            List<String> command,
            int exitCode,
            boolean timedOut,
            String output,
            Duration elapsed,
            int secretsInOutput,
            int blocked,
            Path home) {

        /** The output's lines that contain {@code phrase}, or an empty list. */
        public List<String> linesWith(String phrase) {
            return output.lines().filter(l -> l.contains(phrase)).toList();
        }

        /** A summary for an assertion message: command, exit code, time and the (redacted) output. */
        public String describe() {
            return client.label() + " (" + String.join(" ", command) + ") exit " + exitCode
                    + (timedOut ? " (timed out)" : "") + " in " + elapsed.toMillis() + " ms, " + blocked
                    + " connection(s) to other hosts blocked\n--- output ---\n"
                    + output + "--- end ---";
        }
    }
}
