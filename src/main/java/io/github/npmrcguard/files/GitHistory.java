package io.github.npmrcguard.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The git side of the history scan: which candidate file versions every commit wrote, and their content.
 * It runs the git CLI through {@link GitCli}, so the PATH lookup, the scrubbed environment, the timeouts
 * and the batched blob reader are the ones {@code check} uses.
 *
 * <p><b>The walk</b> is one process over the whole history:
 * <pre>
 * git -C &lt;git dir&gt; log --all|&lt;A&gt;..&lt;B&gt; [--since=&lt;ISO instant&gt;] --full-history --date-order -c --root
 *     --no-renames --no-abbrev --raw -z --no-color --no-show-signature --format=format:%x01%H %cI
 *     -- :(top)*npmrc* :(top)*.yarnrc* :(top)*bunfig.toml
 * </pre>
 * For each commit that changed a candidate path it prints the commit and, per changed path, the new blob
 * id: exactly the (commit, path, blob) triples the scan needs, and nothing for commits that touched no
 * candidate. {@code --full-history} keeps the commits of a side branch that a merge made irrelevant (the
 * default simplification drops a branch that added and then removed a token before it was merged);
 * {@code -c} shows a merge only where its result differs from every parent (content the merge itself
 * introduced, such as a conflict resolution), so merging a branch does not count its changes twice;
 * {@code --root} shows what the first commit added; {@code --no-renames} keeps one path per entry;
 * {@code --date-order} prints no parent before its children, so among equal dates the later entry is
 * the older commit.
 *
 * <p>The commands run in the repository's git dir, so a bare repository works, {@code diff.relative} has
 * no folder to be relative to, and the pathspecs ({@code :(top)}) cover the whole repository wherever
 * the build started. Replace refs are not applied ({@code GIT_NO_REPLACE_OBJECTS}): the objects scanned
 * are the ones a push publishes. A partial clone does not fetch missing blobs ({@code GIT_NO_LAZY_FETCH},
 * honoured by git 2.44 and later): they are reported missing.
 */
public final class GitHistory {
    /** Blobs larger than this are not read (the limit {@code check} applies to files). */
    public static final long MAX_BLOB_BYTES = SafeReader.MAX_BYTES;

    /** Why a folder could not be opened as a repository. */
    public enum Status {
        OK,
        /** There is no {@code git} executable on the PATH. */
        NO_GIT,
        /** The folder is in no git repository. */
        NOT_A_REPOSITORY,
        /** git refuses the repository because another user owns it ({@code safe.directory}). */
        DUBIOUS_OWNERSHIP,
        /** There is a {@code .git} git cannot open: a {@code .git} file pointing to a missing folder, or a damaged one. */
        BROKEN_REPOSITORY
    }

    /**
     * The repository a folder is in.
     *
     * @param gitDir  its git dir, absolute (the {@code .git} folder, or the repository itself when bare)
     * @param shallow whether it is a shallow clone, whose history stops at the graft points
     * @param partial whether it is a partial clone, which may lack blobs
     */
    public record Repository(Path gitDir, boolean shallow, boolean partial) {
        public Repository {
            Objects.requireNonNull(gitDir, "gitDir");
        }
    }

    /**
     * The outcome of {@link #open}: a repository, or the reason there is none.
     *
     * @param status     {@link Status#OK} when {@code repository} is set
     * @param repository the repository, or null
     * @param detail     for {@link Status#DUBIOUS_OWNERSHIP}, the path git names; for
     *                   {@link Status#BROKEN_REPOSITORY}, git's first stderr line (masked); otherwise empty
     */
    public record Opened(Status status, Repository repository, String detail) {}

    /**
     * One candidate file version that one commit wrote.
     *
     * @param commit    the full commit id
     * @param date      the commit's committer date
     * @param path      the file's path relative to the top of the repository, {@code /} separators
     * @param blob      the full id of the content the commit gave the file
     * @param kind      the format of the file, from its name
     */
    public record Change(String commit, CommitDate date, String path, String blob, FileKind kind) {
        /** The commit's committer date, with the committer's offset. */
        public OffsetDateTime committed() {
            return date.value();
        }
    }

    /**
     * What the walk counted; its changes went to the {@link ChangeListener} as git listed them.
     *
     * @param commitsListed  how many commits the walk listed: those that changed a path the pathspecs match
     * @param commitsInRange how many commits the revisions hold in all ({@code git rev-list --count})
     */
    public record Walk(int commitsListed, long commitsInRange) {}

    /** Receives the walk's changes in git's output order (newest first; never a parent before its children). */
    @FunctionalInterface
    public interface ChangeListener {
        void change(Change change) throws IOException;
    }

