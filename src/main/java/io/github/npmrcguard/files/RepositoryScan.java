package io.github.npmrcguard.files;

import static io.github.npmrcguard.files.GitListings.CHECK_IGNORE;
import static io.github.npmrcguard.files.GitListings.GITLINK_MODE;
import static io.github.npmrcguard.files.GitListings.STAGED_LISTING;
import static io.github.npmrcguard.files.GitListings.UNTRACKED_LISTING;
import static io.github.npmrcguard.files.IndexRecords.STAGE_ORDER;
import static io.github.npmrcguard.files.IndexRecords.records;
import static io.github.npmrcguard.files.IndexRecords.stagedHeadEnd;
import static io.github.npmrcguard.files.StagedVersions.isStagedBlob;
import static io.github.npmrcguard.files.StagedVersions.sameText;

import io.github.npmrcguard.files.SafeReader.Content;
import io.github.npmrcguard.files.SafeReader.Missing;
import io.github.npmrcguard.files.SafeReader.Outcome;
import io.github.npmrcguard.files.SafeReader.Problem;
import io.github.npmrcguard.files.SafeReader.TooLarge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One repository's part of a {@link ScanSetReader#read}: the scan root's, or a checked-out submodule's,
 * whose files are reported under the submodule's folder ({@code prefix}). One algorithm, kept in one
 * class: the staged listing and the index entries it gives, the working copies that hold staged versions,
 * one batch for the other blobs, the untracked listing and its ignore check, then each submodule the
 * same way; the steps share the index state (tracked paths, names git gave as non-UTF-8 bytes).
 */
final class RepositoryScan {
    static final String NOTE_NO_GIT = "git not found on the PATH: scanned every matching file under the root";
    static final String NOTE_GIT_NOT_STARTED = "git could not be started: scanned every matching file under the root";
    static final String STAGED_MISSING = "staged content missing from the git object store: not read";
    static final String NAME_NOT_UTF8 =
            "name is not valid UTF-8, so git's listing cannot name the file to this JVM:" + " working copy not read";

    private static final Pattern GITMODULES_PATH = Pattern.compile("((?:\\.\\./)*)\\.gitmodules");

    private final GitCli git;
    /** The folder git runs in; the listings' paths are relative to it. */
    private final Path root;

    private final Path realRoot;
    /** {@link #root} relative to the scan root: empty, or a folder path ending in '/'. */
    private final String prefix;
    /** The user's excludes, on paths relative to {@link #root}. */
    private final Predicate<String> excluded;

    private final FoundFiles found;
    private final ExcludedPaths excludes;
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
    EarlyListings started;

    RepositoryScan(GitCli git, Path root, Path realRoot, String prefix, Predicate<String> excluded, FoundFiles found) {
        this.git = git;
        this.root = root;
        this.realRoot = realRoot;
        this.prefix = prefix;
        this.excluded = excluded;
        this.excludes = new ExcludedPaths(excluded);
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
        EarlyListings s = started != null ? started : EarlyListings.start(git, root);
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
            walk(
                    switch (refusal) {
                        case NOT_A_WORK_TREE -> null; // a plain folder: the walk is the normal scan, not a fallback
                        case DUBIOUS_OWNERSHIP -> GitRefusals.dubiousNote(listed.stderr(), root, where());
                        case BROKEN_REPOSITORY -> GitRefusals.brokenNote(listed, where());
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
        if (folder == null
                || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
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
        new RepositoryScan(
                        inSubmodule, folder, realFolder, prefix + path + "/", p -> excluded.test(path + "/" + p), found)
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
        Map<String, List<IndexRecords.Entry>> index = new LinkedHashMap<>();
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
                List<IndexRecords.Entry> entries = index.get(path);
                if (entries == null) {
                    entries = new ArrayList<>(1);
                    index.put(path, entries);
                }
                entries.add(new IndexRecords.Entry(
                        record.substring(0, 6), record.substring(7, head - 3), record.charAt(head - 2) - '0'));
            }
        }
        Map<String, Blob> blobs = readStaged(index);
        for (String path : submodulePaths(blobs)) {
            if (Gitmodules.plainPath(path) && !Pruned.underNodeModules(path) && !excludes.test(path)) {
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
    private Map<String, Blob> readStaged(Map<String, List<IndexRecords.Entry>> index) throws IOException {
        // Loops, not streams, here and below: this runs once per build in a cold JVM, where each stream
        // pipeline costs its first-use linking.
        // The working copies first: one whose bytes have the staged entry's object id holds the staged
        // version, so git is asked only for the other blobs (in a clean checkout, none but .gitmodules).
        // A path whose staged versions are all known is handed over at once, to be checked while the
        // next working copies are read; the others wait for git's batch.
        Map<String, Blob> blobs = new HashMap<>();
        List<String> ids = new ArrayList<>(gitmodules);
        Map<String, WorkingCopy> waiting = new LinkedHashMap<>();
        for (Map.Entry<String, List<IndexRecords.Entry>> e : index.entrySet()) {
            String path = e.getKey();
            if (!anyRegularFile(e.getValue())) {
                continue;
            }
            Path location = location(path, false);
            Outcome wc = location == null ? null : found.reader.read(location, false);
            byte[] working = wc instanceof Content c ? c.bytes() : null;
            String workingId = null;
            boolean known = true;
            for (IndexRecords.Entry entry : e.getValue()) {
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
            blobs.putAll(CatFileReads.readBlobs(git, root, ids, SafeReader.MAX_BYTES));
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
    private void addStaged(
            String path, List<IndexRecords.Entry> entries, Path location, Outcome wc, Map<String, Blob> blobs) {
        List<byte[]> staged = new ArrayList<>();
        List<String> stagedLarge = new ArrayList<>();
        if (entries.size() > 1) {
            entries.sort(STAGE_ORDER);
        }
        for (IndexRecords.Entry entry : entries) {
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
                    addLarge(
                            path, location, Provenance.STAGED, blob.size(), () -> CatFileReads.openBlob(git, root, id));
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

    private static boolean anyRegularFile(List<IndexRecords.Entry> entries) {
        for (IndexRecords.Entry entry : entries) {
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
        Map<String, String> unopened = UnopenedFolders.in(stderr, git, root, excludes);
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
            addProblem(
                    folder.getKey(),
                    "git could not open this folder (" + folder.getValue() + "): nothing under it was scanned",
                    !ignored.contains(folder.getKey()));
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
            addProblem(
                    path,
                    "name cannot be represented in this JVM's file name encoding (run Maven with"
                            + " a UTF-8 locale): working copy not read",
                    blocking);
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
        return FileKind.ofFileName(name(path)) != null && !Pruned.underNodeModules(path) && !excludes.test(path);
    }

    /** A tracked path's working copy, read, while its staged versions wait for git: null when it leads nowhere. */
    private record WorkingCopy(Path location, Outcome outcome) {}

    private static FileKind kind(String path) {
        return FileKind.ofFileName(name(path));
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
