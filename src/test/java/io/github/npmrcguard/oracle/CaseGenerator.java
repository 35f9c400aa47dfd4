package io.github.npmrcguard.oracle;

import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Config cases from a grammar of what varies: the file kind; key forms (nerf darts with and without scheme,
 * port, trailing slash, case, scope, section, array, quotes, comments, duplicates); value forms (every
 * placeholder spelling, fallbacks, quotes, escapes, inline comments, stand-ins, opaque and formatted tokens);
 * line and encoding forms (CRLF, CR, U+2028/U+2029, BOM, trailing spaces); which variables are set. The same
 * seed gives the same cases; the secrets are made at run time from the seed, never committed.
 */
public final class CaseGenerator {
    static final String X = "NPM_TOKEN";
    static final String Y = "OTHER_TOKEN";
    private static final String HOST = "127.0.0.1:" + OracleCase.PORT;
    private static final String USER = "bob";
    private static final List<String> STAND_INS = List.of(
            "YOUR_NPM_TOKEN",
            "PASTE_TOKEN_HERE",
            "<your-token>",
            "xxxxxxxxxxxxxxxxxxxxxxxx",
            "00000000-0000-0000-0000-000000000000",
            "npm" + "_" + "x".repeat(36),
            "changeme-token-here");

    private final Random random;
    private final TestTokens tokens;

    public CaseGenerator(long seed) {
        this.random = new Random(seed);
        this.tokens = new TestTokens(seed * 31 + 7);
    }

