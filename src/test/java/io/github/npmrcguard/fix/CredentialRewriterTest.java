package io.github.npmrcguard.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialRewriterTest {
    private final TestTokens tokens = new TestTokens(5);
    private final CredentialRewriter rewriter = new CredentialRewriter(new VariableNames(Map.of()));

    private String rewrite(FileKind kind, String text, String... secrets) {
        Set<String> fps = new java.util.HashSet<>();
        for (String s : secrets) {
            fps.add(Fingerprint.of(s));
        }
        CredentialRewriter.Result r = rewriter.rewrite(kind, text.getBytes(StandardCharsets.UTF_8), fps);
        assertNull(r.refusal(), r.refusal());
        return r.content() == null ? null : new String(r.content(), StandardCharsets.UTF_8);
    }

    @Test
    void crlfFileWithCommentsAndTwoTokensChangesOnlyTheTwoValues() {
        String a = tokens.npm();
        String b = tokens.githubClassic();
        String before = "; project registry config\r\nregistry=https://registry.npmjs.org/\r\n"
                + "//registry.npmjs.org/:_authToken = " + a + "   ; rotated monthly\r\n"
                + "@acme:registry=https://npm.pkg.github.com/\r\n"
                + "//npm.pkg.github.com/:_authToken=\"" + b + "\"\r\n"
                + "strict-ssl=true\r\n";
        String after = rewrite(FileKind.NPMRC, before, a, b);
        assertEquals(
                "; project registry config\r\nregistry=https://registry.npmjs.org/\r\n"
                        + "//registry.npmjs.org/:_authToken = ${NPM_TOKEN}   ; rotated monthly\r\n"
                        + "@acme:registry=https://npm.pkg.github.com/\r\n"
                        + "//npm.pkg.github.com/:_authToken=\"${NPM_PKG_GITHUB_COM_TOKEN}\"\r\n"
                        + "strict-ssl=true\r\n",
                after);
    }

    @Test
    void base64AuthAndPasswordGetTheirOwnVariables() {
        String auth = TestTokens.base64("u:" + tokens.opaque(20));
        String pw = TestTokens.base64(tokens.opaque(20));
        String after = rewrite(
                FileKind.NPMRC,
                "//nexus.acme.example/:_auth=" + auth + "\n//pkgs.example/feed/:username=x\n"
                        + "//pkgs.example/feed/:_password=" + pw + "\n",
                auth,
                pw);
        assertEquals(
                "//nexus.acme.example/:_auth=${NEXUS_ACME_EXAMPLE_AUTH}\n//pkgs.example/feed/:username=x\n"
                        + "//pkgs.example/feed/:_password=${PKGS_EXAMPLE_PASSWORD}\n",
                after);
    }

    @Test
    void commentedOutTokenIsReplacedInsideTheComment() {
        String t = tokens.npm();
        assertEquals(
                "# //registry.npmjs.org/:_authToken=${NPM_TOKEN}\n",
                rewrite(FileKind.NPMRC, "# //registry.npmjs.org/:_authToken=" + t + "\n", t));
    }

    @Test
    void yarnBerryValuesBecomeTheUnsetSafePlaceholder() {
        String a = tokens.opaque(30);
        String b = tokens.opaque(30);
        String before = "npmScopes:\n  acme:\n    npmAuthToken: " + a + "  # set by hand\n"
                + "npmRegistries:\n  \"//npm.acme.example\":\n    npmAuthIdent: 'ci:" + b + "'\n";
        // The ident's secret is the whole value.
        String after = rewrite(FileKind.YARNRC_YML, before, a, "ci:" + b);
        assertEquals(
                "npmScopes:\n  acme:\n    npmAuthToken: \"${ACME_NPM_TOKEN:-}\"  # set by hand\n"
                        + "npmRegistries:\n  \"//npm.acme.example\":\n    npmAuthIdent: '${NPM_ACME_EXAMPLE_AUTH:-}'\n",
                after);
    }

    @Test
    void bunfigTokenInAnInlineTable() {
        String t = tokens.opaque(30);
        String before = "[install.scopes]\nacme = { token = \"" + t + "\", url = \"https://r.example/\" }\n";
        // The scope's registry is in the table, so the variable is that registry's, as generate names it.
        assertEquals(
                "[install.scopes]\nacme = { token = \"$R_EXAMPLE_TOKEN\", url = \"https://r.example/\" }\n",
                rewrite(FileKind.BUNFIG_TOML, before, t));
    }

    @Test
    void yarnClassicQuotedValue() {
        String t = tokens.npm();
        assertEquals(
                "\"//registry.npmjs.org/:_authToken\" \"${NPM_TOKEN}\"\nalways-auth true\n",
                rewrite(FileKind.YARNRC, "\"//registry.npmjs.org/:_authToken\" \"" + t + "\"\nalways-auth true\n", t));
    }

    @Test
    void utf16FileWithBomKeepsItsEncoding() {
        String t = tokens.npm();
        String text = "//registry.npmjs.org/:_authToken=" + t + "\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] content = new byte[body.length + 2];
        content[0] = (byte) 0xFF;
        content[1] = (byte) 0xFE;
        System.arraycopy(body, 0, content, 2, body.length);
        CredentialRewriter.Result r = rewriter.rewrite(FileKind.NPMRC, content, Set.of(Fingerprint.of(t)));
        byte[] expectedBody = "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] expected = new byte[expectedBody.length + 2];
        expected[0] = (byte) 0xFF;
        expected[1] = (byte) 0xFE;
        System.arraycopy(expectedBody, 0, expected, 2, expectedBody.length);
        assertArrayEquals(expected, r.content());
        assertEquals(List.of(new CredentialRewriter.Edit(1, Fingerprint.of(t), "${NPM_TOKEN}")), r.edits());
    }

    @Test
    void invalidUtf8IsLeftAloneWithAReason() {
        String value = "abc\u00e9" + "secret";
        byte[] content = ("//r.example/:_authToken=" + value + "\n").getBytes(StandardCharsets.ISO_8859_1);
        CredentialRewriter.Result r =
                rewriter.rewrite(FileKind.NPMRC, content, Set.of(Fingerprint.of("abc\uFFFDsecret")));
        assertNull(r.content());
        assertNotNull(r.refusal());
    }

    @Test
    void valuesOfOtherFingerprintsAndPlaceholdersAreUntouched() {
        String t = tokens.npm();
        String text = "//a.example/:_authToken=${A_TOKEN}\n//b.example/:_authToken=" + t + "\n";
        assertNull(rewrite(FileKind.NPMRC, text, "some-other-secret"));
    }

    @Test
    void aSecondRunChangesNothing() {
        String t = tokens.npm();
        String once = rewrite(FileKind.NPMRC, "//registry.npmjs.org/:_authToken=" + t + "\n", t);
        assertNull(rewrite(FileKind.NPMRC, once, t));
    }
}
