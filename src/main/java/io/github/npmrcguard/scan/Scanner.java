package io.github.npmrcguard.scan;

import io.github.npmrcguard.allow.AllowComment;
import io.github.npmrcguard.allow.Allowlist;
import io.github.npmrcguard.allow.Verdict;
import io.github.npmrcguard.files.FileProblem;
import io.github.npmrcguard.files.LargeFile;
import io.github.npmrcguard.files.Provenance;
import io.github.npmrcguard.files.ScanFile;
import io.github.npmrcguard.files.ScanSet;
import io.github.npmrcguard.rules.ConfigDocument;
import io.github.npmrcguard.rules.DocumentChecker;
import io.github.npmrcguard.rules.Finding;
import io.github.npmrcguard.rules.RenderedKeys;
import io.github.npmrcguard.rules.Rule;
import io.github.npmrcguard.rules.RuleCatalogue;
import io.github.npmrcguard.rules.RuleInfo;
import io.github.npmrcguard.rules.Severity;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The {@code check} goal without Maven: lists the candidate files, parses each as its client would, runs
 * the rules, and applies what git says about each file's provenance and what the user allowed. A file too
 * large to parse is searched for token formats as a stream instead, and reported as searched only.
 */
public final class Scanner {
    /**
     * The note on a committed error whose secret the differing working copy no longer holds: what
     * {@code fix} leaves until the file is staged.
     */
    public static final String STAGED_ONLY =
            "judged the staged version: the working copy no longer holds it," + " so stage the file (git add)";

    private final ScanSetSource source;

    private final List<Rule> rules;

    /** A scanner with the standard rules. */
    public Scanner(ScanSetSource source) {
        this(source, RuleCatalogue.rules());
    }

    /** A scanner with these rules, in this order (the standard ones plus, say, the CI preflight). */
    public Scanner(ScanSetSource source, List<Rule> rules) {
        this.source = source;
        this.rules = List.copyOf(rules);
    }

    /**
     * Scans {@code root}.
     *
     * @param excluded  user path excludes, tested on root-relative paths
     * @param allowlist fingerprint exceptions from the configuration
     * @param today     the date allowlist expiries are compared with
     */
    public ScanResult scan(Path root, Predicate<String> excluded, Allowlist allowlist, LocalDate today)
            throws IOException {
        return scan(root, excluded, allowlist, () -> today);
    }

    /**
     * Scans {@code root}, asking for today's date only when an allowlist entry applies (finding the date
     * means loading the time-zone rules, a cost most builds need not pay).
     */
    public ScanResult scan(Path root, Predicate<String> excluded, Allowlist allowlist, Supplier<LocalDate> today)
            throws IOException {
        Verdicts verdicts = new Verdicts(allowlist, today);
        DocumentReader reader = DocumentReader.remembering(); // per scan: it remembers what it parsed
        DocumentChecker checker = new DocumentChecker(rules, new RenderedKeys()); // and what its rules found
        // Committed versions the source hands over while it still reads are checked then, on a thread of their
        // own, which hides their parsing and rules behind the reading; the rest once it is done.
        Set<ScanFile> checked = Collections.newSetFromMap(new IdentityHashMap<>());
        EarlyChecks early = new EarlyChecks(reader, checker, verdicts);
        ScanSet set;
        try {
            set = source.read(root, excluded, new Consumer<ScanFile>() {
                @Override
                public void accept(ScanFile file) {
                    if (file.provenance().committed() && checked.add(file)) {
                        early.add(file);
                    }
                }
            });
        } catch (IOException | RuntimeException | Error e) {
            early.abandon();
            throw e;
        }
        early.finish(); // from here on the reader, checker and verdicts are this thread's again
        List<FileProblem> problems = new ArrayList<>(set.problems());
        Set<String> notSearched = new HashSet<>();
        // Made only when there is a file too large to parse: most scans never load its classes.
        LargeFileSearch largeFiles = set.large().isEmpty() ? null : new LargeFileSearch();

        // Committed versions first: a secret they report is not reported again from a working copy.
        for (boolean committed : new boolean[] {true, false}) {
            for (ScanFile file : set.files()) {
                if (file.provenance().committed() == committed && !checked.contains(file)) {
                    check(file, reader, checker, verdicts);
                }
            }
            for (LargeFile file : set.large()) {
                if (file.provenance().committed() == committed) {
                    LargeFileSearch.Searched searched = largeFiles.search(file);
                    verdicts.judge(searched.findings(), file.provenance(), null);
                    if (searched.problem() != null) {
                        problems.add(searched.problem());
                        notSearched.add(file.path()); // its problem says so; no "searched" note too
                    }
                }
            }
        }
        Set<String> searchedOnly = new LinkedHashSet<>();
        for (LargeFile file : set.large()) {
            if (!notSearched.contains(file.path()) && searchedOnly.add(file.path())) {
                // Not an error: the token search covered it; but its settings were not checked, so say so.
                problems.add(new FileProblem(file.path(), LargeFile.SEARCHED_ONLY, false));
            }
        }
        List<Finding> reported = verdicts.reported;
        markStagedOnly(set, verdicts, reported);
        for (FileProblem p : problems) {
            RuleInfo rule = p.blocking() ? RuleCatalogue.UNREADABLE_FILE : RuleCatalogue.SKIPPED_FILE;
            reported.add(new Finding(p.path(), 1, rule, rule.severity(), p.message(), "", "", ""));
        }
        reported.sort(Finding.POSITION_ORDER);
        // Files checked while the source read came in its order, not by path: by path again (a stable sort,
        // so one file's findings keep theirs), as when every file is checked after the listing.
        if (verdicts.allowed.size() > 1) {
            verdicts.allowed.sort(new Comparator<AllowedFinding>() {
                @Override
                public int compare(AllowedFinding a, AllowedFinding b) {
                    return a.finding().path().compareTo(b.finding().path());
                }
            });
        }
        // A file's staged and working copies are one file to the user.
        Set<String> paths = new HashSet<>();
        for (ScanFile file : set.files()) {
            paths.add(file.path());
        }
        for (LargeFile file : set.large()) {
            paths.add(file.path());
        }
        return new ScanResult(reported, verdicts.allowed, set.notes(), paths.size(), set.git());
    }

