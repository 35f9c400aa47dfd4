package io.github.npmrcguard.files;

/**
 * A candidate file that could not be read (unreadable, vanished, not a regular file, a link out of the
 * root). The message names the problem, never any of the file's content.
 *
 * @param path    relative to the scan root, with {@code /} separators
 * @param message what went wrong, for a log line, e.g. "permission denied"
 * @param blocking true when the file may hold committed content the scan could not check (fail closed),
 *                false when skipping it is harmless (a symlink out of the root, say)
 */
public record FileProblem(String path, String message, boolean blocking) {}