    /** The first {@code n} cases of this seed. */
    public List<OracleCase> generate(int n) {
        List<OracleCase> cases = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cases.add(next(i));
        }
        return cases;
    }

    /**
     * One hand-made case for each kind of disagreement issue 14 names (its minimal examples), numbered from
     * {@code firstId}: the sample holds them whatever the seed draws.
     */
    public List<OracleCase> pinned(int firstId) {
        String reg = "registry=http://" + HOST + "/\n";
        String scope = "@sc:registry=http://" + HOST + "/\n";
        String nerf = "//" + HOST + "/:";
        List<OracleCase> cases = new ArrayList<>();
        String a = tokens.opaque(32);
        cases.add(pin(
                firstId,
                ".npmrc",
                reg + scope + "http://" + HOST + "/:_authToken=" + a + "\n",
                true,
                List.of(a),
                Map.of(),
                "key=scheme-http",
                "value=literal",
                "pinned"));
        String b = tokens.opaque(32);
        cases.add(pin(
                firstId + 1,
                ".npmrc",
                reg + scope + "https://" + HOST + "/:_authToken=" + b + "\n",
                true,
                List.of(b),
                Map.of(),
                "key=scheme-https",
                "value=literal",
                "pinned"));
        String c = tokens.opaque(20);
        cases.add(pin(
                firstId + 2,
                ".npmrc",
                reg + nerf + "username=" + USER + "\n" + nerf + "_password=" + b64(c)
                        + " ; note\u2028always-auth=true\n",
                false,
                List.of(c, b64(c)),
                Map.of(),
                "line=u2028",
                "value=literal",
                "auth=_password",
                "pinned"));
        Map<String, String> set = Map.of(X, "ev" + tokens.base62(22), Y, "ew" + tokens.base62(22));
        cases.add(pin(
                firstId + 3,
                ".npmrc",
                reg + nerf + "_authToken=${" + X + "\n",
                true,
                List.of(),
                set,
                "value=unterminated",
                "pinned"));
        cases.add(pin(
                firstId + 4,
                ".npmrc",
                reg + nerf + "_authToken=${" + X + ":-${" + Y + "}}\n",
                true,
                List.of(),
                set,
                "value=nested",
                "pinned"));
        cases.add(pin(
                firstId + 5,
                ".yarnrc.yml",
                "npmRegistryServer: \"http://" + HOST + "\"\nnpmAlwaysAuth: true\n" + "npmAuthToken: \"${" + X + ":-${"
                        + Y + "}}\"\n",
                false,
                List.of(),
                set,
                "value=nested",
                "pinned"));
        cases.add(pin(
                firstId + 6,
                ".npmrc",
                reg + nerf + "_authToken[]=${" + X + "}\n",
                true,
                List.of(),
                set,
                "key=array",
                "value=braced",
                "pinned"));
        cases.add(pin(
                firstId + 7,
                ".npmrc",
                reg + nerf + "_authToken=\"${" + X + "}\" # note\n",
                true,
                List.of(),
                set,
                "quote=double",
                "comment=hash",
                "value=braced",
                "pinned"));
        cases.add(pin(
                firstId + 8,
                ".npmrc",
                reg + nerf + "_authToken=\"${" + X + "}\n",
                true,
                List.of(),
                set,
                "quote=unterminated",
                "value=braced",
                "pinned"));
        cases.add(pin(
                firstId + 9,
                ".yarnrc",
                "registry \"http://" + USER + ":${" + X + "}@" + HOST + "/\"\n" + "always-auth true\n",
                false,
                List.of(),
                set,
                "place=userinfo",
                "value=braced",
                "pinned"));
        String nil = "00000000-0000-0000-0000-000000000000";
        cases.add(new OracleCase(
                firstId + 10,
                ".npmrc",
                reg + nerf + "_authToken=" + nil + "\n",
                Map.of(),
                true,
                List.of(),
                List.of(nil),
                List.of(),
                Set.of("value=stand-in", "pinned")));
        // two kinds the oracle found that issue 14 does not name
        cases.add(pin(
                firstId + 11,
                ".yarnrc.yml",
                "npmRegistryServer: \"http://" + HOST + "\"\nnpmAlwaysAuth: true\n" + "npmAuthIdent: \"" + USER + ":${"
                        + X + "}\"\n",
                false,
                List.of(),
                set,
                "auth=npmAuthIdent",
                "value=braced",
                "pinned"));
        String t = tokens.opaque(32);
        cases.add(pin(
                firstId + 12,
                "bunfig.toml",
                "[install]\nregistry = { url = \"http://" + HOST + "/\", token = \"${" + X + ":-" + t + "}\" }\n",
                false,
                List.of(t),
                Map.of(),
                "value=fallback-lit",
                "pinned"));
        String x = "x".repeat(24);
        cases.add(new OracleCase(
                firstId + 13,
                ".npmrc",
                reg.replace('\n', '\r') + "https://" + HOST + "/:_auth=" + x + "\r",
                Map.of(),
                false,
                List.of(),
                List.of(x),
                List.of(),
                Set.of("eol=cr", "key=scheme-https", "auth=_auth", "value=stand-in", "pinned")));
        cases.add(pin(
                firstId + 14,
                "bunfig.toml",
                "[install]\nregistry = \"http://" + USER + ":${" + X + "}@" + HOST + "/\"\n",
                false,
                List.of(),
                set,
                "place=userinfo",
                "value=braced",
                "pinned"));
        return cases;
    }

    private static OracleCase pin(
            int id,
            String file,
            String text,
            boolean scoped,
            List<String> literals,
            Map<String, String> env,
            String... tags) {
        return new OracleCase(id, file, text, env, scoped, literals, List.of(), List.of(USER), Set.of(tags));
    }

    private OracleCase next(int id) {
        Draft d = new Draft();
        int kind = random.nextInt(100);
        String file;
        if (kind < 66) {
            file = ".npmrc";
            npmrc(d);
        } else if (kind < 82) {
            file = ".yarnrc.yml";
            yarnrcYml(d);
        } else if (kind < 91) {
            file = "bunfig.toml";
            bunfig(d);
        } else {
            file = ".yarnrc";
            yarnrc(d);
        }
        return new OracleCase(
                id,
                file,
                d.text.toString(),
                Map.copyOf(d.env),
                d.scoped,
                List.copyOf(d.literals),
                List.copyOf(d.standIns),
                List.copyOf(d.plain),
                Set.copyOf(d.tags));
    }

    /** What one case is being made of. */
    private final class Draft {
        final StringBuilder text = new StringBuilder();
        final Map<String, String> env = new LinkedHashMap<>();
        final List<String> literals = new ArrayList<>();
        final List<String> standIns = new ArrayList<>();
        final List<String> plain = new ArrayList<>();
        final Set<String> tags = new LinkedHashSet<>();
        boolean scoped;
        /** Whether the value is base64 of the secret ({@code _password}) or of {@code user:secret} ({@code _auth}). */
        String encoding = "none";

        void tag(String t) {
            tags.add(t);
        }

        /** A committed secret, in the file's form; every form a client could send is recorded. */
        String literal() {
            String secret =
                    switch (random.nextInt(9)) {
                        case 0 -> tokens.npm();
                        case 1 -> tokens.npmBadChecksum();
                        case 2 -> tokens.githubClassic();
                        case 3 -> tokens.gitlab();
                        case 4 -> tokens.uuid();
                        case 5 -> tokens.jwt();
                        case 6 -> tokens.opaque(12 + random.nextInt(8)); // a short password
                        default -> tokens.opaque(24 + random.nextInt(24));
                    };
            literals.add(secret);
            return encode(secret);
        }

        String encode(String secret) {
            String out =
                    switch (encoding) {
                        case "password" -> b64(secret);
                        case "auth" -> b64(USER + ":" + secret);
                        default -> secret;
                    };
            if (!out.equals(secret)) {
                literals.add(out);
            }
            return out;
        }

        String standIn() {
            String s = STAND_INS.get(random.nextInt(STAND_INS.size()));
            standIns.add(s);
            return s;
        }

        /** Sets the placeholder variables: set, unset or empty; values in the form the key needs. */
        void variables() {
            int x = random.nextInt(10);
            if (x < 6) {
                env.put(X, encodeEnv("ev" + tokens.base62(22)));
                tag("env=X-set");
            } else if (x < 9) {
                tag("env=X-unset");
            } else {
                env.put(X, "");
                tag("env=X-empty");
            }
            if (random.nextBoolean()) {
                env.put(Y, encodeEnv("ew" + tokens.base62(22)));
            }
        }

        String encodeEnv(String value) {
            return switch (encoding) {
                case "password" -> b64(value);
                case "auth" -> b64(USER + ":" + value);
                default -> value;
            };
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private int pick(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    // ---- .npmrc ----

    private static final String[] NPM_VALUES = {
        "braced",
        "optional",
        "fallback-empty",
        "fallback-lit",
        "fallback-lit-dash",
        "nested",
        "bare",
        "actions",
        "percent",
        "unterminated",
        "literal",
        "stand-in",
        "prefix-lit",
        "concat",
        "escaped-hash-lit"
    };

    private String npmValue(Draft d, String form) {
        return switch (form) {
            case "braced" -> "${" + X + "}";
            case "optional" -> "${" + X + "?}";
            case "fallback-empty" -> "${" + X + ":-}";
            case "fallback-lit" -> "${" + X + ":-" + d.literal() + "}";
            case "fallback-lit-dash" -> "${" + X + "-" + d.literal() + "}";
            case "nested" -> "${" + X + ":-${" + Y + "}}";
            case "bare" -> "$" + X;
            case "actions" -> "${{ secrets." + X + " }}";
            case "percent" -> "%" + X + "%";
            case "unterminated" -> "${" + X;
            case "literal" -> d.literal();
            case "stand-in" -> d.standIn();
            case "prefix-lit" -> {
                String p = tokens.opaque(12);
                d.literals.add(p);
                yield p + "${" + X + "}";
            }
            case "concat" -> "${" + X + "}${" + Y + "}";
            case "escaped-hash-lit" -> {
                String a = tokens.opaque(10);
                String b = tokens.opaque(10);
                d.literals.add(a + "#" + b);
                d.literals.add(a + "\\#" + b);
                yield a + "\\#" + b;
            }
            default -> throw new IllegalStateException(form);
        };
    }

    private void npmrc(Draft d) {
        int auth = pick(6, 2, 2);
        d.encoding = switch (auth) {
            case 1 -> "auth";
            case 2 -> "password";
            default -> "none";
        };
        d.tag("auth=" + (auth == 0 ? "_authToken" : auth == 1 ? "_auth" : "_password"));
        d.variables();
        String valueForm = NPM_VALUES[pick(14, 5, 4, 6, 3, 6, 5, 3, 3, 5, 14, 6, 3, 3, 3)];
        d.tag("value=" + valueForm);
        String value = npmValue(d, valueForm);

        // quotes, comments, trailing space
        int quote = pick(70, 14, 10, 6);
        boolean escapedLiteral = false;
        switch (quote) {
            case 1 -> {
                if (valueForm.equals("literal") && random.nextInt(3) == 0) {
                    // a JSON escape hides the first character from raw-text search
                    String raw = String.format("\\u%04x", (int) value.charAt(0)) + value.substring(1);
                    d.literals.add(raw);
                    value = raw;
                    escapedLiteral = true;
                }
                value = "\"" + value + "\"";
                d.tag("quote=double");
            }
            case 2 -> {
                value = "'" + value + "'";
                d.tag("quote=single");
            }
            case 3 -> {
                value = "\"" + value;
                d.tag("quote=unterminated");
            }
            default -> d.tag("quote=none");
        }
        if (escapedLiteral) {
            d.tag("escape=json");
        }
        switch (pick(75, 9, 9, 4)) {
            case 1 -> {
                value += " # note";
                d.tag("comment=hash");
            }
            case 2 -> {
                value += " ; note";
                d.tag("comment=semicolon");
            }
            case 3 -> {
                value += "#tail";
                d.tag("comment=attached");
            }
            default -> {}
        }
        if (random.nextInt(10) == 0) {
            value += "  ";
            d.tag("trailing=spaces");
        }

        // which registry, which key
        String[] keyForms = {
            "nerf",
            "no-slash",
            "scheme-http",
            "scheme-https",
            "no-port",
            "localhost",
            "path",
            "host-key-path-registry",
            "top-level",
            "upper-case",
            "section",
            "array",
            "quoted-key",
            "commented",
            "spaced",
            "duplicate"
        };
        String keyForm = keyForms[pick(30, 5, 6, 6, 3, 3, 5, 4, 4, 3, 3, 5, 3, 6, 3, 5)];
        d.tag("key=" + keyForm);
        boolean scopeRegistry = random.nextInt(100) < 35;
        d.scoped = scopeRegistry ? random.nextBoolean() : random.nextInt(10) < 3;
        d.tag(d.scoped ? "request=scoped" : "request=unscoped");
        String registryPath = keyForm.equals("path") || keyForm.equals("host-key-path-registry") ? "/npm/" : "/";
        String nerf =
                switch (keyForm) {
                    case "no-slash" -> "//" + HOST;
                    case "scheme-http" -> "http://" + HOST + "/";
                    case "scheme-https" -> "https://" + HOST + "/";
                    case "no-port" -> "//127.0.0.1/";
                    case "localhost" -> "//localhost:" + OracleCase.PORT + "/";
                    case "path" -> "//" + HOST + "/npm/";
                    default -> "//" + HOST + "/";
                };
        String authName =
                switch (auth) {
                    case 1 -> "_auth";
                    case 2 -> "_password";
                    default -> "_authToken";
                };
        if (keyForm.equals("upper-case")) {
            authName = authName.toUpperCase(java.util.Locale.ROOT);
        }
        String key = keyForm.equals("top-level") ? authName : nerf + ":" + authName;
        if (keyForm.equals("array")) {
            key += "[]";
        }
        if (keyForm.equals("quoted-key")) {
            key = "\"" + key + "\"";
        }
        List<String> lines = new ArrayList<>();
        lines.add("registry=http://" + HOST + registryPath);
        if (scopeRegistry) {
            lines.add("@sc:registry=http://" + HOST + registryPath);
            d.tag("scope-registry");
        }
        if (keyForm.equals("section")) {
            lines.add("[section]");
        }
        if (auth == 2) {
            String userKey = keyForm.equals("top-level") ? "username" : nerf + ":username";
            lines.add(userKey + "=" + USER);
            d.plain.add(USER);
        }
        String authLine = key + (keyForm.equals("spaced") ? " = " : "=") + value;
        if (keyForm.equals("commented")) {
            authLine = (random.nextBoolean() ? "#" : "  ;") + authLine;
        }
        if (keyForm.equals("duplicate")) {
            // the other line: a literal first and the value last, or the other way round
            String lit = d.literal();
            String dup = key + "=" + lit;
            if (random.nextBoolean()) {
                lines.add(dup);
                lines.add(authLine);
                d.tag("duplicate=literal-first");
            } else {
                lines.add(authLine);
                lines.add(dup);
                d.tag("duplicate=literal-last");
            }
        } else {
            lines.add(authLine);
        }
        if (keyForm.equals("array") && random.nextBoolean()) {
            lines.add(key + "=" + npmValue(d, "braced"));
            d.tag("array=two");
        }
        if (random.nextInt(4) == 0) {
            lines.add(0, "# project registry");
        }
        joinLines(d, lines, lines.indexOf(authLine));
    }

    /** Joins lines with the line forms of this case; {@code auth} is the index of the auth line, or -1. */
    private void joinLines(Draft d, List<String> lines, int auth) {
        String eol =
                switch (pick(60, 20, 5)) {
                    case 1 -> "\r\n";
                    case 2 -> "\r";
                    default -> "\n";
                };
        d.tag(eol.equals("\n") ? "eol=lf" : eol.equals("\r\n") ? "eol=crlf" : "eol=cr");
        if (random.nextInt(10) == 0) {
            d.text.append('\uFEFF');
            d.tag("bom");
        }
        String sep = null;
        if (auth >= 0 && random.nextInt(8) == 0) {
            sep = random.nextBoolean() ? "\u2028" : "\u2029";
            d.tag(sep.equals("\u2028") ? "line=u2028" : "line=u2029");
            if (auth == lines.size() - 1) {
                lines.add("always-auth=true");
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            d.text.append(lines.get(i));
            d.text.append(i == auth && sep != null ? sep : eol);
        }
    }

    // ---- .yarnrc.yml ----

    private void yarnrcYml(Draft d) {
        int place = pick(4, 2, 3, 2);
        d.encoding = "none";
        d.variables();
        String[] forms = {
            "braced",
            "fallback-empty",
            "fallback-lit",
            "fallback-lit-dash",
            "nested",
            "optional",
            "bare",
            "literal",
            "stand-in",
            "concat"
        };
        String form = forms[pick(14, 8, 8, 4, 8, 3, 4, 14, 6, 3)];
        d.tag("value=" + form);
        String value;
        if (place == 1) {
            // npmAuthIdent: user:password, sent base64'd
            d.plain.add(USER);
            value = USER + ":" + npmValue(d, form);
            d.tag("auth=npmAuthIdent");
        } else {
            value = npmValue(d, form);
            d.tag("auth=npmAuthToken");
        }
        switch (pick(5, 3, 2)) {
            case 1 -> {
                value = "'" + value + "'";
                d.tag("quote=single");
            }
            case 2 -> d.tag("quote=none");
            default -> {
                value = "\"" + value.replace("\\", "\\\\") + "\"";
                d.tag("quote=double");
            }
        }
        if (random.nextInt(8) == 0) {
            value += " # note";
            d.tag("comment=hash");
        }
        String authKey = place == 1 ? "npmAuthIdent" : "npmAuthToken";
        boolean always = random.nextInt(10) < 7;
        d.scoped = place == 2 ? random.nextInt(10) < 7 : random.nextInt(10) < 3;
        d.tag(d.scoped ? "request=scoped" : "request=unscoped");
        List<String> lines = new ArrayList<>();
        lines.add("npmRegistryServer: \"http://" + HOST + "\"");
        if (always) {
            lines.add("npmAlwaysAuth: true");
            d.tag("always-auth");
        }
        int auth;
        switch (place) {
            case 2 -> {
                d.tag("place=scope");
                lines.add("npmScopes:");
                lines.add("  sc:");
                lines.add("    npmRegistryServer: \"http://" + HOST + "\"");
                auth = lines.size();
                lines.add("    " + authKey + ": " + value);
            }
            case 3 -> {
                boolean scheme = random.nextBoolean();
                d.tag(scheme ? "place=registries-scheme" : "place=registries");
                lines.add("npmRegistries:");
                lines.add("  \"" + (scheme ? "http:" : "") + "//" + HOST + "\":");
                auth = lines.size();
                lines.add("    " + authKey + ": " + value);
            }
            default -> {
                d.tag("place=top");
                auth = lines.size();
                lines.add(authKey + ": " + value);
            }
        }
        joinLines(d, lines, -1);
    }

    // ---- bunfig.toml ----

    private void bunfig(Draft d) {
        d.variables();
        String[] forms = {"bare", "braced", "literal", "stand-in", "fallback-lit", "optional"};
        String form = forms[pick(12, 8, 12, 5, 3, 2)];
        d.tag("value=" + form);
        String v = npmValue(d, form);
        boolean single = random.nextInt(6) == 0;
        String q = single ? "'" : "\"";
        d.tag(single ? "quote=single" : "quote=double");
        String url = "http://" + HOST + "/";
        List<String> lines = new ArrayList<>();
        lines.add("[install]");
        switch (pick(5, 2, 3, 2)) {
            case 1 -> {
                d.tag("place=userinfo");
                d.plain.add(USER);
                lines.add("registry = " + q + "http://" + USER + ":" + v + "@" + HOST + "/" + q);
                d.scoped = random.nextInt(10) < 3;
            }
            case 2 -> {
                d.tag("place=scope");
                lines.add("registry = \"" + url + "\"");
                lines.add("");
                lines.add("[install.scopes]");
                lines.add("sc = { url = \"" + url + "\", token = " + q + v + q + " }");
                d.scoped = random.nextInt(10) < 7;
            }
            case 3 -> {
                d.tag("place=password");
                d.plain.add(USER);
                lines.add("registry = { url = \"" + url + "\", username = \"" + USER + "\", password = " + q + v + q
                        + " }");
                d.scoped = random.nextInt(10) < 3;
            }
            default -> {
                d.tag("place=token");
                lines.add("registry = { url = \"" + url + "\", token = " + q + v + q + " }");
                d.scoped = random.nextInt(10) < 3;
            }
        }
        d.tag(d.scoped ? "request=scoped" : "request=unscoped");
        joinLines(d, lines, -1);
    }

    // ---- .yarnrc (yarn 1) ----

    private void yarnrc(Draft d) {
        d.variables();
        String[] forms = {"braced", "bare", "literal", "stand-in"};
        String form = forms[pick(8, 3, 8, 3)];
        d.tag("value=" + form);
        String v = npmValue(d, form);
        List<String> lines = new ArrayList<>();
        d.scoped = random.nextInt(10) < 3;
        d.tag(d.scoped ? "request=scoped" : "request=unscoped");
        if (random.nextBoolean()) {
            d.tag("place=userinfo");
            d.plain.add(USER);
            lines.add("registry \"http://" + USER + ":" + v + "@" + HOST + "/\"");
        } else {
            d.tag("place=auth-key");
            lines.add("registry \"http://" + HOST + "/\"");
            lines.add("\"//" + HOST + "/:_authToken\" \"" + v + "\"");
        }
        if (random.nextBoolean()) {
            lines.add("always-auth true");
            d.tag("always-auth");
        }
        joinLines(d, lines, -1);
    }
}
