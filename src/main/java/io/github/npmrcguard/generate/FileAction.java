package io.github.npmrcguard.generate;

/** What the generator did with one file. */
public enum FileAction {
    /** The file did not exist and was written. */
    CREATED,
    /** The file existed and lines were changed or added. */
    UPDATED,
    /** The file already held exactly what the generator would write; it was not touched. */
    UNCHANGED,
    /** Dry run: the file would be created or changed; see the diff. Nothing was written. */
    DRY_RUN,
    /**
     * {@code CI} is set: a project file would be created or changed, and was not, so that the build does not
     * dirty the work tree (see {@link Generator}). Nothing was written.
     */
    NOT_WRITTEN_CI,
    /** The file holds a literal credential; it was left alone (run {@code fix} after revoking it). */
    REFUSED_LITERAL,
    /** The file could not be edited safely (unparsable, a symbolic link, an unusual layout); left alone. */
    REFUSED;

    /** Whether the file's content on disk changed. */
    public boolean wrote() {
        return this == CREATED || this == UPDATED;
    }
}
