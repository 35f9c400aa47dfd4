package io.github.npmrcguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.allow.AllowlistEntry;
import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.FileProblem;
import io.github.npmrcguard.files.LargeFile;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.files.ScanSet;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner's own decisions: provenance, exceptions and problems, over a scan set made by hand. */
class ScannerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private final TestTokens tokens = new TestTokens(99);
    private final List<ScanFile> files = new ArrayList<>();
    private final List<FileProblem> problems = new ArrayList<>();

    private void add(String path, Provenance provenance, String text) {
        files.add(new ScanFile(
                path,
                Path.of(path),
                FileKind.ofFileName(path.substring(path.lastIndexOf('/') + 1)),
                provenance,
                text.getBytes(StandardCharsets.UTF_8)));
    }

    private ScanResult scan(Allowlist allowlist) throws Exception {
        return new Scanner((root, excluded, ready) -> new ScanSet(files, problems, List.of(), true))
                .scan(Path.of("."), p -> false, allowlist, TODAY);
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f.logLine()).toList();
    }

    @Test
    void ignoredFileLiteralIsOnlyAWarning() throws Exception {
        String t = tokens.opaque(40);
        add("local/.npmrc", Provenance.IGNORED, "//r.example/:_authToken=" + t + "\nalways-auth=true\n");
        ScanResult r = scan(Allowlist.none());
        assertEquals(
                List.of(
                        "WARNING local/.npmrc:1: literal value in //r.example/:_authToken [literal-credential] (fingerprint "
                                + Fingerprint.of(t) + ") (only in a file git ignores: never committed)"),
                lines(r.findings()));
        assertTrue(r.errors().isEmpty());
    }

    @Test
    void ciInjectedWorkingCopyLineIsAWarningAndTheCleanStagedFileIsSilent() throws Exception {
        String t = tokens.opaque(40);
        add(".npmrc", Provenance.STAGED, "//r.example/:_authToken=${NPM_TOKEN}\n");
        add(
                ".npmrc",
                Provenance.WORKING_COPY,
                "//r.example/:_authToken=${NPM_TOKEN}\n//r.example/:_authToken=" + t + "\n");
        assertEquals(
                List.of("WARNING .npmrc:2: literal value in //r.example/:_authToken [literal-credential] (fingerprint "
                        + Fingerprint.of(t)
                        + ") (only in the working copy: the staged content is clean, so CI may have injected it)"),
                lines(scan(Allowlist.none()).findings()));
    }

    @Test
    void stagedAndWorkingCopiesOfOneFileCountAsOneFileChecked() throws Exception {
        add(".npmrc", Provenance.STAGED, "registry=https://r.example/\n");
        add(".npmrc", Provenance.WORKING_COPY, "# edited\nregistry=https://r.example/\n");
        add("web/.npmrc", Provenance.STAGED, "registry=https://r.example/\n");
        assertEquals(2, scan(Allowlist.none()).filesChecked());
    }

    @Test
    void aLiteralOnlyStagedWhileTheWorkingCopyIsCleanSaysSo() throws Exception {
        String t = tokens.opaque(40);
        add(".npmrc", Provenance.STAGED, "//r.example/:_authToken=" + t + "\n");
        add(".npmrc", Provenance.WORKING_COPY, "//r.example/:_authToken=${NPM_TOKEN}\n");
        add("b/.npmrc", Provenance.STAGED, "//r.example/:_authToken=" + t + "\n");
        add("b/.npmrc", Provenance.WORKING_COPY, "# edited\n//r.example/:_authToken=" + t + "\n");
        assertEquals(
                List.of(
                        "ERROR .npmrc:1: literal value in //r.example/:_authToken [literal-credential] (fingerprint "
                                + Fingerprint.of(t)
                                + ") (judged the staged version: the working copy no longer holds it, so stage the"
                                + " file (git add))",
                        "ERROR b/.npmrc:1: literal value in //r.example/:_authToken [literal-credential] (fingerprint "
                                + Fingerprint.of(t) + ")"),
                lines(scan(Allowlist.none()).findings()));
    }

    @Test
    void secretInBothStagedAndWorkingCopyIsOneError() throws Exception {
        String t = tokens.npm();
        add(".npmrc", Provenance.STAGED, "//registry.npmjs.org/:_authToken=" + t + "\n");
        add(".npmrc", Provenance.WORKING_COPY, "# edited\n//registry.npmjs.org/:_authToken=" + t + "\n");
        ScanResult r = scan(Allowlist.none());
        assertEquals(1, r.findings().size());
        assertEquals(1, r.errors().size());
        assertEquals(1, r.errors().get(0).line());
    }

    @Test
    void mergeConflictStagesReportEachFindingOnce() throws Exception {
        String t = tokens.npm();
        add(".npmrc", Provenance.STAGED, "//registry.npmjs.org/:_authToken=" + t + "\n");
        add(".npmrc", Provenance.STAGED, "//registry.npmjs.org/:_authToken=" + t + "\n");
        add(".npmrc", Provenance.STAGED, "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n");
        assertEquals(1, scan(Allowlist.none()).errors().size());
    }

    @Test
    void allowCommentNeedsAReason() throws Exception {
        String a = tokens.opaque(30);
        String b = tokens.opaque(30);
        add(
                ".npmrc",
                Provenance.STAGED,
                "# npmrc-guard:allow public read-only mirror token\n//a.example/:_authToken=" + a
                        + "\n# npmrc-guard:allow\n//b.example/:_authToken=" + b + "\n");
        ScanResult r = scan(Allowlist.none());
        assertEquals(1, r.allowed().size());
        assertEquals("public read-only mirror token", r.allowed().get(0).reason());
        assertEquals(
                List.of("ERROR .npmrc:4: literal value in //b.example/:_authToken [literal-credential] (fingerprint "
                        + Fingerprint.of(b) + ") (the allow comment above gives no reason, so it allows nothing)"),
                lines(r.findings()));
    }

    @Test
    void aPomsAllowCommentIsAnXmlCommentAndNpmsIsNoneThere() throws Exception {
        String a = tokens.opaque(30);
        String b = tokens.opaque(30);
        add(
                "web/pom.xml",
                Provenance.STAGED,
                "<project><build><plugins><plugin>\n"
                        + "<groupId>com.github.eirslett</groupId><artifactId>frontend-maven-plugin</artifactId>\n"
                        + "<configuration><environmentVariables>\n"
                        + "  <!-- npmrc-guard:allow read-only token of the public mirror -->\n"
                        + "  <NPM_TOKEN>" + a + "</NPM_TOKEN>\n"
                        + "  # npmrc-guard:allow not a comment in XML\n"
                        + "  <NODE_AUTH_TOKEN>" + b + "</NODE_AUTH_TOKEN>\n"
                        + "</environmentVariables></configuration></plugin></plugins></build></project>\n");
        ScanResult r = scan(Allowlist.none());
        assertEquals(1, r.allowed().size());
        assertEquals("read-only token of the public mirror", r.allowed().get(0).reason());
        assertEquals(
                List.of(
                        "ERROR web/pom.xml:7: literal value in frontend-maven-plugin environmentVariables/NODE_AUTH_TOKEN"
                                + " [pom-literal-env-token] (fingerprint " + Fingerprint.of(b) + ")"),
                lines(r.findings()));
    }

    @Test
    void allowlistEntryHoldsUntilItsExpiryDay() throws Exception {
        String t = tokens.opaque(30);
        add(".npmrc", Provenance.STAGED, "//a.example/:_authToken=" + t + "\n");
        String fp = Fingerprint.of(t);
        assertTrue(scan(new Allowlist(List.of(new AllowlistEntry(fp, "revoked 2026-10-01", TODAY))))
                .findings()
                .isEmpty());
        ScanResult expired = scan(new Allowlist(List.of(new AllowlistEntry(fp, "revoked", TODAY.minusDays(1)))));
        assertEquals(1, expired.errors().size());
        assertTrue(expired.errors().get(0).note().equals("allowlist entry expired on 2026-11-27"));
    }

    @Test
    void filesWithTheSameContentAreEachReportedUnderTheirOwnPath() throws Exception {
        String t = tokens.opaque(40);
        String text = "registry=https://r.example/\n//r.example/:_authToken=" + t + "\n";
        add("a/.npmrc", Provenance.STAGED, text);
        add("b/.npmrc", Provenance.STAGED, text);
        add("d/.npmrc", Provenance.STAGED, "\u0000\u0001junk " + t);
        add("e/.npmrc", Provenance.STAGED, "\u0000\u0001junk " + t);
        List<String> out = lines(scan(Allowlist.none()).findings());
        for (String path : List.of("a/.npmrc", "b/.npmrc")) {
            assertTrue(out.stream().anyMatch(l -> l.startsWith("ERROR " + path + ":2: ")), path + " in " + out);
        }
        for (String path : List.of("d/.npmrc", "e/.npmrc")) {
            assertTrue(
                    out.stream()
                            .anyMatch(l ->
                                    l.startsWith("WARNING " + path + ":1: ") || l.startsWith("ERROR " + path + ":1: ")),
                    path + " in " + out);
        }
        assertEquals(
                out.stream()
                        .filter(l -> l.contains(" a/.npmrc:"))
                        .map(l -> l.replace(" a/", " x/"))
                        .toList(),
                out.stream()
                        .filter(l -> l.contains(" b/.npmrc:"))
                        .map(l -> l.replace(" b/", " x/"))
                        .toList());
        for (String line : out) {
            TestTokens.assertNoFragment(line, t, "a finding");
        }
    }

    @Test
    void versionsTheSourceHandsOverWhileReadingAreCheckedOnceWithTheSameResult() throws Exception {
        String a = tokens.opaque(36);
        String b = tokens.opaque(37);
        add(
                "b/.npmrc",
                Provenance.STAGED,
                "# npmrc-guard:allow rotated\n//b.example/:_authToken=" + b + "\n//c.example/:_authToken=${C}\n");
        add("a/.npmrc", Provenance.STAGED, "//a.example/:_authToken=" + a + "\n");
        add("a/.npmrc", Provenance.WORKING_COPY, "//a.example/:_authToken=" + a + "\nx=1\n");
        add("c/.npmrc", Provenance.NO_GIT, "# npmrc-guard:allow test fixture\n//c.example/:_authToken=" + b + "\n");
        add("d/.npmrc", Provenance.IGNORED, "//d.example/:_authToken=" + b + "\n");
        ScanSet set = new ScanSet(files, problems, List.of(), true);
        ScanResult afterListing =
                new Scanner((root, excluded, ready) -> set).scan(Path.of("."), p -> false, Allowlist.none(), TODAY);

        // A source that hands every version over as it reads it, in an order of its own, working copies first.
        int[] checks = {0};
        List<io.github.npmrcguard.rules.Rule> rules = rulesAnd(path -> checks[0]++);
        ScanResult whileReading = new Scanner(
                        (root, excluded, ready) -> {
                            List<ScanFile> reversed = new ArrayList<>(files);
                            java.util.Collections.reverse(reversed);
                            reversed.forEach(ready);
                            return set;
                        },
                        rules)
                .scan(Path.of("."), p -> false, Allowlist.none(), TODAY);

        assertEquals(files.size(), checks[0], "each version checked once");
        assertEquals(lines(afterListing.findings()), lines(whileReading.findings()));
        assertEquals(
                afterListing.allowed().stream()
                        .map(x -> x.finding().logLine() + " " + x.reason())
                        .toList(),
                whileReading.allowed().stream()
                        .map(x -> x.finding().logLine() + " " + x.reason())
                        .toList());
        assertEquals(2, whileReading.allowed().size());
        assertTrue(
                lines(whileReading.findings()).stream().anyMatch(l -> l.startsWith("ERROR a/.npmrc:1:")),
                lines(whileReading.findings()).toString());
    }

    /** A rule that runs {@code body} on each version it is given, and reports nothing. */
    private static List<io.github.npmrcguard.rules.Rule> rulesAnd(java.util.function.Consumer<String> body) {
        List<io.github.npmrcguard.rules.Rule> rules = new ArrayList<>(io.github.npmrcguard.rules.RuleCatalogue.rules());
        rules.add(new io.github.npmrcguard.rules.Rule() {
            @Override
            public io.github.npmrcguard.rules.RuleInfo info() {
                return new io.github.npmrcguard.rules.RuleInfo(
                        "probe", io.github.npmrcguard.rules.Severity.WARNING, "probe", "a test's probe");
            }

            @Override
            public void check(
                    io.github.npmrcguard.rules.ConfigDocument doc, io.github.npmrcguard.rules.FindingSink sink) {
                body.accept(doc.path());
            }
        });
        return rules;
    }

    @Test
    void checkingAVersionHandedOverDoesNotHoldUpTheReading() throws Exception {
        String t = tokens.opaque(31);
        add("a/.npmrc", Provenance.STAGED, "//a.example/:_authToken=" + t + "\n");
        ScanSet set = new ScanSet(files, problems, List.of(), true);
        // The rule waits for the source to go on reading after handing the version over: checked on the
        // source's own thread, it would wait for itself.
        java.util.concurrent.CountDownLatch readingWentOn = new java.util.concurrent.CountDownLatch(1);
        List<Boolean> sawReadingGoOn = java.util.Collections.synchronizedList(new ArrayList<>());
        ScanResult r = new Scanner(
                        (root, excluded, ready) -> {
                            files.forEach(ready);
                            readingWentOn.countDown();
                            return set;
                        },
                        rulesAnd(path -> {
                            try {
                                sawReadingGoOn.add(readingWentOn.await(10, java.util.concurrent.TimeUnit.SECONDS));
                            } catch (InterruptedException e) {
                                throw new AssertionError(e);
                            }
                        }))
                .scan(Path.of("."), p -> false, Allowlist.none(), TODAY);
        assertEquals(List.of(true), sawReadingGoOn);
        assertEquals(
                List.of("ERROR a/.npmrc:1: literal value in //a.example/:_authToken [literal-credential] (fingerprint "
                        + Fingerprint.of(t) + ")"),
                lines(r.findings()));
    }

    @Test
    void aRuleThatFailsWhileTheSourceReadsFailsTheScanWithItsOwnException() {
        add("a/.npmrc", Provenance.STAGED, "registry=https://r.example/\n");
        ScanSet set = new ScanSet(files, problems, List.of(), true);
        Scanner scanner = new Scanner(
                (root, excluded, ready) -> {
                    files.forEach(ready);
                    return set;
                },
                rulesAnd(path -> {
                    throw new IllegalStateException("rule broke on " + path);
                }));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> scanner.scan(Path.of("."), p -> false, Allowlist.none(), TODAY));
        assertEquals("rule broke on a/.npmrc", e.getMessage());
    }

    @Test
    void aSourceThatFailsStopsTheChecksItHandedOver() {
        for (int i = 0; i < 50; i++) {
            add("m" + i + "/.npmrc", Provenance.STAGED, "registry=https://r" + i + ".example/\n");
        }
        List<Thread> checkers = java.util.Collections.synchronizedList(new ArrayList<>());
        Scanner scanner = new Scanner(
                (root, excluded, ready) -> {
                    files.forEach(ready);
                    throw new IOException("listing failed");
                },
                rulesAnd(path -> checkers.add(Thread.currentThread())));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(
                IOException.class, () -> scanner.scan(Path.of("."), p -> false, Allowlist.none(), TODAY));
        assertEquals("listing failed", e.getMessage());
        for (Thread checker : new ArrayList<>(checkers)) {
            assertTrue(!checker.isAlive(), "the scan returned only once its checking thread had stopped");
        }
    }

    @Test
    void todaysDateIsAskedForOnlyWhenAnAllowlistEntryApplies() throws Exception {
        String t = tokens.opaque(30);
        add(".npmrc", Provenance.STAGED, "//a.example/:_authToken=" + t + "\n");
        int[] asked = {0};
        java.util.function.Supplier<LocalDate> today = () -> {
            asked[0]++;
            return TODAY;
        };
        Scanner scanner = new Scanner((root, excluded, ready) -> new ScanSet(files, problems, List.of(), true));
        assertEquals(
                1,
                scanner.scan(Path.of("."), p -> false, Allowlist.none(), today)
                        .errors()
                        .size());
        assertEquals(0, asked[0], "no entry: the date (and the time-zone rules behind it) is not needed");
        Allowlist allow = new Allowlist(List.of(new AllowlistEntry(Fingerprint.of(t), "revoked", TODAY)));
        assertTrue(
                scanner.scan(Path.of("."), p -> false, allow, today).findings().isEmpty());
        assertEquals(1, asked[0]);
    }

    @Test
    void unreadableFileFailsClosedAndSkippedFileWarns() throws Exception {
        problems.add(new FileProblem("secret/.npmrc", "permission denied", true));
        problems.add(new FileProblem("link/.npmrc", "symbolic link to a file outside the scan root: not read", false));
        assertEquals(
                List.of(
                        "WARNING link/.npmrc:1: symbolic link to a file outside the scan root: not read [skipped-file]",
                        "ERROR secret/.npmrc:1: permission denied [unreadable-file]"),
                lines(scan(Allowlist.none()).findings()));
    }

    @Test
    void unparsableYamlWarnsAndIsStillSearchedForTokens() throws Exception {
        String t = tokens.npm();
        add(".yarnrc.yml", Provenance.STAGED, "npmScopes: [\n  # " + t + "\n");
        List<String> out = lines(scan(Allowlist.none()).findings());
        assertTrue(
                out.contains("ERROR .yarnrc.yml:2: npm access token (checksum valid) [known-token] (fingerprint "
                        + Fingerprint.of(t) + ")"),
                out.toString());
        assertTrue(
                out.stream().anyMatch(l -> l.startsWith("WARNING .yarnrc.yml:") && l.contains("[unparsable-file]")),
                out.toString());
        TestTokens.assertNoFragment(out.toString(), t, "findings");
    }

    @Test
    void binaryFileIsSearchedForTokens() throws Exception {
        String t = tokens.npm();
        byte[] junk = new byte[] {0, 1, 2, (byte) 0xff, 0, 0x10};
        byte[] token = ("\n" + t + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[junk.length + token.length];
        System.arraycopy(junk, 0, content, 0, junk.length);
        System.arraycopy(token, 0, content, junk.length, token.length);
        files.add(new ScanFile(".npmrc", Path.of(".npmrc"), FileKind.NPMRC, Provenance.STAGED, content));
        ScanResult r = scan(Allowlist.none());
        assertEquals(1, r.errors().size());
        assertEquals("known-token", r.errors().get(0).rule().id());
    }

    private final List<LargeFile> large = new ArrayList<>();

    private ScanResult scanWithLarge(Allowlist allowlist) throws Exception {
        return new Scanner((root, excluded, ready) -> new ScanSet(files, large, problems, List.of(), true))
                .scan(Path.of("."), p -> false, allowlist, TODAY);
    }

    private void addLarge(String path, Provenance provenance, LargeFile.Opener content) {
        large.add(new LargeFile(
                path,
                Path.of(path),
                FileKind.ofFileName(path.substring(path.lastIndexOf('/') + 1)),
                provenance,
                1L << 30,
                content));
    }

    @Test
    void aLargeFileIsSearchedForTokensTheAllowlistAppliesAndAFailedReadFailsClosed() throws Exception {
        String a = tokens.npm();
        String b = tokens.npm();
        byte[] text = ("; x\n" + a + "\n; y\n" + b + "\n").getBytes(StandardCharsets.US_ASCII);
        addLarge("ok/.npmrc", Provenance.STAGED, () -> new ByteArrayInputStream(text));
        // A stream that fails after its first two lines: what was read is reported, and the file fails closed.
        addLarge(
                "broken/.npmrc",
                Provenance.STAGED,
                () -> new SequenceInputStream(
                        new ByteArrayInputStream(Arrays.copyOf(text, text.length / 2)), new InputStream() {
                            @Override
                            public int read() throws IOException {
                                throw new IOException("disk on fire " + b);
                            }
                        }));
        addLarge("gone/.npmrc", Provenance.UNTRACKED, () -> {
            throw new NoSuchFileException("gone/.npmrc");
        });
        Allowlist allowB = new Allowlist(List.of(new AllowlistEntry(Fingerprint.of(b), "revoked", TODAY)));
        ScanResult r = scanWithLarge(allowB);
        String found = " npm access token (checksum valid) [known-token] (fingerprint ";
        assertEquals(
                List.of(
                        "ERROR broken/.npmrc:1: could not be read to its end (I/O error): not wholly searched [unreadable-file]",
                        "ERROR broken/.npmrc:2:" + found + Fingerprint.of(a) + ")",
                        "WARNING gone/.npmrc:1: vanished while the scan ran [skipped-file]",
                        "WARNING ok/.npmrc:1: " + LargeFile.SEARCHED_ONLY + " [skipped-file]",
                        "ERROR ok/.npmrc:2:" + found + Fingerprint.of(a) + ")"),
                lines(r.findings()));
        assertEquals(
                List.of("ok/.npmrc:4"),
                r.allowed().stream()
                        .map(f -> f.finding().path() + ":" + f.finding().line())
                        .toList());
        TestTokens.assertNoFragment(lines(r.findings()).toString(), a, "findings");
        TestTokens.assertNoFragment(lines(r.findings()).toString(), b, "findings");
    }
}
