package io.github.npmrcguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
