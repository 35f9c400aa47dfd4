package io.github.npmrcguard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.generate.PackageManager.Kind;
import io.github.npmrcguard.parse.YarnrcYmlParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YarnrcYmlFormatTest {
    @TempDir
    Path tmp;

    private MergeHarness h;

    @BeforeEach
    void setUp() {
        h = new MergeHarness(tmp);
    }

    private FileChange berry(RegistrySpec... registries) {
        return h.update(new YarnrcYmlFormat(), Kind.YARN_BERRY, true, registries);
    }

    @Test
    void newFileForThePublicRegistryHasNoAlwaysAuth() {
        assertEquals(FileAction.CREATED, berry(RegistrySpec.npmjs("NPM_TOKEN")).action());
        assertEquals(
                "npmRegistryServer: \"https://registry.npmjs.org/\"\nnpmAuthToken: \"${NPM_TOKEN:-}\"\n",
                h.tree.read(".yarnrc.yml"));
    }

    @Test
    void aPrivateDefaultRegistryGetsAlwaysAuthSoUnscopedInstallsSendTheToken() {
        berry(new RegistrySpec("https://nexus.example.com/repository/npm/", "", "NEXUS_TOKEN"));
        assertEquals(
                "npmRegistryServer: \"https://nexus.example.com/repository/npm/\"\n"
                        + "npmAuthToken: \"${NEXUS_TOKEN:-}\"\nnpmAlwaysAuth: true\n",
                h.tree.read(".yarnrc.yml"));
    }

    @Test
    void newScopeBlockInANewFile() {
        berry(new RegistrySpec("https://npm.pkg.github.com", "@acme", "GITHUB_TOKEN"));
        assertEquals(
                "npmScopes:\n  acme:\n    npmRegistryServer: \"https://npm.pkg.github.com/\"\n"
                        + "    npmAuthToken: \"${GITHUB_TOKEN:-}\"\n",
                h.tree.read(".yarnrc.yml"));
    }

    @Test
    void mergeIntoAnExistingFileKeepsCommentsUnknownKeysAndOtherScopes() {
        h.tree.file(
                ".yarnrc.yml",
                "# yarn settings\r\n"
                        + "nodeLinker: node-modules\r\n"
                        + "\r\n"
                        + "npmScopes:\r\n"
                        + "    other:   # their registry\r\n"
                        + "        npmRegistryServer: \"https://other.example/\"\r\n"
                        + "        npmAuthToken: \"${OTHER_TOKEN:-}\"\r\n"
                        + "\r\n"
                        + "yarnPath: .yarn/releases/yarn-4.18.1.cjs\r\n");
        FileChange c = berry(
                new RegistrySpec("https://npm.pkg.github.com", "@acme", "GITHUB_TOKEN"),
                RegistrySpec.npmjs("NPM_TOKEN"));
        assertEquals(FileAction.UPDATED, c.action());
        assertEquals(
                "# yarn settings\r\n"
                        + "nodeLinker: node-modules\r\n"
                        + "\r\n"
                        + "npmScopes:\r\n"
                        + "    other:   # their registry\r\n"
                        + "        npmRegistryServer: \"https://other.example/\"\r\n"
                        + "        npmAuthToken: \"${OTHER_TOKEN:-}\"\r\n"
                        + "    acme:\r\n"
                        + "        npmRegistryServer: \"https://npm.pkg.github.com/\"\r\n"
                        + "        npmAuthToken: \"${GITHUB_TOKEN:-}\"\r\n"
                        + "\r\n"
                        + "yarnPath: .yarn/releases/yarn-4.18.1.cjs\r\n"
                        + "npmRegistryServer: \"https://registry.npmjs.org/\"\r\n"
                        + "npmAuthToken: \"${NPM_TOKEN:-}\"\r\n",
                h.tree.read(".yarnrc.yml"));
    }

    @Test
    void aMissingTokenGoesIntoTheExistingScopeBlock() {
        h.tree.file(
                ".yarnrc.yml",
                "npmScopes:\n  acme:\n    npmRegistryServer: https://npm.pkg.github.com\n"
                        + "    npmPublishRegistry: https://npm.pkg.github.com\nenableTelemetry: false\n");
        berry(new RegistrySpec("https://npm.pkg.github.com", "@acme", "GITHUB_TOKEN"));
        assertEquals(
                "npmScopes:\n  acme:\n    npmRegistryServer: https://npm.pkg.github.com\n"
                        + "    npmPublishRegistry: https://npm.pkg.github.com\n    npmAuthToken: \"${GITHUB_TOKEN:-}\"\n"
                        + "enableTelemetry: false\n",
                h.tree.read(".yarnrc.yml"));
    }

    @Test
    void anEmptyNpmScopesKeyGetsTheBlockUnderIt() {
        h.tree.file(".yarnrc.yml", "npmScopes:\nnodeLinker: pnp\n");
        berry(new RegistrySpec("https://r.example/", "@a", "NPM_TOKEN"));
        assertEquals(
                "npmScopes:\n  a:\n    npmRegistryServer: \"https://r.example/\"\n    npmAuthToken: \"${NPM_TOKEN:-}\"\n"
                        + "nodeLinker: pnp\n",
                h.tree.read(".yarnrc.yml"));
    }

    @Test
    void aPlaceholderWithoutFallbackGetsOneSinceYarnAbortsWhenTheVariableIsUnset() {
        h.tree.file(".yarnrc.yml", "npmRegistryServer: 'https://registry.npmjs.org'\nnpmAuthToken: ${MY_TOKEN} # CI\n");
        berry(RegistrySpec.npmjs("NPM_TOKEN"));
        assertEquals(
                "npmRegistryServer: 'https://registry.npmjs.org'\nnpmAuthToken: \"${MY_TOKEN:-}\"\n",
                h.tree.read(".yarnrc.yml"));
        assertTrue(
                h.messageTexts().get(0).contains("yarn 2+ aborts every command"),
                h.messageTexts().toString());
    }

    @Test
    void aCorrectPlaceholderIsUnchanged() {
        h.tree.file(
                ".yarnrc.yml",
                "npmRegistryServer: \"https://registry.npmjs.org/\"\nnpmAuthToken: \"${NPM_TOKEN:-}\"\n");
        assertEquals(
                FileAction.UNCHANGED, berry(RegistrySpec.npmjs("NPM_TOKEN")).action());
    }

    @Test
    void aFlowStyleScopesMappingIsLeftAloneWithTheLinesToAdd() {
        String flow = "npmScopes: {other: {npmRegistryServer: \"https://o.example/\"}}\n";
        h.tree.file(".yarnrc.yml", flow);
        FileChange c = berry(new RegistrySpec("https://r.example/", "@acme", "NPM_TOKEN"));
        assertEquals(FileAction.REFUSED, c.action());
        assertEquals(flow, h.tree.read(".yarnrc.yml"));
        String message = h.messageTexts().get(0);
        assertTrue(message.startsWith("WARNING .yarnrc.yml: not changed: npmScopes is not in block style."), message);
        assertTrue(
                message.endsWith("    npmScopes:\n      acme:\n        npmRegistryServer: \"https://r.example/\"\n"
                        + "        npmAuthToken: \"${NPM_TOKEN:-}\""),
                message);
    }

    @Test
    void invalidYamlIsRefused() {
        h.tree.file(".yarnrc.yml", "a: [\n");
        assertEquals(FileAction.REFUSED, berry(RegistrySpec.npmjs("NPM_TOKEN")).action());
        assertTrue(
                h.messageTexts().get(0).contains("it is not valid .yarnrc.yml syntax"),
                h.messageTexts().toString());
    }

    @Test
    void declaredRegistries() throws Exception {
        var settings = new YarnrcYmlParser()
                .parse(
                        "npmRegistryServer: https://r.example\n"
                                + "npmScopes:\n  a:\n    npmRegistryServer: https://a.example\n    npmAuthToken: ${A_TOKEN:-}\n");
        assertEquals(
                List.of(RegistrySpec.of("https://r.example/"), new RegistrySpec("https://a.example/", "@a", "A_TOKEN")),
                new YarnrcYmlFormat().declared(settings, ".yarnrc.yml").registries());
    }
}
