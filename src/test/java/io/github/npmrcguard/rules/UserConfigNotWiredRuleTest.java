package io.github.npmrcguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.scan.DocumentReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserConfigNotWiredRuleTest {
    @TempDir
    Path dir;

    private static final String GENERATED = "//npm.acme.example/:_authToken=${ACME_NPM_TOKEN}\n";

    private static String pom(String configuration) {
        return "<project>\n  <build>\n    <plugins>\n      <plugin>\n"
                + "        <groupId>com.github.eirslett</groupId>\n"
                + "        <artifactId>frontend-maven-plugin</artifactId>\n"
                + "        <configuration>\n" + configuration + "        </configuration>\n"
                + "      </plugin>\n    </plugins>\n  </build>\n</project>\n";
    }

    private List<String> findings(String pom) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), pom);
        ScanFile file = new ScanFile(
                "web/pom.xml",
                dir.resolve("pom.xml"),
                FileKind.POM,
                Provenance.STAGED,
                pom.getBytes(StandardCharsets.UTF_8));
        return RuleCatalogue.check(new DocumentReader().read(file).document()).stream()
                .filter(f -> f.rule() == UserConfigNotWiredRule.INFO)
                .map(Finding::logLine)
                .toList();
    }

    private void frontend(String packageManager, String userConfig) throws Exception {
        Files.createDirectories(dir.resolve("src/main/frontend"));
        Files.writeString(
                dir.resolve("src/main/frontend/package.json"),
                "{\"name\":\"web\",\"packageManager\":\"" + packageManager + "\"}");
        if (userConfig != null) {
            Files.createDirectories(dir.resolve("target/npmrc-guard"));
            Files.writeString(dir.resolve("target/npmrc-guard/.npmrc"), userConfig);
        }
    }

    @Test
    void aPnpmBuildWithoutTheVariableIsReportedAtThePlugin() throws Exception {
        frontend("pnpm@10.34.9", GENERATED);
        assertEquals(
                List.of("web/pom.xml:6: pnpm in src/main/frontend has its tokens in target/npmrc-guard/.npmrc, but"
                        + " this build does not set NPM_CONFIG_USERCONFIG to it; add <environmentVariables>"
                        + "<NPM_CONFIG_USERCONFIG>${npmrcguard.userconfig.file}</NPM_CONFIG_USERCONFIG></environmentVariables>"
                        + " [userconfig-not-wired]"),
                findings(pom("<workingDirectory>src/main/frontend</workingDirectory>\n")));
    }

    @Test
    void aBuildPointingAtItIsNotReportedAndOnePointingElsewhereIs() throws Exception {
        frontend("yarn@1.22.22", GENERATED);
        assertEquals(
                List.of(),
                findings(pom("<environmentVariables><npm_config_userconfig>${npmrcguard.userconfig.file}"
                        + "</npm_config_userconfig></environmentVariables>\n")));
        assertEquals(
                List.of(),
                findings(
                        pom(
                                "<environmentVariables><NPM_CONFIG_USERCONFIG>"
                                        + "${project.build.directory}/npmrc-guard/.npmrc</NPM_CONFIG_USERCONFIG></environmentVariables>\n")));
        assertEquals(
                List.of("web/pom.xml:9: yarn 1 in src/main/frontend has its tokens in target/npmrc-guard/.npmrc, but"
                        + " NPM_CONFIG_USERCONFIG here points elsewhere; set it to ${npmrcguard.userconfig.file}"
                        + " [userconfig-not-wired]"),
                findings(pom("<environmentVariables>\n<NPM_CONFIG_USERCONFIG>/ci/npmrc</NPM_CONFIG_USERCONFIG>\n"
                        + "</environmentVariables>\n")));
    }

    @Test
    void nothingWithoutAuthLinesInTheUserConfigForNpmOrWithoutAPackageManagerRun() throws Exception {
        frontend("pnpm@10.34.9", "# no tokens needed\n");
        assertEquals(List.of(), findings(pom("")));
        frontend("npm@10.9.0", GENERATED);
        assertEquals(List.of(), findings(pom("")));
        frontend("pnpm@10.34.9", GENERATED);
        assertEquals(
                List.of(),
                findings("<project>\n  <build><plugins><plugin>\n"
                        + "    <artifactId>exec-maven-plugin</artifactId>\n"
                        + "    <configuration><executable>java</executable></configuration>\n"
                        + "  </plugin></plugins></build>\n</project>\n"));
        assertEquals(
                List.of("web/pom.xml:4: pnpm in src/main/frontend has its tokens in target/npmrc-guard/.npmrc, but"
                        + " this build does not set NPM_CONFIG_USERCONFIG to it; add <environmentVariables>"
                        + "<NPM_CONFIG_USERCONFIG>${npmrcguard.userconfig.file}</NPM_CONFIG_USERCONFIG></environmentVariables>"
                        + " [userconfig-not-wired]"),
                findings("<project>\n  <build><plugins><plugin>\n"
                        + "    <artifactId>exec-maven-plugin</artifactId>\n"
                        + "    <configuration><executable>pnpm</executable><workingDirectory>src/main/frontend</workingDirectory>"
                        + "</configuration>\n  </plugin></plugins></build>\n</project>\n"));
    }

    @Test
    void theFrontendInAWorkingDirectoryThePomNamesCounts() throws Exception {
        Files.createDirectories(dir.resolve("src/main/client"));
        Files.writeString(dir.resolve("src/main/client/package.json"), "{\"packageManager\":\"pnpm@10.34.9\"}");
        Files.createDirectories(dir.resolve("target/npmrc-guard"));
        Files.writeString(dir.resolve("target/npmrc-guard/.npmrc"), GENERATED);
        assertEquals(
                List.of("web/pom.xml:6: pnpm in src/main/client has its tokens in target/npmrc-guard/.npmrc, but"
                        + " this build does not set NPM_CONFIG_USERCONFIG to it; add <environmentVariables>"
                        + "<NPM_CONFIG_USERCONFIG>${npmrcguard.userconfig.file}</NPM_CONFIG_USERCONFIG></environmentVariables>"
                        + " [userconfig-not-wired]"),
                findings(pom("<workingDirectory>${project.basedir}/src/main/client</workingDirectory>\n")));
    }

    @Test
    void aParentPomThatSetsTheVariableCovers(@TempDir Path root) throws Exception {
        dir = root.resolve("web");
        Files.createDirectories(dir);
        Files.writeString(
                root.resolve("pom.xml"),
                "<project><build><pluginManagement><plugins><plugin>"
                        + "<artifactId>frontend-maven-plugin</artifactId><configuration><environmentVariables>"
                        + "<NPM_CONFIG_USERCONFIG>${npmrcguard.userconfig.file}</NPM_CONFIG_USERCONFIG>"
                        + "</environmentVariables></configuration></plugin></plugins></pluginManagement></build></project>");
        frontend("pnpm@10.34.9", GENERATED);
        assertEquals(List.of(), findings(pom("")));
    }
}
