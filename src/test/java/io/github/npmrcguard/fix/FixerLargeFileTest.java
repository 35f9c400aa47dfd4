package io.github.npmrcguard.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.files.LargeFile;
import io.github.npmrcguard.files.ScanSetReader;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.Scanner;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fix leaves a file too large to parse alone: its token was found by a search, not in a parsed setting. */
class FixerLargeFileTest {
    @TempDir
    Path root;

    @Test
    void aFileOverTheParseLimitIsNotRewrittenAndItsTokenGetsStepsByHand() throws Exception {
        String t = new TestTokens(36).npm();
        Path file = root.resolve(".npmrc");
        byte[] filler =
                "; filler comment line, sixty bytes of it, to pass the limit\n".getBytes(StandardCharsets.US_ASCII);
        long lines = LargeFile.PARSE_LIMIT / filler.length + 1;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long i = 0; i < lines; i++) {
                out.write(filler);
            }
            // An auth line that fix would rewrite in a file it can parse.
            out.write(("//r.example/:_authToken=" + t + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        long size = Files.size(file);
        ScanResult result = new Scanner(new ScanSetReader()::read)
                .scan(root, p -> false, Allowlist.none(), LocalDate.of(2026, 11, 29));
        assertEquals(1, result.errors().size(), result.findings().toString());
        assertEquals(lines + 1, result.errors().get(0).line());

        Fixer.Report report = new Fixer(new VariableNames(Map.of())).fix(root, result, false);

        assertEquals(List.of(), report.fixed());
        assertEquals(List.of(), report.filesChanged());
        assertEquals(size, Files.size(file));
        assertEquals(1, report.manual().size());
        String line = report.manual().get(0).logLine();
        assertTrue(
                line.contains("too large to rewrite") && line.contains("delete the token from that line by hand"),
                line);
        TestTokens.assertNoFragment(line, t, "fix output");
    }
}
