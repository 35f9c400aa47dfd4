package io.github.npmrcguard.history;

import io.github.npmrcguard.allow.AllowComment;
import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.allow.Verdict;
import io.github.npmrcguard.files.Blob;
import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.GitHistory;
import io.github.npmrcguard.files.GitHistory.BlobBatch;
import io.github.npmrcguard.files.GitHistory.Change;
import io.github.npmrcguard.files.GitHistory.Repository;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.parse.PomKeys;
import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.Rule;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.rules.Severity;
import io.github.npmrcguard.scan.DocumentReader;
import io.github.npmrcguard.secrets.TokenCatalogue;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The {@code history} goal without Maven: finds every literal credential that any npm config file held in
 * any commit reachable from the refs, and reports each distinct secret once, at the oldest commit that
 * wrote it.
 *
 * <p><b>Cost</b> is linear in the number of distinct candidate blobs, not in commits times files, and the
 * memory does not grow with the history: one {@code git log} walk (with a {@code git rev-list --count}
 * beside it) streams the (commit, path, blob) triples of every change to a candidate path
 * ({@link GitHistory} documents the command); each (blob, format) met for the first time is asked of ONE
 * {@code git cat-file --batch} while the walk goes on, and a second thread checks each blob as it arrives
 * and maps its findings to the commits and paths that wrote it. What is kept: the numbered (blob id,
 * format) pairs already met ({@link BlobIds}, a few dozen bytes each), the findings, and a bounded queue of
 * batches of changes between the two threads. A pom that names neither frontend plugin and holds no token
 * prefix nor private key is not decoded or parsed at all: one byte search decides it.
 *
 * <p>Only the error-level findings of the rules whose {@link io.github.npmrcguard.rules.RuleInfo#credential()}
 * is set count. Warnings (a placeholder npm does not expand, a dummy value, ...) are {@code check}'s
 * business, on the current files. An allow comment above the line in a version applies to that version, as
 * in {@code check}; an allowlist entry covers its fingerprint everywhere, which is how a revoked token is
 * acknowledged; {@link Verdict} decides both, as for {@code check}.
 */
public final class HistoryScanner {
    /** The credential rules, in catalogue order (the token rule stays quiet on a line the others reported). */
    static final List<Rule> RULES = credentialRules();

    static final String NOTE_NO_COMMITS = "the repository has no commits yet: there is no history to scan";
    static final String NOTE_SHALLOW = "shallow clone: commits before its boundary were not scanned, so the"
            + " history is incomplete (git fetch --unshallow fetches the rest)";

    /** How many changes go from the walk to the checks at once: one hand-over, one burst of git's answers. */
    private static final int BATCH = 256;
    /** How many batches may wait between the walk and the checks. */
    private static final int QUEUE = 16;
    private static final List<Item> END = new ArrayList<>();

    /** Opens the blob reader; a seam so tests can see what is read. */
    @FunctionalInterface
    interface BlobSource {
        BlobBatch open(Repository repo) throws IOException;
    }

    private final GitHistory git;
    private final BlobSource blobs;
    /** How many blobs were decoded and checked, over every scan (the rest were decided by a byte search). */
    private final AtomicInteger documentsRead = new AtomicInteger();

    /** A scanner that runs the {@code git} found on the PATH. */
    public HistoryScanner() {
        this(GitHistory.system());
    }

    /** A scanner that runs this git. */
    public HistoryScanner(GitHistory git) {
        this(git, git::openBlobs);
    }

    HistoryScanner(GitHistory git, BlobSource blobs) {
        this.git = git;
        this.blobs = blobs;
    }

    private static List<Rule> credentialRules() {
        List<Rule> out = new ArrayList<>();
        for (Rule r : RuleCatalogue.rules()) {
            if (r.info().credential()) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /** How many blobs this scanner decoded and ran the rules on, for tests. */
    int documentsRead() {
        return documentsRead.get();
    }

    /**
     * Scans the history of the repository that holds {@code root}.
     *
     * @param root      any folder in the repository (the whole repository is scanned, whatever the folder)
     * @param range     which commits to walk
     * @param excluded  user path excludes, tested on paths relative to the top of the repository and on each
     *                  folder above them
     * @param allowlist fingerprint exceptions from the configuration
     * @param today     the date allowlist expiries are compared with
     * @throws HistoryException when there is no git, no repository (or one git cannot open), or a range end
     *                  names no commit
     * @throws IOException      when git fails otherwise ({@link io.github.npmrcguard.files.GitException})
     */
    public HistoryResult scan(Path root, HistoryRange range, Predicate<String> excluded, Allowlist allowlist,
            LocalDate today) throws IOException {
        Repository repo = open(root);
        List<String> notes = new ArrayList<>();
        if (repo.shallow()) {
            notes.add(NOTE_SHALLOW);
        }
        GitHistory.Revisions revisions = range.revisions();
        if (revisions.from() != null) {
            for (String end : List.of(revisions.from(), revisions.to())) {
                if (!git.isCommit(repo, end)) {
                    throw new HistoryException(HistoryException.Reason.UNKNOWN_REVISION, "since '"
                            + range.description() + "': '" + end + "' names no commit in this repository"
                            + (repo.shallow() ? " (the clone is shallow: it may lie beyond its boundary)" : ""));
                }
            }
        }
        Feed feed = new Feed(repo, excluded);
        GitHistory.Walk walk;
        try {
            walk = git.walk(repo, revisions, feed);
            feed.end();
        } catch (IOException | RuntimeException | Error e) {
            feed.abandon();
            // When the checks failed first (out of memory, say), git was stopped under the walk: their cause is the one.
            Throwable cause = feed.checks == null ? null : feed.checks.failure;
            if (cause != null && cause != e && !(cause instanceof InterruptedIOException)) {
                feed.checks.rethrow();
            }
            throw e;
        }
        if (walk.commitsInRange() == 0) {
            notes.add(revisions.equals(GitHistory.Revisions.all()) ? NOTE_NO_COMMITS
                    : "no commits in " + range.description());
        }
        Checks checks = feed.checks;
        notes.addAll(checks.notes(repo));

        List<HistoryFinding> findings = new ArrayList<>();
        List<AllowedHistoryFinding> allowed = new ArrayList<>();
        for (Secret s : checks.secrets()) {
            Seen first = s.first();
            String comment = s.firstReported == null ? first.occurrence().allowedBy()
                    : first.occurrence().emptyAllowComment() ? "" : null;
            Verdict verdict = Verdict.of(comment, first.occurrence().finding(), allowlist, () -> today);
            if (verdict.allowed()) {
                allowed.add(new AllowedHistoryFinding(s.finding(""), verdict.allowedBy(), verdict.reason()));
            } else {
                findings.add(s.finding(verdict.note()));
            }
        }
        return new HistoryResult(findings, allowed, notes, range.description(), walk.commitsInRange(),
                walk.commitsListed(), feed.changes, feed.ids.ids());
    }

    /**
     * The walk's side, on the scan's thread: drops excluded paths, asks git for each (blob, format) met for the
     * first time, and queues every change for {@link Checks}, in walk order.
     */
    private final class Feed implements GitHistory.ChangeListener {
        private final Repository repo;
        private final Predicate<String> excluded;
        private final Map<String, Boolean> excludedFolders = new HashMap<>();
        private final BlobIds ids = new BlobIds();
        private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(QUEUE);
        private List<Item> items = new ArrayList<>(BATCH);
        private final List<String> requested = new ArrayList<>(BATCH);
        private BlobBatch batch;
        private Checks checks;
        int changes;

        Feed(Repository repo, Predicate<String> excluded) {
            this.repo = repo;
            this.excluded = excluded;
        }

        @Override
        public void change(Change c) throws IOException {
            if (excludedPath(c.path(), excluded, excludedFolders)) {
                return;
            }
            changes++;
            int pair = ids.pair(c.blob(), c.kind().ordinal());
            boolean read = ids.added();
            if (read && batch == null) {
                batch = blobs.open(repo);
                checks = new Checks(batch, queue);
                checks.start();
            }
            items.add(new Item(c, pair, read));
            if (read) {
                requested.add(c.blob());
            }
            if (items.size() == BATCH) {
                handOver();
            }
        }

        /**
         * Hands the changes gathered to the checks, then asks git for their blobs: never the other way round, so
         * git never waits with answers for changes the checks do not have yet (that would stall both).
         */
        private void handOver() throws IOException {
            if (items.isEmpty()) {
                return;
            }
            put(items);
            items = new ArrayList<>(BATCH);
            for (String id : requested) {
                batch.request(id);
            }
            requested.clear();
            batch.flush();
        }

        private void put(List<Item> batchOfItems) throws IOException {
            if (queue.offer(batchOfItems)) {
                return;
            }
            try {
                while (!queue.offer(batchOfItems, 100, TimeUnit.MILLISECONDS)) {
                    checks.rethrow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the history was scanned");
            }
        }

        /** After the walk: waits until every change is checked; throws what the checks threw. */
        void end() throws IOException {
            if (checks == null) {
                checks = new Checks(null, queue); // nothing read: nothing to wait for
                return;
            }
            handOver();
            put(END);
            batch.endRequests();
            checks.await();
            batch.finish();
        }

        /** After a failure: stops git and the checks. */
        void abandon() {
            if (checks == null) {
                return;
            }
            batch.abandon();
            checks.interrupt();
            try {
                checks.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One change for {@link Checks}.
     *
     * @param pair the number of its (blob, format) in {@link BlobIds}
     * @param read whether its blob is the next answer of the batch (the first change of that pair)
     */
    private record Item(Change change, int pair, boolean read) {
    }

    /**
     * The checks' side, on a thread of its own: takes each change in walk order, reads and checks the blob of a
     * pair met for the first time, and hands the change to the secrets its blob holds.
     */
    private final class Checks extends Thread {
        private final BlobBatch batch;
        private final BlockingQueue<List<Item>> queue;
        private final DocumentReader reader = new DocumentReader();
        /** Per pair with a credential: its occurrences; a pair without one is not kept. */
        private final Map<Integer, List<Occurrence>> found = new HashMap<>();
        private final Map<String, Secret> secrets = new LinkedHashMap<>();
        /** Per pair too large to read: its oldest change so far. */
        private final Map<Integer, Change> tooLarge = new LinkedHashMap<>();
        private int missing;
        private volatile Throwable failure;

        Checks(BlobBatch batch, BlockingQueue<List<Item>> queue) {
            super("npmrc-guard history check");
            setDaemon(true);
            this.batch = batch;
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                for (List<Item> items = queue.take(); items != END; items = queue.take()) {
                    for (Item item : items) {
                        if (item.read()) {
                            read(item);
                        }
                        List<Occurrence> occurrences = found.get(item.pair());
                        if (occurrences != null) {
                            add(item.change(), occurrences);
                        } else if (tooLarge.containsKey(item.pair())) {
                            tooLarge.put(item.pair(), item.change()); // walk order: a later one is older
                        }
                    }
                }
            } catch (InterruptedException e) {
                failure = new InterruptedIOException("the history scan stopped");
            } catch (IOException | RuntimeException | Error e) { // an OutOfMemoryError too: the scan reports it
                failure = e;
                batch.abandon(); // the walk's thread, writing to git, then fails instead of waiting
            }
        }

        private void read(Item item) throws IOException {
            Blob blob = batch.next();
            Change c = item.change();
            if (blob.missing()) {
                missing++;
            } else if (blob.content() == null) {
                tooLarge.put(item.pair(), c);
            } else {
                List<Occurrence> occurrences = check(c, blob.content());
                if (!occurrences.isEmpty()) {
                    found.put(item.pair(), occurrences);
                }
            }
        }

        /** The error-level credential findings in one blob, in line order, with any allow comment above each. */
        private List<Occurrence> check(Change c, byte[] bytes) {
            if (c.kind() == FileKind.POM && plainPom(bytes)) {
                return List.of();
            }
            documentsRead.incrementAndGet();
            ScanFile file = new ScanFile(c.path(), null, c.kind(), Provenance.COMMITTED, bytes);
            ConfigDocument doc = reader.read(file).document();
            List<Occurrence> out = new ArrayList<>();
            for (Finding f : RuleCatalogue.check(doc, RULES)) {
                if (f.severity() != Severity.ERROR) {
                    continue;
                }
                String reason = AllowComment.above(doc, f.line());
                out.add(new Occurrence(f, reason != null && !reason.isEmpty() ? reason : null,
                        reason != null && reason.isEmpty()));
            }
            out.sort(Comparator.comparingInt(o -> o.finding().line()));
            return List.copyOf(out);
        }

        /** Hands one change to the secrets its version holds: where each first appeared, how widely it spread. */
        private void add(Change c, List<Occurrence> occurrences) {
            Set<String> offered = new HashSet<>();
            for (Occurrence o : occurrences) {
                Secret s = secrets.computeIfAbsent(o.id(), k -> new Secret());
                s.commits.add(c.commit());
                s.paths.add(c.path());
                // Per version, its first line with the secret (and its first allowed one) stands for it.
                if (offered.add(o.id() + (o.allowedBy() == null ? "" : "\0allowed"))) {
                    s.offer(c, o);
                }
            }
        }

        /** Throws what stopped the checks, if something did. */
        void rethrow() throws IOException {
            Throwable t = failure;
            if (t instanceof IOException e) {
                throw e;
            }
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }

        void await() throws IOException {
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the history was scanned");
            }
            rethrow();
        }

        /** The secrets, oldest first by the commit's instant (two of one day keep the order they were written in). */
        List<Secret> secrets() {
            List<Secret> ordered = new ArrayList<>(secrets.values());
            ordered.sort(Comparator.comparing((Secret s) -> s.first().change().committed().toInstant())
                    .thenComparing(s -> s.first().change().path())
                    .thenComparingInt(s -> s.first().occurrence().finding().line())
                    .thenComparing(s -> s.first().occurrence().id()));
            return ordered;
        }

        /** The blobs not read: each one too large by its oldest change, then how many were missing. */
        List<String> notes(Repository repo) {
            List<String> notes = new ArrayList<>();
            tooLarge.values().stream().sorted(Comparator.comparing((Change c) -> c.committed().toInstant()))
                    .forEach(c -> notes.add(c.path() + " as of " + shortId(c.commit()) + ": larger than "
                            + (GitHistory.MAX_BLOB_BYTES >> 20) + " MiB: not read"));
            if (missing > 0) {
                notes.add(missing + (missing == 1 ? " version" : " versions") + " of candidate files"
                        + " missing from the object store" + (repo.partial() ? " (a partial clone)" : "")
                        + ": not read, so the history is incomplete");
            }
            return notes;
        }
    }

    /**
     * Whether a pom can hold no credential the rules would find: it names neither frontend plugin (so it has no
     * settings), and holds no token prefix and no private key (so no line of it can be reported). One search of
     * its bytes; a pom in UTF-16 (a byte-order mark or NUL bytes) is always read.
     */
    static boolean plainPom(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF)) {
            return false;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // one byte, one char: positions kept
        return text.indexOf('\0') < 0 && !text.contains(PomKeys.FRONTEND) && !text.contains(PomKeys.EXEC)
                && !text.contains("PRIVATE KEY-----") && !TokenCatalogue.mayHoldTokenInFile(text);
    }

    private Repository open(Path root) throws IOException {
        GitHistory.Opened opened = git.open(root);
        switch (opened.status()) {
            case OK:
                return opened.repository();
            case NO_GIT:
                throw new HistoryException(HistoryException.Reason.NO_GIT,
                        "git not found on the PATH: the history scan reads the commits with git, so it needs it");
            case NOT_A_REPOSITORY:
                throw new HistoryException(HistoryException.Reason.NOT_A_REPOSITORY, root.toAbsolutePath()
                        .normalize() + " is not in a git repository: there is no history to scan");
            case BROKEN_REPOSITORY:
                throw new HistoryException(HistoryException.Reason.BROKEN_REPOSITORY, "git cannot open the"
                        + " repository of " + root.toAbsolutePath().normalize() + ": its .git is a file pointing to"
                        + " a missing folder, or a damaged folder (git says: " + opened.detail() + "); there is no"
                        + " history to scan");
            case DUBIOUS_OWNERSHIP:
            default:
                throw new HistoryException(HistoryException.Reason.DUBIOUS_OWNERSHIP, "git refused the"
                        + " repository because another user owns it (safe.directory); to scan its history, run:"
                        + " git config --global --add safe.directory " + opened.detail());
        }
    }

    private static boolean excludedPath(String path, Predicate<String> excluded, Map<String, Boolean> folders) {
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            if (folders.computeIfAbsent(path.substring(0, i), excluded::test)) {
                return true;
            }
        }
        return excluded.test(path);
    }

    private static String shortId(String commit) {
        return commit.substring(0, HistoryFinding.SHORT_HASH);
    }

    /**
     * One credential finding in one blob.
     *
     * @param allowedBy          the reason of the allow comment above it, or null
     * @param emptyAllowComment  whether an allow comment without a reason is above it (it allows nothing)
     */
    private record Occurrence(Finding finding, String allowedBy, boolean emptyAllowComment) {
        /** The secret it is: its fingerprint (a credential finding always has one). */
        String id() {
            return finding.fingerprint().isEmpty()
                    ? finding.rule().id() + '\0' + finding.line() + '\0' + finding.what()
                    : finding.fingerprint();
        }
    }

    private record Seen(Change change, Occurrence occurrence) {
    }

    /** What the walk says about one secret. */
    private static final class Secret {
        final Set<String> commits = new HashSet<>();
        final Set<String> paths = new HashSet<>();
        Seen firstReported;
        Seen firstAllowed;

        /** The occurrence to report: the oldest one without an allow comment, else the oldest one. */
        Seen first() {
            return firstReported != null ? firstReported : firstAllowed;
        }

        HistoryFinding finding(String note) {
            Seen seen = first();
            Finding f = seen.occurrence().finding();
            Change c = seen.change();
            return new HistoryFinding(f.fingerprint(), f.rule(), f.what(), f.key(), c.commit(),
                    c.committed().toLocalDate(), c.path(), f.line(), commits.size(), paths.size(), note);
        }

        /**
         * Offers an occurrence, in walk order (newest first, no parent before its children): the oldest
         * commit date wins, and among equal dates the later one in the walk (the ancestor).
         */
        void offer(Change c, Occurrence o) {
            Seen seen = new Seen(c, o);
            if (o.allowedBy() == null) {
                firstReported = older(seen, firstReported);
            } else {
                firstAllowed = older(seen, firstAllowed);
            }
        }

        private static Seen older(Seen candidate, Seen current) {
            return current == null || !candidate.change().committed().toInstant()
                    .isAfter(current.change().committed().toInstant()) ? candidate : current;
        }
    }
}
