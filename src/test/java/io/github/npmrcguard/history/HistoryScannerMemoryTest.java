package io.github.npmrcguard.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the history scan holds and what it parses: memory that does not grow with the history. */
class HistoryScannerMemoryTest {
    private static final int HEAP_MB = 32;

    @TempDir
    Path tmp;

    private final TestTokens tokens = new TestTokens(20261206);

    private static String pom(int module, int version, String extra) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project>\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  <artifactId>module-" + module + "</artifactId>\n"
                + "  <version>1." + version + "</version>\n" + extra + "  <dependencies>\n");
        for (int d = 0; d < 40; d++) { // about 6 KB, like a real module's pom
            s.append("    <dependency><groupId>org.example.group")
                    .append(d)
                    .append("</groupId><artifactId>lib-")
                    .append(d)
                    .append("</artifactId><version>")
                    .append(version % 97)
                    .append('.')
                    .append(d)
                    .append("</version></dependency>\n");
        }
        return s.append("  </dependencies>\n</project>\n").toString();
    }

    @Test
    void aPomThatCanGiveNoFindingIsNotParsed() throws IOException {
        TestRepo repo = TestRepo.init(tmp, "repo");
        String inComment = tokens.npm();
        String inNpmrc = tokens.npm();
        for (int v = 0; v < 5; v++) {
            repo.commit("plain " + v, "2025-01-0" + (v + 1) + "T10:00:00+00:00", "pom.xml", pom(0, v, ""));
        }
        repo.commit(
                "frontend",
                "2025-02-01T10:00:00+00:00",
                "web/pom.xml",
                pom(
                        1,
                        0,
                        "  <build><plugins><plugin><groupId>com.github.eirslett</groupId>"
                                + "<artifactId>frontend-maven-plugin</artifactId></plugin></plugins></build>\n"));
        repo.commit(
                "comment",
                "2025-02-02T10:00:00+00:00",
                "api/pom.xml",
                pom(2, 0, "  <!-- " + inComment + " -->\n"),
                "web/.npmrc",
                "//registry.npmjs.org/:_authToken=" + inNpmrc + "\n");

        HistoryScanner scanner = repo.scanner();
        HistoryResult r =
                scanner.scan(repo.dir, HistoryRange.all(), p -> false, Allowlist.none(), LocalDate.of(2025, 6, 1));

        assertEquals(
                2, scanner.documentsRead(), "the pom with a token, the .npmrc (not the frontend pom: PomPrecheck)");
        assertEquals(8, r.distinctBlobsRead());
        assertEquals(
                List.of("api/pom.xml " + Fingerprint.of(inComment), "web/.npmrc " + Fingerprint.of(inNpmrc)),
                r.findings().stream()
                        .map(f -> f.path() + " " + f.fingerprint())
                        .sorted()
                        .toList());
    }

    /**
     * 14,000 distinct pom versions of about 5 KB (about 70 MB of content, twice the heap) and a token at the end:
     * the scan completes in a {@value #HEAP_MB} MB heap, so it holds no version's content beyond its check.
     */
    @Test
    void historyLargerThanTheHeapIsScannedInASmallFixedHeap() throws IOException, InterruptedException {
        TestRepo repo = TestRepo.init(tmp, "big");
        String token = tokens.npm();
        int commits = 3_500;
        int modules = 4;
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        long time = 1_700_000_000L;
        long bytes = 0;
        for (int c = 1; c <= commits; c++) {
            StringBuilder s = new StringBuilder("commit refs/heads/main\nmark :" + c
                    + "\ncommitter T <t@example.invalid> " + (time + c * 60L) + " +0000\ndata 2\nc\n");
            if (c > 1) {
                s.append("from :").append(c - 1).append('\n');
            }
            stream.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
            for (int m = 0; m < modules; m++) {
                byte[] content = pom(m, c, "").getBytes(StandardCharsets.UTF_8);
                bytes += content.length;
                stream.writeBytes(("M 100644 inline m" + m + "/pom.xml\ndata " + content.length + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                stream.writeBytes(content);
                stream.write('\n');
            }
            if (c == commits) {
                byte[] npmrc = ("//registry.npmjs.org/:_authToken=" + token + "\n").getBytes(StandardCharsets.UTF_8);
                stream.writeBytes(
                        ("M 100644 inline .npmrc\ndata " + npmrc.length + "\n").getBytes(StandardCharsets.UTF_8));
                stream.writeBytes(npmrc);
                stream.write('\n');
            }
            stream.write('\n');
        }
        repo.gitWithInput(stream.toByteArray(), "fast-import", "--quiet");
        assertTrue(bytes > 2L * HEAP_MB << 20, "the content is larger than the heap: " + bytes);

        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-cp",
                System.getProperty("java.class.path"),
                HistoryAsChild.class.getName(),
                repo.dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().putAll(TestRepo.sandboxEnv(tmp));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the scan ended");
        TestTokens.assertNoFragment(out, token, "the child's output");
        assertEquals(0, p.exitValue(), out);
        assertTrue(
                out.contains("summary: all refs: " + commits + " commits, " + (commits * modules + 1)
                        + " distinct blobs read, 1 secret reported; " + (commits * modules + 1) + " changes"),
                out);
        assertTrue(out.contains("finding: ") && out.contains(".npmrc:1: ") && out.contains(Fingerprint.of(token)), out);
    }
}
