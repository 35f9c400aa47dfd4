package io.github.npmrcguard.fuzz;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Config files with a secret in them, made from a seed: a secret of one shape (token formats and opaque
 * values), put in one slot of one format (a credential value, another value, a key, a comment, a quoted
 * value with escapes, base64 in an auth value, a URL's user info), among filler lines, then perhaps mutated
 * (characters a parser cares about inserted, spans cut or repeated, the file truncated, CRLF, UTF-16).
 * The same seed always makes the same input; nothing is committed.
 */
final class FuzzInputs {
    enum Slot {
        CREDENTIAL_VALUE,
        OTHER_VALUE,
        KEY,
        COMMENT,
        ESCAPED,
        BASE64_AUTH,
        URL_USERINFO
    }

    /** One input; {@code secrets} are the strings no output may hold a window of (the secret, its base64). */
    record Input(long seed, FileKind kind, Slot slot, String path, byte[] bytes, String secret) {
        @Override
        public String toString() {
            return "seed " + seed + " " + kind + " " + slot; // never the content
        }
    }

    private static final FileKind[] KINDS = {
        FileKind.NPMRC, FileKind.YARNRC, FileKind.YARNRC_YML, FileKind.BUNFIG_TOML, FileKind.POM
    };
    private static final String HOSTILE = "\"'[]{}=:#;\\\n\r\t <>&$%@/!-_.,|*?~`\u0000\u00e9\u2028\ufeff\ud800";

    private FuzzInputs() {}

    static Input make(long seed) {
        Random r = new Random(seed);
        TestTokens tokens = new TestTokens(seed * 31 + 7);
        String secret = secret(r, tokens);
        FileKind kind = KINDS[r.nextInt(KINDS.length)];
        Slot slot = Slot.values()[r.nextInt(Slot.values().length)];
        String line = line(kind, slot, secret, r);
        List<String> lines = new ArrayList<>(filler(kind, r));
        int at = kind == FileKind.POM ? 1 + r.nextInt(Math.max(1, lines.size() - 1)) : r.nextInt(lines.size() + 1);
        lines.add(at, line);
        String text = String.join(r.nextInt(5) == 0 ? "\r\n" : "\n", lines) + "\n";
        if (r.nextBoolean()) {
            text = mutate(text, r);
        }
        byte[] bytes;
        switch (r.nextInt(12)) {
            case 0 -> bytes = concat(new byte[] {(byte) 0xff, (byte) 0xfe}, text.getBytes(StandardCharsets.UTF_16LE));
            case 1 -> bytes = text.getBytes(StandardCharsets.UTF_16BE);
            case 2 -> bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            default -> bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        return new Input(seed, kind, slot, path(kind), bytes, secret);
    }

    private static String path(FileKind kind) {
        return switch (kind) {
            case NPMRC -> "web/.npmrc";
            case YARNRC -> "web/.yarnrc";
            case YARNRC_YML -> "web/.yarnrc.yml";
            case BUNFIG_TOML -> "web/bunfig.toml";
            case POM -> "pom.xml";
        };
    }

    private static String secret(Random r, TestTokens t) {
        return switch (r.nextInt(9)) {
            case 0 -> t.npm();
            case 1 -> t.githubClassic();
            case 2 -> t.gitlab();
            case 3 -> t.jwt();
            case 4 -> t.uuid();
            case 5 -> t.jfrogApiKey();
            case 6 -> t.opaque(8 + r.nextInt(72));
            default -> {
                // Opaque with the characters real passwords and base64 tokens have.
                String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_.~!*";
                StringBuilder s = new StringBuilder();
                int n = 12 + r.nextInt(50);
                for (int i = 0; i < n; i++) {
                    s.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                yield s.toString();
            }
        };
    }

    /** {@code s} with some characters written as {@code \\uXXXX} escapes (JSON, YAML, TOML all read them). */
    private static String escaped(String s, Random r) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(
                    r.nextInt(3) == 0 || c == '"' || c == '\\' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String xmlEscaped(String s, Random r) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(
                    r.nextInt(3) == 0 || c == '<' || c == '&'
                            ? "&#x" + Integer.toHexString(c) + ";"
                            : String.valueOf(c));
        }
        return out.toString();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(("ci-user:" + s).getBytes(StandardCharsets.UTF_8));
    }

    private static String line(FileKind kind, Slot slot, String s, Random r) {
        String host = "//npm.pkg.example.com/" + (r.nextBoolean() ? "" : "team/");
        return switch (kind) {
            case NPMRC ->
                switch (slot) {
                    case CREDENTIAL_VALUE ->
                        host + ":" + pick(r, "_authToken", "_password", "token", "_auth") + "=" + s;
                    case OTHER_VALUE ->
                        pick(r, "registry", "cafile", "note", "@acme:registry", "init-author-name") + "=" + s;
                    case KEY ->
                        pick(
                                r,
                                s + "=1",
                                "//" + s + "/:_authToken=${NPM_TOKEN}",
                                "[" + s + "]",
                                host + s + ":_authToken=${TOKEN}");
                    case COMMENT -> pick(r, "; ", "# ", "  ;") + s;
                    case ESCAPED -> host + ":_authToken=\"" + escaped(s, r) + "\"";
                    case BASE64_AUTH -> host + ":_auth=" + b64(s);
                    case URL_USERINFO -> "registry=https://ci-user:" + s + "@npm.pkg.example.com/";
                };
            case YARNRC ->
                switch (slot) {
                    case CREDENTIAL_VALUE ->
                        "\"" + host + ":" + pick(r, "_authToken", "_password") + "\" " + pick(r, s, "\"" + s + "\"");
                    case OTHER_VALUE -> pick(r, "registry ", "email ", "\"@acme:registry\" ") + "\"" + s + "\"";
                    case KEY -> pick(r, s + " true", "\"" + s + "\" true", "\"//" + s + "/:_authToken\" x");
                    case COMMENT -> "# " + s;
                    case ESCAPED -> "\"" + host + ":_authToken\" \"" + escaped(s, r) + "\"";
                    case BASE64_AUTH -> "\"" + host + ":_auth\" \"" + b64(s) + "\"";
                    case URL_USERINFO -> "registry \"https://ci-user:" + s + "@npm.pkg.example.com/\"";
                };
            case YARNRC_YML ->
                switch (slot) {
                    case CREDENTIAL_VALUE ->
                        pick(r, "npmAuthToken: ", "npmAuthIdent: ") + pick(r, s, "\"" + s + "\"", "'" + s + "'");
                    case OTHER_VALUE -> pick(r, "npmRegistryServer: ", "cacheFolder: ", "yarnPath: ") + "\"" + s + "\"";
                    case KEY -> pick(r, s + ": x", "\"" + s + "\": 1", "npmScopes:\n  " + s + ":\n    npmAuthToken: x");
                    case COMMENT -> "# " + s;
                    case ESCAPED ->
                        "npmRegistries:\n  \"https://npm.pkg.example.com\":\n    npmAuthToken: \"" + escaped(s, r)
                                + "\"";
                    case BASE64_AUTH -> "npmAuthIdent: \"" + b64(s) + "\"";
                    case URL_USERINFO -> "npmRegistryServer: \"https://ci-user:" + s + "@npm.pkg.example.com\"";
                };
            case BUNFIG_TOML ->
                switch (slot) {
                    case CREDENTIAL_VALUE -> "[install]\n" + pick(r, "token", "password") + " = \"" + s + "\"";
                    case OTHER_VALUE ->
                        "[install.scopes]\nacme = { url = \"https://npm.pkg.example.com/\", token = '" + s + "' }";
                    case KEY -> pick(r, "\"" + s + "\" = 1", "[" + s + "]", "[install.scopes]\n\"" + s + "\" = \"x\"");
                    case COMMENT -> "# " + s;
                    case ESCAPED ->
                        "[install]\nregistry = { url = \"https://r.example/\", token = \"" + escaped(s, r) + "\" }";
                    case BASE64_AUTH ->
                        "[install]\nregistry = { url = \"https://r.example/\", token = \"" + b64(s) + "\" }";
                    case URL_USERINFO -> "[install]\nregistry = \"https://ci-user:" + s + "@npm.pkg.example.com/\"";
                };
            case POM ->
                switch (slot) {
                    case CREDENTIAL_VALUE -> "<properties><npm.token>" + s + "</npm.token></properties>";
                    case OTHER_VALUE ->
                        "<configuration><arguments>install --" + host.substring(2) + ":_authToken=" + s
                                + "</arguments></configuration>";
                    case KEY -> pick(r, "<properties><" + s + ">x</" + s + "></properties>", "<x a" + s + "=\"1\"/>");
                    case COMMENT -> "<!-- " + s + " -->";
                    case ESCAPED ->
                        "<environmentVariables><NPM_TOKEN>" + xmlEscaped(s, r) + "</NPM_TOKEN></environmentVariables>";
                    case BASE64_AUTH ->
                        "<environmentVariables><NPM_AUTH>" + b64(s) + "</NPM_AUTH></environmentVariables>";
                    case URL_USERINFO ->
                        "<properties><npm.registry>https://ci-user:" + s
                                + "@npm.pkg.example.com/</npm.registry></properties>";
                };
        };
    }

    private static List<String> filler(FileKind kind, Random r) {
        List<String> pool =
                switch (kind) {
                    case NPMRC ->
                        List.of(
                                "registry=https://npm.pkg.example.com/",
                                "always-auth=true",
                                "//npm.pkg.example.com/:_authToken=${NPM_TOKEN}",
                                "@acme:registry=https://r.example/",
                                "[section]",
                                "; comment",
                                "strict-ssl=false",
                                "key[]=a",
                                "email=ci@example.com");
                    case YARNRC ->
                        List.of(
                                "registry \"https://npm.pkg.example.com/\"",
                                "# yarn lockfile v1",
                                "\"//r.example/:_authToken\" \"${NPM_TOKEN}\"",
                                "always-auth true",
                                "--install.frozen-lockfile true");
                    case YARNRC_YML ->
                        List.of(
                                "nodeLinker: node-modules",
                                "npmRegistryServer: \"https://r.example\"",
                                "npmAuthToken: \"${NPM_TOKEN:-}\"",
                                "# comment",
                                "enableTelemetry: false",
                                "npmScopes:\n  acme:\n    npmRegistryServer: \"https://r.example\"");
                    case BUNFIG_TOML ->
                        List.of(
                                "[install]",
                                "registry = \"https://r.example/\"",
                                "# comment",
                                "[install.scopes]",
                                "acme = { url = \"https://r.example/\", token = \"$NPM_TOKEN\" }",
                                "telemetry = false");
                    case POM ->
                        List.of(
                                "<modelVersion>4.0.0</modelVersion>",
                                "<!-- comment -->",
                                "<properties><node.version>v20.0.0</node.version></properties>",
                                "<build><plugins><plugin><artifactId>frontend-maven-plugin</artifactId></plugin></plugins></build>");
                };
        List<String> lines = new ArrayList<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            lines.add(pool.get(r.nextInt(pool.size())));
        }
        if (kind == FileKind.POM) {
            lines.add(0, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">");
            lines.add("</project>");
        }
        return lines;
    }

    private static String mutate(String text, Random r) {
        StringBuilder s = new StringBuilder(text);
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n && s.length() > 0; i++) {
            int at = r.nextInt(s.length() + 1);
            switch (r.nextInt(5)) {
                case 0 -> s.insert(at, HOSTILE.charAt(r.nextInt(HOSTILE.length())));
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(8)));
                case 2 -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(40));
                    s.insert(at, s.substring(at, end));
                }
                case 3 -> s.setLength(at);
                default ->
                    s.insert(
                            at,
                            pick(
                                    r,
                                    "\n[",
                                    "\n\"",
                                    "\n  - ",
                                    "]]",
                                    "{",
                                    "<![CDATA[",
                                    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
                                    "&e;",
                                    "\\",
                                    "\n\t",
                                    "${",
                                    "\u0000"));
            }
        }
        return s.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
