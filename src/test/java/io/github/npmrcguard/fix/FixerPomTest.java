package io.github.npmrcguard.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.testsupport.Docs;
import io.github.npmrcguard.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fix leaves poms alone and says what to do by hand. */
class FixerPomTest {
    @TempDir
    Path root;

    @Test
    void aPomIsNeverRewrittenAndEachFindingGetsStepsByHand() throws Exception {
        TestTokens tokens = new TestTokens(35);
        String t = tokens.npm();
        String pw = tokens.opaque(20);
        String pom = "<project><build><plugins><plugin>\n"
                + "<groupId>com.github.eirslett</groupId><artifactId>frontend-maven-plugin</artifactId>\n"
                + "<configuration>\n"
                + "<environmentVariables><NPM_TOKEN>" + t + "</NPM_TOKEN></environmentVariables>\n"
                + "<npmRegistryURL>https://ci:" + pw + "@npm.acme.example/</npmRegistryURL>\n"
                + "</configuration></plugin></plugins></build></project>\n";
        byte[] bytes = pom.getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("pom.xml"), bytes);
        List<Finding> findings = Docs.check("pom.xml", pom);
        assertEquals(2, findings.size());

        Fixer.Report report = new Fixer(new VariableNames(Map.of()))
                .fix(root, new ScanResult(findings, List.of(), List.of(), 1, true), false);

        assertEquals(List.of(), report.fixed());
        assertEquals(List.of(), report.filesChanged());
        assertArrayEquals(bytes, Files.readAllBytes(root.resolve("pom.xml")));
        assertEquals(2, report.manual().size());
        assertTrue(
                report.manual().get(0).logLine().contains("inherits the build's environment"),
                report.manual().get(0).logLine());
        assertTrue(
                report.manual().get(1).logLine().contains("remove the user name and password from the URL"),
                report.manual().get(1).logLine());
        report.manual().forEach(m -> {
            TestTokens.assertNoFragment(m.logLine(), t, "fix output");
            TestTokens.assertNoFragment(m.logLine(), pw, "fix output");
        });
    }
}
