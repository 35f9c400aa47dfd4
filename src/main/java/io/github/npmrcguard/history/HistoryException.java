package io.github.npmrcguard.history;

import java.io.IOException;

/**
 * The history scan cannot run where it was asked to: no git, no repository, or a range end that names no
 * commit. The message says which, in plain words, and never quotes file content.
 */
public final class HistoryException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What is missing. */
    public enum Reason {
        /** No {@code git} executable on the PATH. */
        NO_GIT,
        /** The folder is in no git repository. */
        NOT_A_REPOSITORY,
        /** git refuses the repository because another user owns it. */
        DUBIOUS_OWNERSHIP,
        /** There is a {@code .git} git cannot open (a {@code .git} file pointing to a missing folder, ...). */
        BROKEN_REPOSITORY,
        /** An end of the {@code since} range names no commit. */
        UNKNOWN_REVISION
    }

    private final Reason reason;

    HistoryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
