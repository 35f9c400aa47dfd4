package io.github.npmrcguard.corpus;

import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a corpus of realistic npm, yarn and bun config files and Maven poms at test time, each with the findings a
 * correct scanner must report. The expectations come from how the files are built (which line holds which
 * kind of value), not from the scanner, so the corpus measures it.
 */
final class CorpusGenerator {

    /** One expected finding: a line and a rule id. */
    record Expected(int line, String rule) {}

    /** One file of the corpus. */
    record Case(String name, String fileName, byte[] content, Set<Expected> expected, List<String> secrets) {}

    /** A registry as its users configure it. */
    private record Registry(String name, String url, String scope, TokenKind token) {
        String nerfDart() {
            return url.replaceFirst("^https?:", "");
        }
    }

    private enum TokenKind {
        NPM,
        GITHUB,
        GITLAB,
        JFROG,
        AZURE_PAT,
        UUID,
        OPAQUE,
        GOOGLE,
        JWT
    }

    private static final List<Registry> REGISTRIES = List.of(
            new Registry("npmjs", "https://registry.npmjs.org/", "", TokenKind.NPM),
            new Registry("github", "https://npm.pkg.github.com/", "@acme", TokenKind.GITHUB),
            new Registry(
                    "gitlab",
                    "https://gitlab.example.com/api/v4/projects/1234/packages/npm/",
                    "@acme-ui",
                    TokenKind.GITLAB),
            new Registry("jfrog", "https://acme.jfrog.io/artifactory/api/npm/npm-virtual/", "", TokenKind.JFROG),
            new Registry(
                    "azure",
                    "https://pkgs.dev.azure.com/acme/_packaging/web-feed/npm/registry/",
                    "",
                    TokenKind.AZURE_PAT),
            new Registry("nexus", "https://nexus.acme.internal:8443/repository/npm-group/", "", TokenKind.UUID),
            new Registry(
                    "codeartifact",
                    "https://acme-123456789012.d.codeartifact.eu-west-1.amazonaws.com/npm/shared/",
                    "",
                    TokenKind.JWT),
            new Registry("verdaccio", "http://localhost:4873/", "@internal", TokenKind.OPAQUE),
            new Registry("google", "https://europe-npm.pkg.dev/acme-proj/npm-repo/", "@gcp", TokenKind.GOOGLE));

    private final TestTokens tokens = new TestTokens(20261128L);
    private final List<Case> cases = new ArrayList<>();

    List<Case> generate() {
        int variant = 0;
        for (Registry r : REGISTRIES) {
            for (NpmrcStyle style : NpmrcStyle.values()) {
                npmrc(r, style, variant++);
            }
        }
        for (Registry r : REGISTRIES) {
            yarnBerry(r);
            bun(r);
        }
        yarnClassic();
        new Poms().generate();
        return cases;
    }

    private String token(TokenKind kind) {
        switch (kind) {
            case NPM:
                return tokens.npm();
            case GITHUB:
                return tokens.githubClassic();
            case GITLAB:
                return tokens.gitlab();
            case JFROG:
                return tokens.jfrogReference();
            case AZURE_PAT:
                return tokens.opaque(52).toLowerCase().replaceAll("[01890]", "a");
            case UUID:
                return tokens.uuid();
            case GOOGLE:
                return "ya29." + tokens.base62(60);
            case JWT:
                return tokens.jwt();
            case OPAQUE:
            default:
                return tokens.opaque(44);
        }
    }

    /** Whether the token catalogue should recognise this kind by shape alone (in a comment, say). */
    private static boolean shaped(TokenKind kind) {
        return kind == TokenKind.NPM
                || kind == TokenKind.GITHUB
                || kind == TokenKind.GITLAB
                || kind == TokenKind.JFROG
                || kind == TokenKind.GOOGLE
                || kind == TokenKind.JWT;
    }

    /** The credential styles seen in real .npmrc files, right and wrong. */
    private enum NpmrcStyle {
        LITERAL,
        PLACEHOLDER,
        QUOTED_PLACEHOLDER,
        OPTIONAL_PLACEHOLDER,
        BARE_DOLLAR,
        ACTIONS_EXPRESSION,
        FALLBACK_LITERAL,
        DUMMY,
        COMMENTED_LITERAL,
        LITERAL_INLINE_COMMENT,
        QUOTED_LITERAL,
        BASE64_AUTH,
        USERNAME_PASSWORD,
        URL_USERINFO,
        MAVEN_STYLE,
        EMPTY,
        ARRAY_LITERAL,
        DEPRECATED_KEYS,
        SPACED_LITERAL,
        CLEAN_WITH_FILES
    }

