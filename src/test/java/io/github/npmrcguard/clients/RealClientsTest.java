package io.github.npmrcguard.clients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.npmrcguard.testsupport.JsonReader;
import io.github.npmrcguard.testsupport.LocalRegistry;
import io.github.npmrcguard.testsupport.PackageManagers;
import io.github.npmrcguard.testsupport.PackageManagers.Client;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The config forms the plugin will generate, tried with the real clients against a real registry on
 * loopback: with {@code NPM_TOKEN} set each client installs the private package; with it unset each fails
 * the way the research (npmrc-semantics.md, sections 2 and 7) says, which the registry's record of each
 * request's {@code Authorization} confirms; and in every run the token stays out of the project's files,
 * the client's HOME and its output.
 *
 * <p>One registry serves the whole class. Each case gets a new project and a new, empty HOME. The
 * config is written by a {@link ConfigWriter}: the {@code generate} goal's {@link GeneratedConfig}, and for
 * the contrast cases the hand-written forms that show why generate writes what it writes.
 */
class RealClientsTest {

    /** Placeholder variable every form references. */
    static final String TOKEN_VARIABLE = "NPM_TOKEN";

    @TempDir
    static Path shared;

    static PackageManagers clients;
    static LocalRegistry registry;
    static final List<String> report = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void installClientsAndStartRegistry() throws Exception {
        long t0 = System.nanoTime();
        clients = PackageManagers.defaults();
        clients.installAll(); // so that the per-case timings below are the clients' own
        long t1 = System.nanoTime();
        registry = LocalRegistry.start(shared.resolve("registry"));
        long t2 = System.nanoTime();
        report.add("setup: clients installed or found in " + ms(t1 - t0) + " ms, registry up and package"
                + " published in " + ms(t2 - t1) + " ms (" + registry + ")");
    }

    @AfterAll
    static void stopRegistryAndReport() {
        if (registry != null) {
            registry.close();
            assertFalse(registry.isAlive(), "the registry process ended");
        }
        // The table goes to the test output: it holds no secret (outputs are redacted, tokens fingerprinted).
        System.out.println(String.join("\n", report));
    }

    /** The registry is what the cases rely on: auth required, nothing proxied, no secret in its log. */
    @Test
    void theRegistryServesThePrivatePackageOnlyWithTheToken() throws Exception {
        assertEquals(200, registry.get("@acme%2fprivate-lib", true));
        assertEquals(401, registry.get("@acme%2fprivate-lib", false), "anonymous reads are refused");
        // No uplinks: a public package is not fetched from anywhere, even for a logged-in user.
        assertEquals(404, registry.get("semver", true));
        assertTrue(registry.nerfDart().startsWith("//127.0.0.1:")
                && registry.nerfDart().endsWith("/"));
        assertTrue(registry.url().endsWith("/"));
        assertEquals(
                0,
                registry.secrets().count(Files.readString(registry.log())),
                "the registry's log holds neither the password nor the token");
    }

