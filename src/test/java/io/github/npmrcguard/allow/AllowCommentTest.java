package io.github.npmrcguard.allow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.rules.ConfigDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reading of allow comments that check and history share. */
class AllowCommentTest {

    private static ConfigDocument doc(FileKind kind, String... lines) {
        return new ConfigDocument("f", kind, List.of(lines), List.of());
    }

    @Test
    void aCommentDirectlyAboveGivesItsReason() {
        ConfigDocument npmrc = doc(
                FileKind.NPMRC,
                "# npmrc-guard:allow read-only mirror token",
                "//m/:_authToken=x",
                "; npmrc-guard:allow",
                "//n/:_authToken=y");
        assertEquals("read-only mirror token", AllowComment.above(npmrc, 2));
        assertEquals("", AllowComment.above(npmrc, 4), "without a reason it allows nothing");
        assertNull(AllowComment.above(npmrc, 3));
        assertNull(AllowComment.above(npmrc, 1));
    }

    @Test
    void inAPomItIsAnXmlComment() {
        ConfigDocument pom = doc(
                FileKind.POM,
                "  <!-- npmrc-guard:allow test fixture -->",
                "  <NPM_TOKEN>x</NPM_TOKEN>",
                "  # npmrc-guard:allow not XML",
                "  <NPM_TOKEN>y</NPM_TOKEN>");
        assertEquals("test fixture", AllowComment.above(pom, 2));
        assertNull(AllowComment.above(pom, 4));
    }

    @Test
    void inAPomThatStartsWithAnXmlDeclarationTheLineAfterItAllowsLineOne() {
        ConfigDocument pom = doc(
                FileKind.POM,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<!-- npmrc-guard:allow archetype template -->",
                "<project>");
        assertEquals("archetype template", AllowComment.above(pom, 1));
        assertEquals("archetype template", AllowComment.above(pom, 3), "the root element: the line above it");
        assertNull(AllowComment.above(doc(FileKind.POM, "<project>", "<!-- npmrc-guard:allow no -->"), 1));
        assertNull(AllowComment.above(doc(FileKind.NPMRC, "<?xml version=\"1.0\"?>", "# npmrc-guard:allow no"), 1));
    }
}