    private void npmrc(Registry r, NpmrcStyle style, int variant) {
        List<String> lines = new ArrayList<>();
        Set<Expected> expected = new LinkedHashSet<>();
        List<String> secrets = new ArrayList<>();
        if (variant % 3 == 0) {
            lines.add("# Registry config for the " + r.name + " feed; the token comes from CI.");
        }
        lines.add(r.scope.isEmpty() ? "registry=" + r.url : r.scope + ":registry=" + r.url);
        String key = r.nerfDart() + ":_authToken";
        String t = token(r.token);
        switch (style) {
            case LITERAL:
                lines.add(key + "=" + t);
                expect(expected, lines, "literal-credential");
                secrets.add(t);
                break;
            case PLACEHOLDER:
                lines.add(key + "=${NPM_TOKEN}");
                break;
            case QUOTED_PLACEHOLDER:
                lines.add(key + "=\"${NPM_TOKEN}\"");
                break;
            case OPTIONAL_PLACEHOLDER:
                lines.add(key + "=${NPM_TOKEN?}");
                break;
            case BARE_DOLLAR:
                lines.add(key + "=$NPM_TOKEN");
                expect(expected, lines, "placeholder-not-expanded");
                break;
            case ACTIONS_EXPRESSION:
                lines.add(key + "=${{ secrets.NPM_TOKEN }}");
                expect(expected, lines, "placeholder-not-expanded");
                break;
            case FALLBACK_LITERAL:
                lines.add(key + "=${NPM_TOKEN:-" + t + "}");
                expect(expected, lines, "placeholder-with-literal");
                secrets.add(t);
                break;
            case DUMMY:
                lines.add(key + "=<YOUR_TOKEN>");
                expect(expected, lines, "dummy-credential");
                break;
            case COMMENTED_LITERAL:
                lines.add("; " + key + "=" + t);
                // A commented token is committed all the same (issue 14): by its format, or as a literal.
                expect(expected, lines, shaped(r.token) ? "known-token" : "literal-credential");
                secrets.add(t);
                lines.add(key + "=${NPM_TOKEN}");
                break;
            case LITERAL_INLINE_COMMENT:
                lines.add(key + "=" + t + " # rotated every 30 days");
                expect(expected, lines, "literal-credential");
                secrets.add(t);
                break;
            case QUOTED_LITERAL:
                lines.add(key + "=\"" + t + "\"");
                expect(expected, lines, "literal-credential");
                secrets.add(t);
                break;
            case BASE64_AUTH: {
                String auth = TestTokens.base64("ci-bot:" + t);
                lines.add(r.nerfDart() + ":_auth=" + auth);
                expect(expected, lines, "literal-credential");
                secrets.add(auth);
                secrets.add(t);
                break;
            }
            case USERNAME_PASSWORD: {
                String pw = TestTokens.base64(t);
                lines.add(r.nerfDart() + ":username=ci-bot");
                lines.add(r.nerfDart() + ":_password=" + pw);
                expect(expected, lines, "literal-credential");
                secrets.add(pw);
                secrets.add(t);
                break;
            }
            case URL_USERINFO: {
                String password = tokens.opaque(16);
                lines.set(
                        lines.size() - 1,
                        (r.scope.isEmpty() ? "registry=" : r.scope + ":registry=")
                                + r.url.replaceFirst("://", "://deploy:" + password + "@"));
                expect(expected, lines, "credentials-in-url");
                secrets.add(password);
                break;
            }
            case MAVEN_STYLE:
                lines.add(key + "=${env.NPM_TOKEN}");
                expect(expected, lines, "placeholder-not-expanded");
                break;
            case EMPTY:
                lines.add(key + "=");
                expect(expected, lines, "dummy-credential");
                break;
            case ARRAY_LITERAL:
                lines.add(key + "[]=" + t);
                expect(expected, lines, "literal-credential");
                secrets.add(t);
                break;
            case DEPRECATED_KEYS:
                lines.add(key + "=${NPM_TOKEN}");
                lines.add("always-auth=true");
                expect(expected, lines, "deprecated-key");
                lines.add(r.nerfDart() + ":email=ci@example.com");
                expect(expected, lines, "deprecated-key");
                break;
            case SPACED_LITERAL:
                lines.add("  " + key + " =\t" + t + "  ");
                expect(expected, lines, "literal-credential");
                secrets.add(t);
                break;
            case CLEAN_WITH_FILES:
            default:
                lines.add(key + "=${NPM_TOKEN}");
                lines.add(r.nerfDart() + ":certfile=/etc/ssl/client.crt");
                lines.add(r.nerfDart() + ":keyfile=/etc/ssl/client.key");
                lines.add("cafile=/etc/ssl/certs/acme-ca.pem");
                lines.add("strict-ssl=true");
                break;
        }
        String fileName = variant % 7 == 0 ? ".npmrc.ci" : ".npmrc";
        cases.add(new Case(
                "npmrc/" + r.name + "/" + style.name().toLowerCase(),
                fileName,
                encode(lines, variant),
                expected,
                secrets));
    }

