package io.github.npmrcguard.corpus;

import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a corpus of realistic npm, yarn and bun config files at test time, each with the findings a
 * correct scanner must report. The expectations come from how the files are built (which line holds which
 * kind of value), not from the scanner, so the corpus measures it.
 */
final class CorpusGenerator {

    /** One expected finding: a line and a rule id. */
    record Expected(int line, String rule) {
    }

    /** One file of the corpus. */
    record Case(String name, String fileName, byte[] content, Set<Expected> expected, List<String> secrets) {
    }

    /** A registry as its users configure it. */
    private record Registry(String name, String url, String scope, TokenKind token) {
        String nerfDart() {
            return url.replaceFirst("^https?:", "");
        }
    }

    private enum TokenKind { NPM, GITHUB, GITLAB, JFROG, AZURE_PAT, UUID, OPAQUE, GOOGLE, JWT }

    private static final List<Registry> REGISTRIES = List.of(
            new Registry("npmjs", "https://registry.npmjs.org/", "", TokenKind.NPM),
            new Registry("github", "https://npm.pkg.github.com/", "@acme", TokenKind.GITHUB),
            new Registry("gitlab", "https://gitlab.example.com/api/v4/projects/1234/packages/npm/", "@acme-ui", TokenKind.GITLAB),
            new Registry("jfrog", "https://acme.jfrog.io/artifactory/api/npm/npm-virtual/", "", TokenKind.JFROG),
            new Registry("azure", "https://pkgs.dev.azure.com/acme/_packaging/web-feed/npm/registry/", "", TokenKind.AZURE_PAT),
            new Registry("nexus", "https://nexus.acme.internal:8443/repository/npm-group/", "", TokenKind.UUID),
            new Registry("codeartifact", "https://acme-123456789012.d.codeartifact.eu-west-1.amazonaws.com/npm/shared/", "",
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
        return cases;
    }

    private String token(TokenKind kind) {
        switch (kind) {
            case NPM: return tokens.npm();
            case GITHUB: return tokens.githubClassic();
            case GITLAB: return tokens.gitlab();
            case JFROG: return tokens.jfrogReference();
            case AZURE_PAT: return tokens.opaque(52).toLowerCase().replaceAll("[01890]", "a");
            case UUID: return tokens.uuid();
            case GOOGLE: return "ya29." + tokens.base62(60);
            case JWT: return tokens.jwt();
            case OPAQUE:
            default: return tokens.opaque(44);
        }
    }

    /** Whether the token catalogue should recognise this kind by shape alone (in a comment, say). */
    private static boolean shaped(TokenKind kind) {
        return kind == TokenKind.NPM || kind == TokenKind.GITHUB || kind == TokenKind.GITLAB || kind == TokenKind.JFROG
                || kind == TokenKind.GOOGLE || kind == TokenKind.JWT;
    }

    /** The credential styles seen in real .npmrc files, right and wrong. */
    private enum NpmrcStyle {
        LITERAL, PLACEHOLDER, QUOTED_PLACEHOLDER, OPTIONAL_PLACEHOLDER, BARE_DOLLAR, ACTIONS_EXPRESSION, FALLBACK_LITERAL,
        DUMMY, COMMENTED_LITERAL, LITERAL_INLINE_COMMENT, QUOTED_LITERAL, BASE64_AUTH, USERNAME_PASSWORD, URL_USERINFO,
        MAVEN_STYLE, EMPTY, ARRAY_LITERAL, DEPRECATED_KEYS, SPACED_LITERAL, CLEAN_WITH_FILES
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
                if (shaped(r.token)) {
                    expect(expected, lines, "known-token");
                    secrets.add(t);
                }
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
                lines.set(lines.size() - 1, (r.scope.isEmpty() ? "registry=" : r.scope + ":registry=")
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
        cases.add(new Case("npmrc/" + r.name + "/" + style.name().toLowerCase(), fileName,
                encode(lines, variant), expected, secrets));
    }

    /** Rotates line endings and encodings across the corpus: LF, CRLF, BOM, UTF-16LE with BOM. */
    private static byte[] encode(List<String> lines, int variant) {
        String eol = variant % 4 == 1 ? "\r\n" : "\n";
        String text = String.join(eol, lines) + eol;
        switch (variant % 10) {
            case 3:
                return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
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
        Set<Expected> expected = new LinkedHashSet<>(List.of(new Expected(7, "literal-credential"),
                new Expected(11, "literal-credential")));
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
        cases.add(new Case("yarnrc-yml/" + r.name + "/placeholders", ".yarnrc.yml", utf8(clean), Set.of(), List.of()));

        List<String> fallback = List.of("npmAuthToken: \"${NPM_TOKEN:-" + t + "}\"", "npmAlwaysAuth: true",
                "npmPublishAccess: restricted", "httpsProxy: \"http://proxy:" + "s3cretPr0xy@proxy.acme.internal:3128\"");
        cases.add(new Case("yarnrc-yml/" + r.name + "/fallback", ".yarnrc.yml", utf8(fallback),
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
        cases.add(new Case("bunfig/" + r.name, "bunfig.toml", utf8(lines),
                Set.of(new Expected(5, "literal-credential"), new Expected(7, "placeholder-not-expanded")), List.of(t)));
        String password = tokens.opaque(20);
        List<String> basic = List.of("[install.registry]", "url = \"" + r.url + "\"", "username = \"ci\"",
                "password = \"" + password + "\"");
        cases.add(new Case("bunfig/" + r.name + "/basic", "bunfig.toml", utf8(basic),
                Set.of(new Expected(4, "literal-credential")), List.of(password)));
    }

    private void yarnClassic() {
        String t = tokens.npm();
        List<String> lines = List.of("# yarn lockfile v1", "registry \"https://registry.npmjs.org/\"",
                "\"//registry.npmjs.org/:_authToken\" \"" + t + "\"", "always-auth true",
                "\"@acme:registry\" \"https://npm.pkg.github.com/\"");
        cases.add(new Case("yarnrc/literal", ".yarnrc", utf8(lines), Set.of(new Expected(3, "literal-credential")),
                List.of(t)));
        List<String> clean = List.of("registry \"https://registry.npmjs.org/\"",
                "\"//registry.npmjs.org/:_authToken\" \"${NPM_TOKEN}\"", "network-timeout 600000");
        cases.add(new Case("yarnrc/placeholder", ".yarnrc", utf8(clean), Set.of(), List.of()));
    }

    private static byte[] utf8(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
