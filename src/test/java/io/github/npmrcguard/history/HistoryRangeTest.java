package io.github.npmrcguard.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.files.GitHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryRangeTest {
    @TempDir
    Path tmp;

    @Test
    void emptyMeansEveryRef() {
        assertEquals(
                GitHistory.Revisions.all(),
                HistoryRange.parse(null, ZoneOffset.UTC).revisions());
        assertEquals(
                GitHistory.Revisions.all(),
                HistoryRange.parse("  ", ZoneOffset.UTC).revisions());
        assertEquals("all refs", HistoryRange.all().description());
    }

    @Test
    void dateIsTheStartOfThatDayInTheZone() {
        HistoryRange r = HistoryRange.parse("2025-03-01", ZoneId.of("Europe/Berlin"));
        assertEquals(Instant.parse("2025-02-28T23:00:00Z"), r.revisions().since());
        assertEquals("all refs, commits since 2025-03-01", r.description());
        assertEquals(List.of("--all", "--since=2025-02-28T23:00:00Z"), args(r));
        assertFalse(r.isCommitRange());
    }

    @Test
    void dateTimeNeedsAnOffset() {
        assertEquals(
                Instant.parse("2025-03-01T11:00:00Z"),
                HistoryRange.parse("2025-03-01T12:00:00+01:00", ZoneOffset.UTC)
                        .revisions()
                        .since());
        assertEquals(
                Instant.parse("2025-03-01T12:00:00Z"),
                HistoryRange.parse("2025-03-01T12:00:00Z", ZoneOffset.UTC)
                        .revisions()
                        .since());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> HistoryRange.parse("2025-03-01T12:00:00", ZoneOffset.UTC));
        assertTrue(e.getMessage().contains("needs a valid time and an offset"), e.getMessage());
    }

    @Test
    void rangeTakesTwoRevisionNames() {
        HistoryRange r = HistoryRange.parse("v1.2.0..origin/main", ZoneOffset.UTC);
        assertTrue(r.isCommitRange());
        assertEquals("v1.2.0", r.revisions().from());
        assertEquals("origin/main", r.revisions().to());
        assertEquals(List.of("v1.2.0..origin/main"), args(r));
        assertEquals(List.of("main~3..HEAD"), args(HistoryRange.parse("main~3..HEAD", ZoneOffset.UTC)));
        assertEquals(List.of("a1b2c3d..HEAD@{2}"), args(HistoryRange.parse("a1b2c3d..HEAD@{2}", ZoneOffset.UTC)));
    }

    @Test
    void invalidValuesAreRefusedWithTheReason() {
        assertEquals(
                "since '--output=/tmp/x' is not valid: it starts with '-', which git would read as an option."
                        + " It takes " + HistoryRange.ACCEPTED + ".",
                message("--output=/tmp/x"));
        assertTrue(message("-1").contains("starts with '-'"));
        assertTrue(message("main..--upload-pack=evil").contains("'--upload-pack=evil' is not a plain revision name"));
        assertTrue(message("main..-x").contains("is not a plain revision name"));
        assertTrue(message("a...b").contains("symmetric range"));
        assertTrue(message("v1.0..").contains("needs both ends"));
        assertTrue(message("..main").contains("needs both ends"));
        assertTrue(message("a..b..c").contains("'b..c' is not a plain revision name"));
        assertTrue(message("main ..x").contains("is not a plain revision name"));
        assertTrue(message(":/fix..main").contains("is not a plain revision name"));
        assertTrue(message("2025-13-01").contains("not a date of the calendar"));
        assertTrue(message("2025-02-30").contains("not a date of the calendar"));
        assertTrue(message("yesterday").contains("neither a date nor a range"));
        assertTrue(message("01.03.2025").contains("neither a date nor a range"));
        assertTrue(message("x\u0007y..z").contains("'x?y' is not a plain revision name"));
    }

    @Test
    void invalidValueIsRefusedBeforeGitRuns() throws IOException {
        Path marker = tmp.resolve("git-ran");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path git = Files.writeString(bin.resolve("git"), "#!/bin/sh\n: > '" + marker + "'\nexit 1\n");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", bin.toString());
        HistoryScanner scanner = new HistoryScanner(GitHistory.fromEnvironment(env, Duration.ofSeconds(5)));

        for (String bad : List.of("--output=" + tmp.resolve("out"), "main..--exec=touch", "-", "a...b")) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> scanner.scan(
                            tmp,
                            HistoryRange.parse(bad, ZoneOffset.UTC),
                            p -> false,
                            Allowlist.none(),
                            LocalDate.now()));
        }
        assertFalse(Files.exists(marker), "git ran");
        assertThrows(
                IOException.class,
                () -> scanner.scan(tmp, HistoryRange.all(), p -> false, Allowlist.none(), LocalDate.now()));
        assertTrue(Files.exists(marker), "the fake git is the one the scanner runs");
    }

    @Test
    void revisionsRefuseAnOptionEvenWhenBuiltDirectly() {
        assertThrows(IllegalArgumentException.class, () -> new GitHistory.Revisions(null, "--all", "main"));
        assertThrows(IllegalArgumentException.class, () -> new GitHistory.Revisions(null, "main", null));
    }

    private static List<String> args(HistoryRange r) {
        return r.revisions().args();
    }

    private static String message(String since) {
        return assertThrows(IllegalArgumentException.class, () -> HistoryRange.parse(since, ZoneOffset.UTC))
                .getMessage();
    }
}