    /** Rotates line endings and encodings across the corpus: LF, CRLF, BOM, UTF-16LE with BOM. */
    private static byte[] encode(List<String> lines, int variant) {
        String eol = variant % 4 == 1 ? "\r\n" : "\n";
        String text = String.join(eol, lines) + eol;
        switch (variant % 10) {
            case 3:
                return concat(
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
            case 7:
                return concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
            default:
                return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void expect(Set<Expected> expected, List<String> lines, String rule) {
        expected.add(new Expected(lines.size(), rule));
    }

    private void yarnBerry(Registry r) {
        String t = token(r.token);
        String host = r.nerfDart().replaceAll("/$", "");
        String scope = r.scope.isEmpty() ? "acme" : r.scope.substring(1);
        // Literal under npmScopes, placeholder at top level, literal ident under npmRegistries.
        List<String> lines = new ArrayList<>(List.of(
                "nodeLinker: node-modules",
                "npmRegistryServer: \"" + r.url + "\"",
                "npmAuthToken: \"${NPM_TOKEN:-}\"",
                "npmScopes:",
                "  " + scope + ":",
                "    npmRegistryServer: \"" + r.url + "\"",
                "    npmAuthToken: " + t,
                "npmRegistries:",
                "  \"" + host + "\":",
                "    npmAlwaysAuth: true",
                "    npmAuthIdent: \"ci-bot:" + t + "\""));
        Set<Expected> expected = new LinkedHashSet<>(
                List.of(new Expected(7, "literal-credential"), new Expected(11, "literal-credential")));
        cases.add(new Case("yarnrc-yml/" + r.name + "/literal", ".yarnrc.yml", utf8(lines), expected, List.of(t)));

        List<String> clean = List.of(
                "npmScopes:",
                "  " + scope + ":",
                "    npmRegistryServer: \"" + r.url + "\"",
                "    npmAuthToken: \"${NPM_TOKEN:-}\"",
                "npmRegistries:",
                "  \"" + host + "\":",
                "    npmAuthToken: \"${" + r.name.toUpperCase() + "_TOKEN}\"",
                "    # old: npmAuthToken: $NPM_TOKEN");
        // Line 7 is no literal, but yarn stops every command on it while the variable is unset.
        cases.add(new Case(
                "yarnrc-yml/" + r.name + "/placeholders",
                ".yarnrc.yml",
                utf8(clean),
                Set.of(new Expected(7, "yarn-required-placeholder")),
                List.of()));

        List<String> fallback = List.of(
                "npmAuthToken: \"${NPM_TOKEN:-" + t + "}\"",
                "npmAlwaysAuth: true",
                "npmPublishAccess: restricted",
                "httpsProxy: \"http://proxy:" + "s3cretPr0xy@proxy.acme.internal:3128\"");
        cases.add(new Case(
                "yarnrc-yml/" + r.name + "/fallback",
                ".yarnrc.yml",
                utf8(fallback),
                Set.of(new Expected(1, "placeholder-with-literal"), new Expected(4, "credentials-in-url")),
                List.of(t, "s3cretPr0xy")));
    }

    private void bun(Registry r) {
        String t = token(r.token);
        String scope = r.scope.isEmpty() ? "acme" : r.scope.substring(1);
        List<String> lines = List.of(
                "[install]",
                "registry = \"https://registry.npmjs.org/\"",
                "",
                "[install.scopes]",
                scope + " = { token = \"" + t + "\", url = \"" + r.url + "\" }",
                "other = { token = \"$NPM_TOKEN\", url = \"" + r.url + "\" }",
                "legacy = { token = \"${NPM_TOKEN}\", url = \"" + r.url + "\" }");
        cases.add(new Case(
                "bunfig/" + r.name,
                "bunfig.toml",
                utf8(lines),
                Set.of(new Expected(5, "literal-credential"), new Expected(7, "placeholder-not-expanded")),
                List.of(t)));
        String password = tokens.opaque(20);
        List<String> basic = List.of(
                "[install.registry]",
                "url = \"" + r.url + "\"",
                "username = \"ci\"",
                "password = \"" + password + "\"");
        cases.add(new Case(
                "bunfig/" + r.name + "/basic",
                "bunfig.toml",
                utf8(basic),
                Set.of(new Expected(4, "literal-credential")),
                List.of(password)));
    }

    private void yarnClassic() {
        String t = tokens.npm();
        List<String> lines = List.of(
                "# yarn lockfile v1",
                "registry \"https://registry.npmjs.org/\"",
                "\"//registry.npmjs.org/:_authToken\" \"" + t + "\"",
                "always-auth true",
                "\"@acme:registry\" \"https://npm.pkg.github.com/\"");
        cases.add(new Case(
                "yarnrc/literal", ".yarnrc", utf8(lines), Set.of(new Expected(3, "literal-credential")), List.of(t)));
        List<String> clean = List.of(
                "registry \"https://registry.npmjs.org/\"",
                "\"//registry.npmjs.org/:_authToken\" \"${NPM_TOKEN}\"",
                "network-timeout 600000");
        cases.add(new Case("yarnrc/placeholder", ".yarnrc", utf8(clean), Set.of(), List.of()));
    }

    private static byte[] utf8(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One pom being written: its lines, the findings expected at them, and the secrets it holds. */
    private static final class Pom {
        final List<String> lines = new ArrayList<>();
        final Set<Expected> expected = new LinkedHashSet<>();
        final List<String> secrets = new ArrayList<>();

        Pom add(String... more) {
            lines.addAll(List.of(more));
            return this;
        }

        /** Expects a finding of {@code rule} at the last line added. */
        Pom expect(String rule) {
            expected.add(new Expected(lines.size(), rule));
            return this;
        }

        Pom secret(String s) {
            secrets.add(s);
            return this;
        }
    }

    /** Realistic poms: Spring Boot and Vaadin apps, reactors, frontend-maven-plugin and exec-maven-plugin builds. */
    private final class Poms {
        private static final String NODE = "v20.11.1";

        void generate() {
            ordinarySpringBoot();
            ordinaryParentWithPluginManagement();
            vaadinApp();
            quinoaApp();
            frontendClean();
            frontendDownloadRootsWithServerId();
            frontendLiteralNpmToken();
            frontendLiteralGithubTokenInExecution();
            frontendEnvReference();
            propertyLiteral();
            propertyReference();
            profileReleaseLiteral();
            execArgumentLiteral();
            execShellScriptReference();
            execEnvironmentUuid();
            registryUrlWithPassword();
            registryUrlWithReferencedPassword();
            argumentsRegistryUrlWithPassword();
            commentedOutToken();
            otherPluginsLiteral();
            crlfBomExecutionLiteral();
            unparsableFrontendPom();
            literalAndSameTokenInComment();
        }

        private void add(String name, Pom pom, int variant) {
            String eol = variant % 3 == 1 ? "\r\n" : "\n";
            byte[] bytes = (String.join(eol, pom.lines) + eol).getBytes(StandardCharsets.UTF_8);
            if (variant % 5 == 4) {
                bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
            }
            cases.add(new Case("pom/" + name, "pom.xml", bytes, pom.expected, pom.secrets));
        }

        private Pom header(String artifactId) {
            return new Pom()
                    .add(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                            "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"",
                            "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                            "         xsi:schemaLocation=\"http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd\">",
                            "  <modelVersion>4.0.0</modelVersion>",
                            "  <parent>",
                            "    <groupId>com.acme.shop</groupId>",
                            "    <artifactId>shop-parent</artifactId>",
                            "    <version>2.3.0-SNAPSHOT</version>",
                            "  </parent>",
                            "  <artifactId>" + artifactId + "</artifactId>",
                            "  <name>Acme Shop &ndash; " + artifactId + "</name>");
        }

        private Pom frontendStart(Pom pom) {
            return pom.add(
                    "      <plugin>",
                    "        <groupId>com.github.eirslett</groupId>",
                    "        <artifactId>frontend-maven-plugin</artifactId>",
                    "        <version>1.15.1</version>",
                    "        <configuration>",
                    "          <workingDirectory>src/main/frontend</workingDirectory>",
                    "          <installDirectory>target</installDirectory>",
                    "        </configuration>",
                    "        <executions>",
                    "          <execution>",
                    "            <id>install node and npm</id>",
                    "            <goals><goal>install-node-and-npm</goal></goals>",
                    "            <configuration>",
                    "              <nodeVersion>" + NODE + "</nodeVersion>",
                    "            </configuration>",
                    "          </execution>");
        }

        private Pom npmExecution(Pom pom, String id, String arguments) {
            return pom.add(
                    "          <execution>",
                    "            <id>" + id + "</id>",
                    "            <goals><goal>npm</goal></goals>",
                    "            <configuration>",
                    "              <arguments>" + arguments + "</arguments>",
                    "            </configuration>",
                    "          </execution>");
        }

        private Pom frontendEnd(Pom pom) {
            return pom.add("        </executions>", "      </plugin>");
        }

        private Pom footer(Pom pom) {
            return pom.add("    </plugins>", "  </build>", "</project>");
        }

        private void ordinarySpringBoot() {
            Pom pom = header("shop-api")
                    .add(
                            "  <properties>",
                            "    <java.version>17</java.version>",
                            "    <sonar.projectKey>acme_shop-api</sonar.projectKey>",
                            "    <jib.to.auth.password>${env.REGISTRY_PASSWORD}</jib.to.auth.password>",
                            "  </properties>",
                            "  <dependencies>",
                            "    <dependency>",
                            "      <groupId>org.springframework.boot</groupId>",
                            "      <artifactId>spring-boot-starter-web</artifactId>",
                            "    </dependency>",
                            "  </dependencies>",
                            "  <build>",
                            "    <plugins>",
                            "      <plugin>",
                            "        <groupId>org.springframework.boot</groupId>",
                            "        <artifactId>spring-boot-maven-plugin</artifactId>",
                            "        <configuration>",
                            "          <environmentVariables><SPRING_PROFILES_ACTIVE>dev</SPRING_PROFILES_ACTIVE></environmentVariables>",
                            "        </configuration>",
                            "      </plugin>");
            add("ordinary-spring-boot", footer(pom), 0);
        }

        private void ordinaryParentWithPluginManagement() {
            Pom pom = new Pom()
                    .add(
                            "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
                            "  <modelVersion>4.0.0</modelVersion>",
                            "  <groupId>com.acme.shop</groupId>",
                            "  <artifactId>shop-parent</artifactId>",
                            "  <version>2.3.0-SNAPSHOT</version>",
                            "  <packaging>pom</packaging>",
                            "  <modules><module>shop-api</module><module>shop-web</module></modules>",
                            "  <!-- Build &amp; release settings; &copy; Acme -->",
                            "  <build>",
                            "    <pluginManagement>",
                            "      <plugins>",
                            "        <plugin>",
                            "          <artifactId>maven-surefire-plugin</artifactId>",
                            "          <version>3.2.5</version>",
                            "          <configuration><environmentVariables><TZ>UTC</TZ></environmentVariables></configuration>",
                            "        </plugin>",
                            "      </plugins>",
                            "    </pluginManagement>",
                            "    <plugins>");
            add("ordinary-parent", footer(pom), 1);
        }

        private void vaadinApp() {
            Pom pom = header("shop-vaadin")
                    .add(
                            "  <properties><vaadin.version>24.3.5</vaadin.version></properties>",
                            "  <build>",
                            "    <plugins>",
                            "      <plugin>",
                            "        <groupId>com.vaadin</groupId>",
                            "        <artifactId>vaadin-maven-plugin</artifactId>",
                            "        <version>${vaadin.version}</version>",
                            "        <executions><execution><goals><goal>prepare-frontend</goal><goal>build-frontend</goal></goals>",
                            "        </execution></executions>",
                            "      </plugin>");
            add("vaadin", footer(pom), 2);
        }

        private void quinoaApp() {
            Pom pom = header("shop-quinoa")
                    .add(
                            "  <properties>",
                            "    <quarkus.quinoa.package-manager-install>true</quarkus.quinoa.package-manager-install>",
                            "    <quarkus.quinoa.package-manager-install.node-version>20.11.1</quarkus.quinoa.package-manager-install.node-version>",
                            "  </properties>",
                            "  <build>",
                            "    <plugins>",
                            "      <plugin>",
                            "        <groupId>io.quarkus</groupId>",
                            "        <artifactId>quarkus-maven-plugin</artifactId>",
                            "      </plugin>");
            add("quinoa", footer(pom), 3);
        }

        private void frontendClean() {
            Pom pom = header("shop-web").add("  <build>", "    <plugins>");
            frontendStart(pom);
            pom.add(
                    "          <execution>",
                    "            <id>npm ci</id>",
                    "            <goals><goal>npm</goal></goals>",
                    "            <configuration>",
                    "              <arguments>ci --no-audit --prefer-offline</arguments>",
                    "              <environmentVariables>",
                    "                <NPM_CONFIG_USERCONFIG>${npmrcguard.userconfig.file}</NPM_CONFIG_USERCONFIG>",
                    "                <NODE_ENV>production</NODE_ENV>",
                    "              </environmentVariables>",
                    "            </configuration>",
                    "          </execution>");
            npmExecution(pom, "npm run build", "run build -- --mode=${build.mode}");
            frontendEnd(pom);
            add("frontend-clean", footer(pom), 4);
        }

        private void frontendDownloadRootsWithServerId() {
            Pom pom = header("shop-admin")
                    .add(
                            "  <build>",
                            "    <plugins>",
                            "      <plugin>",
                            "        <groupId>com.github.eirslett</groupId>",
                            "        <artifactId>frontend-maven-plugin</artifactId>",
                            "        <configuration>",
                            "          <nodeDownloadRoot>https://nexus.acme.internal/repository/node/</nodeDownloadRoot>",
                            "          <npmRegistryURL>https://nexus.acme.internal/repository/npm-group/</npmRegistryURL>",
                            "          <serverId>acme-nexus</serverId>",
                            "        </configuration>",
                            "      </plugin>");
            add("frontend-server-id", footer(pom), 5);
        }

        private void frontendLiteralNpmToken() {
            String t = tokens.npm();
            Pom pom = header("shop-web").add("  <build>", "    <plugins>");
            frontendStart(pom);
            pom.add(
                            "          <execution>",
                            "            <id>npm install</id>",
                            "            <goals><goal>npm</goal></goals>",
                            "            <configuration>",
                            "              <environmentVariables>",
                            "                <NPM_TOKEN>" + t + "</NPM_TOKEN>")
                    .expect("pom-literal-env-token")
                    .secret(t)
                    .add(
                            "              </environmentVariables>",
                            "            </configuration>",
                            "          </execution>");
            frontendEnd(pom);
            add("frontend-literal-npm-token", footer(pom), 6);
        }

        private void frontendLiteralGithubTokenInExecution() {
            String t = tokens.githubClassic();
            Pom pom = header("shop-ui").add("  <build>", "    <plugins>");
            frontendStart(pom);
            pom.add(
                            "          <execution>",
                            "            <id>npm publish</id>",
                            "            <phase>deploy</phase>",
                            "            <goals><goal>npm</goal></goals>",
                            "            <configuration>",
                            "              <arguments>publish</arguments>",
                            "              <environmentVariables><NODE_AUTH_TOKEN>" + t
                                    + "</NODE_AUTH_TOKEN></environmentVariables>")
                    .expect("pom-literal-env-token")
                    .secret(t)
                    .add("            </configuration>", "          </execution>");
            frontendEnd(pom);
            add("frontend-literal-github-token", footer(pom), 7);
        }

        private void frontendEnvReference() {
            Pom pom = header("shop-web").add("  <build>", "    <plugins>");
            frontendStart(pom);
            pom.add(
                            "          <execution>",
                            "            <id>npm ci</id>",
                            "            <goals><goal>npm</goal></goals>",
                            "            <configuration>",
                            "              <arguments>ci</arguments>",
                            "              <environmentVariables>",
                            "                <NPM_TOKEN>${env.NPM_TOKEN}</NPM_TOKEN>")
                    .expect("pom-token-in-plugin-config")
                    .add(
                            "                <HTTPS_PROXY>${env.HTTPS_PROXY}</HTTPS_PROXY>",
                            "              </environmentVariables>",
                            "            </configuration>",
                            "          </execution>");
            frontendEnd(pom);
            add("frontend-env-reference", footer(pom), 8);
        }

        private void propertyLiteral() {
            String t = tokens.gitlab();
            Pom pom = header("shop-web")
                    .add(
                            "  <properties>",
                            "    <node.version>" + NODE + "</node.version>",
                            "    <gitlab.npm.token>" + t + "</gitlab.npm.token>")
                    .expect("pom-literal-env-token")
                    .secret(t)
                    .add("  </properties>", "  <build>", "    <plugins>");
            frontendStart(pom);
            pom.add(
                    "          <execution>",
                    "            <id>npm ci</id>",
                    "            <goals><goal>npm</goal></goals>",
                    "            <configuration>",
                    "              <environmentVariables>",
                    "                <CI_JOB_TOKEN>${gitlab.npm.token}</CI_JOB_TOKEN>",
                    "                <GITLAB_NPM_TOKEN>${gitlab.npm.token}</GITLAB_NPM_TOKEN>",
                    "              </environmentVariables>",
                    "            </configuration>",
                    "          </execution>");
            frontendEnd(pom);
            add("property-literal", footer(pom), 9);
        }

        private void propertyReference() {
            Pom pom = header("shop-web")
                    .add(
                            "  <properties>",
                            "    <npm.token>${env.ACME_NPM_TOKEN}</npm.token>",
                            "  </properties>",
                            "  <build>",
                            "    <plugins>");
            frontendStart(pom);
            pom.add(
                            "          <execution>",
                            "            <id>yarn install</id>",
                            "            <goals><goal>yarn</goal></goals>",
                            "            <configuration>",
                            "              <environmentVariables><YARN_NPM_AUTH_TOKEN>${npm.token}</YARN_NPM_AUTH_TOKEN></environmentVariables>")
                    .expect("pom-token-in-plugin-config")
                    .add("            </configuration>", "          </execution>");
            frontendEnd(pom);
            add("property-reference", footer(pom), 10);
        }

        private void profileReleaseLiteral() {
            String t = tokens.jfrogReference();
            Pom pom = header("shop-web")
                    .add(
                            "  <profiles>",
                            "    <profile>",
                            "      <id>release</id>",
                            "      <build>",
                            "        <pluginManagement>",
                            "          <plugins>",
                            "            <plugin>",
                            "              <groupId>com.github.eirslett</groupId>",
                            "              <artifactId>frontend-maven-plugin</artifactId>",
                            "              <configuration>",
                            "                <environmentVariables>",
                            "                  <YARN_NPM_AUTH_TOKEN>",
                            "                    " + t)
                    .expect("pom-literal-env-token")
                    .secret(t)
                    .add(
                            "                  </YARN_NPM_AUTH_TOKEN>",
                            "                </environmentVariables>",
                            "              </configuration>",
                            "            </plugin>",
                            "          </plugins>",
                            "        </pluginManagement>",
                            "      </build>",
                            "    </profile>",
                            "  </profiles>",
                            "</project>");
            add("profile-release-literal", pom, 11);
        }

        private void execArgumentLiteral() {
            String t = tokens.opaque(44);
            Pom pom = header("shop-lib")
                    .add(
                            "  <build>",
                            "    <plugins>",
                            "      <plugin>",
                            "        <groupId>org.codehaus.mojo</groupId>",
                            "        <artifactId>exec-maven-plugin</artifactId>",
                            "        <version>3.1.1</version>",
                            "        <executions>",
                            "          <execution>",
                            "            <id>npm-publish</id>",
                            "            <phase>deploy</phase>",
                            "            <goals><goal>exec</goal></goals>",
                            "            <configuration>",
                            "              <executable>npm</executable>",
                            "              <workingDirectory>${project.basedir}/frontend</workingDirectory>",
                            "              <arguments>",
                            "                <argument>publish</argument>",
                            "                <argument>--//npm.acme.internal/repository/npm-private/:_authToken=" + t
                                    + "</argument>")
                    .expect("pom-literal-argument-token")
                    .secret(t)
                    .add(
                            "              </arguments>",
                            "            </configuration>",
                            "          </execution>",
                            "        </executions>",
                            "      </plugin>");
            add("exec-argument-literal", footer(pom), 12);
        }

        private void execShellScriptReference() {
            Pom pom = header("shop-lib")
                    .add(
                            "  <build>",
                            "    <plugins>",
                            "      <plugin>",
                            "        <groupId>org.codehaus.mojo</groupId>",
                            "        <artifactId>exec-maven-plugin</artifactId>",
                            "        <configuration>",
                            "          <executable>sh</executable>",
                            "          <arguments>",
                            "            <argument>-c</argument>",
                            "            <argument>npm config set //registry.npmjs.org/:_authToken ${env.NPM_TOKEN} &amp;&amp; npm publish</argument>")
                    .expect("pom-token-in-plugin-config")
                    .add("          </arguments>", "        </configuration>", "      </plugin>");
            add("exec-shell-reference", footer(pom), 13);
        }

        private void execEnvironmentUuid() {
            String t = tokens.uuid();
            Pom pom = header("shop-lib")
                    .add(
                            "  <build>",
                            "    <plugins>",
                            "      <plugin>",
                            "        <groupId>org.codehaus.mojo</groupId>",
                            "        <artifactId>exec-maven-plugin</artifactId>",
                            "        <configuration>",
                            "          <executable>npx</executable>",
                            "          <commandlineArgs>--yes @acme/release-tool</commandlineArgs>",
                            "          <environmentVariables>",
                            "            <NEXUS_NPM_TOKEN>" + t + "</NEXUS_NPM_TOKEN>")
                    .expect("pom-literal-env-token")
                    .secret(t)
                    .add(
                            "            <CI>true</CI>",
                            "          </environmentVariables>",
                            "        </configuration>",
                            "      </plugin>");
            add("exec-env-uuid", footer(pom), 14);
        }

        private void registryUrlWithPassword() {
            String pw = tokens.opaque(18);
            Pom pom = header("shop-web")
                    .add(
                            "  <build>",
                            "    <plugins>",
                            "      <plugin>",
                            "        <groupId>com.github.eirslett</groupId>",
                            "        <artifactId>frontend-maven-plugin</artifactId>",
                            "        <configuration>",
                            "          <npmRegistryURL>https://deploy:" + pw
                                    + "@nexus.acme.internal/repository/npm-group/</npmRegistryURL>")
                    .expect("pom-credentials-in-url")
                    .secret(pw)
                    .add("        </configuration>", "      </plugin>");
            add("registry-url-password", footer(pom), 15);
        }

        private void registryUrlWithReferencedPassword() {
            Pom pom = header("shop-web")
                    .add(
                            "  <build>",
                            "    <plugins>",
                            "      <plugin>",
                            "        <groupId>com.github.eirslett</groupId>",
                            "        <artifactId>frontend-maven-plugin</artifactId>",
                            "        <configuration>",
                            "          <pnpmRegistryURL>https://deploy:${env.NEXUS_PASSWORD}@nexus.acme.internal/repository/npm/</pnpmRegistryURL>")
                    .expect("pom-token-in-plugin-config")
                    .add("        </configuration>", "      </plugin>");
            add("registry-url-reference", footer(pom), 16);
        }

        private void argumentsRegistryUrlWithPassword() {
            String pw = tokens.opaque(18);
            Pom pom = header("shop-web").add("  <build>", "    <plugins>");
            frontendStart(pom);
            npmExecution(pom, "npm ci", "ci --registry=https://ci:" + pw + "@npm.acme.internal/");
            pom.expected.add(new Expected(pom.lines.size() - 2, "pom-credentials-in-url"));
            pom.secret(pw);
            frontendEnd(pom);
            add("arguments-url-password", footer(pom), 17);
        }

        private void commentedOutToken() {
            String t = tokens.npm();
            Pom pom = header("shop-web").add("  <build>", "    <plugins>");
            frontendStart(pom);
            pom.add("          <!-- TODO remove: <NPM_TOKEN>" + t + "</NPM_TOKEN> -->")
                    .expect("known-token")
                    .secret(t);
            npmExecution(pom, "npm ci", "ci");
            frontendEnd(pom);
            add("commented-out-token", footer(pom), 18);
        }

        private void otherPluginsLiteral() {
            String opaque = tokens.opaque(40);
            Pom pom = header("shop-e2e")
                    .add(
                            "  <build>",
                            "    <plugins>",
                            "      <plugin>",
                            "        <groupId>org.apache.maven.plugins</groupId>",
                            "        <artifactId>maven-antrun-plugin</artifactId>",
                            "        <configuration>",
                            "          <target><exec executable=\"npm\"><env key=\"NPM_TOKEN\" value=\"" + opaque
                                    + "\"/></exec></target>",
                            "          <environmentVariables><NPM_TOKEN>" + opaque
                                    + "</NPM_TOKEN></environmentVariables>",
                            "        </configuration>",
                            "      </plugin>");
            add("other-plugin-opaque", footer(pom), 19);
        }

        private void crlfBomExecutionLiteral() {
            String t = tokens.opaque(52).toLowerCase().replaceAll("[01890]", "a");
            Pom pom = header("shop-azure").add("  <build>", "    <plugins>");
            frontendStart(pom);
            pom.add(
                            "          <execution>",
                            "            <id>npm ci</id>",
                            "            <goals><goal>npm</goal></goals>",
                            "            <configuration>",
                            "              <arguments>ci</arguments>",
                            "              <environmentVariables>",
                            "                <AZURE_AUTH_TOKEN><![CDATA[" + t + "]]></AZURE_AUTH_TOKEN>")
                    .expect("pom-literal-env-token")
                    .secret(t)
                    .add(
                            "              </environmentVariables>",
                            "            </configuration>",
                            "          </execution>");
            frontendEnd(pom);
            add("crlf-bom-cdata-literal", footer(pom), 4); // CRLF and a BOM
        }

        private void unparsableFrontendPom() {
            Pom pom = header("shop-broken").add("  <build>", "    <plugins>");
            frontendStart(pom);
            pom.add("        </execution>").expect("unparsable-file");
            frontendEnd(pom);
            add("unparsable", footer(pom), 20);
        }

        private void literalAndSameTokenInComment() {
            String t = tokens.npm();
            Pom pom = header("shop-web")
                    .add("  <!-- token for the read-only mirror: " + t + " -->")
                    .expect("known-token")
                    .secret(t)
                    .add("  <build>", "    <plugins>");
            frontendStart(pom);
            pom.add(
                            "          <execution>",
                            "            <id>npm ci</id>",
                            "            <goals><goal>npm</goal></goals>",
                            "            <configuration>",
                            "              <arguments>ci --//registry.npmjs.org/:_authToken=" + t + "</arguments>")
                    .expect("pom-literal-argument-token")
                    .add("            </configuration>", "          </execution>");
            frontendEnd(pom);
            add("literal-and-comment", footer(pom), 21);
        }
    }
}
