package io.github.npmrcguard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

class RegistrySpecTest {

    @Test
    void unscopedRegistryKeys() {
        RegistrySpec r = new RegistrySpec("https://Registry.npmjs.org:443", null, null);
        assertEquals("https://registry.npmjs.org/", r.url());
        assertEquals("", r.scope());
        assertFalse(r.isScoped());
        assertEquals("NPM_TOKEN", r.tokenVariable());
        assertEquals("registry", r.registryKey());
        assertEquals("//registry.npmjs.org/:_authToken", r.authKey());
    }

    @Test
    void scopeIsLowerCasedAndGetsItsAt() {
        RegistrySpec r = new RegistrySpec("https://npm.pkg.github.com", "Acme", "GITHUB_TOKEN");
        assertEquals("@acme", r.scope());
        assertEquals("acme", r.scopeName());
        assertEquals("@acme:registry", r.registryKey());
        assertEquals("//npm.pkg.github.com/:_authToken", r.authKey());
        assertEquals("@acme", new RegistrySpec("https://h.example/", "@acme", null).scope());
    }

    @Test
    void refusesBadScopesAndVariables() {
        assertThrows(IllegalArgumentException.class, () -> new RegistrySpec("https://h.example/", "@", null));
        assertThrows(IllegalArgumentException.class, () -> new RegistrySpec("https://h.example/", "a b", null));
        assertThrows(IllegalArgumentException.class, () -> new RegistrySpec("https://h.example/", "", "1TOKEN"));
        assertThrows(IllegalArgumentException.class, () -> new RegistrySpec("https://h.example/", "", "NPM-TOKEN"));
        assertThrows(IllegalArgumentException.class, () -> new RegistrySpec("https://h.example/", "", "${NPM_TOKEN}"));
    }

    @Test
    void aTokenPastedAsTheVariableNameIsRefusedWithoutRepeatingIt() {
        String token = new TestTokens(5).npm();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new RegistrySpec("https://registry.npmjs.org/", "", token));
        assertTrue(e.getMessage().contains("looks like a token"), e.getMessage());
        TestTokens.assertNoFragment(e.getMessage(), token, "the message");
    }
}