    /**
     * One {@code git cat-file --batch} process, fed and read at the same time: one thread {@link #request}s
     * ids, another takes the answers with {@link #next}, in the order they were requested. Blobs larger than
     * {@link #MAX_BLOB_BYTES} come back without content.
     */
    public interface BlobBatch {
        /** Asks for one blob; buffered, so the answer may wait for {@link #flush} or {@link #endRequests}. */
        void request(String id) throws IOException;

        /** Sends the requests buffered so far. */
        void flush() throws IOException;

        /** Sends what is buffered and tells git no more ids come. */
        void endRequests() throws IOException;

        /** The answer to the oldest request not yet answered; waits for it. */
        Blob next() throws IOException;

        /** Waits for git after the last answer; throws when it failed. */
        void finish() throws IOException;

        /** Stops git, for a scan that fails: a thread waiting in {@link #next} or {@link #request} then fails. */
        void abandon();
    }

    /**
     * Which commits to walk.
     *
     * @param since only commits whose committer date is at or after this instant (git's {@code --since}, a
     *              cut-off), or null
     * @param from  with {@code to}: walk {@code from..to} instead of every ref; a revision that starts with
     *              no {@code -}, so git cannot take it for an option; null for every ref
     * @param to    see {@code from}
     */
    public record Revisions(Instant since, String from, String to) {
        private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/~^@{}+-]*");

        public Revisions {
            since = since == null ? null : since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            if ((from == null) != (to == null)) {
                throw new IllegalArgumentException("a range needs both ends");
            }
            if (from != null && (!isRevision(from) || !isRevision(to))) {
                throw new IllegalArgumentException("not a plain revision name");
            }
        }

        /** Every commit reachable from any ref. */
        public static Revisions all() {
            return new Revisions(null, null, null);
        }

        /**
         * Whether {@code text} is a revision name this class passes to git: a branch, tag, commit id or
         * relative form such as {@code main~3}, {@code v1.2.0}, {@code origin/main}, {@code HEAD@{2}}. It never
         * starts with {@code -} (an option), {@code :} or {@code ^}, holds no whitespace and no {@code ..}.
         */
        public static boolean isRevision(String text) {
            return text != null && REVISION.matcher(text).matches() && !text.contains("..");
        }

