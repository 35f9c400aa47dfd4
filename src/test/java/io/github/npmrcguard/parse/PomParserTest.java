package io.github.npmrcguard.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maven's {@code pom.xml} as raw XML: the frontend-related settings, their keys and their exact lines. */
class PomParserTest {
    /** Not a speed assertion (speed is measured under bench/): a parser that backtracks catastrophically hangs. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final PomParser parser = new PomParser();

    @TempDir
    Path tmp;

    /** Each setting as {@code line key=value}. */
    private List<String> settings(String pom) throws ParseException {
        return parser.parse(pom).stream()
                .map(s -> s.line() + " " + s.key() + "=" + s.value())
                .collect(Collectors.toList());
    }

    /** The 1-based line of the first line holding {@code marker}, counted here, not by the parser. */
    static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        assertTrue(at >= 0, marker);
        int line = 1;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }

    private static String frontend(String configuration) {
        return "    <plugin>\n"
                + "      <groupId>com.github.eirslett</groupId>\n"
                + "      <artifactId>frontend-maven-plugin</artifactId>\n"
                + "      <version>1.15.1</version>\n"
                + "      <configuration>\n" + configuration + "      </configuration>\n"
                + "    </plugin>\n";
    }

    private static String project(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + body
                + "</project>\n";
    }

    @Test
    void frontendPluginEnvironmentArgumentsAndRegistryWithTheirLines() throws ParseException {
        String pom = project("  <build>\n  <plugins>\n"
                + frontend("        <npmRegistryURL>https://npm.acme.example/</npmRegistryURL>\n"
                        + "        <environmentVariables>\n"
                        + "          <NPM_TOKEN>${env.NPM_TOKEN}</NPM_TOKEN>\n"
                        + "          <NPM_CONFIG_USERCONFIG>${project.build.directory}/npmrc</NPM_CONFIG_USERCONFIG>\n"
                        + "        </environmentVariables>\n")
                + "  </plugins>\n  </build>\n");
        assertEquals(
                List.of(
                        lineOf(pom, "<npmRegistryURL>")
                                + " frontend-maven-plugin npmRegistryURL=https://npm.acme.example/",
                        lineOf(pom, "<NPM_TOKEN>")
                                + " frontend-maven-plugin environmentVariables/NPM_TOKEN=${env.NPM_TOKEN}",
                        lineOf(pom, "<NPM_CONFIG_USERCONFIG>")
                                + " frontend-maven-plugin environmentVariables/NPM_CONFIG_USERCONFIG=${project.build.directory}/npmrc"),
                settings(pom));
        Setting token = parser.parse(pom).get(1);
        assertEquals("NPM_TOKEN", token.name());
        assertEquals("frontend-maven-plugin environmentVariables", token.scope());
        assertTrue(PomKeys.isEnvironmentVariable(token));
        assertTrue(PomKeys.isUrl(parser.parse(pom).get(0)));
    }

    @Test
    void executionConfigurationAndExecPluginArgumentsEachArgumentOnItsOwnLine() throws ParseException {
        String pom = project("  <build>\n  <plugins>\n"
                + "    <plugin>\n"
                + "      <groupId>com.github.eirslett</groupId>\n"
                + "      <artifactId>frontend-maven-plugin</artifactId>\n"
                + "      <executions>\n"
                + "        <execution>\n"
                + "          <id>npm ci</id>\n"
                + "          <goals><goal>npm</goal></goals>\n"
                + "          <configuration>\n"
                + "            <arguments>ci --no-audit</arguments>\n"
                + "          </configuration>\n"
                + "        </execution>\n"
                + "      </executions>\n"
                + "    </plugin>\n"
                + "    <plugin>\n"
                + "      <groupId>org.codehaus.mojo</groupId>\n"
                + "      <artifactId>exec-maven-plugin</artifactId>\n"
                + "      <configuration>\n"
                + "        <executable>npm</executable>\n"
                + "        <commandlineArgs>run build</commandlineArgs>\n"
                + "        <arguments>\n"
                + "          <argument>publish</argument>\n"
                + "          <argument>--tag=next</argument>\n"
                + "        </arguments>\n"
                + "        <environmentVariables><CI>true</CI></environmentVariables>\n"
                + "      </configuration>\n"
                + "    </plugin>\n"
                + "  </plugins>\n  </build>\n");
        assertEquals(
                List.of(
                        lineOf(pom, "ci --no-audit") + " frontend-maven-plugin arguments=ci --no-audit",
                        lineOf(pom, "<commandlineArgs>") + " exec-maven-plugin commandlineArgs=run build",
                        lineOf(pom, "publish<") + " exec-maven-plugin arguments=publish",
                        lineOf(pom, "--tag=next") + " exec-maven-plugin arguments=--tag=next",
                        lineOf(pom, "<CI>") + " exec-maven-plugin environmentVariables/CI=true"),
                settings(pom));
        assertTrue(parser.parse(pom).stream()
                .filter(s -> s.name().equals("arguments"))
                .allMatch(PomKeys::isArguments));
    }

    @Test
    void pluginManagementAndProfilesAreReadAndOtherPluginsAreNot() throws ParseException {
        String pom = project("  <build>\n  <pluginManagement>\n  <plugins>\n"
                + frontend(
                        "        <environmentVariables><NODE_AUTH_TOKEN>a</NODE_AUTH_TOKEN></environmentVariables>\n")
                + "  </plugins>\n  </pluginManagement>\n"
                + "  <plugins>\n"
                + "    <plugin>\n"
                + "      <groupId>org.apache.maven.plugins</groupId>\n"
                + "      <artifactId>maven-antrun-plugin</artifactId>\n"
                + "      <configuration><environmentVariables><NPM_TOKEN>x</NPM_TOKEN></environmentVariables>"
                + "<arguments>--//h/:_authToken=y</arguments></configuration>\n"
                + "    </plugin>\n"
                + "    <plugin>\n"
                + "      <groupId>org.example.fork</groupId>\n"
                + "      <artifactId>frontend-maven-plugin</artifactId>\n"
                + "      <configuration><environmentVariables><NPM_TOKEN>z</NPM_TOKEN></environmentVariables></configuration>\n"
                + "    </plugin>\n"
                + "  </plugins>\n  </build>\n"
                + "  <profiles>\n"
                + "    <profile>\n"
                + "      <id>release</id>\n"
                + "      <build>\n"
                + "        <plugins>\n"
                + frontend(
                        "        <environmentVariables><YARN_NPM_AUTH_TOKEN>b</YARN_NPM_AUTH_TOKEN></environmentVariables>\n")
                + "        </plugins>\n"
                + "        <pluginManagement><plugins>\n"
                + frontend("        <pnpmRegistryURL>https://p.example/</pnpmRegistryURL>\n")
                + "        </plugins></pluginManagement>\n"
                + "      </build>\n"
                + "    </profile>\n"
                + "  </profiles>\n");
        assertEquals(
                List.of(
                        lineOf(pom, "<NODE_AUTH_TOKEN>")
                                + " frontend-maven-plugin environmentVariables/NODE_AUTH_TOKEN=a",
                        lineOf(pom, "<YARN_NPM_AUTH_TOKEN>")
                                + " frontend-maven-plugin environmentVariables/YARN_NPM_AUTH_TOKEN=b",
                        lineOf(pom, "<pnpmRegistryURL>") + " frontend-maven-plugin pnpmRegistryURL=https://p.example/"),
                settings(pom));
    }

    @Test
    void propertiesAreReadOnlyWhenAPluginSettingReadsThemDirectlyOrThroughOthers() throws ParseException {
        String pom = project("  <properties>\n"
                + "    <java.version>17</java.version>\n"
                + "    <npm.token>${npm.token.value}</npm.token>\n"
                + "    <npm.token.value>abc</npm.token.value>\n"
                + "    <registry>https://r.example/</registry>\n"
                + "    <unused>${registry}</unused>\n"
                + "  </properties>\n"
                + "  <build><plugins>\n"
                + frontend("        <environmentVariables><NPM_TOKEN>${npm.token}</NPM_TOKEN></environmentVariables>\n"
                        + "        <npmRegistryURL>${registry}</npmRegistryURL>\n")
                + "  </plugins></build>\n"
                + "  <profiles><profile>\n"
                + "    <properties>\n"
                + "      <npm.token>ci-value</npm.token>\n"
                + "    </properties>\n"
                + "    <id>ci build</id>\n"
                + "  </profile></profiles>\n");
        assertEquals(
                List.of(
                        lineOf(pom, "<npm.token>${") + " properties/npm.token=${npm.token.value}",
                        lineOf(pom, "<npm.token.value>") + " properties/npm.token.value=abc",
                        lineOf(pom, "<registry>") + " properties/registry=https://r.example/",
                        lineOf(pom, "<NPM_TOKEN>")
                                + " frontend-maven-plugin environmentVariables/NPM_TOKEN=${npm.token}",
                        lineOf(pom, "<npmRegistryURL>") + " frontend-maven-plugin npmRegistryURL=${registry}",
                        lineOf(pom, "ci-value") + " profiles/ci_build/properties/npm.token=ci-value"),
                settings(pom));
        Setting property = parser.parse(pom).get(0);
        assertEquals("npm.token", property.name());
        assertEquals("properties", property.scope());
        assertTrue(PomKeys.isProperty(property));
        assertTrue(PomKeys.isProperty(parser.parse(pom).get(5)));
        assertFalse(PomKeys.isProperty(parser.parse(pom).get(3)));
    }

    @Test
    void coordinatesAfterTheConfigurationStillCount() throws ParseException {
        String pom = project("  <build><plugins><plugin>\n"
                + "    <configuration><environmentVariables><NPM_TOKEN>t</NPM_TOKEN></environmentVariables></configuration>\n"
                + "    <artifactId>exec-maven-plugin</artifactId>\n"
                + "    <groupId>org.codehaus.mojo</groupId>\n"
                + "  </plugin></plugins></build>\n");
        assertEquals(List.of("5 exec-maven-plugin environmentVariables/NPM_TOKEN=t"), settings(pom));
    }

    @Test
    void multiLineValuesCrlfCdataAndCommentsKeepExactLines() throws ParseException {
        String pom = project("  <build><plugins>\n"
                + frontend("        <arguments>\r\n"
                        + "          <!-- a comment first -->\r\n"
                        + "\r\n"
                        + "          install --no-audit\r\n"
                        + "          --prefer-offline\r\n"
                        + "        </arguments>\r\n"
                        + "        <environmentVariables>\r"
                        + "          <NPM_TOKEN><![CDATA[\n   cdata-value]]></NPM_TOKEN>\r"
                        + "        </environmentVariables>\r\n")
                + "  </plugins></build>\n");
        List<Setting> settings = parser.parse(pom);
        assertEquals(lineOf(pom, "install --no-audit"), settings.get(0).line());
        assertEquals(
                "install --no-audit\n          --prefer-offline",
                settings.get(0).value());
        assertEquals(lineOf(pom, "cdata-value"), settings.get(1).line());
        assertEquals("cdata-value", settings.get(1).value());
    }

    @Test
    void emptyValueStandsOnItsStartTag() throws ParseException {
        String pom = project("  <build><plugins>\n"
                + frontend("        <environmentVariables>\n          <NPM_TOKEN/>\n          <NODE_AUTH_TOKEN>\n"
                        + "          </NODE_AUTH_TOKEN>\n        </environmentVariables>\n")
                + "  </plugins></build>\n");
        assertEquals(
                List.of(
                        lineOf(pom, "<NPM_TOKEN/>") + " frontend-maven-plugin environmentVariables/NPM_TOKEN=",
                        lineOf(pom, "<NODE_AUTH_TOKEN>")
                                + " frontend-maven-plugin environmentVariables/NODE_AUTH_TOKEN="),
                settings(pom));
    }

    @Test
    void anOrdinaryPomHasNoSettingsAndIsNotEvenParsed() throws ParseException {
        String pom = project("  <groupId>g</groupId><artifactId>a</artifactId><version>1</version>\n"
                + "  <properties><npm.token>abc</npm.token></properties>\n");
        assertEquals(List.of(), parser.parse(pom));
        // Not parsed: even broken XML is no error when neither plugin is mentioned.
        assertEquals(List.of(), parser.parse("<project><build></project>"));
        assertEquals(List.of(), parser.parse(""));
    }

    @Test
    void aFileNamedPomXmlThatIsNoMavenPomHasNoSettings() throws ParseException {
        assertEquals(
                List.of(),
                parser.parse("<settings><plugin><artifactId>frontend-maven-plugin</artifactId>"
                        + "<configuration><environmentVariables><NPM_TOKEN>x</NPM_TOKEN></environmentVariables>"
                        + "</configuration></plugin></settings>"));
    }

    @Test
    void malformedXmlIsAParseExceptionWithItsLineAndNoFileText() {
        String pom = project("  <build><plugins>\n"
                + frontend("        <environmentVariables><NPM_TOKEN>s3cretValue</NPM_TOKEN>\n")
                + "  </plugins></build>\n");
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(pom));
        assertEquals("pom.xml is not well-formed XML", e.getMessage());
        assertTrue(e.line() >= lineOf(pom, "</configuration>"), String.valueOf(e.line()));
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void mavensXhtmlEntitiesDoNotBreakThePom() throws ParseException {
        String pom = project("  <description>Caf&eacute;&nbsp;&copy; &amp; &#65;&#x42;</description>\n"
                + "  <build><plugins>\n"
                + frontend(
                        "        <environmentVariables><NPM_TOKEN>a&amp;b&nbsp;c</NPM_TOKEN></environmentVariables>\n")
                + "  </plugins></build>\n");
        assertEquals(
                List.of(lineOf(pom, "<NPM_TOKEN>") + " frontend-maven-plugin environmentVariables/NPM_TOKEN=a&bc"),
                settings(pom));
    }

    @Test
    void externalEntitiesAndDtdsAreNeverResolved() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "XXE-MARKER-7d1f0a");
        Path dtd = Files.writeString(tmp.resolve("entities.dtd"), "<!ENTITY inner \"DTD-MARKER-9c2e\">");
        try (ServerSocket server = new ServerSocket(0)) {
            server.setSoTimeout(300);
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/x.dtd";
            String body = "  <build><plugins>\n"
                    + frontend("        <environmentVariables>\n"
                            + "          <NPM_TOKEN>&xxe;</NPM_TOKEN>\n"
                            + "          <NODE_AUTH_TOKEN>&inner;</NODE_AUTH_TOKEN>\n"
                            + "          <A_AUTH_TOKEN>&remote;</A_AUTH_TOKEN>\n"
                            + "        </environmentVariables>\n")
                    + "  </plugins></build>\n";
            String pom = "<?xml version=\"1.0\"?>\n"
                    + "<!DOCTYPE project SYSTEM \"" + dtd.toUri() + "\" [\n"
                    + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n"
                    + "  <!ENTITY remote SYSTEM \"" + url + "\">\n"
                    + "  <!ENTITY % param SYSTEM \"" + url + "\">\n"
                    + "  %param;\n"
                    + "]>\n"
                    + "<project>\n" + body + "</project>\n";
            List<Setting> settings = assertTimeoutPreemptively(HANG_GUARD, () -> parser.parse(pom));
            assertEquals(3, settings.size());
            for (Setting s : settings) {
                assertEquals("", s.value(), s.key());
            }
            assertFalse(settings.toString().contains("MARKER"));
            assertThrows(
                    SocketTimeoutException.class,
                    () -> server.accept().close(),
                    "the parser connected to the URL of an external entity or DTD");
        }
    }

    @Test
    void aDoctypeAloneIsFine() throws ParseException {
        String pom = "<?xml version=\"1.0\"?>\n<!DOCTYPE project>\n<project><build><plugins>\n"
                + frontend("<environmentVariables><NPM_TOKEN>v</NPM_TOKEN></environmentVariables>\n")
                + "</plugins></build></project>\n";
        assertEquals(1, parser.parse(pom).size());
    }

    @Test
    void aByteOrderMarkAndNoNamespaceAreFine() throws ParseException {
        String pom = "\uFEFF<project><build><plugins>"
                + frontend("<npmRegistryURL>https://r.example/</npmRegistryURL>")
                + "</plugins></build></project>";
        assertEquals(
                List.of(lineOf(pom, "<npmRegistryURL>") + " frontend-maven-plugin npmRegistryURL=https://r.example/"),
                settings(pom));
    }

    @Test
    void aLargeReactorPomParsesQuickly() throws ParseException, IOException {
        StringBuilder deps = new StringBuilder("  <dependencies>\n");
        for (int i = 0; i < 5000; i++) {
            deps.append("    <dependency><groupId>g")
                    .append(i)
                    .append("</groupId><artifactId>a</artifactId></dependency>\n");
        }
        deps.append("  </dependencies>\n  <build><plugins>\n")
                .append(frontend(
                        "<environmentVariables><NPM_TOKEN>${env.NPM_TOKEN}</NPM_TOKEN></environmentVariables>\n"))
                .append("  </plugins></build>\n");
        String pom = project(deps.toString());
        List<Setting> settings = assertTimeoutPreemptively(HANG_GUARD, () -> parser.parse(pom));
        assertEquals(lineOf(pom, "<NPM_TOKEN>"), settings.get(0).line());
    }
}
