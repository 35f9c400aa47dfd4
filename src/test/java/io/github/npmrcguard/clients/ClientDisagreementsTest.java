package io.github.npmrcguard.clients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.Severity;
import io.github.npmrcguard.testsupport.Docs;
import io.github.npmrcguard.testsupport.LocalRegistry;
import io.github.npmrcguard.testsupport.PackageManagers;
import io.github.npmrcguard.testsupport.PackageManagers.Client;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The config forms where the plugin's verdict once disagreed with a real client (issue 14), each installed
 * through the client against the loopback registry: the {@code Authorization} the registry saw is the
 * truth, and the plugin's verdict on the same file must match it. A literal from the file that a client
 * sends is an error naming that client; placeholder text a client sends as typed is a warning naming it; a
 * value the client expands from the environment is no finding.
 */
class ClientDisagreementsTest {

    @TempDir
    static Path shared;

    static PackageManagers clients;
    static LocalRegistry registry;

    @BeforeAll
    static void startRegistry() throws Exception {
        clients = PackageManagers.defaults();
        registry = LocalRegistry.start(shared.resolve("registry"));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    /** What the registry must see: a scheme and the credential after it, or none. */
    record Sent(String scheme, Function<LocalRegistry, String> credential) {
        static Sent bearer(Function<LocalRegistry, String> credential) {
            return new Sent("Bearer", credential);
        }

        static Sent nothing() {
            return new Sent(null, r -> null);
        }
    }

    /**
     * One client run and the verdict expected on its file.
     *
     * @param file     the config file's name in the project
     * @param text     its content, made from the running registry
     * @param variable a variable set to the registry's token for the run, or null
     * @param verdict  the plugin's findings on the file, as {@code SEVERITY rule-id}
     * @param names    what each finding's message must say (the client that sends it), or empty
     */
    record Case(
            String title,
            Client client,
            String file,
            Function<LocalRegistry, String> text,
            String variable,
            Sent sent,
            List<String> verdict,
            String names) {
        @Override
        public String toString() {
            return client.label() + ": " + title;
        }
    }

    private static String scope(LocalRegistry r) {
        return LocalRegistry.SCOPE + ":registry=" + r.url() + "\n";
    }

    static Stream<Case> cases() {
        List<String> literal = List.of("ERROR literal-credential");
        List<String> asTyped = List.of("WARNING placeholder-not-expanded");
        Function<LocalRegistry, String> schemeKey = r -> scope(r) + r.url() + ":_authToken=" + r.token() + "\n";
        Function<LocalRegistry, String> bunLine =
                r -> scope(r) + r.nerfDart() + ":_authToken=" + r.token() + "\u2028\n";
        return Stream.of(
                new Case(
                        "scheme-prefixed auth key",
                        Client.YARN_1,
                        ".npmrc",
                        schemeKey,
                        null,
                        Sent.bearer(LocalRegistry::token),
                        literal,
                        "yarn 1"),
                new Case(
                        "scheme-prefixed auth key (npm ignores it)",
                        Client.NPM,
                        ".npmrc",
                        schemeKey,
                        null,
                        Sent.nothing(),
                        literal,
                        "yarn 1"),
                new Case(
                        "value ending in U+2028",
                        Client.BUN,
                        ".npmrc",
                        bunLine,
                        null,
                        Sent.bearer(LocalRegistry::token),
                        literal,
                        "bun"),
                new Case(
                        "value ending in U+2028 (npm drops the line)",
                        Client.NPM,
                        ".npmrc",
                        bunLine,
                        null,
                        Sent.nothing(),
                        literal,
                        "bun"),
                new Case(
                        "unterminated ${NPM_TOKEN",
                        Client.NPM,
                        ".npmrc",
                        r -> scope(r) + r.nerfDart() + ":_authToken=${NPM_TOKEN\n",
                        null,
                        Sent.bearer(r -> "${NPM_TOKEN"),
                        asTyped,
                        "every client"),
                new Case(
                        "${NPM_TOKEN:-${OTHER_TOKEN}}, both unset",
                        Client.NPM,
                        ".npmrc",
                        r -> scope(r) + r.nerfDart() + ":_authToken=${NPM_TOKEN:-${OTHER_TOKEN}}\n",
                        null,
                        Sent.bearer(r -> "${NPM_TOKEN:-${OTHER_TOKEN}}"),
                        asTyped,
                        "npm and bun"),
                new Case(
                        "${NPM_TOKEN:-${OTHER_TOKEN}}, OTHER_TOKEN set",
                        Client.PNPM_9,
                        ".npmrc",
                        r -> scope(r) + r.nerfDart() + ":_authToken=${NPM_TOKEN:-${OTHER_TOKEN}}\n",
                        "OTHER_TOKEN",
                        Sent.bearer(r -> "${NPM_TOKEN:-" + r.token() + "}"),
                        asTyped,
                        "npm and bun"),
                new Case(
                        "${NPM_TOKEN:-${OTHER_TOKEN}}, OTHER_TOKEN set",
                        Client.YARN_4,
                        ".yarnrc.yml",
                        r -> HandWrittenConfig.yarnrc(r, "${NPM_TOKEN:-${OTHER_TOKEN}}"),
                        "OTHER_TOKEN",
                        Sent.bearer(LocalRegistry::token),
                        List.of(),
                        ""),
                new Case(
                        "_authToken[]=${NPM_TOKEN}, NPM_TOKEN set",
                        Client.NPM,
                        ".npmrc",
                        r -> scope(r) + r.nerfDart() + ":_authToken[]=${NPM_TOKEN}\n",
                        "NPM_TOKEN",
                        Sent.bearer(r -> "${NPM_TOKEN}"),
                        asTyped,
                        "npm, pnpm and yarn 1"),
                new Case(
                        "\"${NPM_TOKEN}\" # note, NPM_TOKEN set",
                        Client.NPM,
                        ".npmrc",
                        r -> scope(r) + r.nerfDart() + ":_authToken=\"${NPM_TOKEN}\" # note\n",
                        "NPM_TOKEN",
                        Sent.bearer(r -> "\"" + r.token() + "\""),
                        asTyped,
                        "npm, yarn 1 and bun"),
                new Case(
                        ".yarnrc registry with ${NPM_PASS} in its user info",
                        Client.YARN_1,
                        ".yarnrc",
                        r -> "\"" + LocalRegistry.SCOPE + ":registry\" \"http://bob:${NPM_PASS}@127.0.0.1:" + r.port()
                                + "/\"\n",
                        "NPM_PASS",
                        new Sent("Basic", r -> Base64.getEncoder()
                                .encodeToString("bob:${NPM_PASS}".getBytes(StandardCharsets.UTF_8))),
                        asTyped,
                        "yarn 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theVerdictMatchesWhatTheClientSends(Case c, @TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        Files.writeString(
                project.resolve("package.json"),
                """
                {"name": "frontend", "version": "1.0.0", "private": true,
                 "dependencies": {"%s": "%s"}}
                """
                        .formatted(LocalRegistry.PACKAGE, LocalRegistry.VERSION));
        String text = c.text().apply(registry);
        Files.writeString(project.resolve(c.file()), text, StandardCharsets.UTF_8);

        PackageManagers.Invocation run = clients.install(c.client(), project)
                .home(tmp.resolve("home"))
                .fallbackRegistry(registry.url())
                .redact(registry.token());
        if (c.variable() != null) {
            run.secretEnv(c.variable(), registry.token());
        }
        int before = registry.requests().size();
        PackageManagers.Result result = run.run();
        List<LocalRegistry.Request> requests = registry.requests();
        List<LocalRegistry.Request> forPackage = requests.subList(before, requests.size()).stream()
                .filter(r -> r.isFor(LocalRegistry.PACKAGE))
                .toList();
        String why = result.describe() + "\nrequests for the package: " + forPackage;

        assertFalse(result.timedOut(), why);
        assertEquals(0, result.secretsInOutput(), "the client printed a secret\n" + why);
        assertFalse(forPackage.isEmpty(), "no request for the package\n" + why);
        String credential = c.sent().credential().apply(registry);
        for (LocalRegistry.Request r : forPackage) {
            if (c.sent().scheme() == null) {
                assertTrue(r.anonymous(), "expected no Authorization on " + r + "\n" + why);
            } else {
                assertTrue(
                        c.sent().scheme().equalsIgnoreCase(r.scheme())
                                && sha256(credential).equals(r.credentialSha256()),
                        "expected " + c.sent().scheme() + " on " + r + "\n" + why);
            }
        }

        // The verdict: errors, and warnings about text sent as typed (other rules may advise on the form).
        List<Finding> findings = Docs.check(c.file(), text).stream()
                .filter(f -> f.severity() == Severity.ERROR || f.rule().id().startsWith("placeholder-"))
                .toList();
        List<String> verdict =
                findings.stream().map(f -> f.severity() + " " + f.rule().id()).toList();
        String logLines =
                String.join("\n", findings.stream().map(Finding::logLine).toList());
        assertAll(
                () -> assertEquals(c.verdict(), verdict, logLines),
                () -> assertTrue(findings.stream().allMatch(f -> f.what().contains(c.names())), logLines),
                () -> assertFalse(logLines.contains(registry.token()), "a finding shows the token"));
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
