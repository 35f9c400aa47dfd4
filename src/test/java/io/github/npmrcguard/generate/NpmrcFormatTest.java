package io.github.npmrcguard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.generate.PackageManager.Kind;
import io.github.npmrcguard.parse.NpmIniParser;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmrcFormatTest {
    @TempDir
    Path tmp;

    private MergeHarness h;

    @BeforeEach
    void setUp() {
        h = new MergeHarness(tmp);
    }

    private FileChange npm(RegistrySpec... registries) {
        return h.update(new NpmrcFormat(), Kind.NPM, true, registries);
    }

    @Test
    void newFileForThePublicRegistry() {
        FileChange c = npm(RegistrySpec.npmjs("NPM_TOKEN"));
        assertEquals(FileAction.CREATED, c.action());
        assertEquals(
                "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n",
                h.tree.read(".npmrc"));
        assertEquals(
                List.of("+registry=https://registry.npmjs.org/", "+//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
                c.changedLines());
    }

    @Test
    void mergeKeepsCommentsOrderUnknownKeysOtherRegistriesAndCrlf() {
        h.tree.file(
                ".npmrc",
                "# company settings\r\n"
                        + "; proxy is set by IT\r\n"
                        + "strict-ssl=false\r\n"
                        + "@other:registry=https://other.example/npm/\r\n"
                        + "//other.example/npm/:_authToken=${OTHER_TOKEN}\r\n"
                        + "unknown-key = some value ; trailing comment\r\n"
                        + "\r\n"
                        + "registry=https://old.example/");
        FileChange c = npm(
                new RegistrySpec("https://nexus.example.com/repository/npm", "", "NEXUS_TOKEN"),
                new RegistrySpec("https://npm.pkg.github.com", "@acme", "GITHUB_TOKEN"));
        assertEquals(FileAction.UPDATED, c.action());
        assertEquals(
                "# company settings\r\n"
                        + "; proxy is set by IT\r\n"
                        + "strict-ssl=false\r\n"
                        + "@other:registry=https://other.example/npm/\r\n"
                        + "//other.example/npm/:_authToken=${OTHER_TOKEN}\r\n"
                        + "unknown-key = some value ; trailing comment\r\n"
                        + "\r\n"
                        + "registry=https://nexus.example.com/repository/npm/\r\n"
                        + "//nexus.example.com/repository/npm/:_authToken=${NEXUS_TOKEN}\r\n"
                        + "@acme:registry=https://npm.pkg.github.com/\r\n"
                        + "//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}\r\n",
                h.tree.read(".npmrc"));
    }

    @Test
    void linesGoBeforeTheFirstSectionWhichNpmIgnores() {
        h.tree.file(".npmrc", "save-exact=true\n[legacy]\nfoo=bar\n");
        npm(RegistrySpec.npmjs("NPM_TOKEN"));
        assertEquals(
                "save-exact=true\nregistry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"
                        + "[legacy]\nfoo=bar\n",
                h.tree.read(".npmrc"));
    }

    @Test
    void aRegistryThatDiffersOnlyByItsSlashIsLeftAsWritten() {
        h.tree.file(".npmrc", "registry=https://r.example/npm\n//r.example/npm/:_authToken=${NPM_TOKEN}\n");
        assertEquals(
                FileAction.UNCHANGED,
                npm(new RegistrySpec("https://R.example:443/npm/", "", "NPM_TOKEN"))
                        .action());
    }

    @Test
    void anExistingPlaceholderWithAnotherVariableIsKeptAndReported() {
        h.tree.file(".npmrc", "registry=https://r.example/\n\"//r.example/:_authToken\" = \"${CI_REGISTRY_TOKEN}\"\n");
        assertEquals(
                FileAction.UNCHANGED,
                npm(new RegistrySpec("https://r.example/", "", "NPM_TOKEN")).action());
        assertEquals(
                List.of("INFO .npmrc:2: //r.example/:_authToken keeps its placeholder ${CI_REGISTRY_TOKEN}"
                        + " (generate would name it NPM_TOKEN)"),
                h.messageTexts());
    }

    @Test
    void aStandInOrAnUnexpandedValueBecomesThePlaceholderAndIsNotShown() {
        h.tree.file(".npmrc", "//r.example/:_authToken=changeme\n" + "//s.example/:_authToken=$NPM_TOKEN\n");
        FileChange c = npm(
                new RegistrySpec("https://r.example/", "", "NPM_TOKEN"),
                new RegistrySpec("https://s.example/", "@s", "NPM_TOKEN"));
        assertEquals(
                "//r.example/:_authToken=${NPM_TOKEN}\n//s.example/:_authToken=${NPM_TOKEN}\n"
                        + "registry=https://r.example/\n@s:registry=https://s.example/\n",
                h.tree.read(".npmrc"));
        assertTrue(!c.diff().contains("changeme") && !c.diff().contains("=$NPM_TOKEN"), c.diff());
        assertTrue(c.diff().contains("-" + UnifiedDiff.HIDDEN), c.diff());
    }

    @Test
    void optionalFormIsMadePlainForPnpm() {
        h.tree.file(".npmrc", "registry=https://r.example/\n//r.example/:_authToken=${TOKEN?}\n");
        FileChange c =
                h.update(new NpmrcFormat(), Kind.PNPM, true, new RegistrySpec("https://r.example/", "", "NPM_TOKEN"));
        assertEquals(FileAction.UPDATED, c.action());
        assertEquals("registry=https://r.example/\n//r.example/:_authToken=${TOKEN}\n", h.tree.read(".npmrc"));
    }

    @Test
    void optionalFormIsKeptForNpm() {
        h.tree.file(".npmrc", "registry=https://r.example/\n//r.example/:_authToken=${TOKEN?}\n");
        assertEquals(
                FileAction.UNCHANGED,
                npm(new RegistrySpec("https://r.example/", "", "NPM_TOKEN")).action());
    }

    @Test
    void registryOnlyModeWritesNoAuthLine() {
        h.tree.file(".npmrc", "//r.example/:_authToken=${NPM_TOKEN}\n");
        FileChange c = h.update(
                new NpmrcFormat(), Kind.YARN_CLASSIC, false, new RegistrySpec("https://r.example/", "", "NPM_TOKEN"));
        assertEquals(FileAction.UPDATED, c.action());
        assertEquals("//r.example/:_authToken=${NPM_TOKEN}\nregistry=https://r.example/\n", h.tree.read(".npmrc"));
        assertTrue(
                h.messageTexts().get(0).contains("yarn 1 stops with 'Failed to replace env in config'"),
                h.messageTexts().toString());
    }

    @Test
    void aSectionedRegistryLineDoesNotCount() {
        h.tree.file(".npmrc", "[x]\nregistry=https://r.example/\n");
        npm(new RegistrySpec("https://r.example/", "", "NPM_TOKEN"));
        assertEquals(
                "registry=https://r.example/\n//r.example/:_authToken=${NPM_TOKEN}\n[x]\nregistry=https://r.example/\n",
                h.tree.read(".npmrc"));
    }

    @Test
    void declaredRegistriesCarryTheirPlaceholderVariable() {
        List<Setting> settings = new NpmIniParser()
                .parse(
                        "registry=https://r.example/\n@a:registry=https://a.example/\n//a.example/:_authToken=${A_TOKEN}\n"
                                + "@b:registry=${B_URL}\n");
        DeclaredRegistries d = new NpmrcFormat().declared(settings, ".npmrc");
        assertEquals(
                List.of(
                        new RegistrySpec("https://r.example/", "", "R_EXAMPLE_TOKEN"),
                        new RegistrySpec("https://a.example/", "@a", "A_TOKEN")),
                d.registries());
        assertTrue(d.anyDeclared());
        assertEquals(
                List.of("WARNING .npmrc:4: @b:registry is not used by the generator: a registry URL is not a valid"
                        + " http(s) URL"),
                d.messages().stream().map(Message::toString).toList());
    }

    @Test
    void aScopeThatIsNoScopeNameIsNotQuotedInTheWarning() {
        // A short secret with separators typed where the scope goes: it is no npm scope name, so not printed.
        String secret = "Q" + new TestTokens(5).opaque(6) + "!x." + new TestTokens(6).opaque(5);
        List<Setting> settings = new NpmIniParser().parse("@" + secret + ":registry=https://a.example/\n");
        DeclaredRegistries d = new NpmrcFormat().declared(settings, ".npmrc");
        String messages = d.messages().stream().map(Message::toString).toList().toString();
        TestTokens.assertNoFragment(messages, secret, "the generator's warning");
        TestTokens.assertNoFragment(messages, secret.toLowerCase(java.util.Locale.ROOT), "the generator's warning");
        assertEquals(
                "[WARNING .npmrc:1: @<scope not shown>:registry is not used by the generator: scope"
                        + " '@<scope not shown>' is not an npm scope such as @acme]",
                messages);
    }
}
