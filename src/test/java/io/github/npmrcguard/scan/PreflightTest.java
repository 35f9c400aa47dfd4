package io.github.npmrcguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.testsupport.Docs;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PreflightTest {

    private static List<String> run(String mode, Map<String, String> env, String name, String text) {
        return RuleCatalogue.check(Docs.parse(name, text), Preflight.rules(mode, env)).stream()
                .map(f -> f.severity() + " " + f.logLine())
                .collect(Collectors.toList());
    }

    @Test
    void inCiAnUnsetEmptyOrWhitespaceVariableIsAnError() {
        Map<String, String> env =
                Map.of("CI", "true", "EMPTY_TOKEN", "", "NL_TOKEN", "abc\n", "SP_TOKEN", "a b", "GOOD_TOKEN", "abc");
        String text = "//a.example/:_authToken=${UNSET_TOKEN}\n//b.example/:_authToken=${EMPTY_TOKEN}\n"
                + "//c.example/:_authToken=${NL_TOKEN}\n//d.example/:_authToken=${SP_TOKEN}\n"
                + "//e.example/:_authToken=${GOOD_TOKEN}\n//f.example/:_authToken=${OPTIONAL_TOKEN?}\n";
        assertEquals(
                List.of(
                        "ERROR .npmrc:1: UNSET_TOKEN is not set, but this file reads it in //a.example/:_authToken [preflight-variable]",
                        "ERROR .npmrc:2: EMPTY_TOKEN is set but empty, but this file reads it in //b.example/:_authToken [preflight-variable]",
                        "ERROR .npmrc:3: NL_TOKEN holds a line break, but this file reads it in //c.example/:_authToken [preflight-variable]",
                        "ERROR .npmrc:4: SP_TOKEN holds whitespace, but this file reads it in //d.example/:_authToken [preflight-variable]"),
                run("auto", env, ".npmrc", text));
    }

    @Test
    void outsideCiItWarnsAndOffTurnsItOff() {
        String text = "//a.example/:_authToken=${UNSET_TOKEN}\n";
        assertEquals(
                List.of(
                        "WARNING .npmrc:1: UNSET_TOKEN is not set, but this file reads it in //a.example/:_authToken [preflight-variable]"),
                run("auto", Map.of(), ".npmrc", text));
        assertEquals(List.of(), run("off", Map.of("CI", "true"), ".npmrc", text));
        assertEquals("ERROR", run("always", Map.of(), ".npmrc", text).get(0).split(" ")[0]);
    }

    @Test
    void eachClientsPlaceholderFormIsRead() {
        Map<String, String> env = Map.of("CI", "1");
        assertEquals(
                1,
                run("auto", env, ".yarnrc.yml", "npmAuthToken: \"${YARN_TOKEN}\"\n")
                        .size());
        // A literal is check's business, not the preflight's.
        assertEquals(
                0,
                run("auto", env, ".npmrc", "//a.example/:_authToken=abc123def456\n").stream()
                        .filter(l -> l.contains("preflight"))
                        .count());
    }

    @Test
    void anOptionalPlaceholderNeverFailsTheBuildInCi() {
        Map<String, String> unset = Map.of("CI", "true");
        // yarn 2+ expands ${VAR:-} and ${VAR-} to nothing, bun drops an unset $VAR, npm 11.6+ drops ${VAR?}.
        assertEquals(List.of(), run("auto", unset, ".yarnrc.yml", "npmAuthToken: \"${NPM_TOKEN:-}\"\n"));
        assertEquals(List.of(), run("always", unset, ".yarnrc.yml", "npmAuthToken: \"${NPM_TOKEN-}\"\n"));
        assertEquals(
                List.of(),
                run(
                        "auto",
                        unset,
                        "bunfig.toml",
                        "[install.registry]\nurl = \"https://r.example/\"\ntoken = \"$BUN_TOKEN\"\n"));
        assertEquals(List.of(), run("auto", unset, ".npmrc", "//r.example/:_authToken=${NPM_TOKEN?}\n"));
        // A broken value is still worth a word, but only a warning.
        Map<String, String> spaced = Map.of("CI", "true", "NPM_TOKEN", "a b");
        assertEquals(
                List.of("WARNING .yarnrc.yml:1: NPM_TOKEN holds whitespace, but this file reads it in npmAuthToken"
                        + " [preflight-variable]"),
                run("auto", spaced, ".yarnrc.yml", "npmAuthToken: \"${NPM_TOKEN:-}\"\n"));
    }

    @Test
    void anNpmrcThatAYarn4FrontendNeverReadsOnlyNamesTheVariable() {
        ConfigDocument parsed = Docs.parse("console/.npmrc", "//r.example/:_authToken=${NPM_TOKEN}\n");
        ConfigDocument doc = new ConfigDocument(
                parsed.path(),
                parsed.kind(),
                parsed.lines(),
                parsed.settings(),
                new ConfigDocument.FolderFacts(() -> "yarn 2+", () -> ""));
        assertEquals(
                List.of("WARNING console/.npmrc:1: NPM_TOKEN is not set, but this file names it in"
                        + " //r.example/:_authToken [preflight-variable]"),
                RuleCatalogue.check(doc, Preflight.rules("auto", Map.of("CI", "true"))).stream()
                        .map(f -> f.severity() + " " + f.logLine())
                        .collect(Collectors.toList()));
    }

    @Test
    void ciDetection() {
        assertTrue(Preflight.isCi(Map.of("CI", "true")));
        assertTrue(Preflight.isCi(Map.of("JENKINS_URL", "http://jenkins/")));
        assertTrue(Preflight.isCi(Map.of("TF_BUILD", "True")));
        assertFalse(Preflight.isCi(Map.of("CI", "false")));
        assertFalse(Preflight.isCi(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Preflight.rules("sometimes", Map.of()));
    }
}
