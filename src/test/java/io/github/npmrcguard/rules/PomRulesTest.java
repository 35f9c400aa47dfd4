package io.github.npmrcguard.rules;

import static io.github.npmrcguard.testsupport.RuleHarness.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.scan.DocumentReader;
import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.testsupport.Docs;
import io.github.npmrcguard.testsupport.RuleHarness;
import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pom rules on real parsed poms: each rule true and false, properties, profiles, lines, no secret printed. */
class PomRulesTest {
    private static final String INHERIT =
            "mvn -X prints it resolved; let the process inherit it from the environment" + " instead";

    private final TestTokens tokens = new TestTokens(34);
    /** Every secret a test put in a pom: none may show in any finding of any test. */
    private final List<String> secrets = new ArrayList<>();

    private final List<String> printed = new ArrayList<>();

    @TempDir
    Path tmp;

    private String secret(String s) {
        secrets.add(s);
        return s;
    }

    private List<String> lines(String pom) {
        List<String> out = Docs.check("pom.xml", pom).stream()
                .map(f -> f.severity() + " " + f.logLine())
                .collect(Collectors.toList());
        printed.addAll(out);
        for (String s : secrets) {
            TestTokens.assertNoFragment(String.join("\n", printed), s, "findings");
        }
        return out;
    }

    private static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        assertTrue(at >= 0, marker);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String plugin(String group, String artifact, String configuration) {
        return "      <plugin>\n"
                + "        <groupId>" + group + "</groupId>\n"
                + "        <artifactId>" + artifact + "</artifactId>\n"
                + "        <configuration>\n" + configuration + "        </configuration>\n"
                + "      </plugin>\n";
    }

    private static String frontend(String configuration) {
        return plugin("com.github.eirslett", "frontend-maven-plugin", configuration);
    }

    private static String exec(String configuration) {
        return plugin("org.codehaus.mojo", "exec-maven-plugin", configuration);
    }

    private static String env(String name, String value) {
        return "          <environmentVariables>\n            <" + name + ">" + value + "</" + name + ">\n"
                + "          </environmentVariables>\n";
    }

