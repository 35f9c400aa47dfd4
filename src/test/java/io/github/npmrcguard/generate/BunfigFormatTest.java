package io.github.npmrcguard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.generate.PackageManager.Kind;
import io.github.npmrcguard.parse.BunfigTomlParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BunfigFormatTest {
    @TempDir
    Path tmp;

    private MergeHarness h;

    @BeforeEach
    void setUp() {
        h = new MergeHarness(tmp);
    }

    private FileChange bun(RegistrySpec... registries) {
        return h.update(new BunfigFormat(), Kind.BUN, true, registries);
    }

    @Test
    void newFileUnscopedAndScoped() {
        assertEquals(
                FileAction.CREATED,
                bun(
                                RegistrySpec.npmjs("NPM_TOKEN"),
                                new RegistrySpec("https://npm.pkg.github.com", "@acme", "GITHUB_TOKEN"))
                        .action());
        assertEquals(
                "[install]\nregistry = { url = \"https://registry.npmjs.org/\", token = \"$NPM_TOKEN\" }\n\n"
                        + "[install.scopes]\nacme = { url = \"https://npm.pkg.github.com/\", token = \"$GITHUB_TOKEN\" }\n",
                h.tree.read("bunfig.toml"));
    }

    @Test
    void insertsUnderExistingTablesKeepingEverythingElse() {
        h.tree.file(
                "bunfig.toml",
                "# bun config\r\n[install]\r\nexact = true # pin\r\n\r\n[install.scopes]\r\n"
                        + "other = { url = \"https://o.example/\", token = \"$OTHER\" }\r\n\r\n[test]\r\ncoverage = true\r\n");
        FileChange c = bun(
                new RegistrySpec("https://r.example/", "", "NPM_TOKEN"),
                new RegistrySpec("https://a.example/", "@acme", "NPM_TOKEN"));
        assertEquals(FileAction.UPDATED, c.action());
        assertEquals(
                "# bun config\r\n[install]\r\nregistry = { url = \"https://r.example/\", token = \"$NPM_TOKEN\" }\r\n"
                        + "exact = true # pin\r\n\r\n[install.scopes]\r\n"
                        + "acme = { url = \"https://a.example/\", token = \"$NPM_TOKEN\" }\r\n"
                        + "other = { url = \"https://o.example/\", token = \"$OTHER\" }\r\n\r\n[test]\r\ncoverage = true\r\n",
                h.tree.read("bunfig.toml"));
    }

    @Test
    void aPlainStringRegistryBecomesTheInlineTable() {
        h.tree.file("bunfig.toml", "[install]\nregistry = \"https://r.example/\"  # mirror\n");
        bun(new RegistrySpec("https://r.example/", "", "NPM_TOKEN"));
        assertEquals(
                "[install]\nregistry = { url = \"https://r.example/\", token = \"$NPM_TOKEN\" }\n",
                h.tree.read("bunfig.toml"));
    }

    @Test
    void aBracedPlaceholderWhichBunSendsAsTypedIsReplaced() {
        h.tree.file(
                "bunfig.toml",
                "[install.scopes]\n\"@acme\" = { url = \"https://a.example/\", token = \"${NPM_TOKEN}\" }\n");
        bun(new RegistrySpec("https://a.example/", "@acme", "NPM_TOKEN"));
        assertEquals(
                "[install.scopes]\n\"@acme\" = { url = \"https://a.example/\", token = \"$NPM_TOKEN\" }\n",
                h.tree.read("bunfig.toml"));
        assertTrue(
                h.messageTexts().get(0).contains("held no placeholder bun expands"),
                h.messageTexts().toString());
    }

    @Test
    void aTableWithAUrlLineGetsItsTokenLine() {
        h.tree.file("bunfig.toml", "[install.scopes.acme]\n  url = \"https://a.example/\"\n  # more later\n");
        bun(new RegistrySpec("https://a.example/", "@acme", "ACME_TOKEN"));
        assertEquals(
                "[install.scopes.acme]\n  url = \"https://a.example/\"\n  token = \"$ACME_TOKEN\"\n  # more later\n",
                h.tree.read("bunfig.toml"));
    }

    @Test
    void aCorrectEntryWithAnotherVariableIsUnchanged() {
        h.tree.file("bunfig.toml", "[install]\nregistry = { url = \"https://r.example/\", token = \"$MY_TOKEN\" }\n");
        assertEquals(
                FileAction.UNCHANGED,
                bun(new RegistrySpec("https://r.example/", "", "NPM_TOKEN")).action());
        assertTrue(
                h.messageTexts().get(0).contains("keeps its placeholder $MY_TOKEN"),
                h.messageTexts().toString());
    }

    @Test
    void usernameAndPasswordAreLeftToTheUser() {
        String text = "[install]\nregistry = { url = \"https://r.example/\", username = \"u\", password = \"$PW\" }\n";
        h.tree.file("bunfig.toml", text);
        assertEquals(
                FileAction.UNCHANGED,
                bun(new RegistrySpec("https://r.example/", "", "NPM_TOKEN")).action());
        assertEquals(text, h.tree.read("bunfig.toml"));
    }

    @Test
    void aDottedInstallKeyThatATableHeaderWouldClashWithIsRefused() {
        String text = "install.exact = true\n";
        h.tree.file("bunfig.toml", text);
        FileChange c = bun(new RegistrySpec("https://r.example/", "", "NPM_TOKEN"));
        assertEquals(FileAction.REFUSED, c.action());
        assertEquals(text, h.tree.read("bunfig.toml"));
        assertTrue(
                h.messageTexts().get(0).contains("Add by hand what it needs:\n    [install]\n"),
                h.messageTexts().toString());
    }

    @Test
    void declaredRegistries() throws Exception {
        var settings = new BunfigTomlParser()
                .parse(
                        "[install]\nregistry = \"https://r.example\"\n"
                                + "[install.scopes]\n\"@a\" = { url = \"https://a.example\", token = \"$A\" }\nb = \"https://b.example/\"\n");
        assertEquals(
                List.of(
                        RegistrySpec.of("https://r.example/"),
                        new RegistrySpec("https://a.example/", "@a", "A"),
                        new RegistrySpec("https://b.example/", "@b", "B_EXAMPLE_TOKEN")),
                new BunfigFormat().declared(settings, "bunfig.toml").registries());
    }
}
