package io.github.npmrcguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

class SafeTextTest {
    private final TestTokens tokens = new TestTokens(3);

    @Test
    void ordinaryKeysArePrintedAsTheyAre() {
        assertEquals("//registry.npmjs.org/:_authToken", SafeText.key("//registry.npmjs.org/:_authToken"));
        assertEquals("npmScopes.acme.npmAuthToken", SafeText.key("npmScopes.acme.npmAuthToken"));
        assertEquals("_auth", SafeText.key("_auth"));
    }

    @Test
    void textAfterACredentialNameIsCutOff() {
        // Typed with ':' or '-' where '=' belongs: what follows may be the secret.
        assertEquals("//r.example/:_authToken …", SafeText.key("//r.example/:_authToken:abc123secret"));
        assertEquals("_password …", SafeText.key("_password-s3cr3t"));
    }

    @Test
    void userInfoTokensAndWhitespaceTailsAreMasked() {
        String t = tokens.npm();
        assertEquals("//***@r.example/:_authToken", SafeText.key("//u:pw@r.example/:_authToken"));
        assertEquals("//r.example/:_authToken …", SafeText.key("//r.example/:_authToken " + t));
        assertEquals("<npm access token>", SafeText.key(t));
    }

    @Test
    void ordinaryHostsPathsAndScopesArePrintedAsTheyAre() {
        for (String key : new String[] {
            "//127.0.0.1:4873/:_authToken",
            "//[::1]:4873/:_authToken",
            "//npm.pkg.github.com/:_authToken",
            "//nexus.example.com/repository/npm-private/:_authToken",
            "//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken",
            "//localhost:4873:_authToken",
            "//r.example/:@acme:_authToken",
            "@acme:registry",
            "@my-org.web~x:registry",
            "npmScopes.acme.npmAuthToken",
            "npmScopes.acme",
            "npmRegistries.https://npm.example.com.npmAuthToken",
            "npmRegistries.//npm.example.com/repo/.npmAuthIdent",
            "install.scopes.acme.token",
            "install.scopes.@acme.url",
            "install.registry.token",
            "init-author-name",
            "nodeLinker"
        }) {
            assertEquals(key, SafeText.key(key));
        }
        assertEquals(
                "frontend-maven-plugin environmentVariables/NPM_TOKEN",
                SafeText.pomKey("frontend-maven-plugin environmentVariables/NPM_TOKEN"));
        assertEquals(
                "exec-maven-plugin environmentVariables/npm_config_//r.example/:_authToken",
                SafeText.pomKey("exec-maven-plugin environmentVariables/npm_config_//r.example/:_authToken"));
        assertEquals("properties/npm.token", SafeText.pomKey("properties/npm.token"));
    }

    @Test
    void aSecretTypedWhereAHostPathOrScopeGoesIsReplacedAndTheRestOfTheKeyKept() {
        // Short, and with the separators that passwords have: nothing about it looks like a token.
        String s = "Q" + tokens.opaque(6) + "-x." + tokens.opaque(5) + "~";
        assertMasked("//<host not shown>/:_authToken", "//" + s + "/:_authToken", s);
        assertMasked("//***@<host not shown>/:_authToken", "//u@" + s + "/:_authToken", s);
        assertMasked("//r.example/<path not shown>/:_authToken", "//r.example/team/" + s + "/:_authToken", s);
        assertMasked("@<scope not shown>:registry", "@" + s + ":registry", s);
        assertMasked("npmScopes.<scope not shown>.npmAuthToken", "npmScopes." + s + ".npmAuthToken", s);
        assertMasked("install.scopes.<scope not shown>.token", "install.scopes." + s + ".token", s);
        assertMasked(
                "npmRegistries.https://<host not shown>.npmAuthToken",
                "npmRegistries.https://" + s + ".npmAuthToken",
                s);
        assertMasked("//r.example/:@<scope not shown>:_authToken", "//r.example/:@" + s + ":_authToken", s);
        String lower = "ab!cd*ef+gh=ij";
        assertMasked("//<host not shown>/:_authToken", "//" + lower + "/:_authToken", lower);
        assertMasked("<name not shown>", lower, lower);
        assertMasked("properties/<name not shown>", "properties/" + "Zq" + s, s);
        // A dotted name is one name: the lower-case part of a secret with a dot is not printed either.
        String dotted = "Zq" + tokens.opaque(4) + ".abcdefghij";
        assertMasked("<name not shown>:registry", dotted + ":registry", dotted);
    }

    @Test
    void hostsAndScopesAreOnlyPrintedInTheShapeNpmGivesThem() {
        // npm lower-cases the host of a nerf dart, so an upper-case one never names a registry.
        assertEquals("//<host not shown>/:_authToken", SafeText.key("//Npm.Example.com/:_authToken"));
        assertEquals("//<host not shown>/:_authToken", SafeText.key("//-r.example/:_authToken"));
        assertEquals("@<scope not shown>:registry", SafeText.key("@Acme:registry"));
        assertEquals("@<scope not shown>:registry", SafeText.key("@.acme:registry"));
        assertTrue(SafeText.isPrintableHost("10.0.0.7:8081"));
        assertTrue(SafeText.isPrintableHost("[fe80::1]"));
        assertFalse(SafeText.isPrintableHost("r.example:port"));
        assertFalse(SafeText.isPrintableScope("_acme"));
        assertFalse(SafeText.isPrintableScope("a".repeat(215)));
    }

    private static void assertMasked(String expected, String rawKey, String secret) {
        String printed = SafeText.key(rawKey);
        TestTokens.assertNoFragment(printed, secret, "the printed key");
        assertEquals(expected, printed);
    }
}
