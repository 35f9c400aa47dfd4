package io.github.npmrcguard.files;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a commit is about to add or change among the candidate files: the staged version of each path that
 * {@code git diff --cached} lists against {@code HEAD} (every staged path in a repository with no commit yet),
 * read in one {@code git cat-file --batch}. Deletions bring nothing to check; a rename is its new path.
 */
public final class StagedFiles {
    /** A commit waits for the hook: a git that hangs is stopped well before anyone gives up on it. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** The longest listing line read from the hook script: well past any path git can list. */
    private static final int MAX_LINE = 1 << 16;

    private final GitCli git;

    private StagedFiles(GitCli git) {
        this.git = git;
    }

    /**
     * Staged files as git sees them with this environment. A relative {@code GIT_INDEX_FILE} (git sets one for
     * the hook of {@code git commit -a} or {@code git commit <path>}: a temporary index) is taken relative to
     * {@code cwd}, where git started the hook, so that the check reads the index the commit is made from.
     */
    public static StagedFiles fromEnvironment(Map<String, String> env, Path cwd) {
        Map<String, String> adjusted = new HashMap<>(env);
        String index = env.get("GIT_INDEX_FILE");
        if (index != null && !index.isEmpty()) {
            try {
                adjusted.put(
                        "GIT_INDEX_FILE",
                        cwd.resolve(index).toAbsolutePath().normalize().toString());
            } catch (InvalidPathException e) {
                adjusted.remove("GIT_INDEX_FILE");
            }
        }
        GitCli cli = GitCli.fromEnvironment(adjusted, TIMEOUT);
        String absolute = adjusted.get("GIT_INDEX_FILE");
        // childEnvironment keeps an absolute index and drops a relative one; put it back after the scrubbing.
        return new StagedFiles(absolute == null ? cli : cli.withVariables(Map.of("GIT_INDEX_FILE", absolute)));
    }

    /** Whether there is a git binary to run. */
    public boolean available() {
        return git.available();
    }

