package io.github.npmrcguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.testsupport.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretTest {
    private final TestTokens tokens = new TestTokens(20261206L);

    @Test
    void aSecretNeverShowsItselfAndBecomesOnlyAFingerprint() {
        String token = tokens.npm();
        Secret secret = Secret.of(token);
        assertFalse(secret.toString().contains(token.substring(4, 12)));
        FindingSink sink = new FindingSink("a/.npmrc", FileKind.NPMRC, new RenderedKeys());
        sink.report(RuleCatalogue.UNPARSABLE_FILE, 3, "what", "//r.example/:_authToken", secret);
        List<Finding> findings = sink.findings();
        assertEquals(Fingerprint.of(token), findings.get(0).fingerprint());
        TestTokens.assertNoFragment(findings.get(0).logLine(), token, "the log line");
    }

    @Test
    void noSecretHasNoFingerprint() {
        assertSame(Secret.none(), Secret.of(""));
        assertSame(Secret.none(), Secret.of(null));
        FindingSink sink = new FindingSink("a/.npmrc", FileKind.NPMRC, new RenderedKeys());
        sink.report(RuleCatalogue.UNPARSABLE_FILE, 1, "what", "", Secret.none());
        assertEquals("", sink.findings().get(0).fingerprint());
    }
}
