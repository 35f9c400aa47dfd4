package io.github.npmrcguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.testsupport.TestTokens;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-scan memory of key renderings: the same text as SafeText, each key rendered once per scan. */
class RenderedKeysTest {
    private final TestTokens tokens = new TestTokens(7);

    @Test
    void rendersEachKeyAsSafeTextDoesOnceAndPomKeysApart() {
        String secret = tokens.opaque(36);
        List<String> raw = Arrays.asList(
                null,
                "",
                "//registry.npmjs.org/:_authToken",
                "//" + secret + "/:_authToken",
                "_authToken " + secret,
                "@acme:registry",
                "frontend-maven-plugin npmRegistryURL");
        RenderedKeys keys = new RenderedKeys();
        for (String k : raw) {
            for (FileKind kind : new FileKind[] {FileKind.NPMRC, FileKind.POM}) {
                String expected = kind == FileKind.POM ? SafeText.pomKey(k) : SafeText.key(k);
                String first = keys.of(k, kind);
                assertEquals(expected, first, "key " + raw.indexOf(k) + " in " + kind);
                assertSame(first, keys.of(k, kind), "rendered once: key " + raw.indexOf(k));
                TestTokens.assertNoFragment(first, secret, "a rendered key");
            }
        }
        // A pom keeps the space after a plugin's name; an .npmrc key with a space is cut there.
        String pomKey = "frontend-maven-plugin npmRegistryURL";
        assertEquals(SafeText.pomKey(pomKey), keys.of(pomKey, FileKind.POM));
        assertEquals(SafeText.key(pomKey), keys.of(pomKey, FileKind.NPMRC));
    }
}