    private static String pom(String properties, String plugins) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + "  <artifactId>web</artifactId>\n"
                + (properties.isEmpty() ? "" : "  <properties>\n" + properties + "  </properties>\n")
                + "  <build>\n    <plugins>\n" + plugins + "    </plugins>\n  </build>\n"
                + "</project>\n";
    }

    // ---- pom-literal-env-token

    @Test
    void literalNpmTokenInFrontendEnvironmentIsAnErrorAtItsLine() {
        String t = secret(tokens.npm());
        String pom = pom("", frontend(env("NPM_TOKEN", t)));
        assertEquals(
                List.of("ERROR pom.xml:" + lineOf(pom, "<NPM_TOKEN>") + ": literal npm access token (checksum valid)"
                        + " in frontend-maven-plugin environmentVariables/NPM_TOKEN [pom-literal-env-token] (fingerprint "
                        + Fingerprint.of(t) + ")"),
                lines(pom));
    }

    @Test
    void everyTokenVariableNameCountsWhateverTheValuesShape() {
        for (String name : List.of(
                "NPM_TOKEN",
                "NODE_AUTH_TOKEN",
                "YARN_NPM_AUTH_TOKEN",
                "GITHUB_AUTH_TOKEN",
                "ACME_NPM_TOKEN",
                "node_auth_token",
                "npm_config__authToken",
                "YARN_NPM_AUTH_IDENT")) {
            String v = secret(tokens.opaque(36));
            String pom = pom("", exec(env(name, v)));
            assertEquals(
                    List.of("ERROR pom.xml:" + lineOf(pom, "<" + name + ">") + ": literal value in"
                            + " exec-maven-plugin environmentVariables/" + name
                            + " [pom-literal-env-token] (fingerprint "
                            + Fingerprint.of(v) + ")"),
                    lines(pom),
                    name);
        }
    }

    @Test
    void otherVariablesDummiesEmptyValuesAndPlaceholdersNpmWouldSeeAreNotLiteralTokens() {
        String v = secret(tokens.opaque(36));
        assertEquals(List.of(), lines(pom("", frontend(env("SASS_BINARY_SITE", v)))));
        assertEquals(List.of(), lines(pom("", frontend(env("NPM_TOKEN_FILE", "/run/secrets/npm")))));
        assertEquals(List.of(), lines(pom("", frontend(env("NPM_TOKEN", "")))));
        assertEquals(List.of(), lines(pom("", frontend(env("NPM_TOKEN", "changeme")))));
        assertEquals(List.of(), lines(pom("", frontend(env("NPM_TOKEN", "$NPM_TOKEN")))));
        assertEquals(
                List.of(), lines(pom("", frontend(env("NPM_CONFIG_USERCONFIG", "${project.build.directory}/npmrc")))));
    }

    @Test
    void literalTokenThroughAPropertyIsReportedAtThePropertysLine() {
        String t = secret(tokens.npm());
        String pom = pom("    <npm.token>" + t + "</npm.token>\n", frontend(env("NPM_TOKEN", "${npm.token}")));
        assertEquals(
                List.of("ERROR pom.xml:" + lineOf(pom, "<npm.token>") + ": literal npm access token (checksum valid)"
                        + " for frontend-maven-plugin environmentVariables/NPM_TOKEN (line "
                        + lineOf(pom, "<NPM_TOKEN>") + ")"
                        + " in properties/npm.token [pom-literal-env-token] (fingerprint " + Fingerprint.of(t) + ")"),
                lines(pom));
    }

    @Test
    void propertiesAreFollowedThroughOtherPropertiesAndProfiles() {
        String a = secret(tokens.opaque(40));
        String b = secret(tokens.opaque(40));
        String pom = "<project>\n"
                + "  <properties>\n"
                + "    <npm.token>${npm.token.ci}</npm.token>\n"
                + "    <npm.token.ci>" + a + "</npm.token.ci>\n"
                + "  </properties>\n"
                + "  <profiles>\n"
                + "    <profile>\n"
                + "      <id>release</id>\n"
                + "      <properties><npm.token>" + b + "</npm.token></properties>\n"
                + "      <build><pluginManagement><plugins>\n"
                + frontend(env("NODE_AUTH_TOKEN", "${npm.token}"))
                + "      </plugins></pluginManagement></build>\n"
                + "    </profile>\n"
                + "  </profiles>\n"
                + "</project>\n";
        int use = lineOf(pom, "<NODE_AUTH_TOKEN>");
        assertEquals(
                List.of(
                        "ERROR pom.xml:4: literal value for frontend-maven-plugin environmentVariables/NODE_AUTH_TOKEN (line "
                                + use + ") in properties/npm.token.ci [pom-literal-env-token] (fingerprint "
                                + Fingerprint.of(a) + ")",
                        "ERROR pom.xml:9: literal value for frontend-maven-plugin environmentVariables/NODE_AUTH_TOKEN (line "
                                + use
                                + ") in profiles/release/properties/npm.token [pom-literal-env-token] (fingerprint "
                                + Fingerprint.of(b) + ")"),
                lines(pom));
    }

    @Test
    void aPropertyCycleIsNoLiteralAndEndsAsAReference() {
        String pom = pom("    <a>${b}</a>\n    <b>${a}</b>\n", frontend(env("NPM_TOKEN", "${a}")));
        assertEquals(
                List.of("WARNING pom.xml:" + lineOf(pom, "<NPM_TOKEN>") + ": token passed by reference: " + INHERIT
                        + " in frontend-maven-plugin environmentVariables/NPM_TOKEN [pom-token-in-plugin-config]"),
                lines(pom));
    }

    // ---- pom-token-in-plugin-config

    @Test
    void aTokenPassedByReferenceIsAWarningThatSaysToInheritTheEnvironment() {
        for (String value : List.of("${env.NPM_TOKEN}", "${NPM_TOKEN}", "${npm.token}")) {
            String pom = pom("", frontend(env("NPM_TOKEN", value)));
            assertEquals(
                    List.of("WARNING pom.xml:" + lineOf(pom, "<NPM_TOKEN>") + ": token passed by reference: " + INHERIT
                            + " in frontend-maven-plugin environmentVariables/NPM_TOKEN [pom-token-in-plugin-config]"),
                    lines(pom),
                    value);
        }
        String pom = pom("    <npm.token>${env.NPM_TOKEN}</npm.token>\n", exec(env("NODE_AUTH_TOKEN", "${npm.token}")));
        assertEquals(
                List.of("WARNING pom.xml:" + lineOf(pom, "<NODE_AUTH_TOKEN>") + ": token passed by reference: "
                        + INHERIT
                        + " in exec-maven-plugin environmentVariables/NODE_AUTH_TOKEN [pom-token-in-plugin-config]"),
                lines(pom));
        assertTrue(PomTokenInPluginConfigRule.INFO.help().contains("mvn -X"));
        assertTrue(PomTokenInPluginConfigRule.INFO.help().contains("Inheriting the environment is safer"));
    }

    @Test
    void referencesOfOtherVariablesAreFine() {
        assertEquals(
                List.of(),
                lines(pom(
                        "",
                        frontend(env("HTTPS_PROXY", "${env.HTTPS_PROXY}")
                                + "          <arguments>run build --mode=${build.mode}</arguments>\n"))));
    }

    // ---- pom-literal-argument-token

    @Test
    void literalTokenInFrontendArgumentsIsAnErrorAtItsLine() {
        String t = secret(tokens.npm());
        String pom = pom(
                "",
                frontend("          <arguments>\n            publish\n"
                        + "            --//registry.npmjs.org/:_authToken=" + t + "\n            --access public\n"
                        + "          </arguments>\n"));
        assertEquals(
                List.of("ERROR pom.xml:" + lineOf(pom, ":_authToken=") + ": literal npm access token (checksum valid)"
                        + " for --//registry.npmjs.org/:_authToken in frontend-maven-plugin arguments [pom-literal-argument-token]"
                        + " (fingerprint " + Fingerprint.of(t) + ")"),
                lines(pom));
    }

    @Test
    void everyArgumentFormOfAnAuthKeyCounts() {
        String[] forms = {
            "<argument>--//npm.acme.example/:_authToken=%s</argument>",
            "<argument>--//npm.acme.example/:_auth=%s</argument>",
            "<argument>--//npm.acme.example/:_password=\"%s\"</argument>",
            "<argument>config</argument><argument>set</argument><argument>//npm.acme.example/:_authToken</argument>"
                    + "<argument>%s</argument>",
            "<argument>-c</argument><argument>npm config set //npm.acme.example/:_authToken=%s &amp;&amp; npm ci</argument>",
            "<argument>-c</argument><argument>NPM_TOKEN=%s npm publish</argument>",
            "<argument>config</argument><argument>set</argument><argument>npmScopes.acme.npmAuthToken</argument>"
                    + "<argument>%s</argument>",
        };
        for (String form : forms) {
            String v = secret(tokens.opaque(30));
            String pom = pom("", exec("          <arguments>" + String.format(form, v) + "</arguments>\n"));
            List<String> out = lines(pom);
            assertEquals(1, out.size(), form + ": " + out);
            assertTrue(
                    out.get(0).startsWith("ERROR pom.xml:" + lineOf(pom, "<arguments>") + ": literal value for "),
                    out.get(0));
            assertTrue(
                    out.get(0)
                            .endsWith(" in exec-maven-plugin arguments [pom-literal-argument-token] (fingerprint "
                                    + Fingerprint.of(v) + ")"),
                    out.get(0));
        }
    }

    @Test
    void argumentsOnTheirOwnLinesReportTheValuesLine() {
        String v = secret(tokens.opaque(30));
        String w = secret(tokens.opaque(30));
        String pom = pom(
                "",
                exec("          <arguments>\n"
                                + "            <argument>config</argument>\n"
                                + "            <argument>set</argument>\n"
                                + "            <argument>//npm.acme.example/:_authToken</argument>\n"
                                + "            <argument>" + v + "</argument>\n"
                                + "          </arguments>\n")
                        + frontend("          <arguments>run release -- --script \"\n" + "            NPM_TOKEN='" + w
                                + "' npm publish\"</arguments>\n"));
        assertEquals(
                List.of(
                        "ERROR pom.xml:" + lineOf(pom, v) + ": literal value for //npm.acme.example/:_authToken in"
                                + " exec-maven-plugin arguments [pom-literal-argument-token] (fingerprint "
                                + Fingerprint.of(v) + ")",
                        "ERROR pom.xml:" + lineOf(pom, w)
                                + ": literal value for NPM_TOKEN in frontend-maven-plugin arguments"
                                + " [pom-literal-argument-token] (fingerprint " + Fingerprint.of(w) + ")"),
                lines(pom));
    }

    @Test
    void commandlineArgsAndAPropertyBehindAnArgument() {
        String v = secret(tokens.opaque(30));
        String pom = pom(
                "    <registry.auth>" + v + "</registry.auth>\n",
                exec("          <commandlineArgs>publish --//npm.acme.example/:_authToken=${registry.auth}"
                        + "</commandlineArgs>\n"));
        assertEquals(
                List.of("ERROR pom.xml:" + lineOf(pom, "<registry.auth>") + ": literal value for"
                        + " --//npm.acme.example/:_authToken of exec-maven-plugin commandlineArgs (line "
                        + lineOf(pom, "<commandlineArgs>")
                        + ") in properties/registry.auth [pom-literal-argument-token]"
                        + " (fingerprint " + Fingerprint.of(v) + ")"),
                lines(pom));
    }

    @Test
    void argumentsWithoutAuthKeysOrWithReferencesAreNoErrors() {
        assertEquals(
                List.of(),
                lines(pom(
                        "",
                        frontend("          <arguments>ci --registry=https://npm.acme.example/"
                                + " --auth-type=web</arguments>\n"))));
        assertEquals(
                List.of(),
                lines(pom(
                        "",
                        exec("          <arguments><argument>run</argument>"
                                + "<argument>_authToken</argument></arguments>\n"))));
        String pom = pom(
                "",
                frontend("          <arguments>publish --//registry.npmjs.org/:_authToken=${env.NPM_TOKEN}"
                        + "</arguments>\n"));
        assertEquals(
                List.of("WARNING pom.xml:" + lineOf(pom, "<arguments>") + ": token passed by reference for"
                        + " --//registry.npmjs.org/:_authToken on a command line: " + INHERIT
                        + " in frontend-maven-plugin arguments [pom-token-in-plugin-config]"),
                lines(pom));
    }

    // ---- pom-credentials-in-url

    @Test
    void registryUrlWithAPasswordIsAnError() {
        String pw = secret(tokens.opaque(20));
        String pom = pom(
                "",
                frontend("          <npmRegistryURL>https://ci:" + pw
                        + "@nexus.acme.example/repository/npm/</npmRegistryURL>\n"));
        assertEquals(
                List.of("ERROR pom.xml:" + lineOf(pom, "<npmRegistryURL>") + ": password in a URL in"
                        + " frontend-maven-plugin npmRegistryURL [pom-credentials-in-url] (fingerprint "
                        + Fingerprint.of("ci:" + pw)
                        + ")"),
                lines(pom));
        String pnpm = pom(
                "",
                frontend("          <pnpmRegistryURL>https://ci:" + pw + "@nexus.acme.example/</pnpmRegistryURL>\n"));
        assertEquals(1, lines(pnpm).size());
    }

    @Test
    void urlPasswordInAPropertyOrAWholeUrlPropertyIsReportedAtThePropertysLine() {
        String pw = secret(tokens.opaque(20));
        String pom = pom(
                "    <nexus.password>" + pw + "</nexus.password>\n",
                frontend(
                        "          <npmRegistryURL>https://ci:${nexus.password}@nexus.acme.example/</npmRegistryURL>\n"));
        assertEquals(
                List.of("ERROR pom.xml:" + lineOf(pom, "<nexus.password>") + ": password for the URL in"
                        + " frontend-maven-plugin npmRegistryURL (line " + lineOf(pom, "<npmRegistryURL>") + ") in"
                        + " properties/nexus.password [pom-credentials-in-url] (fingerprint " + Fingerprint.of(pw)
                        + ")"),
                lines(pom));
        String whole = pom(
                "    <npm.registry>https://ci:" + pw + "@nexus.acme.example/</npm.registry>\n",
                frontend("          <npmRegistryURL>${npm.registry}</npmRegistryURL>\n"));
        assertEquals(
                List.of("ERROR pom.xml:" + lineOf(whole, "<npm.registry>") + ": password in a URL in"
                        + " properties/npm.registry [pom-credentials-in-url] (fingerprint " + Fingerprint.of("ci:" + pw)
                        + ")"),
                lines(whole));
    }

    @Test
    void urlsWithoutCredentialsOrWithAReferencedPassword() {
        assertEquals(
                List.of(),
                lines(
                        pom(
                                "",
                                frontend(
                                        "          <npmRegistryURL>https://nexus.acme.example/</npmRegistryURL>\n"
                                                + "          <nodeDownloadRoot>https://ci@nexus.acme.example/node/</nodeDownloadRoot>\n"))));
        String pom = pom(
                "",
                frontend("          <npmRegistryURL>https://ci:${env.NEXUS_PASSWORD}@nexus.acme.example/"
                        + "</npmRegistryURL>\n"));
        List<String> out = lines(pom);
        assertEquals(1, out.size());
        assertTrue(
                out.get(0)
                        .startsWith("WARNING pom.xml:" + lineOf(pom, "<npmRegistryURL>")
                                + ": password passed by reference in a URL: mvn -X prints it resolved"),
                out.get(0));
        assertTrue(out.get(0).endsWith("[pom-token-in-plugin-config]"), out.get(0));
    }

    @Test
    void downloadRootsArgumentsAndEnvironmentUrlsWithPasswordsToo() {
        String pw = secret(tokens.opaque(20));
        String pom = pom(
                "",
                frontend("          <nodeDownloadRoot>https://ci:" + pw + "@nexus.acme.example/node/"
                        + "</nodeDownloadRoot>\n"
                        + env("NPM_CONFIG_REGISTRY", "https://ci:" + pw + "@nexus.acme.example/npm/")
                        + "          <arguments>ci --registry=https://ci:" + pw
                        + "@nexus.acme.example/npm/</arguments>\n"));
        assertEquals(
                List.of(
                        "ERROR pom.xml:" + lineOf(pom, "<nodeDownloadRoot>")
                                + ": password in a URL in frontend-maven-plugin"
                                + " nodeDownloadRoot [pom-credentials-in-url] (fingerprint "
                                + Fingerprint.of("ci:" + pw) + ")",
                        "ERROR pom.xml:" + lineOf(pom, "<NPM_CONFIG_REGISTRY>")
                                + ": password in a URL in frontend-maven-plugin"
                                + " environmentVariables/NPM_CONFIG_REGISTRY [pom-credentials-in-url] (fingerprint "
                                + Fingerprint.of("ci:" + pw) + ")",
                        "ERROR pom.xml:" + lineOf(pom, "<arguments>")
                                + ": password in a URL in frontend-maven-plugin arguments"
                                + " [pom-credentials-in-url] (fingerprint " + Fingerprint.of("ci:" + pw) + ")"),
                lines(pom));
    }

    // ---- other plugins, ordinary poms, recognised tokens anywhere

    @Test
    void otherPluginsConfigurationIsNotReadButARecognisedTokenAnywhereIs() {
        String opaque = secret(tokens.opaque(36));
        String pom = pom(
                "",
                plugin(
                        "org.apache.maven.plugins",
                        "maven-antrun-plugin",
                        env("NPM_TOKEN", opaque) + "          <arguments>--//h.example/:_authToken=" + opaque
                                + "</arguments>\n" + "          <npmRegistryURL>https://ci:" + opaque
                                + "@h.example/</npmRegistryURL>\n"));
        assertEquals(List.of(), lines(pom));
        String t = secret(tokens.githubClassic());
        String withToken = pom(
                "",
                plugin("org.apache.maven.plugins", "maven-antrun-plugin", env("GH", t)) + "      <!-- old: <NPM_TOKEN>"
                        + t + "</NPM_TOKEN> -->\n");
        assertEquals(
                List.of(
                        "ERROR pom.xml:" + lineOf(withToken, "<GH>")
                                + ": GitHub token (checksum valid) [known-token] (fingerprint " + Fingerprint.of(t)
                                + ")",
                        "ERROR pom.xml:" + lineOf(withToken, "<!--")
                                + ": GitHub token (checksum valid) [known-token] (fingerprint " + Fingerprint.of(t)
                                + ")"),
                lines(withToken));
    }

    @Test
    void aRecognisedTokenInAFrontendPluginIsReportedOnceByTheMoreSpecificRule() {
        String t = secret(tokens.npm());
        String pom = pom("", frontend(env("NODE_AUTH_TOKEN", t) + env("OTHER", t)));
        RuleHarness.forCatalogue()
                .hiding(t)
                .test(
                        "pom.xml",
                        pom,
                        error(
                                "pom-literal-env-token",
                                lineOf(pom, "<NODE_AUTH_TOKEN>"),
                                "frontend-maven-plugin environmentVariables/NODE_AUTH_TOKEN"),
                        error("known-token", lineOf(pom, "<OTHER>"), ""));
    }

    @Test
    void anOrdinaryPomHasNoFindings() {
        String pom = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>org.acme</groupId><artifactId>api</artifactId><version>1.0.0-SNAPSHOT</version>\n"
                + "  <properties><java.version>17</java.version><npm.token>${env.NPM_TOKEN}</npm.token>"
                + "<sonar.login>abcdef1234567890</sonar.login></properties>\n"
                + "  <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>"
                + "<artifactId>maven-surefire-plugin</artifactId><configuration><environmentVariables>"
                + "<NPM_TOKEN>x-not-read</NPM_TOKEN></environmentVariables></configuration></plugin></plugins></build>\n"
                + "</project>\n";
        assertEquals(List.of(), lines(pom));
    }

    @Test
    void anInvalidFrontendPomIsUnparsableWithoutTextAndItsLinesAreStillSearched() {
        String t = secret(tokens.npm());
        String pom = pom("", frontend(env("NPM_TOKEN", t))).replace("</configuration>", "</configuratio>");
        DocumentReader.Read read = new DocumentReader()
                .read(new ScanFile(
                        "web/pom.xml",
                        Path.of("web/pom.xml"),
                        FileKind.POM,
                        Provenance.STAGED,
                        pom.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, read.findings().size());
        assertEquals(
                "web/pom.xml:" + lineOf(pom, "</configuratio>") + ": pom.xml is not well-formed XML [unparsable-file]",
                read.findings().get(0).logLine());
        List<Finding> found = RuleCatalogue.check(read.document());
        assertEquals(
                List.of("web/pom.xml:" + lineOf(pom, "<NPM_TOKEN>")
                        + ": npm access token (checksum valid) [known-token]" + " (fingerprint " + Fingerprint.of(t)
                        + ")"),
                found.stream().map(Finding::logLine).toList());
    }

    @Test
    void anXxePomDoesNotReadTheFileItNames() throws Exception {
        String t = secret(tokens.npm());
        Path file = Files.writeString(tmp.resolve("token.txt"), t);
        String pom = "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>\n"
                + pom("", frontend(env("NPM_TOKEN", "&xxe;")))
                        .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".length());
        List<String> out = lines(pom);
        assertEquals(List.of(), out);
        assertFalse(Docs.parse("pom.xml", pom).settings().stream()
                .anyMatch(s -> s.value().contains(t.substring(4, 12))));
    }

    @Test
    void pomKeysKeepTheirSpaceOnlyInPoms() {
        assertEquals(
                "frontend-maven-plugin environmentVariables/NPM_TOKEN",
                SafeText.pomKey("frontend-maven-plugin environmentVariables/NPM_TOKEN"));
        String v = tokens.opaque(12);
        assertEquals("frontend-maven-plugin …", SafeText.key("frontend-maven-plugin " + v));
        assertEquals(
                "exec-maven-plugin environmentVariables/npm_config_//***@h.example/:_authToken",
                SafeText.pomKey(
                        "exec-maven-plugin environmentVariables/npm_config_//ci:" + v + "@h.example/:_authToken"));
    }

    @Test
    void rulesAreInTheCatalogueBeforeTheCatchAllTokenRule() {
        List<String> ids =
                RuleCatalogue.rules().stream().map(r -> r.info().id()).toList();
        for (String id : List.of("pom-literal-env-token", "pom-literal-argument-token", "pom-credentials-in-url")) {
            assertTrue(ids.indexOf(id) >= 0 && ids.indexOf(id) < ids.indexOf("known-token"), id);
        }
        assertTrue(ids.contains("pom-token-in-plugin-config"));
        assertEquals(Severity.WARNING, PomTokenInPluginConfigRule.INFO.severity());
    }
}