        /** The revision arguments given to git, e.g. {@code [--all, --since=2025-03-01T00:00:00Z]} or {@code [A..B]}. */
        public List<String> args() {
            List<String> args = new ArrayList<>();
            if (from == null) {
                args.add("--all");
            } else {
                args.add(from + ".." + to);
            }
            if (since != null) {
                args.add("--since=" + since); // ISO-8601 in UTC, e.g. 2025-03-01T00:00:00Z: git reads it exactly
            }
            return args;
        }
    }

    /** The log options of the walk; the class comment says why each is there. */
    static final List<String> WALK_OPTIONS = List.of(
            "--full-history",
            "--date-order",
            "-c",
            "--root",
            "--no-renames",
            "--no-abbrev",
            "--raw",
            "-z",
            "--no-color",
            "--no-show-signature",
            "--format=format:%x01%H %cI");

    private static final List<String> PATHSPECS =
            FileKind.GIT_PATHSPECS.stream().map(p -> ":(top)" + p).toList();

    private final GitCli git;

    GitHistory(GitCli git) {
        this.git = git;
    }

    /** git as found on this JVM's PATH, with this JVM's environment. */
    public static GitHistory system() {
        return fromEnvironment(System.getenv(), GitCli.DEFAULT_TIMEOUT);
    }

    /**
     * git as found on {@code env}'s PATH, run with {@code env} scrubbed as for {@code check}, and each process
     * killed after {@code timeout}.
     */
    public static GitHistory fromEnvironment(Map<String, String> env, Duration timeout) {
        return new GitHistory(GitCli.fromEnvironment(env, timeout)
                .withVariables(Map.of("GIT_NO_REPLACE_OBJECTS", "1", "GIT_NO_LAZY_FETCH", "1")));
    }

    /** The repository that holds {@code dir}. */
    public Opened open(Path dir) throws IOException {
        if (!git.available()) {
            return new Opened(Status.NO_GIT, null, "");
        }
        Path abs = dir.toAbsolutePath().normalize();
        List<String> args = List.of("rev-parse", "--is-shallow-repository", "--absolute-git-dir");
        GitCli.Result r = git.run(abs, args);
        if (r.exitCode() != 0) {
            GitCli.Refusal refusal = git.refusalFor(r, abs);
            if (refusal == null) {
                throw GitCli.failure(r);
            }
            switch (refusal) {
                case DUBIOUS_OWNERSHIP:
                    java.util.regex.Matcher m =
                            Pattern.compile("repository at '([^'\\n]*)'").matcher(r.stderr());
                    return new Opened(Status.DUBIOUS_OWNERSHIP, null, m.find() ? m.group(1) : abs.toString());
                case BROKEN_REPOSITORY:
                    return new Opened(Status.BROKEN_REPOSITORY, null, r.stderrFirstLine());
                case NOT_A_WORK_TREE:
                default:
                    return new Opened(Status.NOT_A_REPOSITORY, null, "");
            }
        }
        List<String> lines =
                new String(r.stdout(), StandardCharsets.UTF_8).lines().toList();
        if (lines.size() != 2 || !(lines.get(0).equals("true") || lines.get(0).equals("false"))) {
            throw new GitException(r.command(), -1, "its output could not be read");
        }
        Path gitDir = Path.of(lines.get(1));
        GitCli.Result partial = git.run(gitDir, List.of("config", "--get", "extensions.partialclone"));
        return new Opened(
                Status.OK,
                new Repository(
                        gitDir, lines.get(0).equals("true"), partial.exitCode() == 0 && partial.stdout().length > 0),
                "");
    }

    /** Whether {@code revision} names a commit in the repository (it must pass {@link Revisions#isRevision}). */
    public boolean isCommit(Repository repo, String revision) throws IOException {
        if (!Revisions.isRevision(revision)) {
            throw new IllegalArgumentException("not a plain revision name");
        }
        GitCli.Result r = git.run(repo.gitDir(), List.of("rev-parse", "--verify", "--quiet", revision + "^{commit}"));
        return r.exitCode() == 0;
    }

    /**
     * Hands {@code listener} the candidate file versions each commit in {@code revisions} wrote (see the class
     * comment for the command) as git prints them, and counts the commits the revisions hold in all with a
     * {@code git rev-list --count} that runs at the same time. Only regular files whose name is a
     * {@link FileKind} and that are not under {@code node_modules} are listed; deletions are not. Nothing of
     * the walk is held: memory does not grow with the history.
     */
    public Walk walk(Repository repo, Revisions revisions, ChangeListener listener) throws IOException {
        List<String> countArgs = new ArrayList<>(List.of("rev-list", "--count"));
        countArgs.addAll(revisions.args());
        List<String> logArgs = new ArrayList<>(List.of("log"));
        logArgs.addAll(revisions.args());
        logArgs.addAll(WALK_OPTIONS);
        logArgs.add("--");
        logArgs.addAll(PATHSPECS);
        GitCli.Running counting = git.start(repo.gitDir(), countArgs);
        int listed;
        GitCli.Streamed log;
        try {
            log = git.stream(repo.gitDir(), logArgs);
        } catch (IOException | RuntimeException | Error e) {
            counting.discard();
            throw e;
        }
        try {
            log.stdin().close(); // git log reads no stdin
            try (InputStream in = new BufferedInputStream(log.stdout(), 1 << 16)) {
                listed = WalkOutput.parse(log.command(), in, listener);
            }
        } catch (GitException e) {
            counting.discard();
            GitException why = log.kill(); // git's own failure, if it failed, says more than its cut output
            throw why.exitCode() == 0 || why.exitCode() == 128 + 9 ? e : why; // 137: killed here
        } catch (IOException | RuntimeException | Error e) {
            counting.discard();
            log.kill();
            throw e;
        }
        try {
            log.finish();
        } catch (GitException e) {
            counting.discard();
            throw e;
        }
        GitCli.Result count = counting.await();
        if (count.exitCode() != 0) {
            throw GitCli.failure(count);
        }
        long total;
        try {
            total = Long.parseLong(new String(count.stdout(), StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException e) {
            throw WalkOutput.unreadable(count.command());
        }
        return new Walk(listed, total);
    }

    /** Starts one {@code git cat-file --batch} for {@link BlobBatch}'s two threads. */
    public BlobBatch openBlobs(Repository repo) throws IOException {
        // No --buffer: each answer is sent as soon as it is ready, so the reading thread never waits on ids the
        // feeding thread has sent but git keeps back.
        return new CatFileBatch(git.stream(repo.gitDir(), List.of("cat-file", "--batch")));
    }

    /**
     * The walk's output as a whole, for tests: its changes and how many commits it listed.
     */
    record Parsed(List<Change> changes, int commitsListed) {}

    static Parsed parse(String command, byte[] out) throws GitException {
        List<Change> changes = new ArrayList<>();
        try {
            int commits = WalkOutput.parse(command, new java.io.ByteArrayInputStream(out), changes::add);
            return new Parsed(changes, commits);
        } catch (GitException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e); // a list and an array throw nothing else
        }
    }
}
