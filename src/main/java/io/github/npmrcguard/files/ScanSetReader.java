package io.github.npmrcguard.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
 * only when there are untracked candidates; no process per file, no non-candidate is read, no walk where git
 * answers. The command lines are {@link GitListings}; the scan of one repository is {@link RepositoryScan}.
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
    private final GitCli git;
    private final SafeReader.ContentSource source;
    /** Listings {@link #startEarly} started for the next read of that root; null when none wait. */
    private EarlyListings early;

    /** A reader that runs the {@code git} found on the PATH, if any. */
    public ScanSetReader() {
        this(GitCli.system(), SafeReader.FILES);
    }

    ScanSetReader(GitCli git, SafeReader.ContentSource source) {
        this.git = git;
        this.source = source;
    }

    /** A {@code ready} for callers that want only the set. */
    private static final Consumer<ScanFile> NOTHING = new Consumer<>() {
        @Override
        public void accept(ScanFile file) {}
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
        EarlyListings started = early != null && early.root.equals(absRoot) ? early : null;
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

    private ScanSet read(Path absRoot, Predicate<String> excluded, EarlyListings started, Consumer<ScanFile> ready)
            throws IOException {
        if (!Files.exists(absRoot)) {
            throw new NoSuchFileException(absRoot.toString(), null, "the scan root does not exist");
        }
        if (!Files.isDirectory(absRoot)) {
            throw new NotDirectoryException(absRoot.toString());
        }
        Path realRoot = absRoot.toRealPath();
        FoundFiles found = new FoundFiles(realRoot, new SafeReader(realRoot, source), ready);
        RepositoryScan scan = new RepositoryScan(git, absRoot, realRoot, "", excluded, found);
        scan.started = started;
        if (!git.available()) {
            scan.walk(RepositoryScan.NOTE_NO_GIT);
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
                early = EarlyListings.start(git, absRoot);
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
}
