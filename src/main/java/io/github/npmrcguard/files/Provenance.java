package io.github.npmrcguard.files;

/**
 * Where a file's content comes from, which decides whether a literal credential in it fails the build.
 */
public enum Provenance {
    /** The staged (index) content of a tracked file: what the next commit holds. */
    STAGED(true, "staged"),
    /** The working copy of an untracked file that git does not ignore: one {@code git add -A} away. */
    UNTRACKED(true, "untracked"),
    /** The working copy of a file that no git repository governs (no work tree, or no git binary). */
    NO_GIT(true, "not in git"),
    /** The working copy of a file that git ignores: never committed, so a warning at most. */
    IGNORED(false, "ignored by git"),
    /**
     * The working copy of a tracked file whose content differs from the staged content. CI tools such as
     * Azure npmAuthenticate inject credentials there on purpose, so a warning at most.
     */
    WORKING_COPY(false, "working copy only"),
    /** A blob that a past commit wrote, read by the history scan. */
    COMMITTED(true, "in a commit");

    private final boolean committed;
    private final String label;

    Provenance(boolean committed, String label) {
        this.committed = committed;
        this.label = label;
    }

    /** Whether this content is, or is about to be, committed: only then can a finding be an error. */
    public boolean committed() {
        return committed;
    }

    /** A short human label, as used in log lines. */
    public String label() {
        return label;
    }
}
