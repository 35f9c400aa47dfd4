package io.github.npmrcguard.history;

import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.allow.Verdict;
import io.github.npmrcguard.files.GitHistory;
import io.github.npmrcguard.files.GitHistory.BlobBatch;
import io.github.npmrcguard.files.GitHistory.Change;
import io.github.npmrcguard.files.GitHistory.Repository;
import io.github.npmrcguard.rules.Rule;
import io.github.npmrcguard.rules.RuleCatalogue;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * batches of changes between the two threads. A pom that can give no finding is not decoded or parsed at
 * all: a search of its bytes decides it ({@link PomPrecheck}).
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

    private static final List<BlobChecks.Item> END = new ArrayList<>();

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
    public HistoryResult scan(
            Path root, HistoryRange range, Predicate<String> excluded, Allowlist allowlist, LocalDate today)
            throws IOException {
        Repository repo = open(root);
        List<String> notes = new ArrayList<>();
        if (repo.shallow()) {
            notes.add(NOTE_SHALLOW);
        }
        GitHistory.Revisions revisions = range.revisions();
        if (revisions.from() != null) {
            for (String end : List.of(revisions.from(), revisions.to())) {
                if (!git.isCommit(repo, end)) {
                    throw new HistoryException(
                            HistoryException.Reason.UNKNOWN_REVISION,
                            "since '"
                                    + range.description() + "': '" + end + "' names no commit in this repository"
                                    + (repo.shallow()
                                            ? " (the clone is shallow: it may lie beyond its boundary)"
                                            : ""));
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
            // When the checks failed first (out of memory, say), git was stopped under the walk: their cause is the
            // one.
            Throwable cause = feed.checks == null ? null : feed.checks.failure;
            if (cause != null && cause != e && !(cause instanceof InterruptedIOException)) {
                feed.checks.rethrow();
            }
            throw e;
        }
        if (walk.commitsInRange() == 0) {
            notes.add(
                    revisions.equals(GitHistory.Revisions.all())
                            ? NOTE_NO_COMMITS
                            : "no commits in " + range.description());
        }
        BlobChecks checks = feed.checks;
        notes.addAll(checks.notes(repo));

        List<HistoryFinding> findings = new ArrayList<>();
        List<AllowedHistoryFinding> allowed = new ArrayList<>();
        for (BlobChecks.Secret s : checks.secrets()) {
            BlobChecks.Seen first = s.first();
            String comment = s.firstReported == null
                    ? first.occurrence().allowedBy()
                    : first.occurrence().emptyAllowComment() ? "" : null;
            Verdict verdict = Verdict.of(comment, first.occurrence().finding(), allowlist, () -> today);
            if (verdict.allowed()) {
                allowed.add(new AllowedHistoryFinding(s.finding(""), verdict.allowedBy(), verdict.reason()));
            } else {
                findings.add(s.finding(verdict.note()));
            }
        }
        return new HistoryResult(
                findings,
                allowed,
                notes,
                range.description(),
                walk.commitsInRange(),
                walk.commitsListed(),
                feed.changes,
                feed.ids.ids());
    }

    /**
     * The walk's side, on the scan's thread: drops excluded paths, asks git for each (blob, format) met for the
     * first time, and queues every change for {@link BlobChecks}, in walk order.
     */
    private final class Feed implements GitHistory.ChangeListener {
        private final Repository repo;
        private final Predicate<String> excluded;
        private final Map<String, Boolean> excludedFolders = new HashMap<>();
        private final BlobIds ids = new BlobIds();
        private final BlockingQueue<List<BlobChecks.Item>> queue = new ArrayBlockingQueue<>(QUEUE);
        private List<BlobChecks.Item> items = new ArrayList<>(BATCH);
        private final List<String> requested = new ArrayList<>(BATCH);
        private BlobBatch batch;
        private BlobChecks checks;
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
                checks = new BlobChecks(batch, queue, END, documentsRead);
                checks.start();
            }
            items.add(new BlobChecks.Item(c, pair, read));
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

        private void put(List<BlobChecks.Item> batchOfItems) throws IOException {
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
                checks = new BlobChecks(null, queue, END, documentsRead); // nothing read: nothing to wait for
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

    private Repository open(Path root) throws IOException {
        GitHistory.Opened opened = git.open(root);
        switch (opened.status()) {
            case OK:
                return opened.repository();
            case NO_GIT:
                throw new HistoryException(
                        HistoryException.Reason.NO_GIT,
                        "git not found on the PATH: the history scan reads the commits with git, so it needs it");
            case NOT_A_REPOSITORY:
                throw new HistoryException(
                        HistoryException.Reason.NOT_A_REPOSITORY,
                        root.toAbsolutePath().normalize() + " is not in a git repository: there is no history to scan");
            case BROKEN_REPOSITORY:
                throw new HistoryException(
                        HistoryException.Reason.BROKEN_REPOSITORY,
                        "git cannot open the"
                                + " repository of " + root.toAbsolutePath().normalize()
                                + ": its .git is a file pointing to"
                                + " a missing folder, or a damaged folder (git says: " + opened.detail()
                                + "); there is no"
                                + " history to scan");
            case DUBIOUS_OWNERSHIP:
            default:
                throw new HistoryException(
                        HistoryException.Reason.DUBIOUS_OWNERSHIP,
                        "git refused the"
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
}
