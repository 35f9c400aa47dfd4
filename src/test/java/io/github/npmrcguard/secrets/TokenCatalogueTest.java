package io.github.npmrcguard.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.testsupport.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCatalogueTest {
    private final TestTokens tokens = new TestTokens(42);
    private final TokenCatalogue catalogue = TokenCatalogue.get();

    @Test
    void npmTokenWithValidChecksumIsConfident() {
        String t = tokens.npm();
        TokenMatch m = catalogue.whole(t);
        assertNotNull(m);
        assertEquals(TokenFormat.NPM, m.format());
        assertTrue(m.checksumValid());
        assertTrue(m.confident());
    }

    @Test
    void npmTokenWithBrokenChecksumIsFoundButNotConfident() {
        TokenMatch m = catalogue.whole(tokens.npmBadChecksum());
        assertNotNull(m);
        assertFalse(m.checksumValid());
        assertFalse(m.confident());
    }

    @Test
    void checksumMatchesCredSweepersPublishedSample() {
        // CredSweeper's positive npm sample: these 30 characters carry the checksum 1Bscp5.
        assertEquals("1Bscp5", Base62Checksum.of("Alm0StFaK3t0kEN8uTval1DcRC32dc"));
        assertTrue(Base62Checksum.valid("Alm0StFaK3t0kEN8uTval1DcRC32dc" + "1Bscp5"));
        assertFalse(Base62Checksum.valid("Alm0StFaK3t0kEN8uTval1DcRC32dc" + "1Bscp6"));
    }

    @Test
    void findsEachFormatInsideALine() {
        List<String> all = List.of(
                tokens.npm(),
                tokens.githubClassic(),
                tokens.githubFineGrained(),
                tokens.gitlab(),
                tokens.gitlabJob(),
                tokens.jfrogApiKey(),
                tokens.jfrogReference(),
                tokens.jwt(),
                "ya29." + tokens.base62(40));
        for (String t : all) {
            List<TokenMatch> found = catalogue.find("# old token: " + t + " (rotated)");
            assertEquals(1, found.size(), "one match expected");
            assertEquals(t, found.get(0).in("# old token: " + t + " (rotated)"));
        }
    }

    @Test
    void newStatelessGitHubTokenWithDotsIsOneMatch() {
        String t = "gh" + "s_" + tokens.base62(20) + "." + tokens.base62(200) + "." + tokens.base62(43);
        TokenMatch m = catalogue.whole(t);
        assertNotNull(m);
        assertEquals(TokenFormat.GITHUB, m.format());
        assertTrue(m.confident());
    }

    @Test
    void tokenAtTheEndOfASentenceKeepsItsShape() {
        String t = tokens.githubClassic();
        List<TokenMatch> found = catalogue.find("see " + t + ".");
        assertEquals(1, found.size());
        assertEquals(t, found.get(0).in("see " + t + "."));
    }

    @Test
    void longerAlphanumericRunIsNotAnNpmToken() {
        assertTrue(catalogue.find("npm" + "_" + tokens.base62(50)).isEmpty());
    }

    @Test
    void ordinaryConfigHasNoTokens() {
        assertTrue(catalogue.find("registry=https://registry.npmjs.org/").isEmpty());
        assertTrue(catalogue
                .find("//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}")
                .isEmpty());
        assertTrue(catalogue
                .find("@acme:registry=https://gitlab.example.com/api/v4/projects/42/packages/npm/")
                .isEmpty());
        assertNull(catalogue.whole("${NPM_TOKEN}"));
    }

    @Test
    void fingerprintIsEightHexDigitsOfSha256() {
        // SHA-256("abc") = ba7816bf...
        assertEquals("ba7816bf", Fingerprint.of("abc"));
        assertTrue(Fingerprint.isFingerprint(Fingerprint.of(tokens.npm())));
        assertFalse(Fingerprint.isFingerprint("BA7816BF"));
    }
}
