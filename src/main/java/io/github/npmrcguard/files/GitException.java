package io.github.npmrcguard.files;

import java.io.IOException;

/**
 * git failed in a way the scan cannot work around: it could not answer, so the scan cannot know what is
 * committed. The message names the command, its exit code and the first line git wrote to stderr (with
 * any {@code user:password@} in a URL masked), never file content. Not thrown for the cases where the
 * scan falls back to walking the folder (no git binary, not a work tree, a repository git refuses).
 */
public final class GitException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final int exitCode;

    GitException(String command, int exitCode, String detail) {
        super(message(command, exitCode, detail));
        this.command = command;
        this.exitCode = exitCode;
    }

    private static String message(String command, int exitCode, String detail) {
        String what = exitCode < 0 ? "`" + command + "` failed" : "`" + command + "` failed with exit code " + exitCode;
        return detail == null || detail.isEmpty() ? what : what + ": " + detail;
    }

    /** The git command line, without the path of the executable, e.g. {@code git -C /repo ls-files -z ...}. */
    public String command() {
        return command;
    }

    /** git's exit code, or -1 when it did not exit by itself (timed out, or its output could not be read). */
    public int exitCode() {
        return exitCode;
    }
}
