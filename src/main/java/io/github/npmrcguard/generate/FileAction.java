package io.github.npmrcguard.generate;

/** What the generator did with one file. */
public enum FileAction {
    /** The file did not exist and was written. */
    CREATED("created"),
    /** The file existed and lines were changed or added. */
    UPDATED("updated"),
    /** The file already held exactly what the generator would write; it was not touched. */
    UNCHANGED("unchanged"),
    /** Dry run: the file would be created or changed; see the diff. Nothing was written. */
    DRY_RUN("would change (dry run)"),
    /**
     * {@code CI} is set: a project file would be created or changed, and was not, so that the build does not
     * dirty the work tree (see {@link Generator}). Nothing was written.
     */
    NOT_WRITTEN_CI("not written under CI, out of date"),
    /** The file holds a literal credential; it was left alone (run {@code fix} after revoking it). */
    REFUSED_LITERAL("left alone: holds a literal credential"),
    /** The file could not be edited safely (unparsable, a symbolic link, an unusual layout); left alone. */
    REFUSED("left alone");

    private final String label;

    FileAction(String label) {
        this.label = label;
    }

    /** A few words for the log, e.g. {@code would change (dry run)}. */
    public String label() {
        return label;
    }

    /** Whether the file's content on disk changed. */
    public boolean wrote() {
        return this == CREATED || this == UPDATED;
    }
}
