package io.github.npmrcguard.files;

import io.github.npmrcguard.files.SafeReader.Content;
import io.github.npmrcguard.files.SafeReader.Missing;
import io.github.npmrcguard.files.SafeReader.Outcome;
import io.github.npmrcguard.files.SafeReader.Problem;
import io.github.npmrcguard.files.SafeReader.TooLarge;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
 * are skipped: their blob is a link target, not config;</li>
 * <li>an untracked file git does not ignore is read as its working copy, {@link Provenance#UNTRACKED};</li>
 * <li>an ignored file is read as {@link Provenance#IGNORED}. Untracked files are listed by git's walk of
 * the work tree, which enters ignored folders too, but not the ones a plain walk prunes ({@code target},
 * {@code build}, {@code dist}, ...); which of them git ignores, {@code git check-ignore} says. A FIFO or
 * socket git does not list at all.</li>
 * </ul>
 * A submodule that is checked out is read the same way as a repository of its own (its index, its
 * untracked and its ignored files, its own submodules), with paths under its folder, e.g.
 * {@code libs/ui/.npmrc}: its index is what its next commit and push hold. One that is not initialised
 * (an empty folder) has nothing to read and is skipped silently. The submodules are the folders the staged
 * {@code .gitmodules} names (its blob comes in the same batch) that the index holds as submodules (one
 * more {@code ls-files}); each checked-out one costs the same processes again. Without a
 * {@code .gitmodules} there is no extra process. A submodule git cannot open is walked with a note.
 * Nothing under a {@code node_modules} folder is ever read, tracked or not.
 *
 * <p><b>Without git</b> (no git binary, the root in no work tree, git refusing the repository, or a
 * {@code .git} git cannot open: a {@code .git} file pointing to a missing folder, a damaged folder) every
 * candidate under the root is read as {@link Provenance#NO_GIT} by a walk that does not follow links and
 * prunes {@code node_modules}, {@code .git}, {@code target}, {@code build}, {@code dist} and
 * {@code .yarn/cache}. {@link ScanSet#notes()} then holds one line saying why git was not used, except
 * when the root is simply in no git work tree: that case is silent ({@link ScanSet#git()} is false and
 * there is no note), because scanning a plain folder is the normal result there, not a degradation.
 *
 * <p><b>Cost.</b> One walk of the work tree (the untracked listing), the staged listing beside it (the index
 * alone), one {@code git cat-file --batch} only for the staged blobs no working copy holds (a working copy
 * whose bytes have the staged object id is that version: {@link GitBlobId}), and a {@code git check-ignore}
 * only when there are untracked candidates; no process per file, no non-candidate is read, no walk where git answers.
 * Measured (git 2.39, 2 shared cores, warm cache) at 1,000,000 files, 100,000 of them tracked and the rest
 * in ignored {@code node_modules}: the walk 0.16-0.21 s, the staged listing 0.03-0.05 s; the two walks this
 * replaced took 0.17-0.22 s each, run in parallel on cores the build's JVM also wants. At 200,000 files
 * (an earlier layout, best of 7 in one JVM): plain {@code git ls-files} 38-47 ms, the walk without git
 * 517 ms. See {@link #UNTRACKED_LISTING}.
 *
 * <p><b>Reading.</b> Only regular files are read, after a look that does not follow links: a pipe, socket
 * or device is reported, never opened; a folder is not a file. A symbolic link is read when its target is
 * a regular file inside the root, and reported (non-blocking) otherwise. A file that cannot be read is a
 * {@link FileProblem}, blocking when its content would count as committed; one that vanished since git
 * listed it is a non-blocking one. Messages name the problem, never content or an exception's text. A file
 * (or staged blob) larger than {@link LargeFile#PARSE_LIMIT} is not read here: it becomes a
 * {@link LargeFile}, opened as a stream (the working copy, or {@code git cat-file blob}) when the scan
 * searches it for token formats. A large working copy whose git object id is that of a staged version is
 * that version, and is not listed twice.
 *
 * <p>An instance holds state only from {@link #startEarly} to the {@link #read} that uses what it started (or
 * {@link #close}): use it from one thread at a time.
 */
public final class ScanSetReader implements AutoCloseable {
    /**
     * Keeps git out of {@code node_modules}. With it, git prunes a {@code node_modules} that is untracked and
     * not ignored instead of walking it: 6 ms against 304 ms with 8,000 untracked {@code node_modules}
     * files among 220,000. It also drops tracked files there, which are never findings.
     */
    static final String NODE_MODULES_EXCLUDE = ":(exclude,glob)**/node_modules/**";

    /**
     * The repository's {@code .gitmodules}, listed (as {@code ../.gitmodules} from a subfolder) so that its
     * staged blob, read in the same batch, names the submodules: the listing's pathspecs cannot match a
     * submodule's own entry, and a listing without them costs a line per tracked file.
     */
    static final String GITMODULES_PATHSPEC = ":(top,literal).gitmodules";

    /** Tracked files with their index entries, and {@code .gitmodules}: the index alone, no walk of the work tree. */
    static final List<String> STAGED_LISTING = withGitmodules(args("ls-files", "-z", "--stage"));

    /**
     * Untracked files, ignored or not, in the one walk of the work tree a scan makes; which of them git ignores
     * is asked of {@link #CHECK_IGNORE} afterwards, for the candidates found (usually none). Without ignore
     * rules git enters ignored folders too, except the ones a plain walk prunes, which the pathspecs exclude
     * (an excluded folder is not entered: 6 ms against 304 ms for 8,000 untracked {@code node_modules} files
     * among 220,000). This replaced two walks, run in parallel: {@code --others --exclude-standard} beside
     * the staged entries, and {@code --others --ignored --exclude-standard --directory}, whose collapsed
     * folders the plugin then walked itself. Measured at 1,000,000 files (100,000 tracked, the rest in ignored
     * {@code node_modules}): each of those walks 0.17-0.22 s, this one 0.16-0.21 s, the staged listing
     * 0.03-0.05 s. An untracked file under a folder named like a pruned one ({@code build/.npmrc} not
     * ignored) is not listed, as in the walk without git; tracked ones are.
     */
    static final List<String> UNTRACKED_LISTING = prunedFolders(args("ls-files", "-z", "--others"));

    /** Which of the paths on stdin (NUL-separated, relative to the folder) git ignores: those it prints. */
    static final List<String> CHECK_IGNORE = List.of("check-ignore", "-z", "--stdin");

    static final String NOTE_NO_GIT = "git not found on the PATH: scanned every matching file under the root";
    static final String NOTE_GIT_NOT_STARTED =
            "git could not be started: scanned every matching file under the root";
    static final String STAGED_MISSING = "staged content missing from the git object store: not read";
    static final String NAME_NOT_UTF8 = "name is not valid UTF-8, so git's listing cannot name the file to this JVM:"
            + " working copy not read";
    /** git's warning for a folder its work tree walk could not enter ({@code dir.c}); LC_ALL=C keeps it English. */
    static final String GIT_COULD_NOT_OPEN = "warning: could not open directory '";

    private static final int MAX_CACHED_FOLDER = 1024;

    /** The index mode of a submodule: a gitlink, the commit the superproject records. */
    private static final String GITLINK_MODE = "160000";
    private static final Pattern GITMODULES_PATH = Pattern.compile("((?:\\.\\./)*)\\.gitmodules");
    private static final Pattern DUBIOUS_PATH = Pattern.compile("repository at '([^'\\n]*)'");

    private final GitCli git;
    private final SafeReader.ContentSource source;
    /** Listings {@link #startEarly} started for the next read of that root; null when none wait. */
    private Started early;

    /** A reader that runs the {@code git} found on the PATH, if any. */
    public ScanSetReader() {
        this(GitCli.system(), SafeReader.FILES);
    }

    ScanSetReader(GitCli git, SafeReader.ContentSource source) {
        this.git = git;
        this.source = source;
    }

    private static List<String> withGitmodules(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add(GITMODULES_PATHSPEC);
        return List.copyOf(all);
    }

    /** The listing, not entering the folders a plain walk prunes ({@link Pruned#FOLDERS}, {@code .yarn/cache}). */
    private static List<String> prunedFolders(List<String> args) {
        List<String> all = new ArrayList<>(args);
        for (String name : List.of("target", "build", "dist")) { // node_modules is in every listing; .git git skips
            all.add(":(exclude,glob)**/" + name + "/**");
        }
        all.add(":(exclude,glob)**/" + Pruned.YARN_CACHE + "/**");
        return List.copyOf(all);
    }

    private static List<String> args(String... head) {
        List<String> all = new ArrayList<>(Arrays.asList(head));
        all.add("--");
        all.addAll(FileKind.GIT_PATHSPECS);
        all.add(NODE_MODULES_EXCLUDE);
        return List.copyOf(all);
    }

    /** A {@code ready} for callers that want only the set. */
    private static final Consumer<ScanFile> NOTHING = new Consumer<>() {
        @Override
        public void accept(ScanFile file) {
        }
    };

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
        return read(root, excluded, NOTHING);
    }

    /**
     * {@link #read(Path, Predicate)}, passing each version to {@code ready} as soon as it is read, on this
     * thread, so that the caller can check it while the reading goes on: without git, while the folder walk
     * lists (on threads of its own); with git, a tracked file as soon as its staged content is known (its
     * working copy has the staged object id), before git is asked for the other blobs. Versions come in no
     * particular order; the returned set holds them too, in path order.
     */
    public ScanSet read(Path root, Predicate<String> excluded, Consumer<ScanFile> ready) throws IOException {
        Path absRoot = root.toAbsolutePath().normalize();
        Started started = early != null && early.root.equals(absRoot) ? early : null;
        if (started == null) {
            close();
        }
        early = null;
        try {
            return read(absRoot, excluded, started, ready);
        } finally {
            if (started != null) {
                started.discard(); // a no-op once the scan has awaited them; else nothing is left running
            }
        }
    }

    private ScanSet read(Path absRoot, Predicate<String> excluded, Started started, Consumer<ScanFile> ready)
            throws IOException {
        if (!Files.exists(absRoot)) {
            throw new NoSuchFileException(absRoot.toString(), null, "the scan root does not exist");
        }
        if (!Files.isDirectory(absRoot)) {
            throw new NotDirectoryException(absRoot.toString());
        }
        Path realRoot = absRoot.toRealPath();
        Found found = new Found(realRoot, new SafeReader(realRoot, source), ready);
        Scan scan = new Scan(git, absRoot, realRoot, "", excluded, found);
        scan.started = started;
        if (!git.available()) {
            scan.walk(NOTE_NO_GIT);
            return found.result(false);
        }
        // Listings started early were started because git may find a repository here: no second look.
        if (started == null && !git.mayFindRepository(realRoot)) {
            scan.walk(null); // a plain folder: the walk is the normal scan, and git would only say so
            return found.result(false);
        }
        return found.result(scan.withGit());
    }

    /**
     * Starts git's listings of {@code root} now, for the {@link #read} of the same root that comes next: what
     * the caller does in between (building its rules, say) then overlaps git's walk of the tree instead of
     * preceding it. Starts nothing where that read would not run git; {@link #close} stops what no read used.
     */
    public void startEarly(Path root) {
        close();
        try {
            Path absRoot = root.toAbsolutePath().normalize();
            if (git.available() && Files.isDirectory(absRoot) && git.mayFindRepository(absRoot.toRealPath())) {
                early = Started.start(git, absRoot);
            }
        } catch (IOException | RuntimeException e) {
            early = null; // the read finds the same problem and reports it
        }
    }

    /** Stops listings {@link #startEarly} started that no read has used. */
    @Override
    public void close() {
        if (early != null) {
            early.discard();
            early = null;
        }
    }

    /**
     * The git processes a scan of one repository starts before it reads any answer: the walk and the staged
     * listing. (A cat-file is started only for blobs the working copies do not hold.)
     */
    private static final class Started {
        final Path root;
        GitCli.Running listing;
        private GitCli.Running untracked;
        /** Starts the staged listing while the caller goes on; null when not needed. */
        private Thread starter;

        private Started(Path root) {
            this.root = root;
        }

        /**
         * Starts them at once: the staged listing on a thread of its own, the walk here. A JVM's first process
         * costs its starter some 20 ms of the JDK's own set-up, most of it after the fork: started one after
         * the other, the second git would wait for that; this way both forks come within a few milliseconds,
         * and the staged listing (which the scan reads first) is ready sooner. A listing that could not be
         * started is left null (the scan says what that means).
         */
        static Started start(GitCli git, Path root) {
            Started s = new Started(root);
            s.starter = new Thread("npmrc-guard git start") {
                @Override
                public void run() {
                    try {
                        s.listing = git.start(root, STAGED_LISTING);
                    } catch (IOException e) {
                        // what did start runs on; the scan deals with what did not
                    }
                }
            };
            s.starter.setDaemon(true);
            s.starter.start();
            try {
                s.untracked = git.start(root, UNTRACKED_LISTING);
            } catch (IOException e) {
                // left null
            }
            return s;
        }

        /** The staged listing, once started (null if it could not be). */
        GitCli.Running listing() {
            awaitStarter();
            return listing;
        }

        private void awaitStarter() {
            if (starter == null) {
                return;
            }
            boolean interrupted = false;
            while (true) {
                try {
                    starter.join(); // the thread's writes are visible after join
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // finish waiting: its processes must not be left unknown
                }
            }
            starter = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void discard() {
            awaitStarter();
            if (listing != null) {
                listing.discard();
            }
            if (untracked != null) {
                untracked.discard();
            }
        }
    }

    private static String dubiousNote(String stderr, Path root, String where) {
        Matcher m = DUBIOUS_PATH.matcher(stderr);
        String repo = m.find() ? m.group(1) : root.toString();
        return "git refused the repository because another user owns it (safe.directory): scanned every"
                + " matching file " + where + " without git; to use git, run: git config --global --add"
                + " safe.directory " + repo;
    }

    private static String brokenNote(GitCli.Result listed, String where) {
        return "git cannot open the repository: its .git is a file pointing to a missing folder, or a damaged"
                + " folder (git says: " + listed.stderrFirstLine() + "); scanned every matching file " + where
                + " without git";
    }

    /** One tracked index entry. */
    private record Entry(String mode, String objectId, int stage) {
        boolean regularFile() {
            return mode.startsWith("100"); // 100644 or 100755; 120000 is a link, 160000 a submodule
        }
    }

    /** Merge-conflict stages in order: base, ours, theirs. A class, not a lambda (see {@link Found}). */
    private static final Comparator<Entry> STAGE_ORDER = new Comparator<>() {
        @Override
        public int compare(Entry a, Entry b) {
            return Integer.compare(a.stage(), b.stage());
        }
    };

    /** A tracked path's working copy, read, while its staged versions wait for git: null when it leads nowhere. */
    private record WorkingCopy(Path location, Outcome outcome) {
    }

    /** What one {@link #read} has found: in the scan root's repository and in its submodules. */
    private static final class Found {
        // Comparators as classes, not lambdas (nor composed from method references): in the cold JVM a build runs
        // in, each lambda is a class spun and linked at its first use, about half a millisecond each; a class
        // from the jar costs a fraction of that.
        private static final Comparator<ScanFile> FILE_ORDER = new Comparator<>() {
            @Override
            public int compare(ScanFile a, ScanFile b) {
                int byPath = a.path().compareTo(b.path());
                return byPath != 0 ? byPath : a.provenance().compareTo(b.provenance());
            }
        };
        private static final Comparator<LargeFile> LARGE_FILE_ORDER = new Comparator<>() {
            @Override
            public int compare(LargeFile a, LargeFile b) {
                int byPath = a.path().compareTo(b.path());
                return byPath != 0 ? byPath : a.provenance().compareTo(b.provenance());
            }
        };
        private static final Comparator<FileProblem> PROBLEM_ORDER = new Comparator<>() {
            @Override
            public int compare(FileProblem a, FileProblem b) {
                int byPath = a.path().compareTo(b.path());
                return byPath != 0 ? byPath : a.message().compareTo(b.message());
            }
        };

        private final Path realRoot;
        private final SafeReader reader;
        private final List<ScanFile> files = new ArrayList<>();
        private final List<LargeFile> large = new ArrayList<>();
        private final List<FileProblem> problems = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Consumer<ScanFile> ready;

        Found(Path realRoot, SafeReader reader, Consumer<ScanFile> ready) {
            this.realRoot = realRoot;
            this.reader = reader;
            this.ready = ready;
        }

        void add(ScanFile file) {
            files.add(file);
            ready.accept(file);
        }

        ScanSet result(boolean usedGit) {
            // Stable: by path, then provenance; conflict stages keep their order.
            files.sort(FILE_ORDER);
            large.sort(LARGE_FILE_ORDER);
            // The same problem with two versions of a file (say both unreadable) is one to report, the blocking one.
            Set<String> blocking = new HashSet<>();
            for (FileProblem p : problems) {
                if (p.blocking()) {
                    blocking.add(p.path() + '\0' + p.message());
                }
            }
            for (Iterator<FileProblem> it = problems.iterator(); it.hasNext(); ) {
                FileProblem p = it.next();
                if (!p.blocking() && blocking.contains(p.path() + '\0' + p.message())) {
                    it.remove();
                }
            }
            problems.sort(PROBLEM_ORDER);
            return new ScanSet(files, large, problems, notes, usedGit);
        }
    }

    /**
     * One repository's part of a {@link #read}: the scan root's, or a checked-out submodule's, whose files
     * are reported under the submodule's folder ({@code prefix}).
     */
    private final class Scan {
        private final GitCli git;
        /** The folder git runs in; the listings' paths are relative to it. */
        private final Path root;
        private final Path realRoot;
        /** {@link #root} relative to the scan root: empty, or a folder path ending in '/'. */
        private final String prefix;
        /** The user's excludes, on paths relative to {@link #root}. */
        private final Predicate<String> excluded;
        private final Found found;
        private final Map<String, Boolean> excludedFolders = new HashMap<>();
        private final Set<String> tracked = new HashSet<>();
        /** Paths git gave as bytes that are not UTF-8: this JVM cannot name them from git's answer. */
        private final Set<String> notUtf8 = new HashSet<>();
        /** The folders under the root that the staged {@code .gitmodules} names, not excluded. */
        private final Set<String> submodules = new LinkedHashSet<>();
        /** The staged {@code .gitmodules} blobs (more than one while a merge conflict in it is unresolved). */
        private final List<String> gitmodules = new ArrayList<>();
        /** How many folders up the repository's top is from {@link #root}. */
        private int depthBelowTop;
        /** Listings started before the scan ({@link #startEarly}); null to start them here. */
        private Started started;

        Scan(GitCli git, Path root, Path realRoot, String prefix, Predicate<String> excluded, Found found) {
            this.git = git;
            this.root = root;
            this.realRoot = realRoot;
            this.prefix = prefix;
            this.excluded = excluded;
            this.found = found;
        }

        /** Where the files of this scan are, for notes. */
        private String where() {
            return prefix.isEmpty() ? "under the root" : "in submodule " + prefix.substring(0, prefix.length() - 1);
        }

        /**
         * Lists the files with git, then its checked-out submodules; walks the folder instead, with a note
         * saying why, when git will not answer for it.
         *
         * @return whether git answered
         */
        boolean withGit() throws IOException {
            // One walk of the work tree (the untracked listing) and the staged listing beside it.
            Started s = started != null ? started : Started.start(git, root);
            started = null;
            if (s.untracked == null) {
                s.discard(); // the staged listing, if it started
                if (!prefix.isEmpty()) {
                    throw new GitException(GitCli.commandLine(root, UNTRACKED_LISTING), -1, "could not be started");
                }
                walk(NOTE_GIT_NOT_STARTED);
                return false;
            }
            if (s.listing() == null) {
                s.untracked.await();
                throw new GitException(GitCli.commandLine(root, STAGED_LISTING), -1, "could not be started");
            }
            return listedWithGit(s.listing(), s.untracked);
        }

        private boolean listedWithGit(GitCli.Running listing, GitCli.Running untracked) throws IOException {
            GitCli.Result listed = listing.await();
            if (listed.exitCode() != 0) {
                untracked.await(); // the same refusal, surely; reap it
                GitCli.Refusal refusal = git.refusalFor(listed, root);
                if (refusal == null) {
                    throw GitCli.failure(listed);
                }
                walk(switch (refusal) {
                    case NOT_A_WORK_TREE -> null; // a plain folder: the walk is the normal scan, not a fallback
                    case DUBIOUS_OWNERSHIP -> dubiousNote(listed.stderr(), root, where());
                    case BROKEN_REPOSITORY -> brokenNote(listed, where());
                });
                return false;
            }
            listed(listed.stdout());
            GitCli.Result untrackedListed = untracked.await();
            if (untrackedListed.exitCode() != 0) {
                throw GitCli.failure(untrackedListed);
            }
            untracked(untrackedListed.stdout(), untrackedListed.stderr());
            if (!submodules.isEmpty()) {
                for (String submodule : gitlinks()) {
                    readSubmodule(submodule);
                }
            }
            return true;
        }

        /**
         * Scans a submodule the listing named as its own repository, when it is checked out: its index, not
         * the commit the superproject records, is what its next commit and push hold. A submodule that is
         * not initialised is an empty folder with nothing to read.
         */
        private void readSubmodule(String path) throws IOException {
            Path folder = location(path, false);
            if (folder == null || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                    || !Files.exists(folder.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            Path realFolder = folder.toRealPath();
            if (!realFolder.startsWith(found.realRoot)) {
                return; // reached through a link out of the scan root
            }
            // The ceiling keeps git from looking above the submodule: a damaged .git in it must not make git
            // answer with the superproject instead.
            GitCli inSubmodule = git.withVariables(
                    Map.of("GIT_CEILING_DIRECTORIES", realFolder.getParent().toString()));
            new Scan(inSubmodule, folder, realFolder, prefix + path + "/", p -> excluded.test(path + "/" + p), found)
                    .withGit();
        }

        /** The scan without git; {@code note} says why, or is null when that needs no saying. */
        void walk(String note) throws IOException {
            if (note != null) {
                found.notes.add(note);
            }
            // The walk on a thread of its own: each file it finds is read here, and checked by the caller, meanwhile.
            TreeWalk.walk(realRoot, realRoot, excluded, new TreeWalk.Visitor() {
                @Override
                public void candidate(String path, Path file) {
                    readWorkingFile(path, root.resolve(realRoot.relativize(file)), Provenance.NO_GIT);
                }

                @Override
                public void problem(String path, String message) {
                    addProblem(path, message, true);
                }
            });
        }

        /** Tracked files, from {@link #STAGED_LISTING}'s output. */
        void listed(byte[] output) throws IOException {
            Map<String, List<Entry>> index = new LinkedHashMap<>();
            for (String record : records(output, notUtf8)) {
                int head = stagedHeadEnd(record); // --stage gives nothing else
                if (head < 0) {
                    continue;
                }
                String path = record.substring(head);
                if (!notUtf8.isEmpty() && notUtf8.remove(record)) {
                    notUtf8.add(path);
                }
                Matcher top = path.endsWith(".gitmodules") ? GITMODULES_PATH.matcher(path) : null;
                if (top != null && top.matches()) {
                    if (record.startsWith("100")) {
                        gitmodules.add(record.substring(7, head - 3));
                        depthBelowTop = top.group(1).length() / 3;
                    }
                    continue;
                }
                tracked.add(path);
                if (candidate(path)) {
                    List<Entry> entries = index.get(path);
                    if (entries == null) {
                        entries = new ArrayList<>(1);
                        index.put(path, entries);
                    }
                    entries.add(new Entry(record.substring(0, 6), record.substring(7, head - 3),
                            record.charAt(head - 2) - '0'));
                }
            }
            Map<String, Blob> blobs = readStaged(index);
            for (String path : submodulePaths(blobs)) {
                if (Gitmodules.plainPath(path) && !Pruned.underNodeModules(path) && !excludedPath(path)) {
                    submodules.add(path);
                }
            }
        }

        /**
         * Which of the {@link #submodules} the index holds as submodules ({@code .gitmodules} may name a
         * folder that is not one, or no longer one): one {@code ls-files} for all of them.
         */
        private List<String> gitlinks() throws IOException {
            List<String> args = new ArrayList<>(List.of("ls-files", "-z", "--stage", "--"));
            submodules.forEach(p -> args.add(":(literal)" + p));
            GitCli.Result r = git.run(root, args);
            if (r.exitCode() != 0) {
                throw GitCli.failure(r);
            }
            Set<String> links = new LinkedHashSet<>();
            for (String record : records(r.stdout())) {
                int head = stagedHeadEnd(record);
                if (head >= 0 && record.startsWith(GITLINK_MODE)) {
                    links.add(record.substring(head));
                }
            }
            return new ArrayList<>(links);
        }

        /**
         * The submodule folders the staged {@code .gitmodules} names under {@link #root}, relative to it. Its
         * paths are relative to the top of the repository; the listing said how far up that is.
         */
        private Set<String> submodulePaths(Map<String, Blob> blobs) {
            Set<String> paths = new LinkedHashSet<>();
            String rootInRepo = "";
            if (depthBelowTop > 0) {
                Path top = realRoot;
                for (int i = 0; i < depthBelowTop && top != null; i++) {
                    top = top.getParent();
                }
                if (top == null) {
                    return paths;
                }
                rootInRepo = top.relativize(realRoot).toString().replace('\\', '/') + "/";
            }
            for (String id : gitmodules) {
                Blob blob = blobs.get(id);
                if (blob == null || blob.content() == null) {
                    continue;
                }
                for (String path : Gitmodules.paths(blob.content())) {
                    if (path.startsWith(rootInRepo) && path.length() > rootInRepo.length()) {
                        paths.add(path.substring(rootInRepo.length()));
                    }
                }
            }
            return paths;
        }

        /** Reads the staged versions, and the {@code .gitmodules} blobs in the same batch; returns the blobs. */
        private Map<String, Blob> readStaged(Map<String, List<Entry>> index) throws IOException {
            // Loops, not streams, here and below: this runs once per build in a cold JVM, where each stream
            // pipeline costs its first-use linking.
            // The working copies first: one whose bytes have the staged entry's object id holds the staged
            // version, so git is asked only for the other blobs (in a clean checkout, none but .gitmodules).
            // A path whose staged versions are all known is handed over at once, to be checked while the
            // next working copies are read; the others wait for git's batch.
            Map<String, Blob> blobs = new HashMap<>();
            List<String> ids = new ArrayList<>(gitmodules);
            Map<String, WorkingCopy> waiting = new LinkedHashMap<>();
            for (Map.Entry<String, List<Entry>> e : index.entrySet()) {
                String path = e.getKey();
                if (!anyRegularFile(e.getValue())) {
                    continue;
                }
                Path location = location(path, false);
                Outcome wc = location == null ? null : found.reader.read(location, false);
                byte[] working = wc instanceof Content c ? c.bytes() : null;
                String workingId = null;
                boolean known = true;
                for (Entry entry : e.getValue()) {
                    if (!entry.regularFile() || blobs.containsKey(entry.objectId())) {
                        continue;
                    }
                    if (working != null && entry.objectId().length() == 40) { // SHA-1; a SHA-256 one is asked for
                        if (workingId == null) {
                            workingId = GitBlobId.sha1(working);
                        }
                        if (workingId.equals(entry.objectId())) {
                            blobs.put(entry.objectId(), new Blob(working, false, working.length));
                            continue;
                        }
                    }
                    ids.add(entry.objectId());
                    known = false;
                }
                if (known) {
                    addStaged(path, e.getValue(), location, wc, blobs);
                } else {
                    waiting.put(path, new WorkingCopy(location, wc));
                }
            }
            if (!ids.isEmpty()) {
                blobs.putAll(git.readBlobs(root, ids, SafeReader.MAX_BYTES));
            }
            for (Map.Entry<String, WorkingCopy> w : waiting.entrySet()) {
                WorkingCopy wc = w.getValue();
                addStaged(w.getKey(), index.get(w.getKey()), wc.location(), wc.outcome(), blobs);
            }
            return blobs;
        }

        /**
         * Adds a tracked path's staged versions (each distinct content once) and its working copy {@code wc}
         * where it differs from them; {@code wc} is null when the path leads nowhere ({@code location} null).
         */
        private void addStaged(String path, List<Entry> entries, Path location, Outcome wc,
                Map<String, Blob> blobs) {
            List<byte[]> staged = new ArrayList<>();
            List<String> stagedLarge = new ArrayList<>();
            if (entries.size() > 1) {
                entries.sort(STAGE_ORDER);
            }
            for (Entry entry : entries) {
                if (!entry.regularFile()) {
                    continue;
                }
                Blob blob = blobs.get(entry.objectId());
                if (blob == null || blob.missing()) {
                    addProblem(path, STAGED_MISSING, true);
                } else if (blob.content() == null) {
                    // Too large to hold: streamed from git when the scan searches it.
                    if (!stagedLarge.contains(entry.objectId())) {
                        stagedLarge.add(entry.objectId());
                        String id = entry.objectId();
                        addLarge(path, location, Provenance.STAGED, blob.size(), () -> git.openBlob(root, id));
                    }
                } else if (!containsEqual(staged, blob.content())) {
                    // Conflict stages often repeat one another: each distinct content once.
                    staged.add(blob.content());
                    addFile(path, location, Provenance.STAGED, blob.content());
                }
            }
            if (wc instanceof Content c) {
                if (!containsSameText(staged, c.bytes())) {
                    addFile(path, location, Provenance.WORKING_COPY, c.bytes());
                }
            } else if (wc instanceof TooLarge l) {
                if (!isStagedBlob(l.target(), stagedLarge)) {
                    addLarge(path, location, Provenance.WORKING_COPY, l.size(), () -> SafeReader.open(l.target()));
                }
            } else if (wc instanceof Problem p) {
                addProblem(path, p.message(), p.blocking());
            }
            // Missing: deleted in the working tree (or sparse); the staged content is what counts.
        }

        private static boolean anyRegularFile(List<Entry> entries) {
            for (Entry entry : entries) {
                if (entry.regularFile()) {
                    return true;
                }
            }
            return false;
        }

        private static boolean containsEqual(List<byte[]> versions, byte[] content) {
            for (byte[] version : versions) {
                if (Arrays.equals(version, content)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean containsSameText(List<byte[]> versions, byte[] content) {
            for (byte[] version : versions) {
                if (sameText(version, content)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Untracked files, ignored or not, from {@link #UNTRACKED_LISTING}'s output, and the folders its walk
         * could not open, from its warnings: git says which of them it ignores, asked only when there are some.
         * A folder git could not enter (too long a path, no permission) it skips with a warning and exit code 0:
         * its files are unknown, so it is a problem, blocking unless git ignores it.
         */
        void untracked(byte[] output, String stderr) throws IOException {
            List<String> files = new ArrayList<>();
            for (String path : records(output, notUtf8)) {
                // A trailing slash is a nested repository that is no submodule: another repository's files.
                if (!path.endsWith("/") && candidate(path)) {
                    files.add(path);
                }
            }
            Map<String, String> unopened = unopenedFolders(stderr);
            List<String> asked = new ArrayList<>();
            for (String path : files) {
                if (!notUtf8.contains(path)) { // a name this JVM cannot give back to git; it is not read anyway
                    asked.add(path);
                }
            }
            asked.addAll(unopened.keySet());
            Set<String> ignored = asked.isEmpty() ? Set.of() : ignoredOf(asked);
            for (String path : files) {
                readWorkingFile(path, ignored.contains(path) ? Provenance.IGNORED : Provenance.UNTRACKED);
            }
            for (Map.Entry<String, String> folder : unopened.entrySet()) {
                addProblem(folder.getKey(), "git could not open this folder (" + folder.getValue()
                        + "): nothing under it was scanned", !ignored.contains(folder.getKey()));
            }
        }

        /**
         * Which of these paths (relative to {@link #root}) git ignores, by {@code git check-ignore}. Each is given
         * as {@code ./path}: check-ignore reads pathspecs, and a name starting with ':' would be magic.
         */
        private Set<String> ignoredOf(List<String> paths) throws IOException {
            StringBuilder input = new StringBuilder();
            for (String path : paths) {
                input.append("./").append(path).append('\0');
            }
            GitCli.Result r = git.run(root, CHECK_IGNORE, input.toString().getBytes(StandardCharsets.UTF_8));
            if (r.exitCode() != 0 && r.exitCode() != 1) { // 1: none of them is ignored
                throw GitCli.failure(r);
            }
            Set<String> ignored = new HashSet<>();
            for (String record : records(r.stdout())) {
                ignored.add(record.startsWith("./") ? record.substring(2) : record);
            }
            return ignored;
        }

        /**
         * The folders git's warnings in {@code stderr} say it could not open, relative to {@link #root}, each with
         * the reason git gives, in the order of the warnings.
         */
        Map<String, String> unopenedFolders(String stderr) throws IOException {
            Map<String, String> unopened = new LinkedHashMap<>();
            String rootInRepo = null;
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
                if (rootInRepo == null) {
                    rootInRepo = rootBelowTop(); // git names folders from the work tree's top, not from the root
                }
                if (!folder.startsWith(rootInRepo) || folder.length() == rootInRepo.length()) {
                    continue;
                }
                folder = folder.substring(rootInRepo.length());
                if (Pruned.underNodeModules(folder) || excludedPath(folder)) {
                    continue;
                }
                unopened.putIfAbsent(folder, reason);
            }
            return unopened;
        }

        /** The root's path below the work tree's top, with a trailing slash, or "" at the top. */
        private String rootBelowTop() throws IOException {
            GitCli.Result r = git.run(root, List.of("rev-parse", "--show-prefix"));
            if (r.exitCode() != 0) {
                throw GitCli.failure(r);
            }
            String below = new String(r.stdout(), StandardCharsets.UTF_8);
            return below.endsWith("\n") ? below.substring(0, below.length() - 1) : below;
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
            Outcome outcome = found.reader.read(location, provenance.committed());
            if (outcome instanceof Content c) {
                addFile(path, location, provenance, c.bytes());
            } else if (outcome instanceof TooLarge l) {
                addLarge(path, location, provenance, l.size(), () -> SafeReader.open(l.target()));
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

        /** A version of the file at {@code path} (relative to {@link #root}). */
        private void addFile(String path, Path location, Provenance provenance, byte[] content) {
            found.add(new ScanFile(prefix + path, location, kind(path), provenance, content));
        }

        /** A version of the file at {@code path} too large to parse: searched as a stream. */
        private void addLarge(String path, Path location, Provenance provenance, long size, LargeFile.Opener content) {
            found.large.add(new LargeFile(prefix + path, location, kind(path), provenance, size, content));
        }

        private void addProblem(String path, String message, boolean blocking) {
            found.problems.add(new FileProblem(prefix + path, message, blocking));
        }

        /** Whether git listed a file the scan reads: a candidate name, not in node_modules, not excluded. */
        private boolean candidate(String path) {
            return FileKind.ofFileName(name(path)) != null && !Pruned.underNodeModules(path)
                    && !excludedPath(path);
        }

        /** The user's predicate on the path and each folder above it (each folder asked once). */
        private boolean excludedPath(String path) {
            for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                String folder = path.substring(0, i);
                // Not kept beyond a length: a path thousands of folders deep would fill the heap with its prefixes.
                boolean out;
                if (i <= MAX_CACHED_FOLDER) {
                    Boolean known = excludedFolders.get(folder);
                    out = known != null ? known : excluded.test(folder);
                    if (known == null) {
                        excludedFolders.put(folder, out);
                    }
                } else {
                    out = excluded.test(folder);
                }
                if (out) {
                    return true;
                }
            }
            return excluded.test(path);
        }
    }

    private static FileKind kind(String path) {
        return FileKind.ofFileName(name(path));
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Whether a working copy too large to hold has the content of one of the staged blobs, by its git object id
     * (SHA-1 or SHA-256, as long as the ids are), computed over a stream. A checkout that differs only in line
     * endings counts as different here: it is searched as well, and the scan reports each secret once.
     */
    static boolean isStagedBlob(Path file, List<String> objectIds) {
        if (objectIds.isEmpty()) {
            return false;
        }
        try {
            String sha1 = null;
            String sha256 = null;
            for (String id : objectIds) {
                String mine;
                if (id.length() == 40) {
                    mine = sha1 != null ? sha1 : (sha1 = blobId(file, "SHA-1"));
                } else {
                    mine = sha256 != null ? sha256 : (sha256 = blobId(file, "SHA-256"));
                }
                if (id.equals(mine)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // searching it will say what is wrong
        }
    }

    /** git's object id of a file's content as a blob: the digest of "blob <size>\0" and the bytes. */
    static String blobId(Path file, String algorithm) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
        long size = Files.size(file);
        digest.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
        long read = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = SafeReader.open(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                read += n;
            }
        }
        if (read != size) {
            return ""; // it changed while read: matches no id
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
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
    /**
     * Where the path starts in a record of {@code ls-files --stage}: after "<mode> <object id> <stage>" and a tab
     * (six octal digits, 40 or 64 lowercase hex digits for SHA-1 or SHA-256, a stage from 0 to 3); -1 for a
     * record of another shape. Written out rather than a regex: it runs once per tracked candidate, in the
     * interpreter of a build's cold JVM.
     */
    static int stagedHeadEnd(String record) {
        int n = record.length();
        if (n < 6 + 1 + 40 + 3) {
            return -1;
        }
        for (int i = 0; i < 6; i++) {
            char c = record.charAt(i);
            if (c < '0' || c > '7') {
                return -1;
            }
        }
        if (record.charAt(6) != ' ') {
            return -1;
        }
        int idEnd = 7;
        while (idEnd < n && (record.charAt(idEnd) >= '0' && record.charAt(idEnd) <= '9'
                || record.charAt(idEnd) >= 'a' && record.charAt(idEnd) <= 'f')) {
            idEnd++;
        }
        if (idEnd - 7 != 40 && idEnd - 7 != 64 || idEnd + 3 > n) {
            return -1;
        }
        char stage = record.charAt(idEnd + 1);
        return record.charAt(idEnd) == ' ' && stage >= '0' && stage <= '3' && record.charAt(idEnd + 2) == '\t'
                ? idEnd + 3 : -1;
    }

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
                    if (record.indexOf('\uFFFD') >= 0 && !Arrays.equals(record.getBytes(StandardCharsets.UTF_8),
                            Arrays.copyOfRange(output, start, i))) {
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
