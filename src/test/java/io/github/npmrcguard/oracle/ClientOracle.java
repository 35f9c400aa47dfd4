package io.github.npmrcguard.oracle;

import io.github.npmrcguard.oracle.Verdicts.Verdict;
import io.github.npmrcguard.testsupport.PackageManagers;
import io.github.npmrcguard.testsupport.PackageManagers.Client;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Asks the real clients what they send for each case, and holds the plugin's verdict against it.
 *
 * <p>npm, pnpm and yarn 1 run their own code in one node process each ({@link #DRIVERS}: npm's config loader,
 * validation and packument fetch from npm's installation folder; pnpm's config loader and auth-header function,
 * and yarn 1's Config and registry request, taken out of their bundles). yarn 4 (a bundle whose loader could
 * not be reached apart) and bun (a binary) run their cheapest registry request ({@code yarn npm info},
 * {@code bun info}) as a process
 * in a {@link PackageManagers} sandbox. Every request reaches a {@link RecordingRegistry}; what it carried is
 * the truth ({@link Sent}). {@link #run} with {@code install} runs real installs instead, the cross-check.
 */
public final class ClientOracle implements AutoCloseable {

    /** How the plugin's verdict compares with what one client sent. */
    public enum Outcome {
        AGREE,
        /** The client sends a committed secret and the plugin does not fail the build. */
        FALSE_NEGATIVE,
        /** The plugin fails the build on a file that commits no secret. */
        FALSE_ERROR,
        /** The client sends placeholder text or a stand-in as typed and the plugin says nothing. */
        MISSED_WARNING
    }

    /** The plugin's verdict against what one client sent for one case. */
    public record Row(
            OracleCase c,
            Client client,
            Sent sent,
            Verdicts.Result verdict,
            Outcome outcome,
            String clientError,
            long millis) {

        /** A printable line: no secret (the text with its secrets and values elided). */
        public String describe() {
            return client.label() + " " + outcome + ": sent " + sent + ", plugin " + verdict.verdict() + " "
                    + verdict.rules() + (clientError.isEmpty() ? "" : " (client: " + clientError + ")") + "; "
                    + c.fileName() + " " + c.tags() + " env " + c.env().keySet() + " request "
                    + c.packageName("") + "\n    " + c.elided();
        }
    }

    /** The plugin's verdict against what {@code sent}. */
    public static Outcome compare(OracleCase c, Sent sent, Verdict verdict) {
        return switch (sent) {
            case LITERAL -> verdict == Verdict.ERROR ? Outcome.AGREE : Outcome.FALSE_NEGATIVE;
            case TYPED, STAND_IN ->
                verdict == Verdict.ERROR
                        ? (c.hasLiteral() ? Outcome.AGREE : Outcome.FALSE_ERROR)
                        : verdict == Verdict.WARNING ? Outcome.AGREE : Outcome.MISSED_WARNING;
            case ENV, NONE -> verdict == Verdict.ERROR && !c.hasLiteral() ? Outcome.FALSE_ERROR : Outcome.AGREE;
        };
    }

    private final PackageManagers managers;
    private final Path work;
    private final int parallel;
    private final RecordingRegistry registry;

    /**
     * @param work     a scratch folder for the cases' projects and homes
     * @param parallel how many client processes run at once
     */
    public ClientOracle(PackageManagers managers, Path work, int parallel) throws IOException {
        this.managers = managers;
        this.work = Files.createDirectories(work);
        this.parallel = parallel;
        this.registry = new RecordingRegistry();
    }

    public int port() {
        return registry.port();
    }

    /** Each client's version as it reports it. */
    public Map<Client, String> versions(Set<Client> clients) throws IOException, InterruptedException {
        Map<Client, String> v = new EnumMap<>(Client.class);
        for (Client c : clients) {
            v.put(c, managers.version(c));
        }
        return v;
    }

    /**
     * Every case through every client of {@code clients} that reads its file.
     *
     * @param install run a real install through every client (npm too, as a process) instead of the cheapest
     *                request: the cross-check of the cheap runs
     */
    public List<Row> run(List<OracleCase> cases, Set<Client> clients, boolean install) throws Exception {
        Map<Integer, Verdicts.Result> verdicts = new LinkedHashMap<>();
        for (OracleCase c : cases) {
            verdicts.put(c.id(), Verdicts.of(c, port()));
        }
        List<Row> rows = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<?>> futures = new ArrayList<>();
        Map<Client, List<OracleCase>> driven = new EnumMap<>(Client.class);
        for (OracleCase c : cases) {
            for (Client client : c.clients()) {
                if (!clients.contains(client)) {
                    continue;
                }
                if (!install && DRIVERS.containsKey(client)) {
                    driven.computeIfAbsent(client, k -> new ArrayList<>()).add(c);
                    continue;
                }
                futures.add(pool.submit(() -> {
                    rows.add(runProcess(c, client, verdicts.get(c.id()), install));
                    return null;
                }));
            }
        }
        ExecutorService drivers = Executors.newFixedThreadPool(Math.max(1, driven.size()));
        List<Future<?>> driverRuns = new ArrayList<>();
        driven.forEach((client, mine) -> driverRuns.add(drivers.submit(() -> {
            rows.addAll(runDriver(client, mine, verdicts));
            return null;
        })));
        drivers.shutdown();
        for (Future<?> f : futures) {
            f.get();
        }
        for (Future<?> f : driverRuns) {
            f.get();
        }
        pool.shutdown();
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.c().id() != b.c().id()
                ? Integer.compare(a.c().id(), b.c().id())
                : a.client().compareTo(b.client()));
        return sorted;
    }

    private Path project(OracleCase c, String tag, String dependency) throws IOException {
        Path dir =
                Files.createDirectories(work.resolve("c" + c.id() + "-" + tag).resolve("p"));
        Files.writeString(
                dir.resolve("package.json"),
                "{\"name\":\"oracle-case\",\"version\":\"1.0.0\""
                        + (dependency == null ? "" : ",\"dependencies\":{\"" + dependency + "\":\"1.0.0\"}") + "}\n");
        Files.writeString(dir.resolve(c.fileName()), c.text(port()), StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * The cheapest request the client makes with its own code ({@code pnpm view} hands over to npm, so pnpm
     * resolves a dependency instead).
     */
    private static List<String> arguments(Client client, String spec) {
        return switch (client) {
            case NPM -> List.of("view", spec, "name", "--no-update-notifier");
            case PNPM_9, PNPM_10 -> List.of("install", "--lockfile-only", "--ignore-scripts");
            case YARN_1 -> List.of("info", spec, "name", "--non-interactive");
            case YARN_4 -> List.of("npm", "info", spec, "--fields", "name");
            case BUN -> List.of("info", spec, "name");
        };
    }

    private Row runProcess(OracleCase c, Client client, Verdicts.Result verdict, boolean install) throws Exception {
        String tag = client.name().toLowerCase(java.util.Locale.ROOT).replace("_", "") + (install ? "i" : "");
        String spec = c.packageName(tag);
        boolean dependency = install || client == Client.PNPM_9 || client == Client.PNPM_10;
        Path p = project(c, tag, dependency ? spec : null);
        PackageManagers.Invocation run = install
                ? managers.install(client, p)
                : managers.run(client, p, arguments(client, spec).toArray(String[]::new));
        PackageManagers.Result r = run.fallbackRegistry(registry.url())
                .env(c.env())
                .redact(secrets(c))
                .home(p.resolveSibling("h"))
                .timeout(Duration.ofSeconds(90))
                .run();
        Sent sent = Sent.of(c, registry.take(unscoped(spec)));
        String error = r.exitCode() == 0 ? "" : r.timedOut() ? "timed out" : "exit " + r.exitCode();
        deleteTree(p.getParent());
        return new Row(
                c,
                client,
                sent,
                verdict,
                compare(c, sent, verdict.verdict()),
                error,
                r.elapsed().toMillis());
    }

    private static String[] secrets(OracleCase c) {
        List<String> s = new ArrayList<>(c.literals());
        c.env().values().stream().filter(v -> !v.isEmpty()).forEach(s::add);
        return s.toArray(String[]::new);
    }

    private static String unscoped(String spec) {
        return spec.startsWith("@") ? spec.substring(spec.indexOf('/') + 1) : spec;
    }

    /** The npm installation folder: the one the {@code npm} on the PATH (or {@code -Dnpmrcguard.npm}) runs. */
    static Path npmRoot() throws IOException {
        String configured = System.getProperty("npmrcguard.npm", "npm");
        Path npm = configured.contains("/") ? Path.of(configured) : onPath(configured);
        Path cli = npm.toRealPath(); // …/npm/bin/npm-cli.js
        return cli.getParent().getParent();
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new AssertionError(name + " is not on the PATH: the client oracle needs it");
    }

    /** The clients whose own code runs in one node process: the driver script (a test resource). */
    static final Map<Client, String> DRIVERS = Map.of(
            Client.NPM,
            "npm-driver.js",
            Client.PNPM_9,
            "pnpm-driver.js",
            Client.PNPM_10,
            "pnpm-driver.js",
            Client.YARN_1,
            "yarn1-driver.js");

    /** The folder of the client's package that its driver loads. */
    private Path packageFolder(Client client) throws IOException {
        if (client == Client.NPM) {
            return npmRoot();
        }
        Path cli = Path.of(managers.commandLine(client).get(1)); // e.g. …/node_modules/pnpm/bin/pnpm.cjs
        return cli.getParent().getParent();
    }

    private List<Row> runDriver(Client client, List<OracleCase> cases, Map<Integer, Verdicts.Result> verdicts)
            throws Exception {
        String tag = client.name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        Path script = work.resolve(tag + "-" + DRIVERS.get(client));
        try (InputStream in = ClientOracle.class.getResourceAsStream("/oracle/" + DRIVERS.get(client))) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path node = onPath("node");
        Path home = Files.createDirectories(work.resolve(tag + "-driver-home"));
        Path global = home.resolve("global-npmrc");
        Files.writeString(global, "registry=" + registry.url() + "\nfetch-retries=0\nupdate-notifier=false\n");
        ProcessBuilder pb = new ProcessBuilder(
                        node.toString(),
                        script.toString(),
                        packageFolder(client).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOME", home.toString());
        Process process = pb.start();
        List<Row> rows = new ArrayList<>();
        try (Writer w = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (OracleCase c : cases) {
                Path p = project(c, tag, null);
                String spec = c.packageName(client);
                Path h = Files.createDirectories(p.resolveSibling("h"));
                Map<String, String> env = new LinkedHashMap<>();
                env.put("PATH", pb.environment().get("PATH"));
                env.put("HOME", h.toString());
                env.put(
                        client == Client.NPM ? "npm_config_globalconfig" : "NPM_CONFIG_GLOBALCONFIG",
                        global.toString());
                if (client == Client.NPM) {
                    env.put("npm_config_cache", h.resolve("cache").toString());
                }
                env.put("XDG_CONFIG_HOME", h.resolve(".config").toString());
                env.put("XDG_CACHE_HOME", h.resolve(".cache").toString());
                env.put("XDG_DATA_HOME", h.resolve(".local/share").toString());
                env.put("NO_PROXY", "127.0.0.1,localhost");
                env.putAll(c.env());
                long start = System.nanoTime();
                w.write(json(c.id(), p, spec, env));
                w.write('\n');
                w.flush();
                String line = out.readLine();
                if (line == null) {
                    throw new IOException("the " + client.label() + " driver ended early");
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                String error = line.contains("\"error\"") ? line.replaceAll(".*\"error\":\"([^\"]*)\".*", "$1") : "";
                Sent sent = Sent.of(c, registry.take(unscoped(spec)));
                Verdicts.Result v = verdicts.get(c.id());
                rows.add(new Row(c, client, sent, v, compare(c, sent, v.verdict()), error, millis));
                deleteTree(p.getParent());
            }
        } finally {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return rows;
    }

    private static String json(int id, Path dir, String spec, Map<String, String> env) {
        StringBuilder s = new StringBuilder("{\"id\":")
                .append(id)
                .append(",\"dir\":")
                .append(quote(dir.toString()))
                .append(",\"spec\":")
                .append(quote(spec))
                .append(",\"env\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : env.entrySet()) {
            s.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
            first = false;
        }
        return s.append("}}").toString();
    }

    private static String quote(String v) {
        StringBuilder s = new StringBuilder("\"");
        for (char ch : v.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                s.append('\\').append(ch);
            } else if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
                s.append(String.format("\\u%04x", (int) ch));
            } else {
                s.append(ch);
            }
        }
        return s.append('"').toString();
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        registry.close();
    }
}
