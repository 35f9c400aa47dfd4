package io.github.npmrcguard.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.npmrcguard.generate.PackageManager.Kind;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs over small projects in a temporary folder. */
class GeneratorTest {
    private static final String NPMJS_LINES =
            "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n";

    @TempDir
    Path tmp;

    private final TestTokens tokens = new TestTokens(2026);
    private final Map<String, String> env = new HashMap<>();

    private TreeBuilder tree() {
        return new TreeBuilder(tmp);
    }

    private GeneratorOptions.Builder options() {
        return GeneratorOptions.builder()
                .environment(env)
                .homeDirectory(tmp.resolve("home"))
                .projectRoot(tmp);
    }

    /** The public registry declared in the configuration: it gets its registry line and a required token. */
    private GeneratorOptions.Builder declared() {
        return options().registry(RegistrySpec.npmjs("NPM_TOKEN"));
    }

    private GenerationResult run(GeneratorOptions.Builder options, String... modules) {
        return new Generator(options.build())
                .run(Arrays.stream(modules)
                        .map(m -> ModuleInput.of(tmp.resolve(m)))
                        .toList());
    }

    private static FileChange file(GenerationResult r, String display) {
        return r.files().stream()
                .filter(f -> f.displayPath().equals(display))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + display + " in " + r.files()));
    }

    private static String everythingPrinted(GenerationResult r) {
        StringBuilder s = new StringBuilder();
        r.messages().forEach(m -> s.append(m.text()).append('\n'));
        r.files().forEach(f -> s.append(f.summary()).append('\n').append(f.diff()));
        return s.toString();
    }

    @Test
    void aPublicOnlyFrontendGetsNoRegistryAndNoTokenLine() {
        TreeBuilder t = tree();
        for (String lock : List.of("package-lock.json", "pnpm-lock.yaml", "yarn.lock", "bun.lockb")) {
            String m = lock.replaceAll("[^a-z]", "");
            t.file(m + "/pom.xml", "<project/>");
            t.packageJson(m + "/src/main/frontend", "");
            t.file(m + "/src/main/frontend/" + lock, lock.equals("yarn.lock") ? "# yarn lockfile v1\n" : "{}");
        }
        t.packageJson("berry/src/main/frontend", "\"packageManager\": \"yarn@4.18.1\"");
        env.remove("NPM_TOKEN");
        GenerationResult r = run(
                options().ci(true).requireTokens(true),
                "packagelockjson",
                "pnpmlockyaml",
                "yarnlock",
                "bunlockb",
                "berry");
        assertEquals(5, r.frontends().size());
        for (FrontendReport f : r.frontends()) {
            assertEquals(List.of(), f.registries(), f.toString());
            for (String name : List.of(".npmrc", ".yarnrc.yml", "bunfig.toml")) {
                assertFalse(
                        Files.exists(f.localPrefix().resolve(name)),
                        f.localPrefix().resolve(name).toString());
            }
        }
        assertFalse(r.hasErrors(), r.messages().toString());
        assertTrue(
                r.files().stream()
                        .filter(f -> f.role() == FileChange.Role.PROJECT)
                        .toList()
                        .isEmpty(),
                r.files().toString());
        assertTrue(
                r.messages().stream().anyMatch(m -> m.text()
                        .equals("packagelockjson/src/main/frontend: npm"
                                + " (package-lock.json); no registry configured or declared in its files, so no registry or token line"
                                + " is written")),
                r.messages().toString());
    }

    private static final String USER_CONFIG_HEAD =
            "# Written by npmrc-guard for NPM_CONFIG_USERCONFIG; rewritten on every"
                    + " build. Do not commit.\n# Tokens come from environment variables; this file holds placeholders only.\n";

    /** A frontend published to its own registry, with the package manager's fields. */
    private void published(TreeBuilder t, String folder, String name, String members) {
        t.file(
                folder + "/package.json",
                "{\n  \"name\": \"" + name + "\",\n  \"publishConfig\": {\"registry\":"
                        + " \"https://npm.acme.example/\"}" + (members.isEmpty() ? "" : ",\n  " + members) + "\n}\n");
    }

    @Test
    void aPublishConfigRegistryGetsARequiredTokenButNoRegistryLineForEachClient() {
        TreeBuilder t = tree();
        published(t, "npm", "@acme/x", "");
        t.file("npm/package-lock.json", "{}");
        published(t, "pnpm", "@acme/x", "\"packageManager\": \"pnpm@10.34.9\"");
        published(t, "yarn", "x", "\"packageManager\": \"yarn@1.22.22\"");
        published(t, "berry", "@acme/x", "\"packageManager\": \"yarn@4.18.1\"");
        published(t, "bun", "@acme/x", "\"packageManager\": \"bun@1.4.5\"");
        env.put("NPM_ACME_EXAMPLE_TOKEN", "set");
        GenerationResult r = run(options(), "npm", "pnpm", "yarn", "berry", "bun");
        assertFalse(r.hasErrors(), r.messages().toString());
        assertEquals("//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n", t.read("npm/.npmrc"));
        for (String m : List.of("pnpm", "yarn")) {
            assertFalse(Files.exists(t.path(m + "/.npmrc")), m + ": no project placeholder, no registry line");
            assertEquals(
                    USER_CONFIG_HEAD + "//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n",
                    t.read(m + "/target/npmrc-guard/.npmrc"),
                    m);
        }
        assertEquals(
                "npmRegistries:\n  \"//npm.acme.example\":\n    npmAuthToken: \"${NPM_ACME_EXAMPLE_TOKEN:-}\"\n",
                t.read("berry/.yarnrc.yml"));
        assertFalse(Files.exists(t.path("bun/bunfig.toml")), "bunfig.toml has no token without a registry");
        assertEquals(
                "//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n",
                t.read("bun/.npmrc"),
                "bun reads .npmrc too");
        assertTrue(
                r.messages().stream()
                        .anyMatch(
                                m -> m.text()
                                        .equals(
                                                "bun/.npmrc: bun publish does not follow"
                                                        + " publishConfig.registry; give it --registry https://npm.acme.example/ to publish there with this token")),
                r.messages().toString());
        FrontendReport npm = r.frontends().get(0);
        assertEquals(
                List.of(new RegistrySpec("https://npm.acme.example/", "@acme", "NPM_ACME_EXAMPLE_TOKEN", true)),
                npm.registries());
        assertEquals("package.json publishConfig.registry", npm.registrySource());
    }

    @Test
    void eachWorkspaceMembersOwnPublishConfigRegistryIsReadLikeTheRoots() {
        TreeBuilder t = tree();
        // pnpm: pnpm-workspace.yaml globs; the root publishes nowhere, two members to two registries.
        t.file("pnpm/package.json", "{\"name\": \"root\", \"private\": true, \"packageManager\": \"pnpm@10.34.9\"}\n");
        t.file("pnpm/pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n  - '!packages/skipped'\n");
        t.file(
                "pnpm/packages/a/package.json",
                "{\"name\": \"@acme/a\", \"publishConfig\": {\"registry\": \"https://npm.acme.example/\"}}\n");
        t.file(
                "pnpm/packages/b/package.json",
                "{\"name\": \"b\", \"publishConfig\": {\"registry\": \"https://releases.example/npm/\"}}\n");
        t.file(
                "pnpm/packages/skipped/package.json",
                "{\"name\": \"s\", \"publishConfig\": {\"registry\": \"https://skipped.example/\"}}\n");
        t.file(
                "pnpm/node_modules/dep/package.json",
                "{\"name\": \"dep\", \"publishConfig\": {\"registry\": \"https://dep.example/\"}}\n");
        // npm: workspaces in package.json; a member with the root's registry adds nothing twice.
        t.file(
                "npm/package.json",
                "{\"name\": \"root\", \"workspaces\": [\"libs/*\"], \"publishConfig\": {\"registry\":"
                        + " \"https://npm.acme.example/\"}}\n");
        t.file("npm/package-lock.json", "{}");
        t.file(
                "npm/libs/one/package.json",
                "{\"name\": \"one\", \"publishConfig\": {\"registry\": \"https://npm.acme.example/\"}}\n");
        t.file(
                "npm/libs/two/package.json",
                "{\"name\": \"two\", \"publishConfig\": {\"registry\": \"https://releases.example/npm/\"}}\n");
        // yarn 1: yarn's {"packages": [...]} form.
        t.file(
                "yarn/package.json",
                "{\"name\": \"root\", \"private\": true, \"packageManager\": \"yarn@1.22.22\","
                        + " \"workspaces\": {\"packages\": [\"web\"]}}\n");
        t.file(
                "yarn/web/package.json",
                "{\"name\": \"web\", \"publishConfig\": {\"registry\": \"https://releases.example/npm/\"}}\n");
        env.put("NPM_ACME_EXAMPLE_TOKEN", "set");
        env.put("RELEASES_EXAMPLE_TOKEN", "set");
        GenerationResult r = run(options(), "pnpm", "npm", "yarn");
        assertFalse(r.hasErrors(), r.messages().toString());
        assertEquals(
                USER_CONFIG_HEAD + "//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n"
                        + "//releases.example/npm/:_authToken=${RELEASES_EXAMPLE_TOKEN}\n",
                t.read("pnpm/target/npmrc-guard/.npmrc"));
        assertFalse(Files.exists(t.path("pnpm/.npmrc")), "no project placeholder, no registry line");
        assertEquals(
                "//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n"
                        + "//releases.example/npm/:_authToken=${RELEASES_EXAMPLE_TOKEN}\n",
                t.read("npm/.npmrc"));
        assertEquals(
                USER_CONFIG_HEAD + "//releases.example/npm/:_authToken=${RELEASES_EXAMPLE_TOKEN}\n",
                t.read("yarn/target/npmrc-guard/.npmrc"));
        GenerationResult again = run(options(), "pnpm", "npm", "yarn");
        assertTrue(
                again.files().stream().allMatch(f -> f.action() == FileAction.UNCHANGED),
                again.files().toString());
    }

    @Test
    void aPublishConfigRegistryWithUserInfoIsRefusedWithoutRepeatingIt() {
        TreeBuilder t = tree();
        String secret = tokens.opaque(32);
        t.file(
                "web/package.json",
                "{\"name\": \"x\", \"publishConfig\": {\"registry\": \"https://ci:" + secret
                        + "@npm.acme.example/\"}}\n");
        t.file("web/package-lock.json", "{}");
        GenerationResult r = run(options(), "web");
        assertEquals(List.of(), r.frontends().get(0).registries());
        assertFalse(Files.exists(t.path("web/.npmrc")));
        assertTrue(
                r.messages().stream().anyMatch(m -> m.text()
                        .equals("web/package.json: publishConfig.registry is not"
                                + " used by the generator: a registry URL carries user info (a user name or password before '@'); remove"
                                + " it and give the token through a token variable instead")),
                r.messages().toString());
        TestTokens.assertNoFragment(everythingPrinted(r), secret, "output");
    }

    @Test
    void aPublishConfigRegistryIsHeldToItsTokenByThePreflight() {
        TreeBuilder t = tree();
        published(t, "web", "x", "\"packageManager\": \"pnpm@10.34.9\"");
        GenerationResult r = run(options().requireTokens(true), "web");
        assertTrue(
                r.messages(Message.Level.ERROR).stream().anyMatch(m -> m.text()
                        .equals("web/target/npmrc-guard/.npmrc:"
                                + " NPM_ACME_EXAMPLE_TOKEN is not set, but the install needs it for //npm.acme.example/; set it in the"
                                + " CI job's secrets (npmrcguard.preflight=off turns this check off)")),
                r.messages().toString());
    }

    @Test
    void anUnsetTokenVariableIsSaidOnceForAllTheUserConfigsThatNeedIt() {
        TreeBuilder t = tree();
        for (String m : List.of("a", "b", "c")) {
            t.file(m + "/pom.xml", "<project/>");
            t.file(
                    m + "/src/main/frontend/package.json",
                    "{\"name\": \"" + m + "\", \"packageManager\": \""
                            + (m.equals("c") ? "yarn@1.22.22" : "pnpm@10.34.9") + "\"}\n");
        }
        String info = ": ACME_TOKEN is not set, so //npm.acme.example/ gets no token line (requests to it go without"
                + " credentials)";
        GenerationResult r = run(
                options().registry(new RegistrySpec("https://npm.acme.example/", "@acme", "ACME_TOKEN")),
                "a",
                "b",
                "c");
        assertEquals(
                List.of("a/target/npmrc-guard/.npmrc and 2 other user configs" + info),
                r.messages().stream()
                        .map(Message::text)
                        .filter(m -> m.contains("ACME_TOKEN"))
                        .toList());
        // No module's pom runs a package manager: the same advice for all three, said once.
        assertEquals(
                List.of("pnpm in a/src/main/frontend, pnpm in b/src/main/frontend and yarn 1 in c/src/main/frontend"
                        + " read their tokens from npmrc-guard/.npmrc in their module's build folder only when"
                        + " NPM_CONFIG_USERCONFIG points at it; their poms run no frontend-maven-plugin or"
                        + " exec-maven-plugin package manager, so set NPM_CONFIG_USERCONFIG to that file wherever each"
                        + " install runs (the build sets its path as ${npmrcguard.userconfig.file})"),
                r.messages().stream()
                        .map(Message::text)
                        .filter(m -> m.contains("NPM_CONFIG_USERCONFIG points at it"))
                        .toList());
        // Each file's own outcome still says it, for fix, which writes one module's file.
        assertEquals(
                List.of(new Message(Message.Level.INFO, "b/target/npmrc-guard/.npmrc" + info)),
                file(r, "b/target/npmrc-guard/.npmrc").messages());

        GenerationResult ci = run(
                options()
                        .requireTokens(true)
                        .registry(new RegistrySpec("https://npm.acme.example/", "@acme", "ACME_TOKEN")),
                "a",
                "b",
                "c");
        assertEquals(
                List.of("a/target/npmrc-guard/.npmrc and 2 other user configs: ACME_TOKEN is not set, but the install"
                        + " needs it for //npm.acme.example/; set it in the CI job's secrets (npmrcguard.preflight=off"
                        + " turns this check off)"),
                ci.messages(Message.Level.ERROR).stream().map(Message::text).toList());
    }

    @Test
    void oneModulesSeveralFrontendsReadTheirTokensFromItsUserConfig() {
        TreeBuilder t = tree();
        t.file("app/pom.xml", "<project/>");
        for (String f : List.of("ui", "admin")) {
            t.file("app/" + f + "/package.json", "{\"name\": \"" + f + "\", \"packageManager\": \"yarn@1.22.22\"}\n");
        }
        GenerationResult r =
                run(options().registry(new RegistrySpec("https://npm.acme.example/", "@acme", "ACME_TOKEN")), "app");
        assertEquals(
                List.of("yarn 1 in app/admin and yarn 1 in app/ui read their tokens from app/target/npmrc-guard/.npmrc"
                        + " only when NPM_CONFIG_USERCONFIG points at it; app/pom.xml runs no frontend-maven-plugin or"
                        + " exec-maven-plugin package manager, so set NPM_CONFIG_USERCONFIG to that file wherever the"
                        + " install runs (the build sets its path as ${npmrcguard.userconfig.file})"),
                r.messages().stream()
                        .map(Message::text)
                        .filter(m -> m.contains("NPM_CONFIG_USERCONFIG points at it"))
                        .toList());
    }

    @Test
    void aPublishConfigRegistryTheFilesDeclareAlreadyIsNotAddedTwice() throws IOException {
        TreeBuilder t = tree();
        published(t, "web", "@acme/x", "");
        t.file("web/package-lock.json", "{}");
        t.file("web/.npmrc", "@acme:registry=https://npm.acme.example/\n//npm.acme.example/:_authToken=${ACME}\n");
        GenerationResult r = run(options(), "web");
        assertEquals(
                List.of(new RegistrySpec("https://npm.acme.example/", "@acme", "ACME")),
                r.frontends().get(0).registries());
        assertEquals(".npmrc", r.frontends().get(0).registrySource());
        assertEquals(
                "@acme:registry=https://npm.acme.example/\n//npm.acme.example/:_authToken=${ACME}\n",
                t.read("web/.npmrc"));
    }

    @Test
    void aPublishConfigRegistryIsAddedToDeclaredOnesAndASecondRunChangesNothing() throws IOException {
        TreeBuilder t = tree();
        published(t, "web", "x", "");
        t.file("web/package-lock.json", "{}");
        t.file("web/.npmrc", "registry=https://mirror.example/\n");
        t.packageJson("berry", "\"packageManager\": \"yarn@4.18.1\"");
        published(t, "berry", "x", "\"packageManager\": \"yarn@4.18.1\"");
        t.file("berry/.yarnrc.yml", "npmRegistries:\n  \"https://npm.acme.example\":\n    npmAlwaysAuth: true\n");
        published(t, "bun", "x", "\"packageManager\": \"bun@1.4.5\"");
        t.file("bun/.npmrc", "# mine\n");
        GenerationResult r = run(options(), "web", "berry", "bun");
        assertEquals(
                "registry=https://mirror.example/\n//mirror.example/:_authToken=${MIRROR_EXAMPLE_TOKEN}\n"
                        + "//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n",
                t.read("web/.npmrc"));
        assertEquals(
                ".npmrc and package.json publishConfig.registry",
                r.frontends().get(0).registrySource());
        assertEquals(
                "npmRegistries:\n  \"https://npm.acme.example\":\n    npmAlwaysAuth: true\n"
                        + "    npmAuthToken: \"${NPM_ACME_EXAMPLE_TOKEN:-}\"\n",
                t.read("berry/.yarnrc.yml"));
        assertEquals("# mine\n//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n", t.read("bun/.npmrc"));
        GenerationResult again = run(options(), "web", "berry", "bun");
        assertTrue(
                again.files().stream().allMatch(f -> f.action() == FileAction.UNCHANGED),
                again.files().toString());
    }

    @Test
    void npmFrontendInSrcMainFrontendGetsItsProjectNpmrc() {
        TreeBuilder t = tree();
        t.file("app/pom.xml", "<project/>");
        t.packageJson("app/src/main/frontend", "");
        t.file("app/src/main/frontend/package-lock.json", "{}");
        GenerationResult r = run(declared(), "app");
        assertEquals(NPMJS_LINES, t.read("app/src/main/frontend/.npmrc"));
        assertEquals(
                "app/src/main/frontend/.npmrc: created (+2 -0)",
                file(r, "app/src/main/frontend/.npmrc").summary());
        assertEquals(1, r.frontends().size());
        FrontendReport f = r.frontends().get(0);
        assertEquals(Kind.NPM, f.packageManager().kind());
        assertEquals("configuration", f.registrySource());
        assertEquals(tmp.resolve("app/src/main/frontend"), f.localPrefix());
        assertTrue(r.userConfigFor(tmp.resolve("app")).isEmpty(), "npm needs no user config");
        assertFalse(Files.exists(tmp.resolve("app/target")));
        assertFalse(r.hasErrors());
    }

    @Test
    void aSecondRunChangesNothingAndDoesNotTouchTheFiles() throws IOException {
        TreeBuilder t = tree();
        t.packageJson("web", "\"packageManager\": \"pnpm@10.34.9\"");
        t.file("web/.npmrc", "# keep me\r\nstrict-ssl=false\r\n");
        GeneratorOptions.Builder o =
                options().registry(new RegistrySpec("https://npm.pkg.github.com", "@acme", "GH_TOKEN"));
        GenerationResult first = run(o, "web");
        assertEquals(FileAction.UPDATED, file(first, "web/.npmrc").action());
        assertEquals(
                FileAction.CREATED, file(first, "web/target/npmrc-guard/.npmrc").action());
        FileTime old = FileTime.fromMillis(1_500_000_000_000L);
        Files.setLastModifiedTime(t.path("web/.npmrc"), old);
        Files.setLastModifiedTime(t.path("web/target/npmrc-guard/.npmrc"), old);
        byte[] project = t.readBytes("web/.npmrc");
        byte[] user = t.readBytes("web/target/npmrc-guard/.npmrc");

        GenerationResult second = run(o, "web");
        assertTrue(
                second.files().stream().allMatch(f -> f.action() == FileAction.UNCHANGED),
                second.files().toString());
        assertArrayEquals(project, t.readBytes("web/.npmrc"));
        assertArrayEquals(user, t.readBytes("web/target/npmrc-guard/.npmrc"));
        assertEquals(old, Files.getLastModifiedTime(t.path("web/.npmrc")));
        assertEquals(old, Files.getLastModifiedTime(t.path("web/target/npmrc-guard/.npmrc")));
    }

    @Test
    void aFileWithALiteralIsLeftAloneAndNothingOfTheSecretIsPrinted() {
        TreeBuilder t = tree();
        String token = tokens.npm();
        t.packageJson("web", "");
        String text = "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=" + token + "\n";
        t.file("web/.npmrc", text);
        GenerationResult r = run(options().registry(RegistrySpec.of("https://nexus.example.com/npm/")), "web");
        FileChange c = file(r, "web/.npmrc");
        assertEquals(FileAction.REFUSED_LITERAL, c.action());
        assertEquals("", c.diff());
        assertEquals(text, t.read("web/.npmrc"));
        List<Message> warnings = r.messages(Message.Level.WARNING);
        assertEquals(1, warnings.size(), r.messages().toString());
        assertEquals(
                "web/.npmrc: not changed: it holds a literal credential (line 2 [literal-credential]). Revoke that"
                        + " token first, then run mvn npmrc-guard:fix and generate again",
                warnings.get(0).text());
        assertEquals(warnings, c.messages(), "the file's own messages");
        assertEquals("web/.npmrc: left alone: holds a literal credential", c.summary());
        TestTokens.assertNoFragment(everythingPrinted(r), token, "the result");
        assertFalse(r.hasErrors(), "CI may have injected it: check judges what is committed");
    }

    @Test
    void aTokenInACommentAlsoRefusesTheFile() {
        TreeBuilder t = tree();
        String token = tokens.githubClassic();
        t.packageJson("web", "");
        t.file("web/.npmrc", "# old: " + token + "\n");
        GenerationResult r = run(declared(), "web");
        assertEquals(FileAction.REFUSED_LITERAL, file(r, "web/.npmrc").action());
        TestTokens.assertNoFragment(everythingPrinted(r), token, "the result");
    }

    @Test
    void dryRunWritesNothingAndShowsTheDiff() {
        TreeBuilder t = tree();
        t.packageJson("web", "\"packageManager\": \"pnpm@10.34.9\"");
        t.file("web/.npmrc", "save-exact=true\n//r.example/:_authToken=placeholder\n");
        GenerationResult r = run(options().dryRun(true).registry(RegistrySpec.of("https://r.example/")), "web");
        assertEquals("save-exact=true\n//r.example/:_authToken=placeholder\n", t.read("web/.npmrc"));
        assertFalse(Files.exists(t.path("web/target")));
        FileChange project = file(r, "web/.npmrc");
        assertEquals(FileAction.DRY_RUN, project.action());
        assertEquals(
                "--- a/web/.npmrc\n+++ b/web/.npmrc\n@@ -1,2 +1,3 @@\n save-exact=true\n " + UnifiedDiff.HIDDEN
                        + "\n+registry=https://r.example/\n",
                project.diff());
        FileChange user = file(r, "web/target/npmrc-guard/.npmrc");
        assertEquals(FileAction.DRY_RUN, user.action());
        assertTrue(user.diff().startsWith("--- /dev/null\n+++ b/web/target/npmrc-guard/.npmrc\n"), user.diff());
        assertTrue(r.userConfigFor(t.path("web")).isEmpty(), "no property for a file that was not written");
    }

    @Test
    void aFrontendIsTheModulesWhoseBuildRunsItsPackageManagerNotTheFolderAboveIt() {
        TreeBuilder t = tree();
        t.file("console/pom.xml", "<project/>");
        t.file("console/service/pom.xml", "<project/>");
        t.packageJson("console/webapp", "\"packageManager\": \"pnpm@10.34.9\"");
        t.file("console/webapp/.npmrc", "@acme:registry=https://npm.acme.example/\n");
        env.put("NPM_ACME_EXAMPLE_TOKEN", "set");
        GenerationResult r = new Generator(options().build())
                .run(List.of(
                        ModuleInput.of(t.path("console")),
                        ModuleInput.of(t.path("console/service")).withWorkingDirectory(Path.of("../webapp"))));
        assertEquals(1, r.frontends().size(), r.frontends().toString());
        assertEquals(
                t.path("console/service/target/npmrc-guard/.npmrc"),
                r.userConfigFor(t.path("console/service")).orElseThrow());
        assertTrue(r.userConfigFor(t.path("console")).isEmpty());
        assertFalse(Files.exists(t.path("console/target/npmrc-guard/.npmrc")));
        assertTrue(t.read("console/service/target/npmrc-guard/.npmrc")
                .contains("//npm.acme.example/:_authToken=${NPM_ACME_EXAMPLE_TOKEN}\n"));
    }

    @Test
    void underCiProjectFilesAreNotWrittenButTheUserConfigIs() {
        TreeBuilder t = tree();
        t.packageJson("npm-app", "");
        t.packageJson("pnpm-app", "\"packageManager\": \"pnpm@11.28.11\"");
        t.file("pnpm-app/.npmrc", "registry=https://registry.npmjs.org/\n");
        t.file("ok-app/.npmrc", NPMJS_LINES);
        t.packageJson("ok-app", "");
        env.put("CI", "true");
        GenerationResult r = run(declared(), "npm-app", "pnpm-app", "ok-app");
        assertEquals(FileAction.NOT_WRITTEN_CI, file(r, "npm-app/.npmrc").action());
        assertEquals(
                "--- /dev/null\n+++ b/npm-app/.npmrc\n@@ -0,0 +1,2 @@\n+registry=https://registry.npmjs.org/\n"
                        + "+//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n",
                file(r, "npm-app/.npmrc").diff());
        assertFalse(Files.exists(t.path("npm-app/.npmrc")));
        assertEquals(FileAction.UNCHANGED, file(r, "ok-app/.npmrc").action());
        assertEquals(
                FileAction.CREATED,
                file(r, "pnpm-app/target/npmrc-guard/.npmrc").action());
        assertEquals(
                t.path("pnpm-app/target/npmrc-guard/.npmrc"),
                r.userConfigFor(t.path("pnpm-app")).orElseThrow());
        assertTrue(r.hasErrors());
        assertEquals(
                List.of("npm-app/.npmrc is not up to date (it does not exist). CI is set, so generate does not write"
                        + " project files: run mvn npmrc-guard:generate locally and commit the change"),
                r.messages(Message.Level.ERROR).stream().map(Message::text).toList());
    }

    @Test
    void ciFalseOrEmptyIsNotCi() {
        assertFalse(GeneratorOptions.isCi(Map.of()));
        assertFalse(GeneratorOptions.isCi(Map.of("CI", "")));
        assertFalse(GeneratorOptions.isCi(Map.of("CI", "false")));
        assertFalse(GeneratorOptions.isCi(Map.of("CI", "0")));
        assertTrue(GeneratorOptions.isCi(Map.of("CI", "true")));
        assertTrue(GeneratorOptions.isCi(Map.of("CI", "1")));
        assertTrue(options().environment(Map.of("CI", "true")).build().ci());
        assertFalse(
                options().environment(Map.of("CI", "true")).ci(false).build().ci());
    }

    @Test
    void twoRegistriesForOneScopeAreAConfigurationError() {
        GeneratorOptions.Builder o = options()
                .registry(RegistrySpec.of("https://a.example/"))
                .registry(RegistrySpec.of("https://b.example/"));
        IllegalArgumentException e =
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, o::build);
        assertEquals(
                "two registries are configured for the default (unscoped) registry; npm uses one registry per scope",
                e.getMessage());
    }

    @Test
    void newPnpmGetsAPrivateUserConfigAndNoProjectFileForTheConfiguredPublicRegistry() throws IOException {
        TreeBuilder t = tree();
        t.packageJson("web", "");
        t.file("web/pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
        env.put("NPM_TOKEN", tokens.npm());
        GenerationResult r = run(declared(), "web");
        assertEquals(
                "registry=https://registry.npmjs.org/\n", t.read("web/.npmrc"), "the token is not in the project file");
        Path userConfig = r.userConfigFor(t.path("web")).orElseThrow();
        assertEquals(t.path("web/target/npmrc-guard/.npmrc"), userConfig);
        assertEquals(
                "# Written by npmrc-guard for NPM_CONFIG_USERCONFIG; rewritten on every build. Do not commit.\n"
                        + "# Tokens come from environment variables; this file holds placeholders only.\n"
                        + NPMJS_LINES,
                Files.readString(userConfig));
        if (Files.getFileStore(userConfig).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(userConfig)));
        }
        TestTokens.assertNoFragment(
                Files.readString(userConfig) + everythingPrinted(r), env.get("NPM_TOKEN"), "output");
    }

    @Test
    void oldPnpmAlsoGetsTheTokenInTheUserConfig() throws IOException {
        // pnpm before 10.34.2 drops a whole project .npmrc whose placeholder is unset, registry lines
        // included, and would then ask the public registry for the private packages.
        TreeBuilder t = tree();
        t.packageJson("web", "\"packageManager\": \"pnpm@9.15.9\"");
        GenerationResult r = run(declared(), "web");
        assertFalse(
                Files.exists(t.path("web/.npmrc"))
                        && Files.readString(t.path("web/.npmrc")).contains("_authToken"),
                "no project placeholder for pnpm");
        assertEquals(
                t.path("web/target/npmrc-guard/.npmrc"),
                r.userConfigFor(t.path("web")).orElseThrow());
    }

    @Test
    void underThePreflightAnUnsetVariableTheUserConfigNeedsIsAnError() {
        TreeBuilder t = tree();
        t.packageJson("web", "\"packageManager\": \"pnpm@10.34.9\"");
        GenerationResult r = run(declared().requireTokens(true), "web");
        assertTrue(r.hasErrors());
        assertTrue(
                r.messages(Message.Level.ERROR).stream().anyMatch(m -> m.text()
                        .equals("web/target/npmrc-guard/.npmrc:"
                                + " NPM_TOKEN is not set, but the install needs it for //registry.npmjs.org/; set it in the CI job's"
                                + " secrets (npmrcguard.preflight=off turns this check off)")),
                r.messages().toString());
        assertFalse(run(declared(), "web").hasErrors(), "outside the preflight it is only noted");
    }

    @Test
    void aTokenLineIsLeftOutOfTheUserConfigWhileItsVariableIsUnset() throws IOException {
        TreeBuilder t = tree();
        t.packageJson("web", "\"packageManager\": \"yarn@1.22.22\"");
        GenerationResult r = run(declared(), "web");
        assertEquals(
                "# Written by npmrc-guard for NPM_CONFIG_USERCONFIG; rewritten on every build. Do not commit.\n"
                        + "# Tokens come from environment variables; this file holds placeholders only.\n"
                        + "registry=https://registry.npmjs.org/\n# NPM_TOKEN is not set: no token line for //registry.npmjs.org/\n",
                t.read("web/target/npmrc-guard/.npmrc"));
        assertEquals(
                "registry=https://registry.npmjs.org/\n",
                t.read("web/.npmrc"),
                "yarn 1 gets no project placeholder: it would fail when unset");
        assertTrue(
                r.messages().stream()
                        .anyMatch(
                                m -> m.text()
                                        .equals(
                                                "web/target/npmrc-guard/.npmrc: NPM_TOKEN is not set,"
                                                        + " so //registry.npmjs.org/ gets no token line (requests to it go without credentials)")),
                r.messages().toString());
    }

    @Test
    void theUserConfigCarriesNetworkSettingsOfTheUsersOwnButNoCredential() throws IOException {
        TreeBuilder t = tree();
        String npmToken = tokens.npm();
        String password = tokens.opaque(20);
        String basic = TestTokens.base64("me:" + password);
        String ghToken = tokens.githubClassic();
        t.file(
                "home/.npmrc",
                "# my laptop\n"
                        + "registry=https://mirror.example.com/npm/\n"
                        + "@corp:registry=https://corp.example.com/npm/\n"
                        + "//corp.example.com/npm/:_authToken=" + npmToken + "\n"
                        + "//mirror.example.com/npm/:_auth=" + basic + "\n"
                        + "//mirror.example.com/npm/:username=me\n"
                        + "//mirror.example.com/npm/:_password=" + TestTokens.base64(password) + "\n"
                        + "//corp.example.com/npm/:certfile=/home/me/client.pem\n"
                        + "https-proxy=http://proxy.example.com:3128/\n"
                        + "proxy=http://me:" + password + "@proxy.example.com:3128/\n"
                        + "noproxy=localhost,.example.com\n"
                        + "cafile=\"/etc/ssl/corp ca#1.pem\"\n"
                        + "strict-ssl=false\n"
                        + "fetch-retries=5\n"
                        + "email=me@example.com\n"
                        + "_authToken=${SOMETHING}\n"
                        + "cache=/var/cache/npm ; shared\n"
                        + "maxsockets=" + ghToken + "\n"
                        + "init-author-name=Me\n");
        t.packageJson("web", "\"packageManager\": \"pnpm@10.34.9\"");
        GenerationResult r = run(declared(), "web");
        String written = t.read("web/target/npmrc-guard/.npmrc");
        assertEquals(
                "# Written by npmrc-guard for NPM_CONFIG_USERCONFIG; rewritten on every build. Do not commit.\n"
                        + "# Tokens come from environment variables; this file holds placeholders only.\n"
                        + "# Carried over from your own user config (no credentials):\n"
                        + "@corp:registry=https://corp.example.com/npm/\n"
                        + "https-proxy=http://proxy.example.com:3128/\n"
                        + "noproxy=localhost,.example.com\n"
                        + "cafile=\"/etc/ssl/corp ca#1.pem\"\n"
                        + "strict-ssl=false\n"
                        + "fetch-retries=5\n"
                        + "cache=/var/cache/npm\n"
                        + "registry=https://registry.npmjs.org/\n"
                        + "# NPM_TOKEN is not set: no token line for //registry.npmjs.org/\n",
                written);
        for (String secret : List.of(npmToken, password, basic, ghToken)) {
            TestTokens.assertNoFragment(written + everythingPrinted(r), secret, "the user config and messages");
        }
    }

    @Test
    void hiddenLoginIsAWarningWhenTheVariableIsUnset() {
        TreeBuilder t = tree();
        t.file("home/.npmrc", "//registry.npmjs.org/:_authToken=" + tokens.npm() + "\n");
        t.packageJson("web", "\"packageManager\": \"pnpm@10.34.9\"");
        GenerationResult r = run(declared(), "web");
        assertEquals(
                List.of(
                        "web/target/npmrc-guard/.npmrc: NPM_TOKEN is not set, and this file hides the credentials your"
                                + " own user config has for //registry.npmjs.org/; set NPM_TOKEN to the token for that registry"),
                r.messages(Message.Level.WARNING).stream().map(Message::text).toList());
    }

    @Test
    void npmConfigUserconfigIsTheSourceWhenSet() {
        TreeBuilder t = tree();
        t.file("home/.npmrc", "strict-ssl=false\n");
        Path ci = t.file("runner/.npmrc", "always-auth=true\nfetch-timeout=600000\n");
        env.put("npm_config_userconfig", ci.toString());
        t.packageJson("web", "\"packageManager\": \"pnpm@10.34.9\"");
        run(declared(), "web");
        assertTrue(t.read("web/target/npmrc-guard/.npmrc").contains("\nfetch-timeout=600000\nregistry="));
        assertFalse(t.read("web/target/npmrc-guard/.npmrc").contains("strict-ssl"));
    }

    @Test
    void utf16LittleEndianWithBomAndCrlfStaysSo() throws IOException {
        TreeBuilder t = tree();
        t.packageJson("web", "");
        t.bytes("web/.npmrc", utf16le("; Windows editor\r\nsave-exact=true\r\n"));
        GenerationResult r = run(declared(), "web");
        assertEquals(FileAction.UPDATED, file(r, "web/.npmrc").action());
        assertArrayEquals(
                utf16le("; Windows editor\r\nsave-exact=true\r\nregistry=https://registry.npmjs.org/\r\n"
                        + "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\r\n"),
                t.readBytes("web/.npmrc"));
        assertEquals(
                FileAction.UNCHANGED, file(run(declared(), "web"), "web/.npmrc").action());
    }

    private static byte[] utf16le(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    @Test
    void aUtf8BomIsKeptAndNoneIsAdded() {
        TreeBuilder t = tree();
        t.packageJson("a", "");
        t.packageJson("b", "");
        t.bytes("a/.npmrc", ("\uFEFFsave-exact=true\n").getBytes(StandardCharsets.UTF_8));
        t.file("b/.npmrc", "save-exact=true\n");
        run(declared(), "a", "b");
        assertEquals("\uFEFFsave-exact=true\n" + NPMJS_LINES, t.read("a/.npmrc"));
        assertEquals("save-exact=true\n" + NPMJS_LINES, t.read("b/.npmrc"));
    }

    @Test
    void workspaceMembersShareTheRootsNpmrcAndTheirOwnIsReported() {
        TreeBuilder t = tree();
        t.packageJson("", "\"workspaces\": [\"shop/src/main/frontend\", \"admin/frontend\"]");
        t.file("package-lock.json", "{}");
        t.packageJson("shop/src/main/frontend", "");
        t.packageJson("admin/frontend", "");
        t.file("admin/frontend/.npmrc", "registry=https://ignored.example/\n");
        GenerationResult r = run(declared(), "shop", "admin");
        assertEquals(NPMJS_LINES, t.read(".npmrc"));
        assertEquals(1, r.files().size(), r.files().toString());
        assertEquals(2, r.frontends().size());
        assertTrue(r.frontends().stream().allMatch(f -> f.localPrefix().equals(tmp)));
        assertEquals(
                List.of("admin/frontend/.npmrc is not read: npm ignores the .npmrc of a workspace member and reads"
                        + " .npmrc; move its settings there"),
                r.messages(Message.Level.WARNING).stream().map(Message::text).toList());
    }

    @Test
    void aModuleNpmrcAboveItsFrontendIsDeadConfigForNpm() {
        TreeBuilder t = tree();
        t.file("app/.npmrc", "registry=https://r.example/\n");
        t.packageJson("app/src/main/frontend", "");
        GenerationResult r = run(options(), "app");
        assertEquals(
                List.of("app/.npmrc is not read: npm and pnpm read .npmrc only in the folder that holds package.json;"
                        + " the frontend below it reads app/src/main/frontend/.npmrc, so move its settings there"),
                r.messages(Message.Level.WARNING).stream().map(Message::text).toList());
    }

    @Test
    void yarnClassicReadsAncestorNpmrcsSoNoWarning() {
        TreeBuilder t = tree();
        t.file("app/.npmrc", "registry=https://r.example/\n");
        t.packageJson("app/src/main/frontend", "");
        t.file("app/src/main/frontend/yarn.lock", "# yarn lockfile v1\n");
        GenerationResult r = run(options(), "app");
        assertEquals(List.of(), r.messages(Message.Level.WARNING));
    }

    @Test
    void registriesComeFromTheExistingFileWithTheirVariables() {
        TreeBuilder t = tree();
        t.packageJson("web", "");
        t.file("web/.npmrc", "@acme:registry=https://gitlab.example.com/api/v4/projects/42/packages/npm/\n");
        GenerationResult r = run(options(), "web");
        assertEquals(
                "@acme:registry=https://gitlab.example.com/api/v4/projects/42/packages/npm/\n"
                        + "//gitlab.example.com/api/v4/projects/42/packages/npm/:_authToken=${GITLAB_EXAMPLE_COM_TOKEN}\n",
                t.read("web/.npmrc"));
        assertEquals(".npmrc", r.frontends().get(0).registrySource());
    }

    @Test
    void anUnusableRegistryLineIsNotOverwrittenByTheDefault() {
        TreeBuilder t = tree();
        t.packageJson("web", "");
        t.file("web/.npmrc", "registry=${REGISTRY_URL}\n");
        GenerationResult r = run(options(), "web");
        assertEquals("registry=${REGISTRY_URL}\n", t.read("web/.npmrc"));
        assertEquals(
                List.of(
                        "web/.npmrc:1: registry is not used by the generator: a registry URL is not a valid http(s) URL"),
                r.messages(Message.Level.WARNING).stream().map(Message::text).toList());
    }

    @Test
    void yarnBerryAndBunGetTheirOwnFiles() {
        TreeBuilder t = tree();
        t.packageJson("berry", "\"packageManager\": \"yarn@4.18.1\"");
        t.packageJson("bun", "");
        t.file("bun/bun.lock", "{}");
        run(options().registry(new RegistrySpec("https://npm.pkg.github.com/", "@acme", "GH_TOKEN")), "berry", "bun");
        assertEquals(
                "npmScopes:\n  acme:\n    npmRegistryServer: \"https://npm.pkg.github.com/\"\n"
                        + "    npmAuthToken: \"${GH_TOKEN:-}\"\n",
                t.read("berry/.yarnrc.yml"));
        assertEquals(
                "[install.scopes]\nacme = { url = \"https://npm.pkg.github.com/\", token = \"$GH_TOKEN\" }\n",
                t.read("bun/bunfig.toml"));
        assertFalse(Files.exists(t.path("berry/.npmrc")));
    }

    @Test
    void yarnBerryAndBunFilesAreIdempotentAndRefusedWithALiteral() throws IOException {
        TreeBuilder t = tree();
        t.packageJson("berry", "\"packageManager\": \"yarn@4.18.1\"");
        t.packageJson("bun", "\"packageManager\": \"bun@1.4.5\"");
        t.file("berry/.yarnrc.yml", "# mine\nnodeLinker: node-modules\n");
        t.file("bun/bunfig.toml", "# mine\n[install]\nexact = true\n");
        GeneratorOptions.Builder o = options().registry(RegistrySpec.of("https://nexus.example.com/npm/"));
        run(o, "berry", "bun");
        FileTime old = FileTime.fromMillis(1_400_000_000_000L);
        Files.setLastModifiedTime(t.path("berry/.yarnrc.yml"), old);
        Files.setLastModifiedTime(t.path("bun/bunfig.toml"), old);
        GenerationResult again = run(o, "berry", "bun");
        assertEquals(FileAction.UNCHANGED, file(again, "berry/.yarnrc.yml").action());
        assertEquals(FileAction.UNCHANGED, file(again, "bun/bunfig.toml").action());
        assertEquals(old, Files.getLastModifiedTime(t.path("berry/.yarnrc.yml")));
        assertEquals(old, Files.getLastModifiedTime(t.path("bun/bunfig.toml")));

        String token = tokens.opaque(36);
        String berryText = "npmRegistryServer: \"https://nexus.example.com/npm/\"\nnpmAuthToken: \"" + token + "\"\n";
        String bunText =
                "[install]\nregistry = { url = \"https://nexus.example.com/npm/\", token = \"" + token + "\" }\n";
        t.file("berry/.yarnrc.yml", berryText);
        t.file("bun/bunfig.toml", bunText);
        GenerationResult refused = run(o, "berry", "bun");
        assertEquals(
                FileAction.REFUSED_LITERAL, file(refused, "berry/.yarnrc.yml").action());
        assertEquals(
                FileAction.REFUSED_LITERAL, file(refused, "bun/bunfig.toml").action());
        assertEquals(berryText, t.read("berry/.yarnrc.yml"));
        assertEquals(bunText, t.read("bun/bunfig.toml"));
        TestTokens.assertNoFragment(everythingPrinted(refused), token, "the result");
    }

    @Test
    void userConfigForAllAddsOneForNpmToo() {
        TreeBuilder t = tree();
        t.packageJson("web", "");
        env.put("NPM_TOKEN", "x");
        GenerationResult r = run(declared().userConfigForAll(true), "web");
        assertEquals(NPMJS_LINES, t.read("web/.npmrc"));
        assertTrue(t.read("web/target/npmrc-guard/.npmrc").endsWith(NPMJS_LINES));
        assertTrue(r.userConfigFor(t.path("web")).isPresent());
    }

    @Test
    void configuredRegistriesAddRegistryLinesToANewPnpmProjectFile() {
        TreeBuilder t = tree();
        t.packageJson("web", "\"packageManager\": \"pnpm@10.34.9\"");
        run(options().registry(new RegistrySpec("https://npm.pkg.github.com/", "@acme", "GH_TOKEN")), "web");
        assertEquals("@acme:registry=https://npm.pkg.github.com/\n", t.read("web/.npmrc"));
    }

    @Test
    void aSymbolicLinkIsNotWrittenThrough() throws IOException {
        TreeBuilder t = tree();
        t.packageJson("web", "");
        Path outside = t.file("outside.npmrc", "save-exact=true\n");
        try {
            Files.createSymbolicLink(t.path("web/.npmrc"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        GenerationResult r = run(declared(), "web");
        assertEquals(FileAction.REFUSED, file(r, "web/.npmrc").action());
        assertEquals("save-exact=true\n", t.read("outside.npmrc"));
    }

    @Test
    void theInfoLineSaysInPlainWordsWhereTheRegistriesCameFrom() {
        TreeBuilder t = tree();
        t.file("conf/pom.xml", "<project/>");
        t.packageJson("conf", "");
        t.file("own/pom.xml", "<project/>");
        t.packageJson("own", "");
        t.file("own/.npmrc", "@acme:registry=https://npm.acme.example/\n");
        GenerationResult r = run(options(), "own");
        assertTrue(
                r.messages().stream()
                        .anyMatch(m -> m.text().equals("own: npm (no lockfile); registries from its .npmrc")),
                r.messages().toString());
        r = run(options().registry(new RegistrySpec("https://npm.acme.example/", "@acme", "ACME_TOKEN")), "conf");
        assertTrue(
                r.messages().stream().anyMatch(m -> m.text()
                        .equals("conf: npm (no lockfile); registries from the plugin's <registries>")),
                r.messages().toString());
    }

    @Test
    void noFrontendIsOneInfoLine() {
        tree().file("lib/pom.xml", "<project/>");
        GenerationResult r = run(options(), "lib");
        assertEquals(List.of(), r.files());
        assertEquals(1, r.messages().size());
        assertEquals(Message.Level.INFO, r.messages().get(0).level());
    }

    private static final String USERCONFIG_XML = "  <environmentVariables>\n"
            + "    <NPM_CONFIG_USERCONFIG>${npmrcguard.userconfig.file}</NPM_CONFIG_USERCONFIG>\n"
            + "  </environmentVariables>";

    private List<Message> hints(GenerationResult r) {
        return r.messages().stream()
                .filter(m -> m.text().contains("NPM_CONFIG_USERCONFIG points at it"))
                .toList();
    }

    @Test
    void aPnpmBuildThatDoesNotPointAtTheUserConfigGetsTheXmlForItsExecution() {
        TreeBuilder t = tree();
        t.packageJson("web/src/main/frontend", "\"packageManager\": \"pnpm@10.34.9\"");
        ModuleInput web = ModuleInput.of(t.path("web"))
                .withWorkingDirectory(Path.of("src/main/frontend"))
                .withRun(new BuildRun("frontend-maven-plugin", "pnpm-install", false, false, false, null));
        List<Message> dryRun = hints(new Generator(declared().dryRun(true).build()).run(List.of(web)));
        GenerationResult r = new Generator(declared().build()).run(List.of(web));
        assertEquals(hints(r), dryRun, "a dry run, which writes no user config, shows the hint too");
        assertEquals(
                List.of(Message.warning("pnpm in web/src/main/frontend reads its token from"
                        + " web/target/npmrc-guard/.npmrc only when NPM_CONFIG_USERCONFIG points at it; in web/pom.xml add to"
                        + " the <configuration> of frontend-maven-plugin's execution \"pnpm-install\":\n"
                        + USERCONFIG_XML)),
                hints(r));
    }

    @Test
    void severalExecutionsGetThePluginLevelConfigurationAndAnExistingMapOnlyTheEntry() {
        TreeBuilder t = tree();
        t.packageJson("web", "\"packageManager\": \"yarn@1.22.22\"");
        ModuleInput web = ModuleInput.of(t.path("web"))
                .withRun(new BuildRun("frontend-maven-plugin", "install", true, true, true, null))
                .withRun(new BuildRun("frontend-maven-plugin", "build", true, true, true, null));
        GenerationResult r = new Generator(declared().build()).run(List.of(web));
        assertEquals(
                List.of(Message.warning("yarn 1 in web reads its token from web/target/npmrc-guard/.npmrc only when"
                        + " NPM_CONFIG_USERCONFIG points at it; in web/pom.xml add to the plugin-level <configuration> of"
                        + " frontend-maven-plugin (every execution inherits it; runs not pointing at it: install, build),"
                        + " inside its <environmentVariables>:\n"
                        + "  <NPM_CONFIG_USERCONFIG>${npmrcguard.userconfig.file}</NPM_CONFIG_USERCONFIG>")),
                hints(r));
    }

    @Test
    void noHintWhenEveryRunPointsAtTheUserConfigOrForNpm() {
        TreeBuilder t = tree();
        t.packageJson("web", "\"packageManager\": \"pnpm@10.34.9\"");
        t.packageJson("site", "");
        ModuleInput web = ModuleInput.of(t.path("web"))
                .withRun(
                        new BuildRun("frontend-maven-plugin", "a", false, true, false, "${npmrcguard.userconfig.file}"))
                .withRun(new BuildRun(
                        "exec-maven-plugin",
                        "b",
                        false,
                        true,
                        false,
                        t.path("web/target/npmrc-guard/.npmrc").toString()));
        ModuleInput site = ModuleInput.of(t.path("site"))
                .withRun(new BuildRun("frontend-maven-plugin", "npm", false, false, false, null));
        GenerationResult r = new Generator(declared().userConfigForAll(true).build()).run(List.of(web, site));
        assertEquals(List.of(), hints(r));
    }

    @Test
    void aPublicOnlyPnpmOrYarn1FrontendGetsNoUserConfigAndNoHint() {
        TreeBuilder t = tree();
        t.packageJson("web", "\"packageManager\": \"pnpm@10.34.9\"");
        t.packageJson("ui", "\"packageManager\": \"yarn@1.22.22\"");
        ModuleInput web = ModuleInput.of(t.path("web"))
                .withRun(new BuildRun("frontend-maven-plugin", "pnpm-install", false, false, false, null));
        ModuleInput ui = ModuleInput.of(t.path("ui"));
        GenerationResult r = new Generator(options().build()).run(List.of(web, ui));
        assertEquals(List.of(), hints(r));
        assertEquals(
                List.of(),
                r.messages().stream()
                        .filter(m -> m.text().contains("NPM_CONFIG_USERCONFIG"))
                        .toList());
        assertEquals(List.of(), r.files(), "a user config of comments only would hide the user's own ~/.npmrc");
        assertFalse(Files.exists(t.path("web/target/npmrc-guard/.npmrc")));
        assertEquals(Map.of(), r.userConfigs());
    }

    @Test
    void withoutAMavenModelAPomThatRunsThePackageManagerIsNotSaidToRunNone() {
        TreeBuilder t = tree();
        t.file(
                "ui/pom.xml",
                "<project><build><plugins><plugin>\n<groupId>com.github.eirslett</groupId>\n"
                        + "<artifactId>frontend-maven-plugin</artifactId>\n<executions><execution><id>yarn install</id>"
                        + "<goals><goal>yarn</goal></goals></execution></executions></plugin></plugins></build></project>\n");
        t.packageJson("ui", "\"packageManager\": \"yarn@1.22.22\"");
        List<Message> hints = hints(new Generator(declared().build()).run(List.of(ModuleInput.of(t.path("ui")))));
        assertEquals(
                List.of(Message.warning("yarn 1 in ui reads its token from ui/target/npmrc-guard/.npmrc only when"
                        + " NPM_CONFIG_USERCONFIG points at it; in ui/pom.xml add to the <configuration> of the"
                        + " frontend-maven-plugin or exec-maven-plugin execution that runs the package manager:\n"
                        + USERCONFIG_XML)),
                hints);
    }

    @Test
    void aUserConfigPointedElsewhereIsToBeReplaced() {
        TreeBuilder t = tree();
        t.packageJson("web", "\"packageManager\": \"pnpm@10.34.9\"");
        ModuleInput web = ModuleInput.of(t.path("web"))
                .withRun(new BuildRun("exec-maven-plugin", "pnpm", false, true, false, "${user.home}/.npmrc-ci"));
        List<Message> hints = hints(new Generator(declared().build()).run(List.of(web)));
        assertEquals(1, hints.size());
        assertTrue(
                hints.get(0).text().contains("and web/pom.xml points it at another file: replace that entry;"),
                hints.toString());
    }

    @Test
    void anNpmrcInAWorkingDirectoryUnderTargetDrawsNoWarningAndIsNotWritten() throws IOException {
        TreeBuilder t = tree();
        t.packageJson("web", "");
        t.file("web/target/frontend/.npmrc", "registry=https://r.example/\n"); // copied there by the build
        ModuleInput web = ModuleInput.of(t.path("web")).withWorkingDirectory(Path.of("target/frontend"));
        GenerationResult r = new Generator(options().build()).run(List.of(web));
        assertEquals(List.of(), r.messages(Message.Level.WARNING));
        assertTrue(
                r.files().stream().noneMatch(f -> f.path().startsWith(t.path("web/target/frontend"))),
                r.files().toString());
        assertEquals("registry=https://r.example/\n", Files.readString(t.path("web/target/frontend/.npmrc")));
    }
}
