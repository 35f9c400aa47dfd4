package io.github.npmrcguard.files;

import io.github.npmrcguard.files.SafeReader.Content;
import io.github.npmrcguard.files.SafeReader.Missing;
import io.github.npmrcguard.files.SafeReader.Outcome;
import io.github.npmrcguard.files.SafeReader.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which files, and which version of each, the scan reads under a root: the {@link ScanSet}.
 *
 * <p><b>With git</b> (the root is in a git work tree and {@code git} is on the PATH) the git CLI decides,
 * as the authority on {@code .gitignore}, excludes, worktrees and sparse checkouts:
 * <ul>
 * <li>a tracked file is read as its staged (index) blob, {@link Provenance#STAGED}: every conflict stage
 * while a merge is unresolved, and also when the file is deleted from the working tree or outside a
 * sparse checkout. When its working copy exists and differs from every staged version (line endings
 * aside), the working copy is a second {@link Provenance#WORKING_COPY} version. Tracked symbolic links
 * and submodules are skipped: their blobs are a link target or a commit, not config;</li>
 * <li>an untracked file git does not ignore is read as its working copy, {@link Provenance#UNTRACKED};</li>
 * <li>an ignored file is read as {@link Provenance#IGNORED}; ignored folders git reports whole are walked
 * here, except the ones a plain walk prunes ({@code target}, {@code build}, {@code dist}, ...).</li>
 * </ul>
 * Nothing under a {@code node_modules} folder is ever read, tracked or not.
 *
 * <p><b>Without git</b> (no git binary, the root in no work tree, or git refusing the repository) every
 * candidate under the root is read as {@link Provenance#NO_GIT} by a walk that does not follow links and
 * prunes {@code node_modules}, {@code .git}, {@code target}, {@code build}, {@code dist} and
 * {@code .yarn/cache}. {@link ScanSet#notes()} then holds one line saying why git was not used, except
 * when the root is simply in no git work tree: that case is silent ({@link ScanSet#git()} is false and
 * there is no note), because scanning a plain folder is the normal result there, not a degradation.
 *
 * <p><b>Cost.</b> Two listing processes, run at the same time, and one {@code git cat-file --batch} for
 * every staged blob; no process per file, no non-candidate is read, no walk where git answers. Measured
 * (git 2.39, 2 shared cores, warm cache, best of 7 in one JVM) on a synthetic repository with 200,000
 * tracked files in 2,000 folders and 200,000 more in 20 ignored {@code node_modules}: {@link #read} 158-208
 * ms; the research's single {@code git ls-files --cached --others --exclude-standard} call 157 ms; plain
 * {@code git ls-files} (no untracked files, so no work tree walk) 38-47 ms; the walk without git 517 ms.
 * Any answer that includes untracked files costs git a walk of the work tree (getdents on every folder);
 * both listings pay it, in parallel. See {@link #IGNORED_LISTING} for the options measured for ignored
 * files.
 *
 * <p><b>Reading.</b> Only regular files are read, after a look that does not follow links: a pipe, socket
 * or device is reported, never opened; a folder is not a file. A symbolic link is read when its target is
 * a regular file inside the root, and reported (non-blocking) otherwise. A file that cannot be read is a
 * {@link FileProblem}, blocking when its content would count as committed; one that vanished since git
 * listed it is a non-blocking one. Messages name the problem, never content or an exception's text.
 *
 * <p>Instances hold no state between calls and may be shared between threads.
 */
public final class ScanSetReader {
    /**
     * Keeps git out of {@code node_modules}. With it, git prunes a {@code node_modules} that is untracked and
     * not ignored instead of walking it: 6 ms against 304 ms with 8,000 untracked {@code node_modules}
     * files among 220,000. It also drops tracked files there, which are never findings.
     */
    static final String NODE_MODULES_EXCLUDE = ":(exclude,glob)**/node_modules/**";

    /** Tracked files with their index entries ({@code H 100644 <id> 0\tpath}), and untracked ones ({@code ? path}). */
    /** A staged entry of {@code ls-files --stage}: mode, object id (SHA-1 or SHA-256), stage, tab. */
    private static final Pattern STAGED_RECORD = Pattern.compile("([0-7]{6}) ([0-9a-f]{40}|[0-9a-f]{64}) ([0-3])\t");

    static final List<String> LISTING = args("ls-files", "-z", "--stage", "--others", "--exclude-standard");

    /**
     * Ignored files, with wholly ignored folders collapsed into one {@code dir/} entry that git does not
     * enter. Measured on 220,000 files, 200,000 of them in 20 ignored {@code node_modules} holding 8,000
     * decoy {@code .npmrc}: {@code --ignored} with the name pathspecs 415 ms (git walks every ignored
     * folder); adding {@code :(exclude,glob)**}{@code /node_modules/**} 388 ms (an exclude pathspec does not
     * stop git walking an ignored folder); {@code git status --ignored=traditional} 381 ms;
     * {@code --ignored --directory} 6-8 ms; {@code git status --porcelain=v2 --ignored=matching} 9 ms, but
     * it also stats every tracked file (295 ms against 133 ms at 200,000 tracked files). So:
     * {@code --directory}, and the collapsed folders not pruned by name are walked here.
     */
    static final List<String> IGNORED_LISTING =
            args("ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory");

    static final String NOTE_NO_GIT = "git not found on the PATH: scanned every matching file under the root";
    static final String NOTE_GIT_NOT_STARTED =
            "git could not be started: scanned every matching file under the root";
    static final String STAGED_MISSING = "staged content missing from the git object store: not read";
    static final String NAME_NOT_UTF8 = "name is not valid UTF-8, so git's listing cannot name the file to this JVM:"
            + " working copy not read";
    /** git's warning for a folder its work tree walk could not enter ({@code dir.c}); LC_ALL=C keeps it English. */
    static final String GIT_COULD_NOT_OPEN = "warning: could not open directory '";

    private static final int MAX_CACHED_FOLDER = 1024;
    private static final String PREFIX_INSIDE_COLLAPSED_FOLDER = "directory entry not superset of prefix";
    private static final byte[] ROOT_IGNORED = "./\0".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern DUBIOUS_PATH = Pattern.compile("repository at '([^'\\n]*)'");

    private final GitCli git;
    private final SafeReader.ContentSource source;

    /** A reader that runs the {@code git} found on the PATH, if any. */
    public ScanSetReader() {
        this(GitCli.system(), SafeReader.FILES);
    }

    ScanSetReader(GitCli git, SafeReader.ContentSource source) {
        this.git = git;
        this.source = source;
    }

    private static List<String> args(String... head) {
        List<String> all = new ArrayList<>(Arrays.asList(head));
        all.add("--");
        all.addAll(FileKind.GIT_PATHSPECS);
        all.add(NODE_MODULES_EXCLUDE);
        return List.copyOf(all);
    }

    /**
     * Lists and reads every candidate file under {@code root} ({@link FileKind#ofFileName} is not null).
     *
     * @param root     the folder to scan; with git it may be any folder in a work tree, paths stay relative
     *                 to it
     * @param excluded tests a root-relative, {@code /}-separated path of a file or folder (a folder without
     *                 a trailing slash); an excluded folder is not entered and nothing under it is read
     * @return the versions to parse, sorted by path then provenance, and the files that could not be read
     * @throws IOException when the root is not a folder, or git fails other than by being absent or
     *                     refusing the repository ({@link GitException})
     */
    public ScanSet read(Path root, Predicate<String> excluded) throws IOException {
        Path absRoot = root.toAbsolutePath().normalize();
        if (!Files.exists(absRoot)) {
            throw new NoSuchFileException(absRoot.toString(), null, "the scan root does not exist");
        }
        if (!Files.isDirectory(absRoot)) {
            throw new NotDirectoryException(absRoot.toString());
        }
        Scan scan = new Scan(absRoot, absRoot.toRealPath(), excluded);
        if (!git.available()) {
            return scan.walk(NOTE_NO_GIT);
        }
        GitCli.Running listing;
        GitCli.Running ignored;
        try {
            listing = git.start(absRoot, LISTING);
        } catch (IOException e) {
            return scan.walk(NOTE_GIT_NOT_STARTED);
        }
        try {
            // Both walk the work tree; run together they take the time of one (measured: 149 ms against 289 ms).
            ignored = git.start(absRoot, IGNORED_LISTING);
        } catch (IOException e) {
            listing.await();
            throw new GitException(GitCli.commandLine(absRoot, IGNORED_LISTING), -1, "could not be started");
        }
        GitCli.Result listed = listing.await();
        if (listed.exitCode() != 0) {
            ignored.await(); // the same refusal, surely; reap it
            GitCli.Refusal refusal = GitCli.refusal(listed);
            if (refusal == GitCli.Refusal.NOT_A_WORK_TREE) {
                return scan.walk(null);
            }
            if (refusal == GitCli.Refusal.DUBIOUS_OWNERSHIP) {
                return scan.walk(dubiousNote(listed.stderr(), absRoot));
            }
            throw GitCli.failure(listed);
        }
        scan.listed(listed.stdout());
        GitCli.Result ignoredListed = ignored.await();
        // Folders git could not enter (too long a path, no permission) it skips with a warning and exit code
        // 0: their files are unknown, so each is a problem; blocking unless it is an ignored folder.
        scan.unopenedFolders(listed.stderr(), true);
        scan.unopenedFolders(ignoredListed.stderr(), false);
        if (ignoredListed.exitCode() != 0 && ignoredListed.stderr().contains(PREFIX_INSIDE_COLLAPSED_FOLDER)) {
            // git 2.39 dies when the root lies deeper inside a folder it would collapse (an ignored folder
            // above the root): everything under the root is ignored then, as git says "./" one level up.
            scan.ignored(ROOT_IGNORED);
        } else if (ignoredListed.exitCode() != 0) {
            throw GitCli.failure(ignoredListed);
        } else {
            scan.ignored(ignoredListed.stdout());
        }
        return scan.result(true, null);
    }

    private static String dubiousNote(String stderr, Path root) {
        Matcher m = DUBIOUS_PATH.matcher(stderr);
        String repo = m.find() ? m.group(1) : root.toString();
        return "git refused the repository because another user owns it (safe.directory): scanned every"
                + " matching file under the root without git; to use git, run: git config --global --add"
                + " safe.directory " + repo;
    }

    /** One tracked index entry. */
    private record Entry(String mode, String objectId, int stage) {
        boolean regularFile() {
            return mode.startsWith("100"); // 100644 or 100755; 120000 is a link, 160000 a submodule
        }
    }

    /** One run of {@link #read}: what it has found so far. */
    private final class Scan {
        private final Path root;
        private final Path realRoot;
        private final Predicate<String> excluded;
        private final SafeReader reader;
        private final Map<String, Boolean> excludedFolders = new HashMap<>();
        private final Set<String> tracked = new HashSet<>();
        /** Paths git gave as bytes that are not UTF-8: this JVM cannot name them from git's answer. */
        private final Set<String> notUtf8 = new HashSet<>();
        private final List<ScanFile> files = new ArrayList<>();
        private final List<FileProblem> problems = new ArrayList<>();

        Scan(Path root, Path realRoot, Predicate<String> excluded) {
            this.root = root;
            this.realRoot = realRoot;
            this.excluded = excluded;
            this.reader = new SafeReader(realRoot, source);
        }

        /** The scan without git. */
        ScanSet walk(String note) throws IOException {
            TreeWalk.walk(realRoot, realRoot, excluded, new TreeWalk.Visitor() {
                @Override
                public void candidate(String path, Path file) {
                    readWorkingFile(path, root.resolve(realRoot.relativize(file)), Provenance.NO_GIT);
                }

                @Override
                public void problem(String path, String message) {
                    problems.add(new FileProblem(path, message, true));
                }
            });
            return result(false, note);
        }

        /** Tracked and untracked files, from {@link #LISTING}'s output. */
        void listed(byte[] output) throws IOException {
            Map<String, List<Entry>> index = new LinkedHashMap<>();
            List<String> untracked = new ArrayList<>();
            for (String record : records(output, notUtf8)) {
                // "<mode> <object id> <stage>\t<path>" is a staged entry; an untracked file is its bare path.
                // (Without -t, which costs ls-files three times as much: 119 ms against 37 ms at 20k files.)
                Matcher staged = STAGED_RECORD.matcher(record);
                if (!staged.lookingAt()) {
                    untracked.add(record);
                    continue;
                }
                String path = record.substring(staged.end());
                if (notUtf8.remove(record)) {
                    notUtf8.add(path);
                }
                tracked.add(path);
                if (candidate(path)) {
                    index.computeIfAbsent(path, p -> new ArrayList<>())
                            .add(new Entry(staged.group(1), staged.group(2), staged.group(3).charAt(0) - '0'));
                }
            }
            readStaged(index);
            for (String path : untracked) {
                // A trailing slash is a nested repository: another repository's files, not ours.
                if (!path.endsWith("/") && candidate(path)) {
                    readWorkingFile(path, Provenance.UNTRACKED);
                }
            }
        }

        private void readStaged(Map<String, List<Entry>> index) throws IOException {
            List<String> ids = new ArrayList<>();
            index.values().forEach(es -> es.stream().filter(Entry::regularFile).forEach(e -> ids.add(e.objectId())));
            Map<String, GitCli.Blob> blobs = git.readBlobs(root, ids, SafeReader.MAX_BYTES);
            for (Map.Entry<String, List<Entry>> e : index.entrySet()) {
                String path = e.getKey();
                List<Entry> entries = e.getValue();
                if (entries.stream().noneMatch(Entry::regularFile)) {
                    continue;
                }
                Path location = location(path, false);
                List<byte[]> staged = new ArrayList<>();
                entries.sort(Comparator.comparingInt(Entry::stage));
                for (Entry entry : entries) {
                    if (!entry.regularFile()) {
                        continue;
                    }
                    GitCli.Blob blob = blobs.get(entry.objectId());
                    if (blob == null || blob.missing()) {
                        addProblem(path, STAGED_MISSING, true);
                    } else if (blob.content() == null) {
                        addProblem(path, SafeReader.TOO_LARGE, true);
                    } else if (staged.stream().noneMatch(s -> Arrays.equals(s, blob.content()))) {
                        // Conflict stages often repeat one another: each distinct content once.
                        staged.add(blob.content());
                        files.add(new ScanFile(path, location, kind(path), Provenance.STAGED, blob.content()));
                    }
                }
                if (location == null) {
                    continue;
                }
                Outcome wc = reader.read(location, false);
                if (wc instanceof Content c) {
                    if (staged.stream().noneMatch(s -> sameText(s, c.bytes()))) {
                        files.add(new ScanFile(path, location, kind(path), Provenance.WORKING_COPY, c.bytes()));
                    }
                } else if (wc instanceof Problem p) {
                    addProblem(path, p.message(), p.blocking());
                }
                // Missing: deleted in the working tree (or sparse); the staged content is what counts.
            }
        }

        /** Ignored files and collapsed ignored folders, from {@link #IGNORED_LISTING}'s output. */
        void ignored(byte[] output) throws IOException {
            for (String path : records(output, notUtf8)) {
                if (!path.endsWith("/")) {
                    if (candidate(path)) {
                        readWorkingFile(path, Provenance.IGNORED);
                    }
                    continue;
                }
                String folder = path.substring(0, path.length() - 1);
                if (folder.equals(".")) {
                    folder = ""; // the root itself is in an ignored folder: all of it is ignored
                } else if (TreeWalk.underNodeModules(folder) || prunedAnywhere(folder) || excludedPath(folder)) {
                    continue;
                }
                Path start;
                try {
                    start = folder.isEmpty() ? realRoot : realRoot.resolve(folder);
                } catch (InvalidPathException e) {
                    addProblem(folder, "folder name cannot be represented in this JVM's file name encoding:"
                            + " not read", false);
                    continue;
                }
                if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
                    continue; // gone, or a link: git reports a link to a folder as a folder
                }
                TreeWalk.walk(realRoot, start, excluded, new TreeWalk.Visitor() {
                    @Override
                    public void candidate(String found, Path file) {
                        // A tracked file in an ignored folder is read as tracked already.
                        if (!tracked.contains(found)) {
                            readWorkingFile(found, root.resolve(realRoot.relativize(file)), Provenance.IGNORED);
                        }
                    }

                    @Override
                    public void problem(String found, String message) {
                        problems.add(new FileProblem(found, message, false));
                    }
                });
            }
        }

        /** The folders git's warnings in {@code stderr} say it could not open, as problems. */
        void unopenedFolders(String stderr, boolean blocking) throws IOException {
            String prefix = null;
            for (String line : stderr.split("\n")) {
                if (!line.startsWith(GIT_COULD_NOT_OPEN)) {
                    continue;
                }
                String rest = line.substring(GIT_COULD_NOT_OPEN.length());
                int end = rest.lastIndexOf("': ");
                // git cuts a message at 4 KiB: a longer folder name arrives without its end.
                String folder = end >= 0 ? rest.substring(0, end) : rest;
                String reason = end >= 0 ? rest.substring(end + 3).strip().toLowerCase(java.util.Locale.ROOT)
                        : "path too long; git cut its name short";
                if (folder.endsWith("/")) {
                    folder = folder.substring(0, folder.length() - 1);
                }
                if (prefix == null) {
                    prefix = prefix(); // git names folders from the work tree's top, not from the root
                }
                if (!folder.startsWith(prefix) || folder.length() == prefix.length()) {
                    continue;
                }
                folder = folder.substring(prefix.length());
                if (TreeWalk.underNodeModules(folder) || excludedPath(folder)) {
                    continue;
                }
                addProblem(folder, "git could not open this folder (" + reason + "): nothing under it was scanned",
                        blocking);
            }
        }

        /** The root's path below the work tree's top, with a trailing slash, or "" at the top. */
        private String prefix() throws IOException {
            GitCli.Result r = git.run(root, List.of("rev-parse", "--show-prefix"));
            if (r.exitCode() != 0) {
                throw GitCli.failure(r);
            }
            String prefix = new String(r.stdout(), StandardCharsets.UTF_8);
            return prefix.endsWith("\n") ? prefix.substring(0, prefix.length() - 1) : prefix;
        }

        /** Reads the working copy of {@code path}, as git named it, as the only version of it. */
        private void readWorkingFile(String path, Provenance provenance) {
            Path location = location(path, provenance.committed());
            if (location != null) {
                readWorkingFile(path, location, provenance);
            }
        }

        /** Reads the working copy at {@code location} as the only version of {@code path}. */
        private void readWorkingFile(String path, Path location, Provenance provenance) {
            Outcome outcome = reader.read(location, provenance.committed());
            if (outcome instanceof Content c) {
                files.add(new ScanFile(path, location, kind(path), provenance, c.bytes()));
            } else if (outcome instanceof Missing) {
                addProblem(path, SafeReader.VANISHED, false);
            } else if (outcome instanceof Problem p) {
                addProblem(path, p.message(), p.blocking());
            }
        }

        /**
         * The file in the working tree, or null (and a problem, blocking when the working copy is committed
         * content) when this JVM cannot name it: a non-UTF-8 name under a JVM whose sun.jnu.encoding is not
         * UTF-8.
         */
        private Path location(String path, boolean blocking) {
            if (notUtf8.contains(path)) {
                addProblem(path, NAME_NOT_UTF8, blocking);
                return null;
            }
            try {
                return root.resolve(path);
            } catch (InvalidPathException e) {
                addProblem(path, "name cannot be represented in this JVM's file name encoding (run Maven with"
                        + " a UTF-8 locale): working copy not read", blocking);
                return null;
            }
        }

        private void addProblem(String path, String message, boolean blocking) {
            problems.add(new FileProblem(path, message, blocking));
        }

        /** Whether git listed a file the scan reads: a candidate name, not in node_modules, not excluded. */
        private boolean candidate(String path) {
            return FileKind.ofFileName(name(path)) != null && !TreeWalk.underNodeModules(path)
                    && !excludedPath(path);
        }

        /** The user's predicate on the path and each folder above it (each folder asked once). */
        private boolean excludedPath(String path) {
            for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                String folder = path.substring(0, i);
                // Not kept beyond a length: a path thousands of folders deep would fill the heap with its prefixes.
                boolean out = i <= MAX_CACHED_FOLDER ? excludedFolders.computeIfAbsent(folder, excluded::test)
                        : excluded.test(folder);
                if (out) {
                    return true;
                }
            }
            return excluded.test(path);
        }

        private boolean prunedAnywhere(String folder) {
            for (int i = folder.indexOf('/'); i >= 0; i = folder.indexOf('/', i + 1)) {
                if (TreeWalk.pruned(folder.substring(0, i))) {
                    return true;
                }
            }
            return TreeWalk.pruned(folder);
        }

        ScanSet result(boolean usedGit, String note) {
            // Stable: by path, then provenance; conflict stages keep their order.
            files.sort(Comparator.comparing(ScanFile::path).thenComparing(ScanFile::provenance));
            // A staged blob and its working copy both too large (say) is one problem to report, the blocking one.
            Set<String> blocking = new HashSet<>();
            problems.stream().filter(FileProblem::blocking).forEach(p -> blocking.add(p.path() + '\0' + p.message()));
            problems.removeIf(p -> !p.blocking() && blocking.contains(p.path() + '\0' + p.message()));
            problems.sort(Comparator.comparing(FileProblem::path).thenComparing(FileProblem::message));
            return new ScanSet(files, problems, note == null ? List.of() : List.of(note), usedGit);
        }
    }

    private static FileKind kind(String path) {
        return FileKind.ofFileName(name(path));
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Equal bytes, or equal once CRLF is read as LF: core.autocrlf checkouts differ from the blob only so. */
    static boolean sameText(byte[] staged, byte[] working) {
        return Arrays.equals(staged, working) || Arrays.equals(lf(staged), lf(working));
    }

    private static byte[] lf(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                continue;
            }
            out[n++] = bytes[i];
        }
        return Arrays.copyOf(out, n);
    }

    /** The NUL-separated records of git's {@code -z} output, decoded as UTF-8. */
    static List<String> records(byte[] output) {
        return records(output, new HashSet<>());
    }

    /**
     * The NUL-separated records of git's {@code -z} output, decoded as UTF-8; records that are not valid
     * UTF-8 are also added to {@code notUtf8}, as decoded (with replacement characters).
     */
    static List<String> records(byte[] output, Set<String> notUtf8) {
        List<String> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= output.length; i++) {
            if (i == output.length || output[i] == 0) {
                if (i > start) {
                    String record = new String(output, start, i - start, StandardCharsets.UTF_8);
                    if (!Arrays.equals(record.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(output, start, i))) {
                        notUtf8.add(record);
                    }
                    records.add(record);
                }
                start = i + 1;
            }
        }
        return records;
    }
}
