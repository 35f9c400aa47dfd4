package io.github.npmrcguard.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.parse.Setting;
import io.github.npmrcguard.testsupport.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableNamesTest {
    private final VariableNames names = new VariableNames(Map.of("//npm.acme.example/", "ACME_TOKEN"));
    private final TestTokens tokens = new TestTokens(11);

    @Test
    void registryHostsAndScopesNameTheVariable() {
        assertEquals("NPM_PKG_GITHUB_COM_TOKEN", npmrc("//npm.pkg.github.com/", "_authToken"));
        assertEquals("R_127_0_0_1_4873_AUTH", npmrc("//127.0.0.1:4873/", "_auth"));
        assertEquals("ACME_TOKEN", npmrc("//npm.acme.example/", "_authToken"));
        assertEquals("NPM_TOKEN", npmrc("//registry.npmjs.org/", "_authToken"));
        assertEquals("ACME_NPM_TOKEN", variable(FileKind.YARNRC_YML, "npmScopes.acme", "npmAuthToken"));
        assertEquals("ACME_NPM_PASSWORD", variable(FileKind.BUNFIG_TOML, "install.scopes.@acme", "password"));
    }

    @Test
    void aHostOrScopeThatWouldNotBePrintedNamesNoVariable() {
        // A short secret with separators, typed where the host or scope goes: it looks like no token, but it
        // is no lower-case host or scope name either, so it must not end up in the variable's name.
        String s = "Q" + tokens.opaque(6) + "-x." + tokens.opaque(5);
        assertNoVariableFrom(s, npmrc("//" + s + "/", "_authToken"));
        assertNoVariableFrom(s, npmrc("//u:" + s + "@" + s + "/", "_authToken"));
        assertNoVariableFrom(s, variable(FileKind.YARNRC_YML, "npmRegistries.https://" + s, "npmAuthToken"));
        assertNoVariableFrom(s, variable(FileKind.YARNRC_YML, "npmScopes." + s, "npmAuthToken"));
        assertNoVariableFrom(s, variable(FileKind.BUNFIG_TOML, "install.scopes." + s, "token"));
        assertEquals("NPM_TOKEN", npmrc("//Npm.Example.com/", "_authToken"));
    }

    private static void assertNoVariableFrom(String secret, String variable) {
        TestTokens.assertNoFragment(
                variable, secret.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), "the variable name");
        assertEquals("NPM_TOKEN", variable);
    }

    private String npmrc(String nerfDart, String name) {
        return variable(FileKind.NPMRC, nerfDart, name);
    }

    private String variable(FileKind kind, String scope, String name) {
        return names.variableFor(
                kind, new Setting(3, scope + (kind == FileKind.NPMRC ? ":" : ".") + name, name, scope, "x", "", false));
    }
}