    /**
     * Checks the committed versions a source hands over while it still reads, on a thread of its own, started
     * with the first one: with git, the scan's thread reads and hashes working copies meanwhile; without, it
     * reads what the walk finds. The reader, checker and verdicts are used by that thread alone from the first
     * {@link #add} until {@link #finish} or {@link #abandon} returns.
     */
    private static final class EarlyChecks extends Thread {
        private final DocumentReader reader;
        private final DocumentChecker checker;
        private final Verdicts verdicts;
        /** Guarded by this, as are the flags. */
        private final ArrayDeque<ScanFile> waiting = new ArrayDeque<>();

        private boolean closed;
        private boolean abandoned;
        private Throwable failure;

        EarlyChecks(DocumentReader reader, DocumentChecker checker, Verdicts verdicts) {
            super("npmrc-guard check");
            setDaemon(true);
            this.reader = reader;
            this.checker = checker;
            this.verdicts = verdicts;
        }

        void add(ScanFile file) {
            synchronized (this) {
                if (abandoned) {
                    return; // a check failed: finish says so
                }
                if (waiting.isEmpty()) {
                    notifyAll();
                }
                waiting.add(file);
            }
            if (getState() == State.NEW) {
                start();
            }
        }

        @Override
        public void run() {
            while (true) {
                ScanFile next;
                synchronized (this) {
                    while (waiting.isEmpty() && !closed) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            abandoned = true;
                            return;
                        }
                    }
                    if (abandoned || waiting.isEmpty()) {
                        return;
                    }
                    next = waiting.poll();
                }
                try {
                    check(next, reader, checker, verdicts);
                } catch (RuntimeException | Error e) {
                    synchronized (this) {
                        failure = e;
                        abandoned = true;
                        waiting.clear();
                    }
                    return;
                }
            }
        }

        /** Waits until every version handed over is checked; throws what a check threw. */
        void finish() throws IOException {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
            awaitEnd();
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }

        /** Drops what is still waiting, for a scan that failed, and waits for the check under way. */
        void abandon() {
            dropWaiting();
            try {
                awaitEnd();
            } catch (IOException e) {
                // interrupted while the scan fails anyway: its own failure is the one to report
            }
        }

        private synchronized void dropWaiting() {
            closed = true;
            abandoned = true;
            waiting.clear();
            notifyAll();
        }

        private void awaitEnd() throws IOException {
            if (getState() == State.NEW) {
                return;
            }
            try {
                join();
            } catch (InterruptedException e) {
                dropWaiting(); // what it still does is for nobody
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the files were checked");
            }
        }
    }

    /** Parses one version, runs the rules on it, and hands what they find to the verdicts. */
    /** Notes each committed error whose secret a differing working copy of its file no longer holds. */
    private static void markStagedOnly(ScanSet set, Verdicts verdicts, List<Finding> reported) {
        Set<String> workingCopies = new HashSet<>();
        for (ScanFile file : set.files()) {
            if (file.provenance() == Provenance.WORKING_COPY) {
                workingCopies.add(file.path());
            }
        }
        for (LargeFile file : set.large()) {
            if (file.provenance() == Provenance.WORKING_COPY) {
                workingCopies.add(file.path());
            }
        }
        if (workingCopies.isEmpty()) {
            return;
        }
        for (int i = 0; i < reported.size(); i++) {
            Finding f = reported.get(i);
            if (f.severity() == Severity.ERROR
                    && !f.fingerprint().isEmpty()
                    && workingCopies.contains(f.path())
                    && !verdicts.workingCopySecrets.contains(f.path() + '\0' + f.fingerprint())) {
                reported.set(i, f.withSeverity(Severity.ERROR, STAGED_ONLY));
            }
        }
    }

    private static void check(ScanFile file, DocumentReader reader, DocumentChecker checker, Verdicts verdicts) {
        DocumentReader.Read read = reader.read(file);
        List<Finding> found = new ArrayList<>(read.findings());
        found.addAll(checker.check(read.document(), read.sameContent()));
        verdicts.judge(found, file.provenance(), read.document());
    }

    /** What becomes of each finding: provenance, duplicates, allow comments and the allowlist applied. */
    private static final class Verdicts {
        private final Allowlist allowlist;
        private final Supplier<LocalDate> today;
        final List<Finding> reported = new ArrayList<>();
        final List<AllowedFinding> allowed = new ArrayList<>();
        /** Secrets the committed versions already report, so a working copy holding the same one adds nothing. */
        private final Set<String> committedSecrets = new HashSet<>();

        private final Set<String> seen = new HashSet<>();
        /** Secrets the differing working copies of tracked files hold. */
        final Set<String> workingCopySecrets = new HashSet<>();

        Verdicts(Allowlist allowlist, Supplier<LocalDate> today) {
            this.allowlist = allowlist;
            this.today = today;
        }

        /** @param document the version's document, for allow comments; null for a file searched as a stream */
        void judge(List<Finding> found, Provenance provenance, ConfigDocument document) {
            for (Finding f : found) {
                if (provenance.committed()) {
                    if (!f.fingerprint().isEmpty()) {
                        committedSecrets.add(f.path() + '\0' + f.fingerprint());
                    }
                } else {
                    if (provenance == Provenance.WORKING_COPY
                            && !f.fingerprint().isEmpty()) {
                        workingCopySecrets.add(f.path() + '\0' + f.fingerprint());
                    }
                    // Outside committed content only secrets matter, and only ones not reported already.
                    if (f.fingerprint().isEmpty() || committedSecrets.contains(f.path() + '\0' + f.fingerprint())) {
                        continue;
                    }
                    f = downgrade(f, provenance);
                }
                // Merge-conflict stages repeat the same lines: report each finding once.
                if (!seen.add(f.path() + '\0' + f.line() + '\0' + f.rule().id() + '\0' + f.fingerprint())) {
                    continue;
                }
                String comment = document == null ? null : AllowComment.above(document, f.line());
                Verdict verdict = Verdict.of(comment, f, allowlist, today);
                if (verdict.allowed()) {
                    allowed.add(new AllowedFinding(f, verdict.allowedBy(), verdict.reason()));
                    continue;
                }
                if (!verdict.note().isEmpty()) {
                    f = new Finding(
                            f.path(),
                            f.line(),
                            f.rule(),
                            f.severity(),
                            f.what(),
                            f.key(),
                            f.fingerprint(),
                            Verdict.join(f.note(), verdict.note()));
                }
                reported.add(f);
            }
        }
    }

    private static Finding downgrade(Finding f, Provenance provenance) {
        String why = provenance == Provenance.IGNORED
                ? "only in a file git ignores: never committed"
                : "only in the working copy: the staged content is clean, so CI may have injected it";
        return f.severity() == Severity.ERROR
                ? f.withSeverity(Severity.WARNING, why)
                : f.withSeverity(f.severity(), why);
    }
}
