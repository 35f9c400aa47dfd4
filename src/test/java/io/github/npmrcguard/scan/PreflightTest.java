package io.github.npmrcguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.testsupport.Docs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                        "ERROR .npmrc:1: UNSET_TOKEN is not set, but this file names it in //a.example/:_authToken [preflight-variable]",
                        "ERROR .npmrc:2: EMPTY_TOKEN is set but empty, but this file names it in //b.example/:_authToken [preflight-variable]",
                        "ERROR .npmrc:3: NL_TOKEN holds a line break, but this file names it in //c.example/:_authToken [preflight-variable]",
                        "ERROR .npmrc:4: SP_TOKEN holds whitespace, but this file names it in //d.example/:_authToken [preflight-variable]"),
                run("auto", env, ".npmrc", text));
    }

    @Test
    void outsideCiItWarnsAndOffTurnsItOff() {
        String text = "//a.example/:_authToken=${UNSET_TOKEN}\n";
        assertEquals(
                List.of(
                        "WARNING .npmrc:1: UNSET_TOKEN is not set, but this file names it in //a.example/:_authToken [preflight-variable]"),
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
                List.of("WARNING .yarnrc.yml:1: NPM_TOKEN holds whitespace, but this file names it in npmAuthToken"
                        + " [preflight-variable]"),
                run("auto", spaced, ".yarnrc.yml", "npmAuthToken: \"${NPM_TOKEN:-}\"\n"));
    }

    /** The preflight's lines for a file in a frontend folder whose package.json declares this package manager. */
    private static List<String> inFrontend(
            Path dir, String packageManager, String name, String text, Map<String, String> env) throws IOException {
        Files.writeString(
                dir.resolve("package.json"),
                packageManager == null
                        ? "{\"name\":\"web\"}"
                        : "{\"name\":\"web\",\"packageManager\":\"" + packageManager + "\"}");
        ScanFile file = new ScanFile(
                "web/" + name,
                dir.resolve(name),
                FileKind.ofFileName(name),
                Provenance.STAGED,
                text.getBytes(StandardCharsets.UTF_8));
        return RuleCatalogue.check(new DocumentReader().read(file).document(), Preflight.rules("auto", env)).stream()
                .map(f -> f.severity() + " " + f.logLine())
                .collect(Collectors.toList());
    }

    @Test
    void eachLineSaysWhetherTheFrontendsPackageManagerReadsTheFile(@TempDir Path dir) throws IOException {
        Map<String, String> ci = Map.of("CI", "true");
        String npmrc = "//r.example/:_authToken=${NPM_TOKEN}\n";
        assertEquals(
                List.of("ERROR web/.npmrc:1: NPM_TOKEN is not set, but this file names it in //r.example/:_authToken"
                        + " [preflight-variable] (pnpm, this frontend's package manager, reads this file)"),
                inFrontend(dir, "pnpm@10.34.9", ".npmrc", npmrc, ci));
        assertEquals(
                List.of("ERROR web/.npmrc:1: NPM_TOKEN is not set, but this file names it in //r.example/:_authToken"
                        + " [preflight-variable] (npm, this frontend's package manager, reads this file)"),
                inFrontend(dir, null, ".npmrc", npmrc, ci));
        assertEquals(
                List.of("ERROR web/.npmrc:1: NPM_TOKEN is not set, but this file names it in //r.example/:_authToken"
                        + " [preflight-variable] (bun, this frontend's package manager, reads this file)"),
                inFrontend(dir, "bun@1.4.5", ".npmrc", npmrc, ci));
        assertEquals(
                List.of("ERROR web/.npmrc:1: NPM_TOKEN is not set, but this file names it in //r.example/:_authToken"
                        + " [preflight-variable] (yarn 1, this frontend's package manager, reads this file)"),
                inFrontend(dir, "yarn@1.22.22", ".npmrc", npmrc, ci));
        assertEquals(
                List.of("WARNING web/.npmrc:1: NPM_TOKEN is not set, but this file names it in //r.example/:_authToken"
                        + " [preflight-variable] (yarn 2+, this frontend's package manager, does not read this file)"),
                inFrontend(dir, "yarn@4.18.1", ".npmrc", npmrc, ci));

        String yml = "npmAuthToken: \"${NPM_TOKEN}\"\n";
        assertEquals(
                List.of("ERROR web/.yarnrc.yml:1: NPM_TOKEN is not set, but this file names it in npmAuthToken"
                        + " [preflight-variable] (yarn 2+, this frontend's package manager, reads this file)"),
                inFrontend(dir, "yarn@4.18.1", ".yarnrc.yml", yml, ci));
        assertEquals(
                List.of("WARNING web/.yarnrc.yml:1: NPM_TOKEN is not set, but this file names it in npmAuthToken"
                        + " [preflight-variable] (npm, this frontend's package manager, does not read this file)"),
                inFrontend(dir, "npm@11.19.1", ".yarnrc.yml", yml, ci));
        assertEquals(
                List.of("WARNING web/.yarnrc.yml:1: NPM_TOKEN is not set, but this file names it in npmAuthToken"
                        + " [preflight-variable] (pnpm, this frontend's package manager, does not read this file)"),
                inFrontend(dir, "pnpm@10.34.9", ".yarnrc.yml", yml, ci));
        assertEquals(
                List.of("WARNING web/.yarnrc.yml:1: NPM_TOKEN is not set, but this file names it in npmAuthToken"
                        + " [preflight-variable] (yarn 1, this frontend's package manager, does not read this file)"),
                inFrontend(dir, "yarn@1.22.22", ".yarnrc.yml", yml, ci));

        // bun drops an unset $VAR, so only a broken value is worth a line.
        String bunfig = "[install.registry]\nurl = \"https://r.example/\"\ntoken = \"$NPM_TOKEN\"\n";
        Map<String, String> spaced = Map.of("CI", "true", "NPM_TOKEN", "a b");
        assertEquals(
                List.of("WARNING web/bunfig.toml:3: NPM_TOKEN holds whitespace, but this file names it in"
                        + " install.registry.token [preflight-variable] (bun, this frontend's package manager,"
                        + " reads this file)"),
                inFrontend(dir, "bun@1.4.5", "bunfig.toml", bunfig, spaced));
        assertEquals(
                List.of("WARNING web/bunfig.toml:3: NPM_TOKEN holds whitespace, but this file names it in"
                        + " install.registry.token [preflight-variable] (npm, this frontend's package manager,"
                        + " does not read this file)"),
                inFrontend(dir, "npm@11.19.1", "bunfig.toml", bunfig, spaced));
    }

    @Test
    void aYarnrcNeverNeedsItsVariableSet(@TempDir Path dir) throws IOException {
        // yarn 1 expands no variable in .yarnrc and ignores auth keys there; no other client reads the file.
        Map<String, String> ci = Map.of("CI", "true");
        String yarnrc = "\"//r.example/:_authToken\" \"${NPM_TOKEN}\"\n";
        assertEquals(List.of(), inFrontend(dir, "yarn@1.22.22", ".yarnrc", yarnrc, ci));
        assertEquals(List.of(), inFrontend(dir, "npm@11.19.1", ".yarnrc", yarnrc, ci));
        assertEquals(List.of(), run("always", Map.of(), ".yarnrc", yarnrc));
    }

    @Test
    void anNpmrcAboveTheFrontendIsNotReadByIt(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("src/main/frontend"));
        Files.writeString(dir.resolve("src/main/frontend/package.json"), "{\"name\":\"web\"}");
        String text = "//r.example/:_authToken=${NPM_TOKEN}\n";
        ScanFile file = new ScanFile(
                "web/.npmrc",
                dir.resolve(".npmrc"),
                FileKind.NPMRC,
                Provenance.STAGED,
                text.getBytes(StandardCharsets.UTF_8));
        assertEquals(
                List.of("WARNING web/.npmrc:1: NPM_TOKEN is not set, but this file names it in //r.example/:_authToken"
                        + " [preflight-variable] (the frontend in web/src/main/frontend does not read this file)"),
                RuleCatalogue.check(
                                new DocumentReader().read(file).document(),
                                Preflight.rules("auto", Map.of("CI", "true")))
                        .stream()
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
