package io.github.npmrcguard.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The auth key prefix as npm-registry-fetch derives it from a registry URL (research note 3.3). */
class NerfDartTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://registry.npmjs.org/, //registry.npmjs.org/",
        "https://registry.npmjs.org, //registry.npmjs.org/",
        "https://Registry.NPMjs.org:443/, //registry.npmjs.org/",
        "HTTPS://REGISTRY.NPMJS.ORG, //registry.npmjs.org/",
        "http://127.0.0.1:4873, //127.0.0.1:4873/",
        "http://127.0.0.1:80/, //127.0.0.1/",
        "http://h.example:443/, //h.example:443/",
        "https://h.example:80/, //h.example:80/",
        "https://h.example:8443/npm, //h.example:8443/npm/",
        "https://gitlab.example.com/api/v4/projects/42/packages/npm/, //gitlab.example.com/api/v4/projects/42/packages/npm/",
        "https://nexus.example.com/repository/NPM-Private, //nexus.example.com/repository/NPM-Private/",
        "http://[::1]:4873, //[::1]:4873/",
        "https://[2001:DB8::1]/npm/, //[2001:db8::1]/npm/",
        "https://h.example/a/./b/../c/, //h.example/a/c/",
        "  https://h.example/  , //h.example/",
    })
    void derivesTheKeyNpmMatches(String url, String expected) {
        assertEquals(expected, NerfDart.of(url));
    }

    @Test
    void normalisedUrlKeepsTheSchemeAndForcesTheSlash() {
        assertEquals("https://registry.npmjs.org/", NerfDart.normalizedUrl("HTTPS://Registry.npmjs.org:443"));
        assertEquals("http://[::1]:4873/", NerfDart.normalizedUrl("http://[::1]:4873"));
        assertEquals("https://h.example/npm/", NerfDart.normalizedUrl("https://h.example/npm"));
    }

    @Test
    void userInfoIsRefusedWithoutRepeatingIt() {
        String password = new TestTokens(11).opaque(24);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> NerfDart.of("https://ci-user:" + password + "@npm.example.com/"));
        assertTrue(e.getMessage().contains("user info"), e.getMessage());
        assertFalse(e.getMessage().contains("ci-user"), e.getMessage());
        TestTokens.assertNoFragment(e.getMessage(), password, "the message");
        assertThrows(IllegalArgumentException.class, () -> NerfDart.of("https://token@npm.example.com/"));
    }

    @ParameterizedTest
    @CsvSource({
        "ftp://h.example/",
        "//h.example/",
        "h.example",
        "https:///path",
        "https://h.example/?token=x",
        "https://h.example/#frag",
        "'   '",
        "https://h.example/a;b/",
        "https://h.example/a=b/"
    })
    void refusesWhatIsNoRegistryUrl(String url) {
        assertThrows(IllegalArgumentException.class, () -> NerfDart.of(url));
    }

    @Test
    void invalidUrlMessageDoesNotQuoteIt() {
        String secretish = new TestTokens(12).opaque(30);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> NerfDart.of("https://h.example/" + secretish + " x"));
        TestTokens.assertNoFragment(e.getMessage(), secretish, "the message");
    }
}