    /**
     * The sandbox keeps each client on 127.0.0.1: a project whose registry is another host (127.0.0.2,
     * standing in for any host but the test registry) fails at once, and that host receives nothing.
     * npm, pnpm, yarn 1 and bun are stopped by the dead proxy, yarn 4 by its network settings.
     */
    @ParameterizedTest
    @EnumSource(Client.class)
    void theSandboxKeepsEveryClientOffOtherHosts(Client client, @TempDir Path tmp) throws Exception {
        AtomicInteger received = new AtomicInteger();
        HttpServer other;
        try {
            other = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 8);
        } catch (IOException e) {
            throw new AssertionError("cannot listen on 127.0.0.2 (Linux routes all of 127.0.0.0/8 to loopback)", e);
        }
        other.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        other.start();
        try {
            String url = "http://127.0.0.2:" + other.getAddress().getPort() + "/";
            Path project = Files.createDirectory(tmp.resolve("project"));
            Files.writeString(
                    project.resolve("package.json"),
                    "{\"name\":\"frontend\",\"version\":\"1.0.0\",\"private\":true,"
                            + "\"dependencies\":{\"left-pad\":\"1.3.0\"}}\n");
            switch (client) {
                case NPM, PNPM_9, PNPM_10, YARN_1 ->
                    Files.writeString(project.resolve(".npmrc"), "registry=" + url + "\n");
                case YARN_4 ->
                    Files.writeString(
                            project.resolve(".yarnrc.yml"),
                            "npmRegistryServer: \"" + url + "\"\n" + "unsafeHttpWhitelist: [\"127.0.0.2\"]\n");
                case BUN ->
                    Files.writeString(project.resolve("bunfig.toml"), "[install]\nregistry = \"" + url + "\"\n");
            }

            PackageManagers.Result result = clients.install(client, project)
                    .home(tmp.resolve("home"))
                    .fallbackRegistry(registry.url())
                    .timeout(Duration.ofMinutes(1))
                    .run();

            String why = result.describe();
            assertFalse(result.timedOut(), why);
            assertNotEquals(0, result.exitCode(), why);
            assertEquals(0, received.get(), "the other host was reached\n" + why);
            if (client != Client.YARN_4) { // yarn 4 ignores HTTP(S)_PROXY; its network settings stop it first
                assertTrue(result.blocked() > 0, "the request went through the dead-end proxy\n" + why);
            }
            report.add("| " + client.label() + " | other host blocked: "
                    + result.output()
                            .lines()
                            .filter(l -> l.contains("403") || l.contains("YN0080"))
                            .findFirst()
                            .orElse("(no connection error line)")
                            .strip()
                    + " | " + result.blocked()
                    + " connection(s) blocked |");
        } finally {
            other.stop(0);
        }
    }

    /** What the client sent the registry for the private package. */
    enum Sent {
        /** {@code Bearer <token>} on every request for the package. */
        TOKEN,
        /** {@code Bearer ${NPM_TOKEN}}: the placeholder, unexpanded. */
        PLACEHOLDER,
        /** Requests without {@code Authorization}. */
        NOTHING,
        /** No request at all: the client stopped before. */
        NO_REQUEST
    }

    /** One client run: the config form, whether the token is set, and what must happen. */
    record Case(
            Client client,
            String form,
            ConfigWriter writer,
            boolean tokenSet,
            Sent sent,
            List<String> phrases,
            List<String> forbidden) {

        boolean installs() {
            return phrases.isEmpty();
        }

        @Override
        public String toString() {
            return client.label() + ", " + form + ", " + TOKEN_VARIABLE + (tokenSet ? " set" : " unset");
        }
    }

    /** What the generate goal writes installs with the token set. */
    static Case installs(Client client) {
        return new Case(
                client, GeneratedConfig.describe(), new GeneratedConfig(true), true, Sent.TOKEN, List.of(), List.of());
    }

    /** A contrast form installs with the token set. */
    static Case installs(Client client, HandWrittenConfig contrast) {
        return new Case(client, contrast.description(), contrast, true, Sent.TOKEN, List.of(), List.of());
    }

    /** What the generate goal writes fails, printing every phrase and none of the forbidden ones. */
    static Case fails(Client client, boolean tokenSet, Sent sent, List<String> phrases, List<String> forbidden) {
        return new Case(
                client, GeneratedConfig.describe(), new GeneratedConfig(tokenSet), tokenSet, sent, phrases, forbidden);
    }

    /** A contrast form fails, printing every phrase. */
    static Case fails(Client client, HandWrittenConfig contrast, boolean tokenSet, Sent sent, List<String> phrases) {
        return new Case(client, contrast.description(), contrast, tokenSet, sent, phrases, List.of());
    }

    static Stream<Case> cases() {
        // What is expected with the variable unset is each client's documented behaviour (research 2.1-2.5).
        String unreplaced = "Failed to replace env in config: ${" + TOKEN_VARIABLE + "}";
        return Stream.of(
                installs(Client.NPM),
                // npm 7+ leaves ${NPM_TOKEN} as it is and sends it as a Bearer token; the registry refuses
                // it with 401 (E401). No error about the placeholder, no stack trace.
                fails(
                        Client.NPM,
                        false,
                        Sent.PLACEHOLDER,
                        List.of("npm error code E401", "your authentication token seems to be invalid"),
                        List.of("Failed to replace env", "\n    at ")),
                installs(Client.YARN_1),
                // generate gives yarn 1 its token in the user config, and leaves the line out while the
                // variable is unset: yarn 1 asks anonymously instead of stopping on the placeholder.
                fails(
                        Client.YARN_1,
                        false,
                        Sent.NOTHING,
                        List.of("authorization required to access package"),
                        List.of("Failed to replace env")),
                // Contrast: a placeholder in a project .npmrc stops yarn 1 before any request when unset.
                fails(
                        Client.YARN_1,
                        HandWrittenConfig.PROJECT_NPMRC,
                        false,
                        Sent.NO_REQUEST,
                        List.of("error Error: " + unreplaced)),
                installs(Client.PNPM_9),
                // generate leaves the token line out of the user config while the variable is unset, and
                // the scope's registry line is in the project .npmrc too: pnpm asks the private registry,
                // anonymously, and never sends the package name anywhere else.
                fails(
                        Client.PNPM_9,
                        false,
                        Sent.NOTHING,
                        List.of("ERR_PNPM_FETCH_401", "No authorization header was set for the request."),
                        List.of("Failed to replace env")),
                // Contrast: a placeholder user config with the variable unset is dropped whole by pnpm.
                fails(
                        Client.PNPM_9,
                        HandWrittenConfig.USER_NPMRC_IN_TARGET,
                        false,
                        Sent.NOTHING,
                        List.of("Issue while reading", "target/npmrc", unreplaced)),
                // Contrast: pnpm 9 still expands the placeholder in a project .npmrc.
                installs(Client.PNPM_9, HandWrittenConfig.PROJECT_NPMRC),
                installs(Client.PNPM_10),
                fails(
                        Client.PNPM_10,
                        false,
                        Sent.NOTHING,
                        List.of("ERR_PNPM_FETCH_401", "No authorization header was set for the request."),
                        List.of("Failed to replace env", "Ignored project-level auth setting")),
                // Why pnpm gets a user config: 10.34.2+ ignores the expanded credential from a project
                // .npmrc even with the token set, and the install is refused.
                fails(
                        Client.PNPM_10,
                        HandWrittenConfig.PROJECT_NPMRC,
                        true,
                        Sent.NOTHING,
                        List.of(
                                "Ignored project-level auth setting",
                                ":_authToken\" in \"",
                                "environment variables are not expanded",
                                "ERR_PNPM_FETCH_401",
                                "No authorization header was set for the request.")),
                installs(Client.YARN_4),
                // ${NPM_TOKEN:-} is empty: yarn asks anonymously and is refused, but reads its config fine.
                fails(
                        Client.YARN_4,
                        false,
                        Sent.NOTHING,
                        List.of("YN0041", "Invalid authentication (as an anonymous user)"),
                        List.of("Environment variable not found")),
                // Contrast: without ":-" an unset variable stops yarn before it does anything.
                fails(
                        Client.YARN_4,
                        HandWrittenConfig.YARNRC_YML_NO_DEFAULT,
                        false,
                        Sent.NO_REQUEST,
                        List.of("Environment variable not found (" + TOKEN_VARIABLE + ")")),

                // No registry declared: generate writes nothing, and the client sends no Authorization to its
                // default registry with the variable unset (the package needs a token, hence the 401).
                new Case(
                        Client.NPM,
                        PublicOnlyConfig.describe(),
                        new PublicOnlyConfig(),
                        false,
                        Sent.NOTHING,
                        List.of("npm error code E401"),
                        List.of()),
                new Case(
                        Client.YARN_4,
                        PublicOnlyConfig.describe(),
                        new PublicOnlyConfig(),
                        false,
                        Sent.NOTHING,
                        List.of("YN0041", "Invalid authentication (as an anonymous user)"),
                        List.of()),
                installs(Client.BUN),
                // bun drops the credential with a warning and asks anonymously.
                fails(
                        Client.BUN,
                        false,
                        Sent.NOTHING,
                        List.of(
                                "warn: registry token references unset variable $" + TOKEN_VARIABLE
                                        + ", ignoring credential",
                                "401"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aGeneratedFormWorksWithTheRealClient(Case c, @TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        Files.writeString(
                project.resolve("package.json"),
                """
                {
                  "name": "frontend",
                  "version": "1.0.0",
                  "private": true,
                  "dependencies": {
                    "%s": "%s"
                  }
                }
                """
                        .formatted(LocalRegistry.PACKAGE, LocalRegistry.VERSION));
        Map<String, String> env = c.writer().write(project, c.client(), registry);

        PackageManagers.Invocation run = clients.install(c.client(), project)
                .home(tmp.resolve("home"))
                .fallbackRegistry(registry.url())
                .env(env)
                .redact(registry.token());
        if (c.tokenSet()) {
            run.secretEnv(TOKEN_VARIABLE, registry.token());
        }
        int before = registry.requests().size();
        PackageManagers.Result result = run.run();
        List<LocalRegistry.Request> forPackage = forPackage(before);
        String version = clients.version(c.client());
        Path installed = project.resolve("node_modules/" + LocalRegistry.PACKAGE + "/package.json");

        List<String> leaks = registry.secrets().filesHoldingAny(project, Set.of("node_modules"));
        // The client's HOME holds its caches, store and logs: what a CI cache would keep.
        List<String> leaksInHome = registry.secrets().filesHoldingAny(result.home(), Set.of());
        report.add(String.format(
                "| %-7s | %-8s | %-58s | %-5s | %4d | %-11s | %-60s | %6d |",
                c.client().label(),
                version,
                c.form(),
                c.tokenSet() ? "set" : "unset",
                result.exitCode(),
                c.sent(),
                c.installs() ? (Files.exists(installed) ? "installed" : "NOT installed") : keyLine(result, c),
                result.elapsed().toMillis()));

        String why = result.describe() + "\nrequests for the package: " + forPackage;
        assertAll(
                () -> assertFalse(result.timedOut(), why),
                () -> assertEquals(0, result.blocked(), "the client tried to reach another host\n" + why),
                () -> assertEquals(0, result.secretsInOutput(), "the client printed a secret\n" + why),
                () -> assertEquals(
                        List.of(),
                        leaks,
                        "files in the project hold the token (fingerprint " + registry.tokenFingerprint() + ")"),
                () -> assertEquals(List.of(), leaksInHome, "files in the client's HOME hold the token"));
        assertSent(c.sent(), forPackage, why);
        if (c.installs()) {
            assertEquals(0, result.exitCode(), why);
            assertTrue(
                    forPackage.stream().anyMatch(r -> r.path().endsWith(".tgz")),
                    "the tarball came through the registry's front too\n" + why);
            assertTrue(Files.exists(installed), "no " + installed + "\n" + why);
            assertEquals(
                    LocalRegistry.VERSION, JsonReader.string(JsonReader.parse(Files.readString(installed)), "version"));
            assertTrue(
                    Files.readString(installed.resolveSibling("index.js")).contains(LocalRegistry.EXPORTED),
                    "the package's code came from the loopback registry");
        } else {
            assertNotEquals(0, result.exitCode(), why);
            assertFalse(Files.exists(installed), "the package was installed anyway\n" + why);
            for (String phrase : c.phrases()) {
                assertTrue(result.output().contains(phrase), "expected \"" + phrase + "\"\n" + why);
            }
            for (String phrase : c.forbidden()) {
                assertFalse(result.output().contains(phrase), "did not expect \"" + phrase + "\"\n" + why);
            }
        }
    }

    /**
     * A yarn 1 or pnpm project whose committed .npmrc held a literal token, after {@code fix}: with the
     * variable unset the client runs (a script, and an install that asks anonymously instead of stopping on
     * the config), and once the build's generate has written the user config with the variable set, the
     * client authenticates through it.
     */
    @ParameterizedTest
    @EnumSource(
            value = Client.class,
            names = {"YARN_1", "PNPM_9", "PNPM_10"})
    void afterFixTheClientRunsWithoutTheVariableAndAuthenticatesWithIt(Client client, @TempDir Path tmp)
            throws Exception {
        Path project = frontendWithAScript(tmp, client);
        String literal = new io.github.npmrcguard.testsupport.TestTokens(15).opaque(32);
        String npmrc = LocalRegistry.SCOPE + ":registry=" + registry.url() + "\n" + registry.nerfDart() + ":_authToken="
                + literal + "\n";
        Files.writeString(project.resolve(".npmrc"), npmrc);
        List<io.github.npmrcguard.rules.Finding> findings =
                io.github.npmrcguard.testsupport.Docs.check(".npmrc", npmrc).stream()
                        .filter(f -> f.severity() == io.github.npmrcguard.rules.Severity.ERROR)
                        .toList();
        io.github.npmrcguard.fix.Fixer.Report fixed = new io.github.npmrcguard.fix.Fixer(
                        new io.github.npmrcguard.fix.VariableNames(Map.of()),
                        io.github.npmrcguard.generate.GeneratorOptions.builder()
                                .environment(Map.of())
                                .homeDirectory(tmp.resolve("no-home")))
                .fix(project, new io.github.npmrcguard.scan.ScanResult(findings, List.of(), List.of(), 1, true), false);
        assertEquals(1, fixed.fixed().size(), fixed.manual().toString());
        String variable = fixed.fixed().get(0).placeholder().replaceAll("[${}]", "");
        assertEquals(
                LocalRegistry.SCOPE + ":registry=" + registry.url() + "\n",
                Files.readString(project.resolve(".npmrc")));
        Path userConfig = project.resolve("target/npmrc-guard/.npmrc");
        Map<String, String> env = Map.of("NPM_CONFIG_USERCONFIG", userConfig.toString());

        // The variable unset: the config does not stop the client.
        String unset = assertRunsWithTheVariableUnset(client, project, tmp, env);

        // The build's generate with the variable set writes its token line; the client authenticates.
        io.github.npmrcguard.generate.GenerationResult generated = new io.github.npmrcguard.generate.Generator(
                        io.github.npmrcguard.generate.GeneratorOptions.builder()
                                .environment(Map.of(variable, "set-in-ci"))
                                .ci(false)
                                .homeDirectory(tmp.resolve("no-home"))
                                .projectRoot(project)
                                .build())
                .run(List.of(io.github.npmrcguard.generate.ModuleInput.of(project)));
        assertFalse(generated.hasErrors(), generated.messages().toString());
        assertEquals(
                LocalRegistry.SCOPE + ":registry=" + registry.url() + "\n",
                Files.readString(project.resolve(".npmrc")),
                "generate leaves the project file as fix left it");
        assertTrue(Files.readString(userConfig).contains(registry.nerfDart() + ":_authToken=${" + variable + "}\n"));
        int before = registry.requests().size();
        PackageManagers.Result set = clients.install(client, project)
                .home(tmp.resolve("home-set"))
                .fallbackRegistry(registry.url())
                .env(env)
                .secretEnv(variable, registry.token())
                .redact(registry.token(), literal)
                .run();
        List<LocalRegistry.Request> authed = forPackage(before);
        assertEquals(0, set.exitCode(), set.describe());
        assertSent(Sent.TOKEN, authed, set.describe());
        assertEquals(0, set.secretsInOutput(), set.describe());
        assertEquals(List.of(), registry.secrets().filesHoldingAny(project, Set.of("node_modules")));
        report.add("| " + client.label() + " | after fix: " + variable + " unset: " + unset + "; set: install exit "
                + set.exitCode() + " (" + authed.size() + " requests with the token) |");
    }

    /**
     * What {@code npm login} leaves, committed in a yarn 1 or pnpm project: a token line for the default registry
     * (the public one; here the loopback registry stands in for it as the clients' default), with no registry
     * line. After {@code fix} the line has given way to the {@code # npmrc-guard:token} comment: the client runs
     * with the variable unset, and after {@code mvn clean} the build's generate reads the comment and writes the
     * token line again, through which the client authenticates.
     */
    @ParameterizedTest
    @EnumSource(
            value = Client.class,
            names = {"YARN_1", "PNPM_9", "PNPM_10"})
    void afterFixADefaultRegistryTokenStaysDeclaredThroughACleanBuild(Client client, @TempDir Path tmp)
            throws Exception {
        Path project = frontendWithAScript(tmp, client);
        String literal = new io.github.npmrcguard.testsupport.TestTokens(16).opaque(32);
        String npmrc = registry.nerfDart() + ":_authToken=" + literal + "\n";
        Files.writeString(project.resolve(".npmrc"), npmrc);
        List<io.github.npmrcguard.rules.Finding> findings =
                io.github.npmrcguard.testsupport.Docs.check(".npmrc", npmrc).stream()
                        .filter(f -> f.severity() == io.github.npmrcguard.rules.Severity.ERROR)
                        .toList();
        io.github.npmrcguard.fix.Fixer.Report fixed = new io.github.npmrcguard.fix.Fixer(
                        new io.github.npmrcguard.fix.VariableNames(Map.of()),
                        io.github.npmrcguard.generate.GeneratorOptions.builder()
                                .environment(Map.of())
                                .homeDirectory(tmp.resolve("no-home")))
                .fix(project, new io.github.npmrcguard.scan.ScanResult(findings, List.of(), List.of(), 1, true), false);
        assertEquals(List.of(), fixed.manual(), "fix does the whole job");
        assertEquals(1, fixed.fixed().size());
        String variable = fixed.fixed().get(0).placeholder().replaceAll("[${}]", "");
        String comment = io.github.npmrcguard.generate.TokenMarker.line(registry.nerfDart()) + "\n";
        assertEquals(comment, Files.readString(project.resolve(".npmrc")));
        Path userConfig = project.resolve("target/npmrc-guard/.npmrc");
        Map<String, String> env = new java.util.HashMap<>(Map.of("NPM_CONFIG_USERCONFIG", userConfig.toString()));
        if (client == Client.YARN_1) {
            // yarn 1 reads no npm global config: its default registry comes from the environment, as in a CI job.
            env.put("npm_config_registry", registry.url());
        }

        // The variable unset: the comment and the user config do not stop the client.
        String unset = assertRunsWithTheVariableUnset(client, project, tmp, env);

        // mvn clean, then the build's generate with the variable set: the comment alone declares the need.
        deleteTree(project.resolve("target"));
        io.github.npmrcguard.generate.GenerationResult generated = new io.github.npmrcguard.generate.Generator(
                        io.github.npmrcguard.generate.GeneratorOptions.builder()
                                .environment(Map.of(variable, "set-in-ci"))
                                .ci(false)
                                .homeDirectory(tmp.resolve("no-home"))
                                .projectRoot(project)
                                .build())
                .run(List.of(io.github.npmrcguard.generate.ModuleInput.of(project)));
        assertFalse(generated.hasErrors(), generated.messages().toString());
        assertEquals(comment, Files.readString(project.resolve(".npmrc")), "generate leaves the project file alone");
        String written = Files.readString(userConfig);
        assertTrue(written.contains(registry.nerfDart() + ":_authToken=${" + variable + "}\n"), written);
        assertFalse(written.contains("registry="), "no registry line: installs stay where they were\n" + written);
        int before = registry.requests().size();
        PackageManagers.Result set = clients.install(client, project)
                .home(tmp.resolve("home-set"))
                .fallbackRegistry(registry.url())
                .env(env)
                .secretEnv(variable, registry.token())
                .redact(registry.token(), literal)
                .run();
        List<LocalRegistry.Request> authed = forPackage(before);
        assertEquals(0, set.exitCode(), set.describe());
        assertSent(Sent.TOKEN, authed, set.describe());
        assertEquals(0, set.secretsInOutput(), set.describe());
        assertEquals(List.of(), registry.secrets().filesHoldingAny(project, Set.of("node_modules")));
        report.add("| " + client.label() + " | after fix of a default-registry token, mvn clean, generate: "
                + variable + " unset: " + unset + "; set: install exit " + set.exitCode() + " (" + authed.size()
                + " requests with the token) |");
    }

    /**
     * The {@code # npmrc-guard:token} comment is nothing to npm 11 either (a developer may run npm in a pnpm
     * project): no warning about the file, and it authenticates through the generated user config.
     */
    @Test
    void theTokenCommentIsNothingToNpm(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        Files.writeString(
                project.resolve("package.json"),
                "{\"name\":\"frontend\",\"version\":\"1.0.0\",\"private\":true,\"dependencies\":{\""
                        + LocalRegistry.PACKAGE + "\":\"" + LocalRegistry.VERSION + "\"}}\n");
        String comment = io.github.npmrcguard.generate.TokenMarker.line(registry.nerfDart()) + "\n";
        Files.writeString(project.resolve(".npmrc"), comment);
        Path userConfig = tmp.resolve("userconfig");
        Files.writeString(userConfig, registry.nerfDart() + ":_authToken=${NPM_TOKEN}\n");
        int before = registry.requests().size();
        PackageManagers.Result set = clients.install(Client.NPM, project)
                .home(tmp.resolve("home"))
                .fallbackRegistry(registry.url())
                .env("NPM_CONFIG_USERCONFIG", userConfig.toString())
                .secretEnv(TOKEN_VARIABLE, registry.token())
                .run();
        List<LocalRegistry.Request> authed = forPackage(before);
        assertEquals(0, set.exitCode(), set.describe());
        assertSent(Sent.TOKEN, authed, set.describe());
        assertFalse(set.output().toLowerCase(java.util.Locale.ROOT).contains("warn"), set.describe());
        report.add("| npm | the token comment in the project .npmrc: install exit " + set.exitCode() + ", "
                + authed.size() + " requests with the token, no warning |");
    }

    private static List<LocalRegistry.Request> forPackage(int from) {
        return registry.requests().subList(from, registry.requests().size()).stream()
                .filter(r -> r.isFor(LocalRegistry.PACKAGE))
                .toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Checks the Authorization of the requests a run made for the package: the proof of where auth came from. */
    private static void assertSent(Sent sent, List<LocalRegistry.Request> forPackage, String why) {
        if (sent == Sent.NO_REQUEST) {
            assertEquals(List.of(), forPackage, why);
            return;
        }
        assertFalse(forPackage.isEmpty(), "no request for the package\n" + why);
        for (LocalRegistry.Request r : forPackage) {
            boolean ok =
                    switch (sent) {
                        case TOKEN -> r.bearer(registry.token());
                        case PLACEHOLDER -> r.bearer("${" + TOKEN_VARIABLE + "}");
                        case NOTHING -> r.anonymous();
                        case NO_REQUEST -> false;
                    };
            assertTrue(ok, "expected " + sent + " on " + r + "\n" + why);
        }
    }

    /** The first output line holding the case's first key phrase, trimmed, for the report. */
    private static String keyLine(PackageManagers.Result result, Case c) {
        List<String> lines = result.linesWith(c.phrases().get(0));
        String line = lines.isEmpty()
                ? "(phrase missing) " + c.phrases().get(0)
                : lines.get(0).strip();
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    private static long ms(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    /** A project of {@code client} with a script named hello and the loopback registry's package as dependency. */
    private static Path frontendWithAScript(Path tmp, Client client) throws IOException {
        Path project = Files.createDirectory(tmp.resolve("project"));
        Files.writeString(
                project.resolve("package.json"),
                """
                {
                  "name": "frontend",
                  "version": "1.0.0",
                  "private": true,
                  "packageManager": "%s@%s",
                  "scripts": { "hello": "node -e \\"console.log('hello from the script')\\"" },
                  "dependencies": { "%s": "%s" }
                }
                """
                        .formatted(
                                client.command(),
                                client.pinnedVersion(),
                                LocalRegistry.PACKAGE,
                                LocalRegistry.VERSION));
        return project;
    }

    /**
     * With the token variable unset, the client runs a script, and an install asks without credentials.
     *
     * @return what happened, for the report: the exit codes and how many requests went out
     */
    private static String assertRunsWithTheVariableUnset(Client client, Path project, Path tmp, Map<String, String> env)
            throws Exception {
        PackageManagers.Result script = clients.run(client, project, "run", "hello")
                .home(tmp.resolve("home-run"))
                .fallbackRegistry(registry.url())
                .env(env)
                .timeout(Duration.ofMinutes(1))
                .run();
        assertEquals(0, script.exitCode(), script.describe());
        assertTrue(script.output().contains("hello from the script"), script.describe());
        int before = registry.requests().size();
        PackageManagers.Result unset = clients.install(client, project)
                .home(tmp.resolve("home-unset"))
                .fallbackRegistry(registry.url())
                .env(env)
                .run();
        assertFalse(unset.output().contains("Failed to replace env"), unset.describe());
        List<LocalRegistry.Request> asked = forPackage(before);
        assertSent(Sent.NOTHING, asked, unset.describe());
        return "run exit " + script.exitCode() + ", install exit " + unset.exitCode() + " (" + asked.size()
                + " anonymous requests)";
    }
}
