package io.github.npmrcguard.files;

import static io.github.npmrcguard.files.Git.NOTHING;
import static io.github.npmrcguard.files.Git.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.scan.ScanResult;
import io.github.npmrcguard.scan.Scanner;
import io.github.npmrcguard.secrets.Fingerprint;
import io.github.npmrcguard.testsupport.FileNames;
import io.github.npmrcguard.testsupport.TestTokens;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile working trees read by the real {@link ScanSetReader} and judged by the real {@link Scanner}, with
 * git and without: each ends in bounded time with a message naming the file, no exception, and no fragment
 * of any secret in anything reported. The cases {@link ScanSetReaderTest} covers at the reader level (FIFO,
 * folder named .npmrc, link loops, links out of the root, unreadable and vanishing files) are not repeated
 * here, except where the scanner's verdict on them matters.
 */
class HostileFilesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @TempDir
    Path tmp;

    Git git;
    final TestTokens tokens = new TestTokens(4242);

    @BeforeEach
    void setUp() throws IOException {
        git = new Git(tmp);
    }

    private Path root(boolean withGit, String name) throws IOException {
        return withGit ? git.init(name + "-git") : Files.createDirectories(tmp.resolve(name + "-plain"));
    }

    private ScanResult scan(boolean withGit, Path root) throws IOException {
        return new Scanner((withGit ? git.reader() : git.readerWithoutGit())::read)
                .scan(root, NOTHING, Allowlist.none(), TODAY);
    }

    private static List<String> lines(ScanResult r) {
        return r.findings().stream().map(f -> f.severity() + " " + f.logLine()).toList();
    }

    private static void assertClean(ScanResult r, String secret) {
        String all = String.join("\n", lines(r)) + "\n" + r.notes();
        TestTokens.assertNoFragment(all, secret, "the scan's findings");
        for (Finding f : r.findings()) {
            assertTrue(!f.what().contains("Exception") && !f.what().contains("\tat "), f.logLine());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void socketNamedNpmrcIsReportedNeverOpened() throws IOException {
        for (boolean withGit : new boolean[] {true, false}) {
            Path root = root(withGit, "socket");
            if (withGit) {
                // git lists no socket, untracked or ignored; a tracked file's working copy replaced by one is met
                // when the working copy is read.
                write(root.resolve("local/.npmrc"), "registry=https://registry.npmjs.org/\n");
                git.run(root, "add", "-A");
                Files.delete(root.resolve("local/.npmrc"));
            }
            Path at = root.resolve(withGit ? "local/.npmrc" : ".npmrc");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(at));
                ScanResult r = scan(withGit, root);
                String path = withGit ? "local/.npmrc" : ".npmrc";
                assertEquals(
                        List.of("WARNING " + path + ":1: " + SafeReader.NOT_REGULAR + " [skipped-file]"),
                        lines(r),
                        "git: " + withGit);
                assertTrue(r.errors().isEmpty());
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void linkToADeviceIsAWarningAndNeverRead() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")) && Files.exists(Path.of("/dev/urandom")), "no /dev");
        for (boolean withGit : new boolean[] {true, false}) {
            Path root = root(withGit, "device");
            Files.createSymbolicLink(root.resolve(".npmrc"), Path.of("/dev/zero"));
            Files.createDirectories(root.resolve("web"));
            Files.createSymbolicLink(root.resolve("web/.yarnrc"), Path.of("/dev/urandom"));
            ScanResult r = scan(withGit, root);
            assertEquals(
                    List.of(
                            "WARNING .npmrc:1: " + SafeReader.LINK_OUT_OF_ROOT + " [skipped-file]",
                            "WARNING web/.yarnrc:1: " + SafeReader.LINK_OUT_OF_ROOT + " [skipped-file]"),
                    lines(r),
                    "git: " + withGit);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void linkToADeviceInsideTheRootIsNotRead() throws IOException {
        // A link to a link inside the root that leads to a device: the whole chain is resolved first.
        Path root = root(false, "device-chain");
        Files.createSymbolicLink(root.resolve("zero"), Path.of("/dev/zero"));
        Files.createSymbolicLink(root.resolve(".npmrc"), Path.of("zero"));
        ScanResult r = scan(false, root);
        assertEquals(List.of("WARNING .npmrc:1: " + SafeReader.LINK_OUT_OF_ROOT + " [skipped-file]"), lines(r));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void binaryJunkWithATokenInItIsStillSearched() throws IOException {
        String t = tokens.npm();
        for (boolean withGit : new boolean[] {true, false}) {
            Path root = root(withGit, "binary");
            byte[] junk = new byte[4096];
            new java.util.Random(7).nextBytes(junk);
            junk[10] = 0; // certainly binary
            try (OutputStream out = Files.newOutputStream(root.resolve(".npmrc"))) {
                out.write(junk);
                out.write(("\n" + t + "\n").getBytes(StandardCharsets.US_ASCII));
                out.write(junk);
            }
            if (withGit) {
                git.run(root, "add", "-A");
            }
            ScanResult r = scan(withGit, root);
            assertTrue(
                    r.errors().stream()
                            .anyMatch(f -> f.rule().id().equals("known-token")
                                    && f.fingerprint().equals(Fingerprint.of(t))),
                    lines(r).toString());
            assertTrue(
                    lines(r).stream().anyMatch(l -> l.startsWith("WARNING .npmrc:") && l.contains("[unparsable-file]")),
                    lines(r).toString());
            assertClean(r, t);
        }
    }

    /** The filler of the large files: one comment line of 61 bytes. */
    private static final byte[] FILLER =
            "; a comment line of filler text padded out to sixty bytes...\n".getBytes(StandardCharsets.US_ASCII);

    /** Writes {@code fillerLines} filler lines, then {@code last} (its own line ending included). */
    private static Path writeLarge(Path file, int fillerLines, String last) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int line = 0; line < fillerLines; line++) {
                out.write(FILLER);
            }
            out.write(last.getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    private static String searchedOnly(String path) {
        return "WARNING " + path + ":1: " + LargeFile.SEARCHED_ONLY + " [skipped-file]";
    }

    private static String knownToken(String severity, String path, int line, String token, String note) {
        return severity + " " + path + ":" + line + ": npm access token (checksum valid) [known-token] (fingerprint "
                + Fingerprint.of(token) + ")" + (note.isEmpty() ? "" : " (" + note + ")");
    }

    /**
     * Decided: a file over {@link SafeReader#MAX_BYTES} is not parsed (every parser and rule works on the
     * whole document), but its bytes are streamed through a fixed buffer and searched for token formats, as
     * an unparsable file's raw lines are: a token in it is an error at its line, as committed content always
     * is. The file itself is a skipped-file warning that says it was only searched: a literal without a token
     * format in an auth key of such a file is not found. Without a token it does not fail the build, since
     * the token search did cover it, and a 60 MB file named like a config (a generated one, a data file) is
     * not a reason to stop every build.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void sixtyMegabyteFileWithATokenOnLineOneMillionIsFoundAtThatLineByAStreamedSearch() throws IOException {
        String t = tokens.npm();
        for (String mode : List.of("plain", "untracked", "staged")) {
            boolean withGit = !mode.equals("plain");
            Path root = root(withGit, "huge-" + mode);
            Path file = writeLarge(root.resolve(".npmrc"), 999_999, "//r.example/:_authToken=" + t + "\n");
            assertTrue(Files.size(file) > 60_000_000L);
            if (mode.equals("staged")) {
                git.run(root, "add", "-A"); // the blob streamed through git; its working copy is the same bytes
            }
            ScanResult r = scan(withGit, root);
            assertEquals(
                    List.of(searchedOnly(".npmrc"), knownToken("ERROR", ".npmrc", 1_000_000, t, "")), lines(r), mode);
            assertClean(r, t);
            if (mode.equals("staged")) {
                // The working copy is the staged blob (same object id): searched once, from git.
                ScanSet set = git.reader().read(root, NOTHING);
                assertEquals(
                        List.of(Provenance.STAGED),
                        set.large().stream().map(LargeFile::provenance).toList());
            }
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void largeFileWithoutATokenIsOnlyAWarningAndOneOnlyInTheWorkingCopyOrIgnoredIsAWarning() throws IOException {
        String t = tokens.npm();
        Path root = git.init("huge-provenance");
        int lines = 300_000; // 18 MB: over the limit
        writeLarge(root.resolve("clean/.npmrc"), lines, "//r.example/:_authToken=${NPM_TOKEN}\n");
        writeLarge(root.resolve("injected/.npmrc"), lines, "//r.example/:_authToken=${NPM_TOKEN}\n");
        git.run(root, "add", "-A");
        // CI wrote the token into the working copy of a tracked file whose staged content is clean.
        writeLarge(root.resolve("injected/.npmrc"), lines, "//r.example/:_authToken=" + t + "\n");
        write(root.resolve(".gitignore"), "local/\n");
        writeLarge(root.resolve("local/.npmrc"), lines, "//r.example/:_authToken=" + t + "\n");
        ScanResult r = scan(true, root);
        assertEquals(
                List.of(
                        searchedOnly("clean/.npmrc"),
                        searchedOnly("injected/.npmrc"),
                        knownToken(
                                "WARNING",
                                "injected/.npmrc",
                                lines + 1,
                                t,
                                "only in the working copy: the staged content is clean, so CI may have injected it"),
                        searchedOnly("local/.npmrc"),
                        knownToken(
                                "WARNING",
                                "local/.npmrc",
                                lines + 1,
                                t,
                                "only in a file git ignores: never committed")),
                lines(r));
        assertTrue(r.errors().isEmpty());
        assertClean(r, t);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void tenMegabyteSingleLineInAFileOverTheLimitIsSearchedToItsEnd() throws IOException {
        String t = tokens.npm();
        int fillerLines = 120_000; // 7 MB of lines, then one line of 10 MB: 17 MB in all
        StringBuilder line = new StringBuilder(10_100_000).append("; ");
        String chunk = "abc/def+ghi=jkl-mno_pqr.stu:vwx" + "npm" + "_AAAA ";
        while (line.length() < 10_000_000) {
            line.append(chunk);
        }
        line.append(' ').append(t).append(" and the end of the line\n; one more line\n");
        for (String mode : List.of("plain", "staged")) {
            boolean withGit = !mode.equals("plain");
            Path root = root(withGit, "huge-line-" + mode);
            Path file = writeLarge(root.resolve("web/.yarnrc"), fillerLines, line.toString());
            assertTrue(Files.size(file) > SafeReader.MAX_BYTES);
            if (withGit) {
                git.run(root, "add", "-A");
            }
            ScanResult r = scan(withGit, root);
            assertEquals(
                    List.of(searchedOnly("web/.yarnrc"), knownToken("ERROR", "web/.yarnrc", fillerLines + 1, t, "")),
                    lines(r),
                    mode);
            assertClean(r, t);
        }
    }

    /**
     * Flat memory, for real: the scan runs in a JVM of its own whose heap (32 MiB) is smaller than the file
     * (60 MB), and still finds the token at its line, from the working copy and from git's blob.
     */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void sixtyMegabyteFileIsSearchedByAJvmWhoseHeapIsSmallerThanTheFile() throws Exception {
        String t = tokens.npm();
        for (String mode : List.of("plain", "staged")) {
            boolean withGit = !mode.equals("plain");
            Path root = root(withGit, "huge-heap-" + mode);
            writeLarge(root.resolve(".npmrc"), 999_999, "//r.example/:_authToken=" + t + "\n");
            if (withGit) {
                git.run(root, "add", "-A");
            }
            List<String> cmd = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx32m",
                    "-Xshare:auto",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:-UsePerfData",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ScanAsChild.class.getName(),
                    root.toString());
            ProcessBuilder pb =
                    new ProcessBuilder(cmd).redirectErrorStream(true).directory(tmp.toFile());
            pb.environment().clear();
            pb.environment().putAll(git.env()); // a plain root has no .git up to the ceiling: walked, no note
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            TestTokens.assertNoFragment(out, t, "the child's output");
            assertEquals(0, p.exitValue(), out);
            assertEquals(
                    List.of(searchedOnly(".npmrc"), knownToken("ERROR", ".npmrc", 1_000_000, t, "")),
                    out.lines().toList(),
                    mode);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void tenMegabyteSingleLineIsScannedInBoundedTimeAndItsTokenFound() throws IOException {
        String t = tokens.npm();
        for (boolean withGit : new boolean[] {true, false}) {
            Path root = root(withGit, "long-line");
            // A comment line of 10 MB of token-alphabet text, the token at its end: the token patterns must
            // neither backtrack for ever on it nor miss the token after it.
            StringBuilder line = new StringBuilder(10_500_000).append("; ");
            String chunk = "abc/def+ghi=jkl-mno_pqr.stu:vwx" + "npm" + "_AAAA ";
            while (line.length() < 10_000_000) {
                line.append(chunk);
            }
            line.append(' ').append(t).append('\n');
            Files.writeString(root.resolve(".npmrc"), "registry=https://r.example/\n" + line);
            if (withGit) {
                git.run(root, "add", "-A");
            }
            ScanResult r = scan(withGit, root);
            assertTrue(
                    r.errors().stream()
                            .anyMatch(f -> f.line() == 2 && f.fingerprint().equals(Fingerprint.of(t))),
                    lines(r).toString());
            assertClean(r, t);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void tokenIsFoundAtItsLineInEveryEncodingTheDecoderRecognises() throws IOException {
        String t = tokens.npm();
        String text = "registry=https://r.example/\n; caf\u00e9\n//r.example/:_authToken=" + t + "\n";
        record Enc(String name, byte[] bytes) {}
        List<Enc> encodings = List.of(
                new Enc(
                        "utf-16le-bom",
                        cat(new byte[] {(byte) 0xff, (byte) 0xfe}, text.getBytes(StandardCharsets.UTF_16LE))),
                new Enc(
                        "utf-16be-bom",
                        cat(new byte[] {(byte) 0xfe, (byte) 0xff}, text.getBytes(StandardCharsets.UTF_16BE))),
                new Enc("utf-16le", text.getBytes(StandardCharsets.UTF_16LE)),
                new Enc("utf-16be", text.getBytes(StandardCharsets.UTF_16BE)),
                new Enc("latin-1", text.getBytes(StandardCharsets.ISO_8859_1)),
                new Enc(
                        "invalid-utf-8",
                        cat(
                                cat(
                                        "; \u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1),
                                        new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xe2, (byte) 0x82}),
                                ("\n" + text.substring(text.indexOf('\n') + 1)).getBytes(StandardCharsets.UTF_8))),
                new Enc(
                        "utf-8-bom",
                        cat(
                                new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                                text.getBytes(Charset.forName("UTF-8")))));
        for (boolean withGit : new boolean[] {true, false}) {
            Path root = root(withGit, "enc");
            for (Enc e : encodings) {
                Files.createDirectories(root.resolve(e.name()));
                Files.write(root.resolve(e.name() + "/.npmrc"), e.bytes());
            }
            if (withGit) {
                git.run(root, "add", "-A");
            }
            ScanResult r = scan(withGit, root);
            for (Enc e : encodings) {
                assertTrue(
                        r.errors().stream()
                                .anyMatch(f -> f.path().equals(e.name() + "/.npmrc")
                                        && f.line() == 3
                                        && f.fingerprint().equals(Fingerprint.of(t))),
                        e.name() + " (git: " + withGit + "): " + lines(r));
            }
            assertClean(r, t);
        }
    }

    private static byte[] cat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void unreadableAndVanishingFilesReachTheScannerAsErrorAndWarning() throws IOException {
        String t = tokens.npm();
        Path repo = git.init("seams");
        write(repo.resolve(".npmrc"), "//r.example/:_authToken=" + t + "\n");
        write(repo.resolve("web/.npmrc"), "//r.example/:_authToken=" + t + "\n");
        git.run(repo, "add", ".npmrc");
        SafeReader.ContentSource hostile = (file, limit) -> {
            if (file.endsWith("web/.npmrc")) {
                Files.delete(file);
            } else if (file.getFileName().toString().equals(".npmrc")) {
                throw new java.nio.file.AccessDeniedException(file.toString(), null, t); // a message to leak
            }
            return SafeReader.FILES.read(file, limit);
        };
        ScanResult r = new Scanner(git.reader(hostile)::read).scan(repo, NOTHING, Allowlist.none(), TODAY);
        // The staged blob is read through git and judged; the working copy it could not read is a warning.
        assertTrue(
                r.errors().stream()
                        .anyMatch(f ->
                                f.path().equals(".npmrc") && f.fingerprint().equals(Fingerprint.of(t))),
                lines(r).toString());
        assertTrue(
                lines(r).contains("WARNING .npmrc:1: " + SafeReader.PERMISSION_DENIED + " [skipped-file]"),
                lines(r).toString());
        assertTrue(
                lines(r).contains("WARNING web/.npmrc:1: " + SafeReader.VANISHED + " [skipped-file]"),
                lines(r).toString());
        assertClean(r, t);

        // Without git nothing else holds the content: the build fails, naming the file.
        write(repo.resolve("web/.npmrc"), "x\n");
        ScanResult noGit = new Scanner(
                        new ScanSetReader(new GitCli(null, git.env(), GitCli.DEFAULT_TIMEOUT), hostile)::read)
                .scan(repo, NOTHING, Allowlist.none(), TODAY);
        assertEquals(
                List.of(
                        "ERROR .npmrc:1: " + SafeReader.PERMISSION_DENIED + " [unreadable-file]",
                        "WARNING web/.npmrc:1: " + SafeReader.VANISHED + " [skipped-file]"),
                lines(noGit));
        assertClean(noGit, t);
    }

    /**
     * Builds {@code levels} nested folders named {@code a} under {@code root}, each step of the way in paths
     * far shorter than PATH_MAX: pieces of {@code DEEP_PIECE} levels are made in {@code stage} and stacked
     * by renaming the finished deeper piece into the bottom of the next one. {@code bottom} is written at
     * the deepest level first. (The JDK names files by absolute path, so it cannot create them top-down.)
     */
    private static void deepTree(Path root, Path stage, int levels, String bottom) throws IOException {
        Path piece = Files.createDirectories(stage.resolve("p0"));
        int built = 0;
        int n = 0;
        while (built < levels) {
            int depth = Math.min(DEEP_PIECE, levels - built);
            Path next = Files.createDirectories(stage.resolve("p" + (++n)));
            Path bottomOfNext = Files.createDirectories(next.resolve(chain(depth - (built == 0 ? 0 : 1))));
            if (built == 0) {
                Files.writeString(bottomOfNext.resolve(".npmrc"), bottom);
            } else {
                Files.move(piece.resolve("a"), bottomOfNext.resolve("a")); // one rename moves the whole deeper part
            }
            Files.delete(piece);
            piece = next;
            built += depth;
        }
        Files.move(piece.resolve("a"), root.resolve("a"));
        Files.delete(piece);
    }

    private static final int DEEP_PIECE = 1000;

    private static String chain(int levels) {
        return "a/".repeat(levels).substring(0, Math.max(0, 2 * levels - 1));
    }

    /** Deletes what the JDK cannot: rm walks relative to open folders. */
    private static void removeDeep(Path folder) throws IOException, InterruptedException {
        Git.command("rm", "-rf", folder.toString());
    }

    /**
     * Decided: no depth limit of our own. A folder walk holds one open folder per level, but PATH_MAX
     * (4,096 bytes on Linux) stops the JDK at about 2,000 one-letter levels, and git (which names paths
     * from the work tree's top) a little deeper, where git warns "could not open directory" and carries on
     * with exit code 0. Everything above that limit is scanned; the first folder past it is an error (when
     * its content could be committed) naming it, shortened, in a log line of bounded length. A tracked file
     * deeper than that (git add cannot stage it, but an index entry can be written directly) is read from
     * git's object store like any other staged file, its working copy reported as unreadable.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tenThousandNestedFoldersEndInBoundedTimeWithTheShallowTokenFoundAndTheLimitNamed() throws Exception {
        String shallow = tokens.npm();
        String deep = tokens.npm();
        String deepFile = "//r.example/:_authToken=" + deep + "\n";
        for (boolean withGit : new boolean[] {false, true}) {
            Path root = root(withGit, "deep");
            Path stage = Files.createDirectories(tmp.resolve("stage-" + withGit));
            try {
                deepTree(root, stage, 10_000, deepFile);
                write(root.resolve(chain(5) + "/.npmrc"), "//r.example/:_authToken=" + shallow + "\n");
                ScanResult r = scan(withGit, root);
                assertTrue(
                        r.errors().stream()
                                .anyMatch(f -> f.path().equals(chain(5) + "/.npmrc")
                                        && f.fingerprint().equals(Fingerprint.of(shallow))),
                        lines(r).toString());
                List<Finding> limit = r.errors().stream()
                        .filter(f -> f.rule().id().equals("unreadable-file"))
                        .toList();
                assertEquals(1, limit.size(), lines(r).toString().length() + " chars: " + shortened(lines(r)));
                Finding stop = limit.get(0);
                assertTrue(stop.path().matches("(a/)+a"), shortened(List.of(stop.path())));
                assertTrue(
                        stop.path().length() > 3000,
                        "stopped only " + stop.path().length() + " chars deep");
                assertEquals(
                        withGit
                                ? "git could not open this folder (path too long; git cut its name short):"
                                        + " nothing under it was scanned"
                                : LongPaths.WALK_TOO_LONG,
                        stop.what());
                assertTrue(stop.logLine().length() < 400, stop.logLine().length() + " chars");
                assertTrue(stop.logLine().startsWith(chain(60).substring(0, 100) + "/.../"), stop.logLine());
                assertTrue(r.findings().stream().noneMatch(f -> f.fingerprint().equals(Fingerprint.of(deep))));
                assertClean(r, shallow);
                assertClean(r, deep);

                if (withGit) {
                    // Tracked at the bottom: written to the index directly, as git add cannot reach it.
                    String path = chain(10_000) + "/.npmrc";
                    Path blob = write(tmp.resolve("deep-blob"), deepFile);
                    String id =
                            git.run(root, "hash-object", "-w", blob.toString()).strip();
                    git.run(root, "update-index", "--add", "--cacheinfo", "100644," + id + "," + path);
                    ScanResult tracked = scan(true, root);
                    assertTrue(
                            tracked.errors().stream()
                                    .anyMatch(f -> f.path().equals(path)
                                            && f.fingerprint().equals(Fingerprint.of(deep))),
                            shortened(lines(tracked)));
                    assertTrue(
                            tracked.warnings().stream()
                                    .anyMatch(f ->
                                            f.path().equals(path) && f.what().equals(LongPaths.PATH_TOO_LONG)),
                            shortened(lines(tracked)));
                    assertTrue(
                            tracked.findings().stream()
                                    .allMatch(f -> f.logLine().length() < 500),
                            shortened(lines(tracked)));
                    assertClean(tracked, deep);
                }
            } finally {
                removeDeep(root);
                removeDeep(stage);
            }
        }
    }

    private static String shortened(List<String> lines) {
        return lines.stream()
                .map(l -> l.length() > 300 ? l.substring(0, 150) + "..." + l.substring(l.length() - 150) : l)
                .toList()
                .toString();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void nameOf255BytesAndAPathOfNearly4000CharactersAreScanned() throws IOException {
        String t = tokens.npm();
        for (boolean withGit : new boolean[] {false, true}) {
            Path root = root(withGit, "long");
            // NAME_MAX: 255 bytes, two of them 2-byte chars where this JVM can name files in UTF-8
            String longName = FileNames.unicodeOr("n".repeat(250) + "\u00e9\u00e9x", "n".repeat(255));
            assertEquals(255, longName.getBytes(StandardCharsets.UTF_8).length);
            String longPath = (("d".repeat(199) + "/").repeat(19) + ".npmrc");
            int room = 4095 - root.toAbsolutePath().toString().length() - 1;
            assertTrue(longPath.length() < room, "temp folder too deep for the test: " + room);
            longPath = "p".repeat(room - longPath.length() - 1) + "/" + longPath; // the whole path: 4,095 bytes
            write(root.resolve(longName + "/.npmrc"), "//r.example/:_authToken=" + t + "\n");
            write(root.resolve(longPath), "//r.example/:_authToken=" + t + "\n");
            write(root.resolve("web/" + longName), "not a candidate\n");
            ScanResult r = scan(withGit, root);
            if (withGit) {
                git.run(root, "add", "-A");
                ScanResult staged = scan(true, root);
                assertEquals(lines(r), lines(staged));
            }
            String fp = Fingerprint.of(t);
            String all = longName + "/.npmrc";
            String finalLongPath = longPath;
            assertTrue(
                    r.errors().stream()
                            .anyMatch(
                                    f -> f.path().equals(all) && f.fingerprint().equals(fp)),
                    lines(r).toString());
            assertTrue(
                    r.errors().stream()
                            .anyMatch(f -> f.path().equals(finalLongPath)
                                    && f.fingerprint().equals(fp)),
                    lines(r).toString());
            assertTrue(
                    r.findings().stream()
                            .noneMatch(f -> f.rule().id().equals("unreadable-file")
                                    || f.rule().id().equals("skipped-file")),
                    lines(r).toString());
            assertClean(r, t);
        }
    }

    /**
     * A folder named with bytes that are not UTF-8 ({@code caf\xe9}, Latin-1). The walk reads its
     * {@code .npmrc} by the name's own bytes. git's {@code -z} listing gives those bytes too, but a name
     * cannot be handed back to the JDK as bytes: the untracked file is an error naming it (fail closed),
     * the tracked one is read from git's object store and only its working copy is a warning.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void folderNameThatIsNotUtf8IsScannedByTheWalkAndReportedWithGit() throws Exception {
        String t = tokens.npm();
        for (boolean withGit : new boolean[] {false, true}) {
            Path root = root(withGit, "latin1");
            Path text = write(tmp.resolve("latin1-content"), "//r.example/:_authToken=" + t + "\n");
            Git.command(
                    "sh",
                    "-c",
                    "d=\"$(printf 'caf\\351')\"; mkdir \"$1/$d\" && cp \"$2\" \"$1/$d/.npmrc\"",
                    "sh",
                    root.toString(),
                    text.toString());
            String shown = "caf\ufffd/.npmrc";
            String fp = Fingerprint.of(t);
            ScanResult r = scan(withGit, root);
            if (!withGit) {
                assertTrue(
                        r.errors().stream()
                                .anyMatch(f -> f.path().equals(shown)
                                        && f.fingerprint().equals(fp)),
                        lines(r).toString());
                assertTrue(r.findings().stream().noneMatch(f -> f.rule().id().endsWith("-file")), lines(r).toString());
            } else {
                assertEquals(
                        List.of("ERROR " + shown + ":1: " + RepositoryScan.NAME_NOT_UTF8 + " [unreadable-file]"),
                        lines(r));
                git.run(root, "add", "-A");
                ScanResult tracked = scan(true, root);
                assertTrue(
                        tracked.errors().stream()
                                .anyMatch(f -> f.path().equals(shown)
                                        && f.fingerprint().equals(fp)),
                        lines(tracked).toString());
                assertTrue(
                        lines(tracked)
                                .contains(
                                        "WARNING " + shown + ":1: " + RepositoryScan.NAME_NOT_UTF8 + " [skipped-file]"),
                        lines(tracked).toString());
                assertClean(tracked, t);
            }
            assertClean(r, t);
        }
    }

    /**
     * A file whose mode denies the build user, for real: as root, modes do not bite, so the scan runs in a
     * JVM of its own as user nobody (65534, via setpriv) on a tree nobody owns, with the {@code .npmrc}
     * at mode 000. The classes are copied where nobody can read them. Without git and untracked, the build
     * fails naming the file; tracked, git's object store holds the content, so the finding comes from it and
     * the unreadable working copy is a warning.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void fileTheBuildUserCannotReadFailsClosedWhenRunAsAnotherUser() throws Exception {
        assumeTrue(Git.runningAsRoot(), "needs root to run a JVM as another user");
        Path setpriv = Path.of("/usr/bin/setpriv");
        assumeTrue(Files.isExecutable(setpriv), "setpriv (util-linux) not found");
        String t = tokens.npm();
        Path shared = Files.createTempDirectory(
                Path.of("/tmp"),
                "npmrc-guard-nobody",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            Path classes = Files.createDirectories(shared.resolve("classes"));
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (Files.isDirectory(p) && (p.endsWith("classes") || p.endsWith("test-classes"))) {
                    Git.command("cp", "-r", p + "/.", classes.toString()); // target/classes and test-classes
                }
            }
            Path plain = write(shared.resolve("work/plain/.npmrc"), "//r.example/:_authToken=" + t + "\n")
                    .getParent();
            Path repo = Files.createDirectories(shared.resolve("work/repo"));
            git.run(repo, "init", "-q");
            write(repo.resolve(".npmrc"), "//r.example/:_authToken=" + t + "\n");
            write(repo.resolve("web/.npmrc"), "//r.example/:_authToken=" + t + "\n");
            git.run(repo, "add", ".npmrc");
            Git.command("chown", "-R", "65534:65534", shared.resolve("work").toString());
            Git.command("chmod", "-R", "a+rX", classes.toString());
            Files.setPosixFilePermissions(plain.resolve(".npmrc"), java.util.Set.of());
            Files.setPosixFilePermissions(repo.resolve(".npmrc"), java.util.Set.of());
            Files.setPosixFilePermissions(repo.resolve("web/.npmrc"), java.util.Set.of());

            List<String> noGit = asNobody(setpriv, classes, shared, plain);
            assertEquals(List.of("ERROR .npmrc:1: " + SafeReader.PERMISSION_DENIED + " [unreadable-file]"), noGit);

            List<String> withGit = asNobody(setpriv, classes, shared, repo);
            String fp = Fingerprint.of(t);
            assertTrue(
                    withGit.stream().anyMatch(l -> l.startsWith("ERROR .npmrc:1: ") && l.contains(fp)),
                    withGit.toString());
            assertTrue(
                    withGit.contains("WARNING .npmrc:1: " + SafeReader.PERMISSION_DENIED + " [skipped-file]"),
                    withGit.toString());
            assertTrue(
                    withGit.contains("ERROR web/.npmrc:1: " + SafeReader.PERMISSION_DENIED + " [unreadable-file]"),
                    withGit.toString());
            assertTrue(withGit.stream().noneMatch(l -> l.startsWith("note:")), withGit.toString()); // git was used
            TestTokens.assertNoFragment(String.join("\n", noGit) + String.join("\n", withGit), t, "the child's output");
        } finally {
            Git.command("rm", "-rf", shared.toString());
        }
    }

    private List<String> asNobody(Path setpriv, Path classes, Path shared, Path root) throws Exception {
        List<String> cmd = List.of(
                setpriv.toString(),
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-cp",
                classes.toString(),
                ScanAsChild.class.getName(),
                root.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(shared.toFile());
        pb.environment().putAll(git.env());
        pb.environment().put("HOME", shared.toString());
        pb.environment().put("GIT_CEILING_DIRECTORIES", shared.resolve("work").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }
}
