package io.github.npmrcguard.history;

import io.github.npmrcguard.allow.AllowComment;
import io.github.npmrcguard.files.Blob;
import io.github.npmrcguard.files.FileKind;
import io.github.npmrcguard.files.GitHistory;
import io.github.npmrcguard.files.GitHistory.BlobBatch;
import io.github.npmrcguard.files.GitHistory.Change;
import io.github.npmrcguard.files.GitHistory.Repository;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.rules.Severity;
import io.github.npmrcguard.scan.DocumentReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The checks' side, on a thread of its own: takes each change in walk order, reads and checks the blob of a
 * pair met for the first time, and hands the change to the secrets its blob holds.
 */
final class BlobChecks extends Thread {
    /**
     * One change for {@link BlobChecks}.
     *
     * @param pair the number of its (blob, format) in {@link BlobIds}
     * @param read whether its blob is the next answer of the batch (the first change of that pair)
     */
    record Item(Change change, int pair, boolean read) {}

    private final BlobBatch batch;
    private final BlockingQueue<List<Item>> queue;
    private final List<Item> end;
    private final AtomicInteger documentsRead;
    private final DocumentReader reader = new DocumentReader();
    /** Per pair with a credential: its occurrences; a pair without one is not kept. */
    private final Map<Integer, List<Occurrence>> found = new HashMap<>();

    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    /** Per pair too large to read: its oldest change so far. */
    private final Map<Integer, Change> tooLarge = new LinkedHashMap<>();

    private int missing;
    volatile Throwable failure;

    /**
     * @param end           the batch that ends the queue
     * @param documentsRead counts the blobs decoded and checked
     */
    BlobChecks(BlobBatch batch, BlockingQueue<List<Item>> queue, List<Item> end, AtomicInteger documentsRead) {
        super("npmrc-guard history check");
        setDaemon(true);
        this.batch = batch;
        this.queue = queue;
        this.end = end;
        this.documentsRead = documentsRead;
    }

    @Override
    public void run() {
        try {
            for (List<Item> items = queue.take(); items != end; items = queue.take()) {
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
        if (c.kind() == FileKind.POM && PomPrecheck.plain(bytes)) {
            return List.of();
        }
        documentsRead.incrementAndGet();
        ScanFile file = new ScanFile(c.path(), null, c.kind(), Provenance.COMMITTED, bytes);
        ConfigDocument doc = reader.read(file).document();
        List<Occurrence> out = new ArrayList<>();
        for (Finding f : RuleCatalogue.check(doc, HistoryScanner.RULES)) {
            if (f.severity() != Severity.ERROR) {
                continue;
            }
            String reason = AllowComment.above(doc, f.line());
            out.add(new Occurrence(
                    f, reason != null && !reason.isEmpty() ? reason : null, reason != null && reason.isEmpty()));
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
        ordered.sort(Comparator.comparing(
                        (Secret s) -> s.first().change().committed().toInstant())
                .thenComparing(s -> s.first().change().path())
                .thenComparingInt(s -> s.first().occurrence().finding().line())
                .thenComparing(s -> s.first().occurrence().id()));
        return ordered;
    }

    /** The blobs not read: each one too large by its oldest change, then how many were missing. */
    List<String> notes(Repository repo) {
        List<String> notes = new ArrayList<>();
        tooLarge.values().stream()
                .sorted(Comparator.comparing((Change c) -> c.committed().toInstant()))
                .forEach(c -> notes.add(c.path() + " as of " + shortId(c.commit()) + ": larger than "
                        + (GitHistory.MAX_BLOB_BYTES >> 20) + " MiB: not read"));
        if (missing > 0) {
            notes.add(missing + (missing == 1 ? " version" : " versions") + " of candidate files"
                    + " missing from the object store" + (repo.partial() ? " (a partial clone)" : "")
                    + ": not read, so the history is incomplete");
        }
        return notes;
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
    record Occurrence(Finding finding, String allowedBy, boolean emptyAllowComment) {
        /** The secret it is: its fingerprint (a credential finding always has one). */
        String id() {
            return finding.fingerprint().isEmpty()
                    ? finding.rule().id() + '\0' + finding.line() + '\0' + finding.what()
                    : finding.fingerprint();
        }
    }

    record Seen(Change change, Occurrence occurrence) {}

    /** What the walk says about one secret. */
    static final class Secret {
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
            return new HistoryFinding(
                    f.fingerprint(),
                    f.rule(),
                    f.what(),
                    f.key(),
                    c.commit(),
                    c.committed().toLocalDate(),
                    c.path(),
                    f.line(),
                    commits.size(),
                    paths.size(),
                    note);
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
            return current == null
                            || !candidate
                                    .change()
                                    .committed()
                                    .toInstant()
                                    .isAfter(current.change().committed().toInstant())
                    ? candidate
                    : current;
        }
    }
}
