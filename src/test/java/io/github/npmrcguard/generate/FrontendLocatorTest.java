package io.github.npmrcguard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontendLocatorTest {
    @TempDir
    Path tmp;

    private final List<Message> messages = new ArrayList<>();

    private FrontendLocator locator() {
        return new FrontendLocator(tmp, new PathDisplay(tmp));
    }

    private List<String> folders(ModuleInput module) {
        return locator().frontendFolders(module, messages).stream()
                .map(p -> new PathDisplay(tmp).of(p))
                .toList();
    }

    @Test
    void findsEachConventionalFolderThatHoldsAPackageJson() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("app", "");
        t.packageJson("app/src/main/frontend", "");
        t.packageJson("app/src/main/webui", "");
        t.packageJson("app/frontend", "");
        t.dir("app/src/main/resources");
        assertEquals(
                List.of("app", "app/src/main/frontend", "app/src/main/webui", "app/frontend"),
                folders(ModuleInput.of(t.path("app"))));
    }

    @Test
    void aModuleWithoutPackageJsonHasNoFrontend() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.file("lib/pom.xml", "<project/>");
        t.file("lib/.npmrc", "registry=https://r.example/\n");
        assertEquals(List.of(), folders(ModuleInput.of(t.path("lib"))));
    }

    @Test
    void workingDirectoryIsAFrontendFolder() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("web/client", "");
        assertEquals(
                List.of("web/client"), folders(ModuleInput.of(t.path("web")).withWorkingDirectory(Path.of("client"))));
    }

    @Test
    void workingDirectoryWithoutPackageJsonUsesTheNearestFolderAboveIt() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("web/ui", "");
        t.dir("web/ui/scripts");
        assertEquals(
                List.of("web/ui"), folders(ModuleInput.of(t.path("web")).withWorkingDirectory(Path.of("ui/scripts"))));
        assertTrue(messages.get(0).text().contains("nearest folder above it"), messages.toString());
    }

    @Test
    void aWorkingDirectoryBesideTheModuleWithAPackageJsonIsItsFrontend() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("console/webapp", "");
        t.file("console/service/pom.xml", "<project/>");
        t.dir("console/empty");
        ModuleInput service = ModuleInput.of(t.path("console/service"))
                .withWorkingDirectory(Path.of("../webapp"))
                .withWorkingDirectory(Path.of("../empty"));
        assertEquals(List.of("console/webapp"), folders(service));
        assertEquals(
                List.of("workingDirectory console/empty has no package.json in it (or above it within the module), so"
                        + " it is not a frontend the generator can configure"),
                messages.stream().map(Message::text).toList());
    }

    @Test
    void workingDirectoryWithNoPackageJsonWithinTheModuleIsAWarning() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("", ""); // above the module: not taken
        t.dir("web/nothing");
        assertEquals(List.of(), folders(ModuleInput.of(t.path("web")).withWorkingDirectory(Path.of("nothing"))));
        assertEquals(Message.Level.WARNING, messages.get(0).level());
        assertTrue(
                messages.get(0).text().startsWith("workingDirectory web/nothing has no package.json"),
                messages.toString());
    }

    @Test
    void nothingUnderNodeModulesCounts() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("web/node_modules/pkg", "");
        assertEquals(
                List.of(), folders(ModuleInput.of(t.path("web")).withWorkingDirectory(Path.of("node_modules/pkg"))));
    }

    private List<String> folders(ModuleInput module, List<Path> otherModules) {
        return locator().frontendFolders(module, otherModules, messages).stream()
                .map(p -> new PathDisplay(tmp).of(p))
                .toList();
    }

    @Test
    void quinoaUiDirInApplicationPropertiesIsAFrontend() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.file(
                "app/src/main/resources/application.properties",
                "quarkus.http.port=8080\nquarkus.quinoa.ui-dir=src/main/ui-admin\n%dev.quarkus.quinoa.ui-dir = ../shared-ui\n"
                        + "%lit,lit-root-path.quarkus.quinoa.ui-dir=src/main/ui-lit\n"
                        + "%angular.quarkus.quinoa.package-manager-install.install-dir=target/\n");
        t.packageJson("app/src/main/ui-admin", "");
        t.packageJson("app/src/main/ui-lit", "");
        t.packageJson("shared-ui", "");
        assertEquals(
                List.of("app/src/main/ui-admin", "shared-ui", "app/src/main/ui-lit"),
                folders(ModuleInput.of(t.path("app"))));
        assertEquals(List.of(), messages);
    }

    @Test
    void quinoaUiDirInApplicationYamlAndOneWithoutPackageJsonIsAWarning() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.file(
                "app/src/main/resources/application.yaml",
                "quarkus:\n  quinoa:\n    ui-dir: src/main/client\n"
                        + "\"%prod\":\n  quarkus:\n    quinoa:\n      ui-dir: src/main/missing\n");
        t.packageJson("app/src/main/client", "");
        assertEquals(List.of("app/src/main/client"), folders(ModuleInput.of(t.path("app"))));
        assertEquals(
                List.of(Message.warning("quarkus.quinoa.ui-dir in app/src/main/resources/application.yaml names"
                        + " app/src/main/missing, which holds no package.json")),
                messages);
    }

    @Test
    void everyDocumentOfAMultiDocumentApplicationYamlIsRead() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.file(
                "app/pom.xml",
                "<project><dependencies><dependency><groupId>io.quarkiverse.quinoa</groupId>"
                        + "</dependency></dependencies></project>");
        t.file(
                "app/src/main/resources/application.yaml",
                "quarkus:\n  http:\n    port: 8080\n---\n"
                        + "\"%dev\":\n  quarkus.quinoa.ui-dir: ../shared-ui\n---\nquarkus:\n  quinoa:\n    ui-dir: src/main/ui\n");
        t.packageJson("app/src/main/ui", "");
        t.packageJson("shared-ui", ""); // outside the module: found only through ui-dir
        assertEquals(
                List.of("app/src/main/ui", "shared-ui"),
                folders(ModuleInput.of(t.path("app"))).stream().sorted().toList(),
                messages.toString());
        assertEquals(List.of(), messages);
    }

    @Test
    void anApplicationYamlOfAModuleThatIsNotQuarkusIsNeitherReadNorWarnedAbout() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.file(
                "app/pom.xml",
                "<project><dependencies><dependency><groupId>org.springframework.boot</groupId>"
                        + "</dependency></dependencies></project>");
        t.file("app/src/main/resources/application.yaml", "spring: [unclosed\n");
        t.file("app/src/main/resources/application.properties", "quarkus.quinoa.ui-dir=src/main/ui\n");
        t.packageJson("app/src/main/ui", "");
        folders(ModuleInput.of(t.path("app")));
        assertEquals(List.of(), messages);
        t.file(
                "app/pom.xml",
                "<project><build><plugins><plugin><artifactId>quarkus-maven-plugin</artifactId>"
                        + "</plugin></plugins></build></project>");
        assertEquals(List.of("app/src/main/ui"), folders(ModuleInput.of(t.path("app"))));
        assertEquals(
                List.of(Message.warning("app/src/main/resources/application.yaml was not read for"
                        + " quarkus.quinoa.ui-dir: it could not be parsed as YAML")),
                messages);
    }

    @Test
    void anyPackageJsonInTheModuleIsFoundButNotUnderNodeModulesTargetFixturesOrOtherModules() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.file("pom.xml", "<project/>");
        t.packageJson("src/main", ""); // the real case the conventional folders missed
        t.packageJson("src/main/ui-one", ""); // below a frontend: its sources, not looked at
        t.packageJson("ui", ""); // a folder that is not a Maven module
        t.packageJson("tools/lint", "");
        t.packageJson("node_modules/x", "");
        t.packageJson("target/classes/static", "");
        t.packageJson("src/test/resources/fixture", "");
        t.packageJson("src/it/project", "");
        t.packageJson("src/main/resources/archetype-resources", "");
        t.packageJson(".cache/x", "");
        t.packageJson("child", ""); // another module's own
        t.packageJson("demo/example/src/main/frontend", "");
        t.file("demo/example/pom.xml", "<project/>"); // a separate build, not in this reactor
        assertEquals(
                List.of("src/main", "tools/lint", "ui"), folders(ModuleInput.of(tmp), List.of(tmp, t.path("child"))));
        assertEquals(List.of(), messages);
    }

    @Test
    void aPackageJsonThatOnlySetsTheModuleTypeIsNoFrontend() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("", "");
        t.file("webpack/package.json", "{\n  \"type\": \"commonjs\"\n}\n"); // as a JHipster app has it
        t.file("tools/package.json", "{\"type\": \"module\", \"scripts\": {\"gen\": \"node gen.js\"}}");
        assertEquals(
                List.of("", "tools"),
                folders(ModuleInput.of(tmp), List.of()).stream()
                        .map(f -> f.equals(".") ? "" : f)
                        .toList());
    }

    @Test
    void projectTemplatesAreNoFrontends() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("runtime/src/main/codestarts/quarkus/quinoa-codestart/base", "");
        t.packageJson("runtime/src/main/templates/app/src/main/webui", ""); // a project inside the sources
        t.packageJson("runtime/src/main/resources/archetype-resources", "");
        t.packageJson("runtime/src/main/ui", "");
        assertEquals(List.of("runtime/src/main/ui"), folders(ModuleInput.of(t.path("runtime"))));
    }

    @Test
    void aPackageJsonDeepInsideSrcMainIsFoundAsEachOfFiveQuinoaFolders() {
        TreeBuilder t = new TreeBuilder(tmp);
        for (String ui : List.of("admin", "shop", "docs", "kiosk", "help")) {
            t.packageJson("app/src/main/ui-" + ui, "");
        }
        assertEquals(
                List.of(
                        "app/src/main/ui-admin",
                        "app/src/main/ui-docs",
                        "app/src/main/ui-help",
                        "app/src/main/ui-kiosk",
                        "app/src/main/ui-shop"),
                folders(ModuleInput.of(t.path("app"))));
    }

    @Test
    void foldersNamedInFrontendsCountEvenOutsideTheModule() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("client", "");
        t.dir("server/empty");
        ModuleInput server = ModuleInput.of(t.path("server"))
                .withNamedFolder(Path.of("../client"))
                .withNamedFolder(Path.of("empty"));
        assertEquals(List.of("client"), folders(server));
        assertEquals(List.of(Message.warning("<frontends> names server/empty, which holds no package.json")), messages);
    }

    @Test
    void aWorkingDirectoryUnderTheBuildFolderIsBuildOutputWithoutAWarning() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("web", "");
        t.dir("web/target/frontend");
        assertEquals(
                List.of("web"),
                folders(ModuleInput.of(t.path("web")).withWorkingDirectory(Path.of("target/frontend"))));
        assertEquals(
                List.of(Message.info("workingDirectory web/target/frontend is under the build folder: build output,"
                        + " not configured")),
                messages);
    }

    @Test
    void aVaadinModuleIsAFrontendBeforeItsBuildWritesPackageJsonAndTheLogSaysSo() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.dir("shop/src/main/frontend");
        assertEquals(List.of("shop"), folders(ModuleInput.of(t.path("shop")).withVaadin(true)));
        assertEquals(Message.Level.INFO, messages.get(0).level());
        assertTrue(
                messages.get(0).text().startsWith("shop: the Vaadin build writes package.json here"),
                messages.toString());
    }

    @Test
    void aFolderIsItsOwnLocalPrefix() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("app/src/main/frontend", "");
        t.packageJson("", ""); // a package.json above without workspaces does not capture it
        Path folder = t.path("app/src/main/frontend");
        assertEquals(folder, locator().localPrefix(folder, messages));
    }

    @Test
    void npmWorkspaceMemberUsesTheWorkspaceRoot() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("", "\"workspaces\": [\"packages/*\", \"apps/**\"]");
        t.packageJson("packages/ui", "");
        t.packageJson("apps/admin/web", "");
        t.packageJson("other/tool", "");
        assertEquals(tmp, locator().localPrefix(t.path("packages/ui"), messages));
        assertEquals(tmp, locator().localPrefix(t.path("apps/admin/web"), messages));
        assertEquals(t.path("other/tool"), locator().localPrefix(t.path("other/tool"), messages));
    }

    @Test
    void yarnStyleWorkspacesObjectAndNegation() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson(
                "", "\"workspaces\": {\"packages\": [\"./modules/*/src/main/frontend\", \"!modules/legacy/**\"]}");
        t.packageJson("modules/shop/src/main/frontend", "");
        t.packageJson("modules/legacy/src/main/frontend", "");
        assertEquals(tmp, locator().localPrefix(t.path("modules/shop/src/main/frontend"), messages));
        assertEquals(
                t.path("modules/legacy/src/main/frontend"),
                locator().localPrefix(t.path("modules/legacy/src/main/frontend"), messages));
    }

    @Test
    void nearestMatchingWorkspaceRootWinsAndNonMatchingOnesAreSkipped() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("", "\"workspaces\": [\"mono\"]");
        t.packageJson("mono", "\"workspaces\": [\"libs/*\"]");
        t.packageJson("mono/libs/a", "");
        t.packageJson("mono/sub", "\"workspaces\": [\"unrelated\"]");
        t.packageJson("mono/sub/x", "");
        assertEquals(t.path("mono"), locator().localPrefix(t.path("mono/libs/a"), messages));
        // mono/sub does not list x, mono does not list sub/x, the root does not either: x is its own prefix.
        assertEquals(t.path("mono/sub/x"), locator().localPrefix(t.path("mono/sub/x"), messages));
    }

    @Test
    void pnpmWorkspaceYamlPackagesMakeTheRoot() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.file("pnpm-workspace.yaml", "packages:\n  - 'frontends/*'\n  - \"!frontends/skip\"\n");
        t.packageJson("", "");
        t.packageJson("frontends/shop", "");
        t.packageJson("frontends/skip", "");
        assertEquals(tmp, locator().localPrefix(t.path("frontends/shop"), messages));
        assertEquals(t.path("frontends/skip"), locator().localPrefix(t.path("frontends/skip"), messages));
    }

    @Test
    void theSearchStopsAtTheProjectRoot() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.packageJson("", "\"workspaces\": [\"project/app\"]");
        t.packageJson("project/app", "");
        FrontendLocator bounded = new FrontendLocator(t.path("project"), new PathDisplay(tmp));
        assertEquals(t.path("project/app"), bounded.localPrefix(t.path("project/app"), messages));
        assertEquals(tmp, new FrontendLocator(null, new PathDisplay(tmp)).localPrefix(t.path("project/app"), messages));
    }

    @Test
    void anUnreadablePackageJsonAboveIsReportedAndSkipped() {
        TreeBuilder t = new TreeBuilder(tmp);
        t.file("package.json", "{ not json");
        t.packageJson("app", "");
        assertEquals(t.path("app"), locator().localPrefix(t.path("app"), messages));
        assertEquals(
                List.of("WARNING package.json was not read for workspaces: it is not valid JSON"),
                messages.stream().map(Message::toString).toList());
    }

    @Test
    void globSyntax() {
        WorkspaceGlob g = WorkspaceGlob.of(List.of("packages/*", "tools/{a,b}", "deep/**/web", "x?z", "[pq]kg"));
        assertTrue(g.matches("packages/ui"));
        assertTrue(!g.matches("packages/ui/nested"));
        assertTrue(g.matches("tools/a") && g.matches("tools/b") && !g.matches("tools/c"));
        assertTrue(g.matches("deep/web") && g.matches("deep/1/2/web") && !g.matches("deep/1/web2"));
        assertTrue(g.matches("xyz") && !g.matches("x/z"));
        assertTrue(g.matches("pkg") && g.matches("qkg") && !g.matches("rkg"));
        assertTrue(!g.matches("packages.ui"), "a literal dot in a name is not a wildcard");
    }
}