    /**
     * The staged versions of candidate files under {@code prefix}.
     *
     * @param top      the top of the work tree the commit is made in
     * @param prefix   the scan root relative to {@code top}, {@code /}-separated with a trailing {@code /}, or
     *                 empty; paths in the result are relative to it, as {@code check} reports them
     * @param excluded the user's path excludes, tested on scan-root-relative paths and their folders
     * @throws GitException when git cannot list or read what is staged
     */
    public ScanSet read(Path top, String prefix, Predicate<String> excluded) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "diff",
                "--cached",
                "--raw",
                "-z",
                "--no-renames",
                "--no-abbrev",
                "--no-ext-diff",
                "--diff-filter=d",
                "--"));
        args.addAll(FileKind.GIT_PATHSPECS);
        GitCli.Result listed = git.run(top, args);
        if (listed.exitCode() != 0) {
            throw GitCli.failure(listed);
        }
        // path -> staged blob id, for regular files of a candidate name
        Map<String, String> staged = new LinkedHashMap<>();
        String out = new String(listed.stdout(), StandardCharsets.UTF_8);
        int i = 0;
        while (i < out.length()) {
            int metaEnd = out.indexOf('\0', i);
            int pathEnd = metaEnd < 0 ? -1 : out.indexOf('\0', metaEnd + 1);
            if (pathEnd < 0) {
                break;
            }
            select(out.substring(i, metaEnd).split(" "), out.substring(metaEnd + 1, pathEnd), prefix, excluded, staged);
            i = pathEnd + 1;
        }
        return scanSet(top, prefix, staged, CatFileReads.readBlobs(git, top, staged.values(), SafeReader.MAX_BYTES));
    }

    /**
     * {@link #read} from what the hook script piped in, so that no git process starts from the JVM: the lines of
     * {@code git diff --cached --raw} with the same options but without {@code -z} (a path quoted as git quotes
     * it), an empty line, then {@code git cat-file --batch}'s answer to each line's new id, in order.
     *
     * @return null when the input is not that whole (the script's git failed, say): then {@link #read} it
     */
    public ScanSet readPiped(Path top, String prefix, Predicate<String> excluded, InputStream in) {
        List<String> ids = new ArrayList<>();
        Map<String, String> staged = new LinkedHashMap<>();
        try {
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int tab = line.indexOf('\t');
                String[] meta = line.substring(0, Math.max(tab, 0)).split(" ");
                if (tab < 0 || meta.length != 5) {
                    return null;
                }
                ids.add(meta[3]);
                select(meta, unquote(line.substring(tab + 1)), prefix, excluded, staged);
            }
            if (ids.isEmpty()) {
                return null;
            }
            return scanSet(top, prefix, staged, CatFileAnswers.readAll(in, ids.size(), SafeReader.MAX_BYTES));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Adds a listed path to {@code staged} (path -> staged blob id) when it is a regular file of a candidate name. */
    private static void select(
            String[] meta, String path, String prefix, Predicate<String> excluded, Map<String, String> staged) {
        // ":100644 100644 <old id> <new id> M"
        if (meta.length != 5 || !meta[1].startsWith("100") || meta[4].startsWith("U")) {
            return; // a link, a submodule, or an unmerged path (git refuses that commit itself)
        }
        if (!path.startsWith(prefix)) {
            return;
        }
        String relative = path.substring(prefix.length());
        if (candidate(relative, excluded)) {
            staged.put(relative, meta[3]);
        }
    }

    private ScanSet scanSet(Path top, String prefix, Map<String, String> staged, Map<String, Blob> blobs) {
        List<ScanFile> files = new ArrayList<>();
        List<LargeFile> large = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : staged.entrySet()) {
            String path = e.getKey();
            String id = e.getValue();
            Path location = top.resolve(prefix + path);
            FileKind kind = FileKind.ofFileName(name(path));
            Blob blob = blobs.get(id);
            if (blob == null || blob.missing()) {
                problems.add(new FileProblem(path, RepositoryScan.STAGED_MISSING, true));
            } else if (blob.content() == null) {
                large.add(new LargeFile(path, location, kind, Provenance.STAGED, blob.size(), new LargeFile.Opener() {
                    @Override
                    public java.io.InputStream open() throws IOException {
                        return CatFileReads.openBlob(git, top, id);
                    }
                }));
            } else {
                files.add(new ScanFile(path, location, kind, Provenance.STAGED, blob.content()));
            }
        }
        return new ScanSet(files, large, problems, List.of(), true);
    }

    /** One line, its bytes as ISO-8859-1 characters (what {@link #unquote} expects), without its line end. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(120);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0 || line.length() > MAX_LINE) {
                throw new EOFException("unexpected input");
            }
            line.append((char) c);
        }
        return line.toString();
    }

    /**
     * A path as {@code git diff} prints it without {@code -z}, given as ISO-8859-1 characters for its bytes:
     * as is, or between double quotes with C escapes ({@code \t}, {@code \"}, {@code \\}, an octal byte
     * {@code \303}) when it holds a byte git quotes. Decoded as UTF-8, as {@link #read} decodes git's output.
     */
    static String unquote(String path) throws EOFException {
        if (!path.startsWith("\"")) {
            return new String(path.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
        if (path.length() < 2 || !path.endsWith("\"")) {
            throw new EOFException("unexpected input");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        for (int i = 1; i < path.length() - 1; i++) {
            char c = path.charAt(i);
            if (c != '\\') {
                bytes.write(c);
                continue;
            }
            char e = ++i < path.length() - 1 ? path.charAt(i) : 'x';
            int simple = "abtnvfr\"\\".indexOf(e);
            if (simple >= 0) {
                bytes.write("\u0007\b\t\n\u000b\f\r\"\\".charAt(simple));
            } else if (e >= '0' && e <= '3' && i + 2 < path.length() - 1) {
                bytes.write(Integer.parseInt(path.substring(i, i + 3), 8));
                i += 2;
            } else {
                throw new EOFException("unexpected input");
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean candidate(String path, Predicate<String> excluded) {
        if (FileKind.ofFileName(name(path)) == null || Pruned.underNodeModules(path)) {
            return false;
        }
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            if (excluded.test(path.substring(0, i))) {
                return false;
            }
        }
        return !excluded.test(path);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
